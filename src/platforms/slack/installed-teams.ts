import type { ChatPort } from '../../core/context.ts';
import type { Logger } from '../../core/logger.ts';
import { InstallationNotFound, type SealedInstallationStore } from './installations.ts';
import { UnknownWorkspaceError, type SlackTeam } from './runtime.ts';

/** How long a workspace's client is kept per process; a miss only costs one read and one unseal. */
const TTL_MS = 5 * 60_000;
const MAX_TEAMS = 1_000;

/**
 * The workspaces that installed cruxbot, each with a Web API client on its own bot token, opened from
 * the database on first use and kept a few minutes per process (an uninstall seen here forgets at once;
 * one seen by another instance is refused by Slack until this copy expires).
 */
export class InstalledTeams {
  private readonly cache = new Map<string, { readonly team: SlackTeam; readonly at: number }>();

  constructor(
    private readonly installs: SealedInstallationStore,
    private readonly build: (botToken: string, workspaceUrl: string | undefined) => SlackTeam,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async team(teamId: string | undefined): Promise<SlackTeam> {
    if (!teamId) throw new UnknownWorkspaceError();
    const kept = this.cache.get(teamId);
    if (kept && this.now() - kept.at < TTL_MS) return kept.team;
    const installation = await this.installs.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
    const token = installation.bot?.token;
    if (!token) throw new InstallationNotFound(`the Slack install for team ${teamId} has no bot token`);
    const team = this.build(token, undefined);
    this.cache.delete(teamId);
    this.cache.set(teamId, { team, at: this.now() });
    // The oldest goes first: a Map keeps insertion order.
    if (this.cache.size > MAX_TEAMS) this.cache.delete(this.cache.keys().next().value!);
    return team;
  }

  forget(teamId: string): void {
    this.cache.delete(teamId);
  }

  /**
   * The platform's port for work outside a request (a poll closing on its own): each edit goes to the
   * workspace it belongs to, with that workspace's token.
   */
  chatPort(): ChatPort {
    const teamOf = (workspace: string | undefined) => this.team(workspace?.replace(/^slack:/, ''));
    return {
      platform: 'slack',
      post: async () => {
        throw new Error('a Slack post outside a request needs its workspace; post from the request instead');
      },
      update: async (ref, reply, workspace) => {
        if (!workspace) {
          this.log.warn({ channel: ref.channel }, 'slack: an edit without its workspace cannot pick a token; skipped');
          throw new Error('a Slack edit outside a request needs its workspace');
        }
        await (await teamOf(workspace)).chat.update(ref, reply);
      },
      findGroup: async (workspace, id) => (await teamOf(workspace)).chat.findGroup!(workspace, id),
      groupMembers: async (workspace, id) => (await teamOf(workspace)).chat.groupMembers!(workspace, id),
      sendDirect: async (workspace, userId, reply) => (await teamOf(workspace)).chat.sendDirect!(workspace, userId, reply),
    };
  }
}

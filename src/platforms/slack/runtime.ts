import type { ChatPort } from '../../core/context.ts';
import { newCorrelationId, withCorrelationId } from '../../core/correlation.ts';
import type { RequestContext } from '../../core/dispatch.ts';
import type { InFlight } from '../../core/inflight.ts';
import type { Logger } from '../../core/logger.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { Services } from '../../services.ts';
import type { ReplyTarget, SlackDelivery, WebClient } from './delivery.ts';
import type { SlackHistory } from './history.ts';
import { slackErrorCode } from './slack-errors.ts';
import { isSlackModerator } from './moderators.ts';
import type { UserDirectory } from './user-directory.ts';
import type { UserGroups } from './user-groups.ts';

/** What talks to one Slack workspace: its Web API client (with its bot token) and what is built on it. */
export interface SlackTeam {
  readonly client: WebClient;
  readonly delivery: SlackDelivery;
  readonly users: UserDirectory;
  readonly groups: UserGroups;
  readonly history: SlackHistory;
  readonly chat: ChatPort;
  /** The workspace's address from auth.test (`https://team.slack.com/`), for permalinks. */
  readonly workspaceUrl?: string;
}

/** What every Slack listener needs, built once when the app starts. */
export interface SlackRuntime {
  readonly services: Services;
  /** This app's own work in flight (its stop waits for it); `services.inflight` counts the process's. */
  readonly inflight: InFlight;
  readonly registry: CommandRegistry;
  /**
   * The workspace a request came from: with one bot token (SLACK_BOT_TOKEN) always the same; with
   * "Add to Slack" (SLACK_CLIENT_ID) the team's own install, its token opened from the database.
   */
  team(teamId: string | undefined): Promise<SlackTeam>;
  /** How long a request waits for Slack to say whether its person moderates (users.info, user groups). */
  readonly moderatorCheckMs: number;
  readonly log: Logger;
  /** How long a form submission may work before Slack must be answered (it allows 3 s). */
  readonly viewAckBudgetMs: number;
}

/** Who is asking, from where, as a Slack payload says. */
export interface Requester {
  readonly teamId: string | undefined;
  readonly userId: string;
  readonly userName?: string | undefined;
  readonly channelId?: string | undefined;
  readonly channelName?: string | undefined;
}

/**
 * The workspace a payload belongs to. Enterprise Grid payloads carry both the enterprise and the team;
 * cruxbot keys its data by the team (the workspace people see), so each workspace of an organisation
 * has its own debates.
 */
export function teamIdOf(body: unknown): string | undefined {
  const b = body as {
    team_id?: unknown;
    team?: { id?: unknown } | null;
    user?: { team_id?: unknown } | null;
    view?: { team_id?: unknown } | null;
  };
  for (const candidate of [b.team_id, b.team?.id, b.user?.team_id, b.view?.team_id]) {
    if (typeof candidate === 'string' && candidate) return candidate;
  }
  return undefined;
}

/** Slack payloads always name the team; one that does not cannot be scoped, so it is refused. */
export class UnknownWorkspaceError extends Error {
  override readonly name = 'UnknownWorkspaceError';
  constructor() {
    super('the Slack payload names no team');
  }
}

/** The request as dispatch sees it, with whether its person is a moderator (cached look-ups, bounded in time). */
export async function requestFor(runtime: SlackRuntime, team: SlackTeam, who: Requester, correlationId: string): Promise<RequestContext> {
  if (!who.teamId) throw new UnknownWorkspaceError();
  const isModerator = await isSlackModerator(
    { store: runtime.services.store, users: team.users, groups: team.groups, budgetMs: runtime.moderatorCheckMs },
    who.teamId,
    who.userId,
  );
  const timeZone = team.users.knownTimeZone(who.userId);
  return {
    actor: { id: who.userId, name: who.userName || who.userId, isModerator, ...(timeZone ? { timeZone } : {}) },
    workspace: `slack:${who.teamId}`,
    channel: { id: who.channelId ?? `dm:${who.userId}`, ...(who.channelName ? { name: who.channelName } : {}) },
    platform: 'slack',
    services: runtime.services,
    commands: runtime.registry,
    correlationId,
    chat: team.chat,
  };
}

/**
 * Runs one request's work after Slack has been acknowledged: under its own correlation id (every log
 * line of its work carries it), counted in flight (so a shutdown waits for it), and a failure to answer
 * (Slack refused a message) is logged with the id the person is told.
 */
export function answer(
  runtime: SlackRuntime,
  what: string,
  teamId: string | undefined,
  target: ReplyTarget | undefined,
  work: (correlationId: string, team: SlackTeam) => Promise<void>,
): Promise<void> {
  const correlationId = newCorrelationId();
  return withCorrelationId(correlationId, () => answered(runtime, what, teamId, target, correlationId, work));
}

async function answered(
  runtime: SlackRuntime,
  what: string,
  teamId: string | undefined,
  target: ReplyTarget | undefined,
  correlationId: string,
  work: (correlationId: string, team: SlackTeam) => Promise<void>,
): Promise<void> {
  runtime.log.debug({ cid: correlationId, what, user: target?.userId, channel: target?.channel }, 'slack: request');
  const doneGlobal = runtime.services.inflight.begin();
  const doneLocal = runtime.inflight.begin();
  let team: SlackTeam | undefined;
  try {
    team = await runtime.team(teamId);
    await work(correlationId, team);
  } catch (error) {
    const code = slackErrorCode(error);
    runtime.log.error({ err: error, cid: correlationId, what, code, team: teamId }, 'slack: could not answer');
    if (target && team) {
      await team.delivery.apologize(
        target,
        `Something went wrong while answering${code ? ` (Slack said ${code})` : ''}. It has been logged; tell an admin the id ${correlationId}.`,
      );
    }
  } finally {
    doneLocal();
    doneGlobal();
  }
}

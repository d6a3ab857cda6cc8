import type { MemberGroup } from '../../core/context.ts';
import { UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { md } from '../../core/markup.ts';
import type { WebClient } from './delivery.ts';
import { slackErrorCode } from './slack-errors.ts';

/** Who is in a group is read again after this; a member removed loses moderation within minutes. */
const MEMBERS_TTL_MS = 5 * 60_000;
/** A failed read is not retried for this long, so a missing scope does not cost a call per request. */
const FAILED_TTL_MS = 30_000;
const MAX_GROUPS = 1_000;

interface Members {
  readonly users: ReadonlySet<string>;
  readonly expires: number;
}

/**
 * Slack user groups (scope `usergroups:read`): who is in the group /config made the moderators
 * (`usergroups.users.list`, cached for a few minutes per group), and a group's handle by id
 * (`usergroups.list`), so /config can check the group exists and show it by name.
 */
export class UserGroups {
  private readonly members = new Map<string, Members>();
  private readonly lookups = new Map<string, Promise<Members>>();

  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether `userId` is in the group; false when Slack cannot say (a missing scope grants nothing). */
  async has(teamId: string, groupId: string, userId: string): Promise<boolean> {
    const key = `${teamId}:${groupId}`;
    const cached = this.members.get(key);
    const members = cached && cached.expires > this.clock() ? cached : await this.lookUp(key, teamId, groupId);
    return members.users.has(userId);
  }

  /** The group's members' user ids (the same cache as `has`); none when Slack cannot say. */
  async list(teamId: string, groupId: string): Promise<string[]> {
    const key = `${teamId}:${groupId}`;
    const cached = this.members.get(key);
    const members = cached && cached.expires > this.clock() ? cached : await this.lookUp(key, teamId, groupId);
    return [...members.users];
  }

  /** The group with this id in the workspace, with its handle; null when there is none. */
  async find(teamId: string, groupId: string): Promise<MemberGroup | null> {
    let groups;
    try {
      ({ usergroups: groups } = await this.client.usergroups.list({ team_id: teamId }));
    } catch (error) {
      if (slackErrorCode(error) === 'missing_scope') throw missingScope();
      throw error;
    }
    const group = groups?.find((g) => g.id === groupId);
    return group ? { id: groupId, ...(group.handle ? { name: group.handle } : {}) } : null;
  }

  /** One call per group at a time: a burst of requests shares it. */
  private lookUp(key: string, teamId: string, groupId: string): Promise<Members> {
    let pending = this.lookups.get(key);
    if (!pending) {
      pending = this.fetchMembers(key, teamId, groupId).finally(() => this.lookups.delete(key));
      this.lookups.set(key, pending);
    }
    return pending;
  }

  private async fetchMembers(key: string, teamId: string, groupId: string): Promise<Members> {
    let members: Members;
    try {
      const { users } = await this.client.usergroups.users.list({ usergroup: groupId, team_id: teamId });
      members = { users: new Set(users ?? []), expires: this.clock() + MEMBERS_TTL_MS };
    } catch (error) {
      const code = slackErrorCode(error);
      const advice = code === 'missing_scope' ? ': the app needs the usergroups:read scope (docs/slack.md, the scopes), then a reinstall' : '';
      this.log.warn(
        { group: groupId, code },
        `slack: cannot read the moderators' user group${advice}; its members are not moderators for now`,
      );
      members = { users: new Set(), expires: this.clock() + FAILED_TTL_MS };
    }
    this.members.delete(key);
    if (this.members.size >= MAX_GROUPS) this.members.delete(this.members.keys().next().value!);
    this.members.set(key, members);
    return members;
  }
}

function missingScope(): UserError {
  return new UserError(
    md`I may not read user groups: the Slack app needs the \`usergroups:read\` scope. Ask an admin to add it (docs/slack.md, the scopes) and reinstall the app.`,
    'slack.missing-scope',
  );
}

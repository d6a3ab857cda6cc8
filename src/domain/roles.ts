import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';

/**
 * Who, beyond what the platform already says (Discord's Manage Messages, Slack's admins, the console's
 * operator), counts as a moderator in a workspace: a Discord role, a Slack user group, or console names.
 */
export type Moderators =
  | { readonly kind: 'discord-role'; readonly id: string; readonly name?: string }
  | { readonly kind: 'slack-group'; readonly id: string; readonly name?: string }
  | { readonly kind: 'names'; readonly names: readonly string[] };

/** What a workspace's moderators are named by: decided by its platform, so one workspace never mixes them. */
export type ModeratorKind = Moderators['kind'];

export const MODERATOR_NAMES_MAX = 20;

export function moderatorKindOf(workspace: string): ModeratorKind {
  if (workspace.startsWith('discord:')) return 'discord-role';
  if (workspace.startsWith('slack:')) return 'slack-group';
  return 'names';
}

const DISCORD_ROLE = /^<@&(\d{17,20})>$/;
const SNOWFLAKE = /^\d{17,20}$/;
const SLACK_GROUP = /^<!subteam\^([A-Z0-9]{2,20})(?:\|@?([^<>|]{1,80}))?>$/;
const SLACK_GROUP_ID = /^S[A-Z0-9]{2,20}$/;
const PERSON_MENTION = /^<@!?[A-Za-z0-9]+(?:\|[^>]*)?>$/;
const NAME = /^[\p{L}\p{N}._-]{1,64}$/u;
const EVERYONE = /^(?:@|<!)?(?:everyone|here|channel)>?$/i;

/**
 * What `/config moderators:` was given, as the workspace's platform writes it: a Discord role mention
 * `<@&id>` or id, a Slack user-group mention `<!subteam^S…|@name>` or id, or console names separated by
 * commas or spaces. `none` clears the setting (`null`). A UserError says what was wrong and what to give.
 */
export function parseModerators(workspace: string, input: string): Moderators | null {
  const value = input.trim();
  if (value.toLowerCase() === 'none') return null;
  if (EVERYONE.test(value)) {
    throw new UserError(
      md`"${value}" would make everyone a moderator. Give a role or group that only the moderators hold.`,
      'config.everyone',
    );
  }
  const kind = moderatorKindOf(workspace);
  if (kind !== 'names' && PERSON_MENTION.test(value)) {
    throw new UserError(
      md`"${value}" is a person. Give a ${kind === 'discord-role' ? 'role' : 'user group'}: everyone in it counts as a moderator.`,
      'config.person',
    );
  }
  if (kind === 'discord-role') return discordRole(workspace, value);
  if (kind === 'slack-group') return slackGroup(value);
  return consoleNames(value);
}

function discordRole(workspace: string, value: string): Moderators {
  const id = DISCORD_ROLE.exec(value)?.[1] ?? (SNOWFLAKE.test(value) ? value : undefined);
  if (!id) {
    throw new UserError(
      md`"${value}" is not a role. Type @ and pick the role, or paste its id (Server Settings → Roles → ⋯ → Copy Role ID); \`none\` clears it.`,
      'config.bad-role',
    );
  }
  // A server's @everyone role has the server's own id.
  if (`discord:${id}` === workspace) {
    throw new UserError(
      md`That is @everyone: it would make every member a moderator. Give a role only moderators hold.`,
      'config.everyone',
    );
  }
  return { kind: 'discord-role', id };
}

function slackGroup(value: string): Moderators {
  const mention = SLACK_GROUP.exec(value);
  if (mention) return { kind: 'slack-group', id: mention[1]!, ...(mention[2] ? { name: mention[2].trim() } : {}) };
  if (SLACK_GROUP_ID.test(value)) return { kind: 'slack-group', id: value };
  throw new UserError(
    md`"${value}" is not a user group. Type @ and pick the group (e.g. @research-leads), or give its id (S…); \`none\` clears it.`,
    'config.bad-group',
  );
}

function consoleNames(value: string): Moderators {
  const names = [
    ...new Set(
      value
        .split(/[\s,]+/)
        .map((n) => n.replace(/^@/, ''))
        .filter(Boolean),
    ),
  ];
  const bad = names.find((n) => !NAME.test(n));
  if (names.length === 0 || bad !== undefined) {
    throw new UserError(
      md`"${bad ?? value}" is not a name: give names of letters, digits, dots, dashes or underscores, separated by commas.`,
      'config.bad-name',
    );
  }
  if (names.length > MODERATOR_NAMES_MAX) {
    throw new UserError(`At most ${MODERATOR_NAMES_MAX} names can be moderators (got ${names.length}).`, 'config.too-many-names');
  }
  return { kind: 'names', names };
}

/** True when the console user `name` is one of the configured moderator names. */
export function isNamedModerator(moderators: Moderators | undefined, name: string): boolean {
  return moderators?.kind === 'names' && moderators.names.includes(name);
}

/** The configured role's or group's id, when the workspace has one. */
export function moderatorGroupId(moderators: Moderators | undefined): string | undefined {
  return moderators && moderators.kind !== 'names' ? moderators.id : undefined;
}

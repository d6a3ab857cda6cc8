import { joinMarkup, md, type Markup } from '../core/markup.ts';
import { moderatorKindOf, type Moderators } from '../domain/roles.ts';

/** What the platform itself makes a moderator, before any /config setting. */
function platformModerators(workspace: string): Markup {
  switch (moderatorKindOf(workspace)) {
    case 'discord-role':
      return md`members with the **Manage Messages** or **Administrator** permission`;
    case 'slack-group':
      return md`workspace **admins** and **owners**`;
    case 'names':
      return md`**the operator** (the computer account running the console)`;
  }
}

/** The configured role, group or names, as a phrase: `the role **@Moderators**`. */
export function configuredModerators(moderators: Moderators): Markup {
  switch (moderators.kind) {
    case 'discord-role':
      return moderators.name ? md`the role **@${moderators.name}**` : md`the role with id \`${moderators.id}\``;
    case 'slack-group':
      return moderators.name ? md`the user group **@${moderators.name}**` : md`the user group \`${moderators.id}\``;
    case 'names':
      return joinMarkup(
        moderators.names.map((n) => md`**${n}**`),
        ', ',
      );
  }
}

/** Who counts as a moderator in the workspace, in one sentence's worth of words. */
export function describeModerators(workspace: string, moderators: Moderators | undefined): Markup {
  if (!moderators) return platformModerators(workspace);
  const members =
    moderators.kind === 'names'
      ? configuredModerators(moderators)
      : md`members ${moderators.kind === 'discord-role' ? 'with' : 'of'} ${configuredModerators(moderators)}`;
  return md`${platformModerators(workspace)}, and ${members}`;
}

/** How to set the moderators on this workspace's platform, as a command line. */
export function setModeratorsExample(workspace: string): string {
  switch (moderatorKindOf(workspace)) {
    case 'discord-role':
      return '/config set moderators:@Moderators';
    case 'slack-group':
      return '/config moderators:@research-leads';
    case 'names':
      return '/config moderators:ada,grace';
  }
}

/** The refusal a non-moderator gets: who may, and to ask one of them. */
export function moderatorsOnly(workspace: string, moderators: Moderators | undefined, what: string): Markup {
  return md`Only moderators can ${what} here: ${describeModerators(workspace, moderators)}. Ask one of them.`;
}

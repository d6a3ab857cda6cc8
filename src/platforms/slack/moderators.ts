import { moderatorGroupId } from '../../domain/roles.ts';
import type { Store } from '../../storage/ports.ts';
import type { UserDirectory } from './user-directory.ts';
import type { UserGroups } from './user-groups.ts';

export interface ModeratorSources {
  readonly store: Store;
  readonly users: UserDirectory;
  readonly groups: UserGroups;
  /** The longest a request waits for Slack's answer before going on without moderator rights. */
  readonly budgetMs: number;
}

/**
 * Slack moderators: workspace admins and owners (users.info), and members of the user group chosen
 * with /config (usergroups.users.list). Both are cached; when Slack is slow to say, the request goes
 * on as a member without moderator rights rather than wait.
 */
export async function isSlackModerator(sources: ModeratorSources, teamId: string, userId: string): Promise<boolean> {
  const groupId = moderatorGroupId(await sources.store.settings.moderators(`slack:${teamId}`));
  const checks = [sources.users.isAdmin(userId), ...(groupId ? [sources.groups.has(teamId, groupId, userId)] : [])];
  return firstTrue(checks, sources.budgetMs);
}

/** True as soon as one check says so; false when all say no, or when time runs out first. */
function firstTrue(checks: readonly Promise<boolean>[], budgetMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let left = checks.length;
    const timer = setTimeout(() => resolve(false), budgetMs);
    const settle = (yes: boolean) => {
      left--;
      if (!yes && left > 0) return;
      clearTimeout(timer);
      resolve(yes);
    };
    // The checks answer false themselves when Slack fails; a rejection would be a bug, and grants nothing.
    for (const check of checks) check.then(settle, () => settle(false));
  });
}

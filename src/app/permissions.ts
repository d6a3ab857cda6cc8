import type { BaseContext, PermissionCheck, Requirement } from '../core/context.ts';
import { PermissionError } from '../core/errors.ts';
import { moderatorsOnly } from '../views/moderators.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Throws a PermissionError naming who may, unless the actor is a moderator. */
export async function requireModerator(ctx: Ctx, what: string): Promise<void> {
  if (ctx.actor.isModerator) return;
  const moderators = await ctx.services.store.settings.moderators(ctx.workspace);
  throw new PermissionError(moderatorsOnly(ctx.workspace, moderators, what), 'permission.moderators-only');
}

/** What dispatch asks before running a leaf that declares `requires`. */
export const moderatorCheck: PermissionCheck = {
  async require(ctx: BaseContext, requirement: Requirement): Promise<void> {
    await requireModerator(ctx, requirement.to);
  },
};

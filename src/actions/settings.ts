import type { BaseContext } from '../core/context.ts';
import type { Moderators } from '../domain/roles.ts';
import { nowIso } from '../views/lookup.ts';
import { requireModerator } from '../views/moderators.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

const same = (a: Moderators | undefined, b: Moderators | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Sets who else counts as a moderator (`null` clears it), with its audit row; moderators only.
 * Setting what is already set changes nothing and writes nothing.
 */
export function setModerators(ctx: Ctx, moderators: Moderators | null): { before?: Moderators; changed: boolean } {
  requireModerator(ctx, 'change cruxbot’s settings');
  const { store } = ctx.services;
  const before = store.settings.moderators(ctx.workspace);
  const after = moderators ?? undefined;
  if (same(before, after)) return { ...(before ? { before } : {}), changed: false };
  const at = nowIso(ctx);
  store.transaction(() => {
    if (after) store.settings.put(ctx.workspace, 'moderators', after, ctx.actor, at);
    else store.settings.remove(ctx.workspace, 'moderators');
    store.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'config.moderators',
      entity: 'config',
      before: before ?? null,
      after: after ?? null,
      at,
    });
  });
  return { ...(before ? { before } : {}), changed: true };
}

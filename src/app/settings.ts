import type { BaseContext } from '../core/context.ts';
import type { Moderators } from '../domain/roles.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

const same = (a: Moderators | undefined, b: Moderators | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Sets who else counts as a moderator (`null` clears it), with its audit row. Moderators only: the
 * command declares it (`requires` on `/config set`) and dispatch checks it before this runs.
 * Setting what is already set changes nothing and writes nothing.
 */
export async function setModerators(ctx: Ctx, moderators: Moderators | null): Promise<{ before?: Moderators; changed: boolean }> {
  const { store } = ctx.services;
  const before = await store.settings.moderators(ctx.workspace);
  const after = moderators ?? undefined;
  if (same(before, after)) return { ...(before ? { before } : {}), changed: false };
  const at = nowIso(ctx);
  await store.transaction(async (tx) => {
    if (after) await tx.settings.put(ctx.workspace, 'moderators', after, ctx.actor, at);
    else await tx.settings.remove(ctx.workspace, 'moderators');
    await tx.audit.record({
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

import type { BaseContext } from '../core/context.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import type { Debate } from '../domain/debates.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'channel' | 'actor'>;

/** Starts a debate and makes it the channel's current one, with its audit row, in one transaction. */
export async function startDebate(ctx: Ctx, slug: string, title: string): Promise<Debate> {
  const at = nowIso(ctx);
  return await ctx.services.store.transaction(async (tx) => {
    const created = await tx.debates.create({
      workspace: ctx.workspace,
      slug,
      title,
      createdBy: ctx.actor.id,
      createdByName: ctx.actor.name,
      at,
    });
    await tx.debates.setCurrent(ctx.workspace, ctx.channel.id, created.id, at);
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'debate.new',
      entity: `debate:${slug}`,
      after: { title },
      at,
    });
    return created;
  });
}

/** Makes `debate` the channel's current one. */
export async function useDebate(ctx: Ctx, debate: Debate): Promise<void> {
  await ctx.services.store.debates.setCurrent(ctx.workspace, ctx.channel.id, debate.id, nowIso(ctx));
}

/** Makes `claim` the root of `debate`, with its audit row. The caller has checked who may. */
export async function setDebateRoot(ctx: Ctx, debate: Debate, claim: Claim): Promise<void> {
  const at = nowIso(ctx);
  await ctx.services.store.transaction(async (tx) => {
    await tx.debates.setRoot(ctx.workspace, debate.id, claim.id);
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'debate.root',
      entity: `debate:${debate.slug}`,
      before: { root: debate.rootClaimId },
      after: { root: claimRef(claim) },
      at,
    });
  });
}

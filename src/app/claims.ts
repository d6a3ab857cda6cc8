import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { cleanText } from '../core/values.ts';
import { assertCanModifyClaim, assertOpen, claimRef, CLAIM_TEXT_MAX, type Claim, type ClaimSource } from '../domain/claims.ts';
import type { Debate } from '../domain/debates.ts';
import type { LinkKind } from '../domain/links.ts';
import { nowIso } from './lookup.ts';
import { addLink } from './links.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Checks text that did not come through an option schema (modals, captured messages). */
export function checkClaimText(raw: string | undefined): string {
  const text = cleanText(raw ?? '');
  if (!text) throw new UserError('The claim text is empty: write the claim in a sentence or two.', 'claim.empty');
  if (text.length > CLAIM_TEXT_MAX) {
    throw new UserError(
      `The claim text is ${text.length.toLocaleString('en-US')} characters; the limit is ${CLAIM_TEXT_MAX.toLocaleString('en-US')}. Split it into smaller claims.`,
      'claim.too-long',
    );
  }
  return text;
}

/**
 * Adds a claim to a debate, optionally linked to another claim, in one transaction with its audit rows.
 * The first claim of a debate becomes its root.
 */
export async function addClaim(
  ctx: Ctx,
  input: { debate: Debate; text: string; tags: readonly string[]; source?: ClaimSource; linkTo?: { claim: Claim; kind: LinkKind } },
): Promise<Claim> {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    const claim = await tx.claims.insert({
      workspace: ctx.workspace,
      debateId: input.debate.id,
      text: input.text,
      authorId: ctx.actor.id,
      authorName: ctx.actor.name,
      ...(input.source ? { source: input.source } : {}),
      tags: input.tags,
      at,
    });
    const fresh = await tx.debates.byId(ctx.workspace, input.debate.id);
    if (fresh && fresh.rootClaimId === null) await tx.debates.setRoot(ctx.workspace, input.debate.id, claim.id);
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'claim.add',
      entity: claimRef(claim),
      after: { text: claim.text, tags: claim.tags, debate: input.debate.slug, source: claim.source },
      at,
    });
    if (input.linkTo) await addLink(ctx, claim, input.linkTo.claim, input.linkTo.kind);
    return claim;
  });
}

export async function editClaim(ctx: Ctx, claim: Claim, change: { text?: string; tags?: readonly string[] }): Promise<Claim> {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    claim = (await tx.claims.byId(ctx.workspace, claim.id)) ?? claim;
    assertCanModifyClaim(ctx.actor, claim, 'edit');
    assertOpen(claim, 'edited');
    if (change.text !== undefined) await tx.claims.setText(ctx.workspace, claim.id, change.text, at, ctx.actor.id);
    if (change.tags !== undefined) await tx.claims.setTags(claim.id, change.tags);
    const after = (await tx.claims.byId(ctx.workspace, claim.id))!;
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'claim.edit',
      entity: claimRef(claim),
      before: { text: claim.text, tags: claim.tags },
      after: { text: after.text, tags: after.tags },
      at,
    });
    return after;
  });
}

export async function retractClaim(ctx: Ctx, claim: Claim, reason?: string): Promise<Claim> {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    claim = (await tx.claims.byId(ctx.workspace, claim.id)) ?? claim;
    assertCanModifyClaim(ctx.actor, claim, 'retract');
    if (claim.status === 'retracted') throw new UserError(md`${claimRef(claim)} is already retracted.`, 'claim.already-retracted');
    await tx.claims.setStatus(ctx.workspace, claim.id, 'retracted', at);
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'claim.retract',
      entity: claimRef(claim),
      before: { status: claim.status },
      after: { status: 'retracted', ...(reason ? { reason } : {}) },
      at,
    });
    return (await tx.claims.byId(ctx.workspace, claim.id))!;
  });
}

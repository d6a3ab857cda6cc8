import type { BaseContext } from '../core/context.ts';
import { PermissionError, UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { planLinkMerge, type DropReason, type MergeResult } from '../domain/merge.ts';
import type { Poll } from '../domain/polls.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** A moderator, or the author of both claims, may merge one into the other. */
export function canMergeClaims(actor: Ctx['actor'], source: Claim, target: Claim): boolean {
  return actor.isModerator === true || (actor.id === source.authorId && actor.id === target.authorId);
}

function checkMerge(ctx: Ctx, source: Claim, target: Claim): void {
  if (source.id === target.id) throw new UserError(md`A claim cannot be merged into itself (${claimRef(source)}).`, 'claim.merge-self');
  if (!canMergeClaims(ctx.actor, source, target)) {
    throw new PermissionError(
      md`Only a moderator, or whoever wrote both claims, can merge ${claimRef(source)} (by ${source.authorName}) into ${claimRef(target)} (by ${target.authorName}). Link them instead: \`/link ${claimRef(source)} ${claimRef(target)} duplicates\`.`,
      'claim.merge-not-author',
    );
  }
  if (target.status === 'retracted') {
    throw new UserError(md`${claimRef(target)} is retracted; merge into a claim that still stands.`, 'claim.merge-into-retracted');
  }
  if (source.status === 'retracted') throw new UserError(md`${claimRef(source)} is already retracted.`, 'claim.already-retracted');
  if (source.status !== 'open') {
    throw new UserError(
      md`${claimRef(source)} is resolved, and its credences are scored as they stand. Undo that first (\`/claim resolve ${claimRef(source)} undo\`), or link it: \`/link ${claimRef(source)} ${claimRef(target)} duplicates\`.`,
      'claim.merge-resolved',
    );
  }
  if (source.debateId !== target.debateId) {
    throw new UserError(
      md`${claimRef(source)} and ${claimRef(target)} are in different debates; merge claims of one debate. Across debates, link them: \`/link ${claimRef(source)} ${claimRef(target)} duplicates\`.`,
      'claim.merge-across-debates',
    );
  }
}

/**
 * Merges `source` into `target` in one transaction, with its audit rows: the source's links move onto
 * the target (none becomes a self-link or a repeat), the source is linked to the target as a duplicate
 * and retracted, and its open poll is closed. Credences stay where they were given: on the source.
 */
export async function mergeClaims(ctx: Ctx, source: Claim, target: Claim): Promise<MergeResult> {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  const { workspace } = ctx;
  return await store.transaction(async (tx) => {
    // Checked on the rows as they are now, inside the transaction that changes them.
    source = (await tx.claims.byId(workspace, source.id)) ?? source;
    target = (await tx.claims.byId(workspace, target.id)) ?? target;
    checkMerge(ctx, source, target);
    const linksOf = async (claim: Claim) => [
      ...(await tx.links.outgoing(workspace, claim.id)),
      ...(await tx.links.incoming(workspace, claim.id)),
    ];
    // An existing "source duplicates target" link stays as it is (its author and time): it is the link the merge adds.
    const isTheDuplicateLink = (l: { fromClaimId: number; toClaimId: number; kind: string }) =>
      l.fromClaimId === source.id && l.toClaimId === target.id && l.kind === 'duplicates';
    const sourceLinks = (await linksOf(source)).filter((l) => !isTheDuplicateLink(l));
    const plan = planLinkMerge(source.id, target.id, sourceLinks, await linksOf(target), await tx.links.refines(workspace));
    for (const drop of plan.drops) await tx.links.remove(workspace, drop.id);
    for (const move of plan.moves) await tx.links.repoint(workspace, move.id, move.fromClaimId, move.toClaimId);
    await tx.links.add({ workspace, fromClaimId: source.id, toClaimId: target.id, kind: 'duplicates', authorId: ctx.actor.id, at });
    await tx.claims.setStatus(workspace, source.id, 'retracted', at);

    const debate = await tx.debates.byId(workspace, source.debateId);
    const rootMoved = debate?.rootClaimId === source.id;
    if (rootMoved) await tx.debates.setRoot(workspace, source.debateId, target.id);

    const dropped: Record<DropReason, number> = { self: 0, duplicate: 0, 'refines-loop': 0 };
    for (const drop of plan.drops) dropped[drop.reason]++;
    await tx.audit.record({
      workspace,
      actorId: ctx.actor.id,
      action: 'claim.merge',
      entity: `${claimRef(source)}->${claimRef(target)}`,
      before: { status: source.status, links: plan.moves.length + plan.drops.length, ...(rootMoved ? { root: claimRef(source) } : {}) },
      after: {
        status: 'retracted',
        reason: `merged into ${claimRef(target)}`,
        moved: plan.moves.length,
        dropped,
        ...(rootMoved ? { root: claimRef(target) } : {}),
      },
      at,
    });

    const poll = await tx.polls.openForClaim(workspace, source.id);
    let closedPoll: Poll | undefined;
    if (poll && (await tx.polls.close(workspace, poll.id, at, ctx.actor.id))) {
      await tx.audit.record({
        workspace,
        actorId: ctx.actor.id,
        action: 'poll.close',
        entity: claimRef(source),
        after: { poll: poll.id, reason: `merged into ${claimRef(target)}` },
        at,
      });
      closedPoll = await tx.polls.byId(workspace, poll.id);
    }
    return {
      source: (await tx.claims.byId(workspace, source.id))!,
      target: (await tx.claims.byId(workspace, target.id))!,
      moved: plan.moves.length,
      dropped,
      rootMoved,
      ...(closedPoll ? { closedPoll } : {}),
    };
  });
}

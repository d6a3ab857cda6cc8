import { wouldCreateRefinesCycle, type Link } from './links.ts';
import type { Claim } from './claims.ts';
import type { Poll } from './polls.ts';

type LinkEnds = Pick<Link, 'id' | 'fromClaimId' | 'toClaimId' | 'kind'>;

/** Why a link of the merged claim is not carried over to the claim it is merged into. */
export type DropReason =
  /** It joined the two claims: moved, it would link the target to itself. */
  | 'self'
  /** The target already has the same link (or another moved link became it). */
  | 'duplicate'
  /** A `refines` link that, moved, would close a loop of refinements. */
  | 'refines-loop';

export interface LinkMergePlan {
  /** Links that keep their kind, author and time, with `source` replaced by `target` at either end. */
  readonly moves: readonly { readonly id: number; readonly fromClaimId: number; readonly toClaimId: number }[];
  readonly drops: readonly { readonly id: number; readonly reason: DropReason }[];
}

/**
 * Where each link of `source` goes when it is merged into `target`: onto `target`, unless that would
 * make a self-link, repeat a link `target` has, or close a loop of `refines` links (those are dropped).
 * `sourceLinks` are the links from or to `source`, `targetLinks` those from or to `target`, and
 * `refines` every `refines` link of the workspace.
 */
export function planLinkMerge(
  source: number,
  target: number,
  sourceLinks: readonly LinkEnds[],
  targetLinks: readonly LinkEnds[],
  refines: readonly LinkEnds[],
): LinkMergePlan {
  const key = (from: number, to: number, kind: string) => `${from}>${to}>${kind}`;
  const taken = new Set(targetLinks.map((l) => key(l.fromClaimId, l.toClaimId, l.kind)));
  const movingIds = new Set(sourceLinks.map((l) => l.id));
  // The refinements as they will stand: the source's own are added back one by one as they move.
  const refinesAfter = refines.filter((l) => !movingIds.has(l.id)).map((l) => ({ ...l }));
  const moves: { id: number; fromClaimId: number; toClaimId: number }[] = [];
  const drops: { id: number; reason: DropReason }[] = [];
  const swap = (claim: number) => (claim === source ? target : claim);

  for (const link of [...sourceLinks].sort((a, b) => a.id - b.id)) {
    const from = swap(link.fromClaimId);
    const to = swap(link.toClaimId);
    if (from === to) {
      drops.push({ id: link.id, reason: 'self' });
    } else if (taken.has(key(from, to, link.kind))) {
      drops.push({ id: link.id, reason: 'duplicate' });
    } else if (link.kind === 'refines' && wouldCreateRefinesCycle(refinesAfter, from, to)) {
      drops.push({ id: link.id, reason: 'refines-loop' });
    } else {
      moves.push({ id: link.id, fromClaimId: from, toClaimId: to });
      taken.add(key(from, to, link.kind));
      if (link.kind === 'refines') refinesAfter.push({ id: link.id, fromClaimId: from, toClaimId: to, kind: 'refines' });
    }
  }
  return { moves, drops };
}

export interface MergeResult {
  /** The merged claim, now retracted and linked to the target as a duplicate. */
  readonly source: Claim;
  readonly target: Claim;
  readonly moved: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  /** The source was its debate's root; the target is now. */
  readonly rootMoved: boolean;
  /** The source's open poll, closed by the merge. */
  readonly closedPoll?: Poll;
}

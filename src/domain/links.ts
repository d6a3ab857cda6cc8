export const LINK_KINDS = ['supports', 'opposes', 'crux-of', 'refines', 'duplicates'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface Link {
  readonly id: number;
  readonly workspace: string;
  /** Row ids of the claims. */
  readonly fromClaimId: number;
  readonly toClaimId: number;
  /** Per-workspace numbers, for display. */
  readonly fromNumber: number;
  readonly toNumber: number;
  readonly kind: LinkKind;
  readonly authorId: string;
  readonly createdAt: string;
}

/** How a link reads in a sentence and in the outline: `C2 supports C1`, `+ C2`. */
export const LINK_KIND_INFO: Record<LinkKind, { readonly verb: string; readonly marker: string; readonly inverse: string }> = {
  supports: { verb: 'supports', marker: '+', inverse: 'supported by' },
  opposes: { verb: 'opposes', marker: '−', inverse: 'opposed by' },
  'crux-of': { verb: 'is a crux of', marker: '◆ crux', inverse: 'has crux' },
  refines: { verb: 'refines', marker: '≈ refines', inverse: 'refined by' },
  duplicates: { verb: 'duplicates', marker: '= duplicate', inverse: 'duplicated by' },
};

/**
 * Would a new `from → to` link of this kind close a cycle of `refines` links? (A refinement of a
 * refinement of itself is meaningless; other kinds may form cycles, as arguments do.)
 */
export function wouldCreateRefinesCycle(
  links: readonly Pick<Link, 'fromClaimId' | 'toClaimId' | 'kind'>[],
  from: number,
  to: number,
): boolean {
  const next = new Map<number, number[]>();
  for (const link of links) {
    if (link.kind !== 'refines') continue;
    next.set(link.fromClaimId, [...(next.get(link.fromClaimId) ?? []), link.toClaimId]);
  }
  // The new edge from → to closes a cycle exactly when `from` is reachable from `to`.
  const seen = new Set<number>();
  const stack = [to];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === from) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...(next.get(node) ?? []));
  }
  return false;
}

/** The claim card lists this many links each way and counts the rest. */
export const CARD_LINKS_SHOWN = 8;

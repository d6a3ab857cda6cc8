import type { Claim } from './claims.ts';
import type { Debate } from './debates.ts';
import type { Link } from './links.ts';

/** A debate's claims and the links between them: what the map draws and the exports write. */
export interface CruxGraph {
  readonly debate: Debate;
  readonly claims: readonly Claim[];
  readonly links: readonly Link[];
}

/**
 * The team's aggregate credence on a claim (its row id, `Claim.id`), in [0, 1], or undefined when
 * nobody has given one. Boxes are coloured by it; the Argdown export writes it as `{credence: …}`.
 */
export type CredenceLookup = (claimId: number) => number | undefined;

/** Claims that are the crux of another claim (the tail of a `crux-of` link). */
export function cruxClaimIds(links: readonly Link[]): Set<number> {
  return new Set(links.filter((l) => l.kind === 'crux-of').map((l) => l.fromClaimId));
}

/** The debate's root claim: the one chosen, else the first claim. */
export function rootClaimOf(graph: Pick<CruxGraph, 'debate' | 'claims'>): Claim | undefined {
  const chosen = graph.debate.rootClaimId === null ? undefined : graph.claims.find((c) => c.id === graph.debate.rootClaimId);
  return chosen ?? [...graph.claims].sort((a, b) => a.number - b.number)[0];
}

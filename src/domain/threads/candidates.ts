import type { ThreadAnalysis } from './extract.ts';
import type { ThreadSummary } from './summary.ts';
import type { ExtractedClaim } from './thread.ts';
import { contentTerms, cosine, TermStats } from './words.ts';

/**
 * What "Add all to the map" would add: the thread's key claims, its cruxes and the claims that carry a
 * credence (at most `limit`, most central first), the links among them, and for each the claim already
 * in the debate that says the same thing, if any, so nothing is added twice.
 */

export interface ExistingClaim {
  readonly id: number;
  readonly number: number;
  readonly text: string;
}

export type CandidateLinkKind = 'supports' | 'opposes' | 'crux-of';

export interface Candidate {
  readonly claim: ExtractedClaim;
  readonly existing?: ExistingClaim;
}

export interface CandidateSet {
  readonly candidates: readonly Candidate[];
  /** Positions in `candidates`. Agreement counts as support and disagreement as opposition. */
  readonly links: readonly { readonly from: number; readonly to: number; readonly kind: CandidateLinkKind }[];
}

export const CANDIDATES_MAX = 25;
/** How alike a thread claim and a debate claim must be to count as the same claim. */
export const SAME_AS_EXISTING = 0.55;

const LINK_KIND: Record<string, CandidateLinkKind> = {
  supports: 'supports',
  agrees: 'supports',
  opposes: 'opposes',
  disagrees: 'opposes',
  'crux-of': 'crux-of',
};

export function chooseCandidates(
  analysis: ThreadAnalysis,
  summary: ThreadSummary,
  existing: readonly ExistingClaim[] = [],
  limit = CANDIDATES_MAX,
): CandidateSet {
  const chosen: ExtractedClaim[] = [];
  const add = (claim: ExtractedClaim) => {
    if (chosen.length < limit && !chosen.includes(claim)) chosen.push(claim);
  };
  for (const c of summary.cruxes) if (c.kind !== 'not a crux') add(c.claim);
  for (const c of summary.credences) add(c.claim);
  for (const k of summary.keyClaims) add(k.claim);
  chosen.sort((a, b) => a.sentence - b.sentence);

  const matches = matchExisting(chosen, existing);
  const position = new Map(chosen.map((c, i) => [c.id, i]));
  const links: { from: number; to: number; kind: CandidateLinkKind }[] = [];
  for (const r of analysis.relations) {
    const from = position.get(r.from);
    const to = position.get(r.to);
    if (from === undefined || to === undefined || from === to) continue;
    links.push({ from, to, kind: LINK_KIND[r.kind]! });
  }
  return { candidates: chosen.map((claim, i) => ({ claim, ...(matches[i] ? { existing: matches[i] } : {}) })), links };
}

/** For each claim, the most similar existing claim at or above `SAME_AS_EXISTING`, if any. */
export function matchExisting(
  claims: readonly Pick<ExtractedClaim, 'text'>[],
  existing: readonly ExistingClaim[],
): (ExistingClaim | undefined)[] {
  if (existing.length === 0) return claims.map(() => undefined);
  const stats = new TermStats();
  const claimTerms = claims.map((c) => contentTerms(c.text));
  const existingTerms = existing.map((e) => contentTerms(e.text));
  for (const t of [...claimTerms, ...existingTerms]) stats.add(t);
  const existingVectors = existingTerms.map((t) => stats.vector(t));
  return claimTerms.map((terms) => {
    const vector = stats.vector(terms);
    let best: { claim: ExistingClaim; similarity: number } | undefined;
    existingVectors.forEach((v, i) => {
      const similarity = cosine(vector, v);
      if (similarity >= SAME_AS_EXISTING && (!best || similarity > best.similarity)) best = { claim: existing[i]!, similarity };
    });
    return best?.claim;
  });
}

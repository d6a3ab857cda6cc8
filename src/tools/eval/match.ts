/**
 * Matching predicted claims to gold spans: a prediction matches a gold span of the same message when
 * they share at least half of the gold span's words (the criterion the data set's users adopted). Each
 * gold span and each prediction is matched at most once, best overlap first.
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function wordSet(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'")));
}

export interface Unit {
  readonly key: string;
  readonly turn: number;
  readonly words: ReadonlySet<string>;
}

export interface MatchOptions {
  /** Also require half of the prediction's words to be in the gold span (no credit for a whole paragraph). */
  readonly strict?: boolean;
}

/** gold key → predicted key. */
export function matchUnits(predicted: readonly Unit[], gold: readonly Unit[], options: MatchOptions = {}): Map<string, string> {
  const pairs: { p: string; g: string; score: number }[] = [];
  for (const g of gold) {
    if (g.words.size === 0) continue;
    for (const p of predicted) {
      if (p.turn !== g.turn) continue;
      let shared = 0;
      for (const w of g.words) if (p.words.has(w)) shared++;
      if (shared * 2 < g.words.size) continue;
      if (options.strict && shared * 2 < p.words.size) continue;
      pairs.push({ p: p.key, g: g.key, score: shared / Math.max(g.words.size, p.words.size) });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const byGold = new Map<string, string>();
  const usedPredicted = new Set<string>();
  for (const pair of pairs) {
    if (byGold.has(pair.g) || usedPredicted.has(pair.p)) continue;
    byGold.set(pair.g, pair.p);
    usedPredicted.add(pair.p);
  }
  return byGold;
}

export interface Prf {
  readonly tp: number;
  readonly predicted: number;
  readonly gold: number;
}

export const precision = (s: Prf): number => (s.predicted ? s.tp / s.predicted : 0);
export const recall = (s: Prf): number => (s.gold ? s.tp / s.gold : 0);
export const f1 = (s: Prf): number => {
  const p = precision(s);
  const r = recall(s);
  return p + r ? (2 * p * r) / (p + r) : 0;
};

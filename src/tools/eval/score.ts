import type { ThreadAnalysis } from '../../domain/threads/extract.ts';
import type { Extraction } from '../../domain/threads/thread.ts';
import type { CmvThread } from './cmv.ts';
import { f1, matchUnits, precision, recall, wordSet, type Prf, type Unit } from './match.ts';

/** Scoring the extractor against the gold annotation of one thread, and adding the tallies up. */

export interface Tally {
  claims: Prf;
  claimsStrict: Prf;
  units: Prf;
  relationsGold: number;
  relationsFound: number;
  polarityCorrect: number;
  polaritySupportGold: number;
  /** The same, for relations between different messages only (a reply to someone). */
  crossGold: number;
  crossFound: number;
  crossCorrect: number;
  crossSupportGold: number;
}

const empty = (): Tally => ({
  claims: { tp: 0, predicted: 0, gold: 0 },
  claimsStrict: { tp: 0, predicted: 0, gold: 0 },
  units: { tp: 0, predicted: 0, gold: 0 },
  relationsGold: 0,
  relationsFound: 0,
  polarityCorrect: 0,
  polaritySupportGold: 0,
  crossGold: 0,
  crossFound: 0,
  crossCorrect: 0,
  crossSupportGold: 0,
});

const addPrf = (a: Prf, b: Prf): Prf => ({ tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold });

/** The thread as the JSON input format: one message per turn, each answering the turn before it. */
export function toThreadJson(thread: CmvThread): string {
  // The data set's threads are single reply chains (opening post → challenger → poster …), so each
  // turn answers the one before.
  return JSON.stringify({
    messages: thread.turns.map((t, i) => ({ author: t.author, text: t.text, ...(i > 0 ? { replyTo: i - 1 } : {}) })),
  });
}

/**
 * The floor to beat: every sentence of the thread (what a sentence splitter alone gives) taken as a
 * claim. Same sentence boundaries, no judgement.
 */
export function everySentenceAsClaims(extraction: ThreadAnalysis): Extraction {
  const claims = extraction.sentences
    .filter((s) => !s.quote && !extraction.sources.has(s.id))
    .map((s, i) => ({ ...extraction.claims[0]!, id: `s${i}`, text: s.text, message: s.message, sentence: s.id, kind: 'claim' as const }));
  return { ...extraction, claims, relations: [] };
}

export function scoreThread(thread: CmvThread, extraction: Extraction, show?: (line: string) => void): Tally {
  const tally = empty();
  const predictedUnits = extraction.claims.map((c): Unit & { kind: string } => ({
    key: c.id,
    turn: c.message,
    words: wordSet(c.text),
    kind: c.kind,
  }));
  const goldUnits = thread.spans.map((s): Unit & { kind: string } => ({ key: s.id, turn: s.turn, words: wordSet(s.text), kind: s.kind }));

  const predictedClaims = predictedUnits.filter((u) => u.kind !== 'premise');
  const goldClaims = goldUnits.filter((u) => u.kind !== 'premise');
  const claimMatch = matchUnits(predictedClaims, goldClaims);
  tally.claims = { tp: claimMatch.size, predicted: predictedClaims.length, gold: goldClaims.length };
  tally.claimsStrict = {
    tp: matchUnits(predictedClaims, goldClaims, { strict: true }).size,
    predicted: predictedClaims.length,
    gold: goldClaims.length,
  };

  const unitMatch = matchUnits(predictedUnits, goldUnits);
  tally.units = { tp: unitMatch.size, predicted: predictedUnits.length, gold: goldUnits.length };

  const predictedRelation = new Map<string, string>();
  for (const r of extraction.relations) {
    if (r.kind === 'crux-of') continue;
    const polarity = r.kind === 'supports' || r.kind === 'agrees' ? 'support' : 'attack';
    predictedRelation.set(`${r.from}>${r.to}`, polarity);
    if (!predictedRelation.has(`${r.to}>${r.from}`)) predictedRelation.set(`${r.to}>${r.from}`, polarity);
  }
  const turnOfSpan = new Map(thread.spans.map((s) => [s.id, s.turn]));
  for (const relation of thread.relations) {
    const cross = turnOfSpan.get(relation.from) !== turnOfSpan.get(relation.to);
    tally.relationsGold++;
    if (cross) tally.crossGold++;
    const from = unitMatch.get(relation.from);
    const to = unitMatch.get(relation.to);
    const found = from && to ? predictedRelation.get(`${from}>${to}`) : undefined;
    if (!found) continue;
    tally.relationsFound++;
    if (found === relation.polarity) tally.polarityCorrect++;
    if (relation.polarity === 'support') tally.polaritySupportGold++;
    if (cross) {
      tally.crossFound++;
      if (found === relation.polarity) tally.crossCorrect++;
      if (relation.polarity === 'support') tally.crossSupportGold++;
    }
  }

  if (show) {
    const matchedPredicted = new Set(claimMatch.values());
    for (const g of thread.spans.filter((s) => s.kind !== 'premise' && !claimMatch.has(s.id)))
      show(`  missed  ${thread.name} t${g.turn} ${g.kind}: ${g.text.trim().slice(0, 150)}`);
    for (const c of extraction.claims.filter((c) => c.kind !== 'premise' && !matchedPredicted.has(c.id)))
      show(`  extra   ${thread.name} t${c.message} ${c.kind} ${c.score.toFixed(2)}: ${c.text.slice(0, 150)}`);
  }
  return tally;
}

export function sum(tallies: readonly Tally[]): Tally {
  return tallies.reduce(
    (a, t) => ({
      claims: addPrf(a.claims, t.claims),
      claimsStrict: addPrf(a.claimsStrict, t.claimsStrict),
      units: addPrf(a.units, t.units),
      relationsGold: a.relationsGold + t.relationsGold,
      relationsFound: a.relationsFound + t.relationsFound,
      polarityCorrect: a.polarityCorrect + t.polarityCorrect,
      polaritySupportGold: a.polaritySupportGold + t.polaritySupportGold,
      crossGold: a.crossGold + t.crossGold,
      crossFound: a.crossFound + t.crossFound,
      crossCorrect: a.crossCorrect + t.crossCorrect,
      crossSupportGold: a.crossSupportGold + t.crossSupportGold,
    }),
    empty(),
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const prf = (s: Prf) => `P ${pct(precision(s))} · R ${pct(recall(s))} · F1 ${pct(f1(s))}`;

const ratio = (a: number, b: number) => (b ? a / b : 0);

export function row(label: string, threads: number, t: Tally, relations = true): string {
  return [
    label,
    String(threads),
    `${prf(t.claims)} (${t.claims.tp} of ${t.claims.predicted} found, ${t.claims.gold} gold)`,
    prf(t.claimsStrict),
    prf(t.units),
    relations
      ? `${pct(ratio(t.polarityCorrect, t.relationsFound))} of ${t.relationsFound} (${t.relationsGold} gold; all-support ${pct(ratio(t.polaritySupportGold, t.relationsFound))})`
      : '—',
    relations
      ? `${pct(ratio(t.crossCorrect, t.crossFound))} of ${t.crossFound} (${t.crossGold} gold; all-support ${pct(ratio(t.crossSupportGold, t.crossFound))})`
      : '—',
  ].join(' | ');
}

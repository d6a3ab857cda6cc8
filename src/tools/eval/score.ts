import type { ThreadAnalysis } from '../../domain/threads/extract.ts';
import type { Extraction, ExtractedClaim, ExtractedRelation } from '../../domain/threads/thread.ts';
import type { CmvThread } from './cmv.ts';
import { f1, matchUnits, precision, recall, wordSet, type Prf, type Unit } from './match.ts';

/**
 * Scoring the extractor against the gold annotation of one thread, as a user gets it: every unit that
 * `extract --json` emits is a prediction (claims, premises and cruxes alike), and every gold relation
 * counts, found or not.
 */

export interface Tally {
  /** Every emitted unit against the gold claims (`claim`, `main_claim`): what a reader of the claims list gets. */
  claims: Prf;
  /** The same, and the unit must also hold half of its own words in the span. */
  claimsStrict: Prf;
  /** Only the units emitted as `claim` or `crux` against the gold claims: is the kind right? */
  claimsTyped: Prf;
  /** Every emitted unit against every gold span (claims and premises): argumentative discourse units. */
  units: Prf;
  /** Relations with polarity: a gold relation is found when both ends matched and a predicted relation joins them with its polarity. */
  relations: Prf;
  /** The same for relations between different messages (a reply to someone). */
  crossRelations: Prf;
  relationsGold: number;
  /** Gold relations joined by a predicted relation of either polarity. */
  relationsFound: number;
  /** …and of the right polarity. */
  polarityCorrect: number;
}

const emptyPrf = (): Prf => ({ tp: 0, predicted: 0, gold: 0 });
const empty = (): Tally => ({
  claims: emptyPrf(),
  claimsStrict: emptyPrf(),
  claimsTyped: emptyPrf(),
  units: emptyPrf(),
  relations: emptyPrf(),
  crossRelations: emptyPrf(),
  relationsGold: 0,
  relationsFound: 0,
  polarityCorrect: 0,
});

const addPrf = (a: Prf, b: Prf): Prf => ({ tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold });

/**
 * The thread as the JSON input format: one message per turn, and no `replyTo`: the data set's files do
 * not say which turn answers which, so the extractor must find out, as it must for a pasted export.
 */
export function toThreadJson(thread: CmvThread): string {
  return JSON.stringify({ messages: thread.turns.map((t) => ({ author: t.author, text: t.text })) });
}

/** FNV-1a of a string: a fixed, score-blind rule to put each thread in one half. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export type Half = 'tune' | 'report';

/** Which half a thread is in, by a hash of its name alone: heuristics are tuned on one, the other is reported. */
export function halfOf(threadName: string): Half {
  return fnv1a(`cmv:${threadName}`) % 2 === 0 ? 'tune' : 'report';
}

/**
 * The floor to beat: every sentence of the thread (what a sentence splitter alone gives) taken as a
 * claim. Same sentence boundaries, no judgement.
 */
export function everySentenceAsClaims(extraction: ThreadAnalysis): Extraction {
  const template = extraction.claims[0];
  const claims: ExtractedClaim[] = extraction.sentences
    .filter((s) => !s.quote && !extraction.sources.has(s.id))
    .map((s, i) => ({
      id: `s${i}`,
      text: s.text,
      author: extraction.messages[s.message]?.author ?? '',
      message: s.message,
      sentence: s.id,
      kind: 'claim' as const,
      occurrences: [s.message],
      score: template?.score ?? 0.5,
      marksCrux: false,
      notCrux: false,
    }));
  return { ...extraction, claims, relations: [] };
}

/**
 * The trivial relation baseline, on any units: each later unit of a message supports the message's first
 * unit, and a message's first unit opposes the previous message's first unit.
 */
export function withTrivialRelations(extraction: Extraction): Extraction {
  const firstOf = new Map<number, ExtractedClaim>();
  const relations: ExtractedRelation[] = [];
  let previousFirst: ExtractedClaim | undefined;
  for (const claim of extraction.claims) {
    const first = firstOf.get(claim.message);
    if (first) {
      relations.push({ from: claim.id, to: first.id, kind: 'supports' });
      continue;
    }
    firstOf.set(claim.message, claim);
    if (previousFirst) relations.push({ from: claim.id, to: previousFirst.id, kind: 'opposes' });
    previousFirst = claim;
  }
  return { ...extraction, relations };
}

export function scoreThread(thread: CmvThread, extraction: Extraction, show?: (line: string) => void): Tally {
  const tally = empty();
  const predictedUnits = extraction.claims.map((c): Unit => ({ key: c.id, turn: c.message, words: wordSet(c.text) }));
  const goldUnits = thread.spans.map((s): Unit & { kind: string } => ({ key: s.id, turn: s.turn, words: wordSet(s.text), kind: s.kind }));
  const goldClaims = goldUnits.filter((u) => u.kind !== 'premise');
  const typedKeys = new Set(extraction.claims.filter((c) => c.kind !== 'premise').map((c) => c.id));

  const claimMatch = matchUnits(predictedUnits, goldClaims);
  tally.claims = { tp: claimMatch.size, predicted: predictedUnits.length, gold: goldClaims.length };
  tally.claimsStrict = {
    tp: matchUnits(predictedUnits, goldClaims, { strict: true }).size,
    predicted: predictedUnits.length,
    gold: goldClaims.length,
  };
  const typed = predictedUnits.filter((u) => typedKeys.has(u.key));
  tally.claimsTyped = { tp: matchUnits(typed, goldClaims).size, predicted: typed.length, gold: goldClaims.length };

  const unitMatch = matchUnits(predictedUnits, goldUnits);
  tally.units = { tp: unitMatch.size, predicted: predictedUnits.length, gold: goldUnits.length };

  // One predicted relation per unordered pair of units (the first said wins), crux-of aside: it has no polarity.
  const messageOf = new Map(extraction.claims.map((c) => [c.id, c.message]));
  const predicted = new Map<string, 'support' | 'attack'>();
  let predictedCross = 0;
  for (const r of extraction.relations) {
    if (r.kind === 'crux-of') continue;
    const key = pairKey(r.from, r.to);
    if (predicted.has(key)) continue;
    predicted.set(key, r.kind === 'supports' || r.kind === 'agrees' ? 'support' : 'attack');
    if (messageOf.get(r.from) !== messageOf.get(r.to)) predictedCross++;
  }
  const turnOfSpan = new Map(thread.spans.map((s) => [s.id, s.turn]));
  let tp = 0;
  let crossTp = 0;
  let crossGold = 0;
  for (const relation of thread.relations) {
    const cross = turnOfSpan.get(relation.from) !== turnOfSpan.get(relation.to);
    tally.relationsGold++;
    if (cross) crossGold++;
    const from = unitMatch.get(relation.from);
    const to = unitMatch.get(relation.to);
    const found = from && to ? predicted.get(pairKey(from, to)) : undefined;
    if (!found) continue;
    tally.relationsFound++;
    if (found !== relation.polarity) continue;
    tally.polarityCorrect++;
    tp++;
    if (cross) crossTp++;
  }
  tally.relations = { tp, predicted: predicted.size, gold: tally.relationsGold };
  tally.crossRelations = { tp: crossTp, predicted: predictedCross, gold: crossGold };

  if (show) {
    const matchedPredicted = new Set(unitMatch.values());
    for (const g of thread.spans.filter((s) => !unitMatch.has(s.id)))
      show(`  missed  ${thread.name} t${g.turn} ${g.kind}: ${g.text.trim().slice(0, 150)}`);
    for (const c of extraction.claims.filter((c) => !matchedPredicted.has(c.id)))
      show(`  extra   ${thread.name} t${c.message} ${c.kind} ${c.score.toFixed(2)}: ${c.text.slice(0, 150)}`);
  }
  return tally;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function sum(tallies: readonly Tally[]): Tally {
  return tallies.reduce(
    (a, t) => ({
      claims: addPrf(a.claims, t.claims),
      claimsStrict: addPrf(a.claimsStrict, t.claimsStrict),
      claimsTyped: addPrf(a.claimsTyped, t.claimsTyped),
      units: addPrf(a.units, t.units),
      relations: addPrf(a.relations, t.relations),
      crossRelations: addPrf(a.crossRelations, t.crossRelations),
      relationsGold: a.relationsGold + t.relationsGold,
      relationsFound: a.relationsFound + t.relationsFound,
      polarityCorrect: a.polarityCorrect + t.polarityCorrect,
    }),
    empty(),
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
const prf = (s: Prf) => `${pct(precision(s))} / ${pct(recall(s))} / **${pct(f1(s))}**`;

export const TABLE_HEADER =
  '| half | threads | rows | ADU P / R / F1 | claim P / R / F1 (every unit) | claim F1, strict | claim F1, typed (units marked claim) | relation P / R / F1 (with polarity) | reply relations P / R / F1 | gold relations joined (any polarity) |\n|---|---|---|---|---|---|---|---|---|---|\n';

export function row(half: string, threads: number, label: string, t: Tally): string {
  return [
    half,
    String(threads),
    label,
    prf(t.units),
    `${prf(t.claims)} (${t.units.predicted} units, ${t.claims.gold} gold claims)`,
    pct(f1(t.claimsStrict)),
    pct(f1(t.claimsTyped)),
    `${prf(t.relations)} (${t.relations.predicted} predicted, ${t.relations.gold} gold)`,
    prf(t.crossRelations),
    `${t.relationsFound} of ${t.relationsGold}`,
  ].join(' | ');
}

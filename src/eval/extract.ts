import { existsSync } from 'node:fs';
import { analyseThread } from '../domain/threads/extract.ts';
import { parseJsonThread } from '../domain/threads/input.ts';
import type { Extraction } from '../domain/threads/thread.ts';
import { loadCmvThreads, type CmvThread } from './cmv.ts';
import { f1, matchUnits, precision, recall, wordSet, type Prf, type Unit } from './match.ts';

/**
 * `npm run eval:extract -- <cmv folder> [--show A|B] [--strict]`: runs the thread extractor on the
 * annotated r/changemyview threads and prints precision, recall and F1 for claims, for all argument
 * units, and the accuracy of support-vs-attack on the relations it found between matched units.
 *
 * The threads are split in two halves by number (A even, B odd). The heuristics were developed looking
 * at errors in half A only, so half B is a held-out check.
 */

interface Tally {
  claims: Prf;
  claimsStrict: Prf;
  units: Prf;
  relationsGold: number;
  relationsFound: number;
  polarityCorrect: number;
  polaritySupportGold: number;
}

const empty = (): Tally => ({
  claims: { tp: 0, predicted: 0, gold: 0 },
  claimsStrict: { tp: 0, predicted: 0, gold: 0 },
  units: { tp: 0, predicted: 0, gold: 0 },
  relationsGold: 0,
  relationsFound: 0,
  polarityCorrect: 0,
  polaritySupportGold: 0,
});

const addPrf = (a: Prf, b: Prf): Prf => ({ tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold });

/** The thread as the JSON input format: one message per turn, each answering the turn before it. */
export function toThreadJson(thread: CmvThread): string {
  // The data set's threads are single reply chains (opening post → challenger → poster …), so each
  // turn answers the one before; the title and the post are the opening poster's.
  return JSON.stringify({
    messages: thread.turns.map((t, i) => ({ author: t.author, text: t.text, ...(i > 1 ? { replyTo: i - 1 } : {}) })),
  });
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
  for (const relation of thread.relations) {
    tally.relationsGold++;
    const from = unitMatch.get(relation.from);
    const to = unitMatch.get(relation.to);
    const found = from && to ? predictedRelation.get(`${from}>${to}`) : undefined;
    if (!found) continue;
    tally.relationsFound++;
    if (found === relation.polarity) tally.polarityCorrect++;
    if (relation.polarity === 'support') tally.polaritySupportGold++;
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

function sum(tallies: readonly Tally[]): Tally {
  return tallies.reduce(
    (a, t) => ({
      claims: addPrf(a.claims, t.claims),
      claimsStrict: addPrf(a.claimsStrict, t.claimsStrict),
      units: addPrf(a.units, t.units),
      relationsGold: a.relationsGold + t.relationsGold,
      relationsFound: a.relationsFound + t.relationsFound,
      polarityCorrect: a.polarityCorrect + t.polarityCorrect,
      polaritySupportGold: a.polaritySupportGold + t.polaritySupportGold,
    }),
    empty(),
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const prf = (s: Prf) => `P ${pct(precision(s))} · R ${pct(recall(s))} · F1 ${pct(f1(s))}`;

function row(label: string, threads: number, t: Tally): string {
  const accuracy = t.relationsFound ? t.polarityCorrect / t.relationsFound : 0;
  const baseline = t.relationsFound ? t.polaritySupportGold / t.relationsFound : 0;
  return [
    label,
    String(threads),
    `${prf(t.claims)} (${t.claims.tp}/${t.claims.predicted} pred, ${t.claims.gold} gold)`,
    prf(t.claimsStrict),
    prf(t.units),
    `${t.relationsFound}/${t.relationsGold} found · accuracy ${pct(accuracy)} (all-support baseline ${pct(baseline)})`,
  ].join(' | ');
}

function main(argv: readonly string[]): number {
  const folder = argv.find((a) => !a.startsWith('--') && argv[argv.indexOf(a) - 1] !== '--show');
  const showIndex = argv.indexOf('--show');
  const show = showIndex === -1 ? undefined : argv[showIndex + 1];
  if (!folder || !existsSync(folder)) {
    process.stderr.write(
      `Usage: npm run eval:extract -- <folder with the cmv-dev threads> [--show A|B]\n${folder ? `No folder at ${folder}.\n` : ''}`,
    );
    return 2;
  }
  const threads = loadCmvThreads(folder);
  if (threads.length === 0) {
    process.stderr.write(`No annotated threads (N.txt with N.metadata and N.ann) in ${folder}.\n`);
    return 2;
  }
  const half = (t: CmvThread) => (Number(t.name) % 2 === 0 ? 'A' : 'B');
  const results = threads.map((thread) => {
    const extraction = analyseThread(parseJsonThread(toThreadJson(thread)));
    const printer = show && half(thread) === show ? (line: string) => process.stdout.write(`${line}\n`) : undefined;
    return { thread, tally: scoreThread(thread, extraction, printer) };
  });
  const pick = (h?: string) => results.filter((r) => !h || half(r.thread) === h);
  process.stdout.write(`\nThread extraction on ${threads.length} annotated r/changemyview threads\n\n`);
  process.stdout.write(
    '| threads | n | claims (≥ half the gold words) | claims, strict (and ≥ half the predicted words) | all units (claims + premises) | relations: support vs attack |\n|---|---|---|---|---|---|\n',
  );
  for (const [label, h] of [
    ['all', undefined],
    ['A (even; looked at)', 'A'],
    ['B (odd; held out)', 'B'],
  ] as const) {
    const part = pick(h);
    process.stdout.write(`| ${row(label, part.length, sum(part.map((r) => r.tally)))} |\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

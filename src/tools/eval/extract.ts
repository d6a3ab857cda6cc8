import { existsSync } from 'node:fs';
import { analyseThread } from '../../domain/threads/extract.ts';
import { parseJsonThread } from '../../domain/threads/input.ts';
import { loadCmvThreads, type CmvThread } from './cmv.ts';
import { everySentenceAsClaims, row, scoreThread, sum, toThreadJson } from './score.ts';

/**
 * `npm run eval:extract -- <cmv folder> [--show A|B]`: runs the thread extractor on the annotated
 * r/changemyview threads and prints precision, recall and F1 for claims, for all argument units, and
 * the accuracy of support-vs-attack on the relations it found between matched units.
 *
 * The threads are split in two halves by number (A even, B odd). The heuristics were developed looking
 * at errors in half A only, so half B is a held-out check.
 */
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
    return { thread, tally: scoreThread(thread, extraction, printer), floor: scoreThread(thread, everySentenceAsClaims(extraction)) };
  });
  const pick = (h?: string) => results.filter((r) => !h || half(r.thread) === h);
  process.stdout.write(`\nThread extraction on ${threads.length} annotated r/changemyview threads\n\n`);
  process.stdout.write(
    '| threads | n | claims (≥ half the gold words) | claims, strict (and ≥ half the predicted words) | all units (claims + premises) | support vs attack, all relations found | support vs attack, replies only |\n|---|---|---|---|---|---|---|\n',
  );
  for (const [label, h] of [
    ['all', undefined],
    ['A (even; looked at)', 'A'],
    ['B (odd; held out)', 'B'],
  ] as const) {
    const part = pick(h);
    process.stdout.write(`| ${row(label, part.length, sum(part.map((r) => r.tally)))} |\n`);
  }
  process.stdout.write(`| ${row('floor: every sentence a claim', results.length, sum(results.map((r) => r.floor)), false)} |\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

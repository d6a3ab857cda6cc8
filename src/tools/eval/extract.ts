import { existsSync } from 'node:fs';
import { analyseThread } from '../../domain/threads/extract.ts';
import { parseJsonThread } from '../../domain/threads/input.ts';
import { loadCmvThreads } from './cmv.ts';
import {
  everySentenceAsClaims,
  halfOf,
  row,
  scoreThread,
  sum,
  TABLE_HEADER,
  toThreadJson,
  withTrivialRelations,
  type Half,
} from './score.ts';

/**
 * `npm run eval:extract -- <cmv folder> [--show tune]`: runs the thread extractor on the annotated
 * r/changemyview threads, scored as a user gets it (every emitted unit a prediction; every gold
 * relation counts, with its polarity), beside the every-sentence floor and the trivial relation baseline.
 *
 * The threads fall into a tune half and a report half by a hash of their names (`halfOf`), a rule fixed
 * before any score was seen. Heuristics are changed looking at the tune half only (`--show tune` prints
 * its misses and extras); the report half is the figure to quote.
 */
function main(argv: readonly string[]): number {
  const folder = argv.find((a) => !a.startsWith('--') && argv[argv.indexOf(a) - 1] !== '--show');
  const showIndex = argv.indexOf('--show');
  const show = showIndex === -1 ? undefined : argv[showIndex + 1];
  if (!folder || !existsSync(folder)) {
    process.stderr.write(
      `Usage: npm run eval:extract -- <folder with the cmv-dev threads> [--show tune]\n${folder ? `No folder at ${folder}.\n` : ''}`,
    );
    return 2;
  }
  if (show !== undefined && show !== 'tune') {
    process.stderr.write('--show prints the tune half only: the report half is not for reading errors.\n');
    return 2;
  }
  const threads = loadCmvThreads(folder);
  if (threads.length === 0) {
    process.stderr.write(`No annotated threads (N.txt with N.metadata and N.ann) in ${folder}.\n`);
    return 2;
  }
  const results = threads.map((thread) => {
    const half = halfOf(thread.name);
    const extraction = analyseThread(parseJsonThread(toThreadJson(thread)));
    const printer = show === half ? (line: string) => process.stdout.write(`${line}\n`) : undefined;
    return {
      half,
      extractor: scoreThread(thread, extraction, printer),
      floor: scoreThread(thread, withTrivialRelations(everySentenceAsClaims(extraction))),
      baseline: scoreThread(thread, withTrivialRelations(extraction)),
    };
  });
  process.stdout.write(`\nThread extraction on ${threads.length} annotated r/changemyview threads (precision / recall / F1, %)\n\n`);
  process.stdout.write(TABLE_HEADER);
  for (const half of ['report', 'tune'] as Half[]) {
    const part = results.filter((r) => r.half === half);
    const n = part.length;
    process.stdout.write(`| ${row(half, n, 'extractor', sum(part.map((r) => r.extractor)))} |\n`);
    process.stdout.write(`| ${row(half, n, 'floor: every sentence a claim, trivial relations', sum(part.map((r) => r.floor)))} |\n`);
    process.stdout.write(`| ${row(half, n, 'baseline: extractor units, trivial relations', sum(part.map((r) => r.baseline)))} |\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

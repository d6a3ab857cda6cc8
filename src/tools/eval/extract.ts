import { existsSync } from 'node:fs';
import { environment, loadConfig } from '../../config.ts';
import { createLogger } from '../../core/logger.ts';
import { analyseThread, type ThreadAnalysis } from '../../domain/threads/extract.ts';
import { analyseWithModel, llmSettings } from '../../llm/thread-extractor.ts';
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
 * `npm run eval:extract -- <cmv folder> [--show tune] [--llm]`: runs the thread extractor on the annotated
 * r/changemyview threads, scored as a user gets it (every emitted unit a prediction; every gold
 * relation counts, with its polarity), beside the every-sentence floor and the trivial relation baseline.
 *
 * The threads fall into a tune half and a report half by a hash of their names (`halfOf`), a rule fixed
 * before any score was seen. Heuristics are changed looking at the tune half only (`--show tune` prints
 * its misses and extras); the report half is the figure to quote.
 *
 * `--llm` scores the language-model path instead (CRUXBOT_LLM_BASE_URL and CRUXBOT_LLM_MODEL): the same
 * scoring, the model's units checked against the thread verbatim, and a thread the model gives no usable
 * answer for scored as the heuristics' result (the count is printed), as a user of `extract --llm` gets it.
 */
async function main(argv: readonly string[]): Promise<number> {
  const folder = argv.find((a) => !a.startsWith('--') && argv[argv.indexOf(a) - 1] !== '--show');
  const useModel = argv.includes('--llm');
  const settings = useModel ? llmSettings(loadConfig({ ...environment(), DATABASE_PATH: ':memory:', DATABASE_URL: undefined }), 300_000) : undefined;
  if (useModel && !settings) {
    process.stderr.write('--llm needs a language model: set CRUXBOT_LLM_BASE_URL and CRUXBOT_LLM_MODEL, e.g. CRUXBOT_LLM_BASE_URL=http://127.0.0.1:8080/v1 CRUXBOT_LLM_MODEL=llama3\n');
    return 2;
  }
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
  const log = createLogger('warn');
  let byModel = 0;
  const results = [];
  for (const thread of threads) {
    const half = halfOf(thread.name);
    const messages = parseJsonThread(toThreadJson(thread));
    let extraction: ThreadAnalysis;
    if (settings) {
      const result = await analyseWithModel(messages, settings, log);
      if (result.by === 'model') byModel++;
      extraction = result.analysis;
    } else extraction = analyseThread(messages);
    const printer = show === half ? (line: string) => process.stdout.write(`${line}\n`) : undefined;
    results.push({
      half,
      extractor: scoreThread(thread, extraction, printer),
      floor: scoreThread(thread, withTrivialRelations(everySentenceAsClaims(extraction))),
      baseline: scoreThread(thread, withTrivialRelations(extraction)),
    });
  }
  process.stdout.write(`\nThread extraction on ${threads.length} annotated r/changemyview threads (precision / recall / F1, %)\n\n`);
  if (settings) process.stdout.write(`Language model ${settings.model}: a usable answer for ${byModel} of ${threads.length} threads.\n\n`);
  process.stdout.write(TABLE_HEADER);
  for (const half of ['report', 'tune'] as Half[]) {
    const part = results.filter((r) => r.half === half);
    const n = part.length;
    process.stdout.write(`| ${row(half, n, settings ? 'language model' : 'extractor', sum(part.map((r) => r.extractor)))} |\n`);
    process.stdout.write(`| ${row(half, n, 'floor: every sentence a claim, trivial relations', sum(part.map((r) => r.floor)))} |\n`);
    process.stdout.write(`| ${row(half, n, 'baseline: extractor units, trivial relations', sum(part.map((r) => r.baseline)))} |\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));

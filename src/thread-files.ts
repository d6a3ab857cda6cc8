import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import { environment, loadConfig } from './config.ts';
import { isUserError } from './core/errors.ts';
import { createLogger } from './core/logger.ts';
import { analyseThread, extractionJson, type ThreadAnalysis } from './domain/threads/extract.ts';
import { parseThread } from './domain/threads/input.ts';
import { summarizeThread } from './domain/threads/summary.ts';
import type { ThreadMessage } from './domain/threads/thread.ts';
import { renderReplyText } from './platforms/console/render.ts';
import { nothingArguedReply, summaryReply } from './views/thread-summary.ts';

/**
 * `cruxbot summarize <file> [--llm]` and `cruxbot extract <file> [--json] [--llm]`: a thread file in, text
 * out. `--llm` asks the language model configured by CRUXBOT_LLM_BASE_URL and CRUXBOT_LLM_MODEL (as
 * `/summarize` and `/capture` do); its claims are checked against the thread verbatim, and when it gives no
 * usable answer the heuristics' result is shown, saying so.
 */

/** Files bigger than this are refused rather than read into memory. */
const THREAD_FILE_MAX_BYTES = 50 * 1024 * 1024;

interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly color: boolean;
}

class CliError extends Error {}

function readThreadFile(path: string | undefined): { name: string; messages: ThreadMessage[] } {
  if (!path) throw new CliError('give the thread file: plain text, or JSON {"messages": [{"author", "text"}]}');
  if (!existsSync(path)) throw new CliError(`there is no file at ${path}`);
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliError(`${path} is not a file`);
  if (stat.size > THREAD_FILE_MAX_BYTES) throw new CliError(`${path} is ${(stat.size / 1024 / 1024).toFixed(0)} MB; the limit is 50 MB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new CliError(`${path} is not UTF-8 text`);
  }
  const messages = parseThread(text, { fileName: path });
  if (messages.length === 0) throw new CliError(`${path} has no messages: the thread is empty`);
  return { name: basename(path), messages };
}

async function guarded(io: Output, run: () => void | Promise<void>): Promise<number> {
  try {
    await run();
    return 0;
  } catch (error) {
    if (error instanceof CliError || isUserError(error)) {
      io.err(`cruxbot: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** How long `--llm` waits for the model: a file on the command line can wait longer than a chat reply. */
const CLI_MODEL_TIMEOUT_MS = 120_000;

/** The thread analysed by the heuristics, or with `--llm` by the configured model (heuristics when it fails). */
async function analyse(messages: readonly ThreadMessage[], args: readonly string[], io: Output, env: Env): Promise<ThreadAnalysis> {
  if (!args.includes('--llm')) return analyseThread(messages);
  let settings;
  try {
    settings = (await import('./llm/thread-extractor.ts')).llmSettings(
      loadConfig({
        DATABASE_PATH: ':memory:',
        CRUXBOT_LLM_BASE_URL: env.CRUXBOT_LLM_BASE_URL,
        CRUXBOT_LLM_API_KEY: env.CRUXBOT_LLM_API_KEY,
        CRUXBOT_LLM_MODEL: env.CRUXBOT_LLM_MODEL,
      }),
      CLI_MODEL_TIMEOUT_MS,
    );
  } catch (error) {
    throw new CliError(`--llm: ${(error as Error).message.split('\n').slice(1).join(' ').trim()}`);
  }
  if (!settings) {
    throw new CliError(
      '--llm needs a language model: set CRUXBOT_LLM_BASE_URL and CRUXBOT_LLM_MODEL, e.g. CRUXBOT_LLM_BASE_URL=http://127.0.0.1:8080/v1 CRUXBOT_LLM_MODEL=llama3',
    );
  }
  // The model's warnings ("answered with an error; using the heuristics") go to stderr in words.
  const warnings = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        try {
          io.err(`cruxbot: ${(JSON.parse(line) as { msg?: string }).msg ?? line}\n`);
        } catch {
          io.err(`cruxbot: ${line}\n`);
        }
      }
      done();
    },
  });
  const { analyseWithModel } = await import('./llm/thread-extractor.ts');
  const { analysis, by } = await analyseWithModel(messages, settings, createLogger('warn', warnings));
  if (by === 'heuristics') io.err('cruxbot: the language model gave no usable answer; these are the heuristics\' claims\n');
  return analysis;
}

export function summarizeFile(args: readonly string[], io: Output, env: Env = environment()): Promise<number> {
  return guarded(io, async () => {
    const { name, messages } = readThreadFile(args.find((a) => !a.startsWith('--')));
    const analysis = await analyse(messages, args, io, env);
    const summary = summarizeThread(analysis);
    const source = { messages, origin: name };
    const claims = analysis.claims.filter((c) => c.kind !== 'premise').length;
    const reply =
      analysis.claims.length === 0
        ? nothingArguedReply(source, analysis)
        : summaryReply({ source, analysis, summary, candidates: Math.min(claims, 25), links: analysis.relations.length });
    io.out(`${renderReplyText({ ...reply, blocks: reply.blocks.slice(0, -1) }, { color: io.color, width: 100 })}\n`);
  });
}

export function extractFile(args: readonly string[], io: Output, env: Env = environment()): Promise<number> {
  return guarded(io, async () => {
    const { messages } = readThreadFile(args.find((a) => !a.startsWith('--')));
    const analysis = await analyse(messages, args, io, env);
    if (args.includes('--json')) {
      io.out(`${JSON.stringify(extractionJson(analysis), null, 2)}\n`);
      return;
    }
    const lines = analysis.claims.map(
      (c) =>
        `${c.id.padEnd(5)} ${c.kind.padEnd(7)} #${String(c.message).padEnd(4)} ${(c.author || 'unknown').slice(0, 16).padEnd(16)} ${c.text.replace(/\s+/g, ' ')}`,
    );
    const relations = analysis.relations.map((r) => `${r.from} ${r.kind} ${r.to}`);
    io.out(
      [
        `${analysis.claims.length} claims and ${analysis.relations.length} relations in ${messages.length} messages (--json for the machine-readable form)`,
        '',
        ...lines,
        ...(relations.length ? ['', ...relations] : []),
        '',
      ].join('\n'),
    );
  });
}

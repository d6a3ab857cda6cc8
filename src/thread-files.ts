import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { isUserError } from './core/errors.ts';
import { analyseThread, extractionJson } from './domain/threads/extract.ts';
import { parseThread } from './domain/threads/input.ts';
import { summarizeThread } from './domain/threads/summary.ts';
import type { ThreadMessage } from './domain/threads/thread.ts';
import { renderReplyText } from './platforms/console/render.ts';
import { nothingArguedReply, summaryReply } from './views/thread-summary.ts';

/** `cruxbot summarize <file>` and `cruxbot extract <file> [--json]`: a thread file in, text out. */

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

async function guarded(io: Output, run: () => void): Promise<number> {
  try {
    run();
    return 0;
  } catch (error) {
    if (error instanceof CliError || isUserError(error)) {
      io.err(`cruxbot: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

export function summarizeFile(args: readonly string[], io: Output): Promise<number> {
  return guarded(io, () => {
    const { name, messages } = readThreadFile(args.find((a) => !a.startsWith('--')));
    const analysis = analyseThread(messages);
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

export function extractFile(args: readonly string[], io: Output): Promise<number> {
  return guarded(io, () => {
    const { messages } = readThreadFile(args.find((a) => !a.startsWith('--')));
    const analysis = analyseThread(messages);
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

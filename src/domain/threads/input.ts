import { z } from 'zod';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { cleanText } from '../../core/values.ts';
import type { ThreadMessage } from './thread.ts';

/**
 * The two file formats a thread comes in: JSON `{messages: [{author, text, ts?, replyTo?}]}` and plain
 * text (one message per paragraph block, `author:` prefixes when present).
 */

const MessageSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  author: z.string().max(200).optional(),
  text: z.string(),
  ts: z.union([z.string(), z.number()]).optional(),
  replyTo: z.union([z.string(), z.number()]).optional(),
  permalink: z.string().optional(),
});
// A bare array of messages is accepted too.
const ThreadSchema = z.preprocess((v) => (Array.isArray(v) ? { messages: v } : v), z.object({ messages: z.array(MessageSchema) }));

export type ThreadFormat = 'json' | 'text';

/** JSON when the file says so by its name or its first character; plain text otherwise. */
export function detectFormat(content: string, fileName?: string): ThreadFormat {
  if (fileName?.toLowerCase().endsWith('.json')) return 'json';
  const first = content.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'text';
}

export function parseThread(content: string, options: { fileName?: string; format?: ThreadFormat } = {}): ThreadMessage[] {
  const text = content.replace(/^\uFEFF/, '');
  return (options.format ?? detectFormat(text, options.fileName)) === 'json' ? parseJsonThread(text) : parsePlainThread(text);
}

export function parseJsonThread(content: string): ThreadMessage[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new UserError(md`The thread is not valid JSON: ${jsonProblem(content, error as Error)}.`, 'thread.bad-json');
  }
  const parsed = ThreadSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new UserError(
      md`The thread JSON does not have the expected shape \`{messages: [{author, text, ts?, replyTo?}]}\`: ${path || 'the top level'}: ${issue.message}.`,
      'thread.bad-shape',
    );
  }
  const raw = parsed.data.messages;
  const byId = new Map<string, number>();
  raw.forEach((m, i) => {
    if (m.id !== undefined) byId.set(String(m.id), i);
  });
  return raw.map((m, index) => {
    const replyTo = resolveReplyTo(m.replyTo, index, byId);
    const at = parseTimestamp(m.ts, index);
    return {
      index,
      id: m.id !== undefined ? String(m.id) : `m${index}`,
      author: cleanText(m.author ?? ''),
      text: cleanText(m.text),
      ...(at ? { at } : {}),
      ...(replyTo !== undefined ? { replyTo } : {}),
      ...(m.permalink && /^https?:\/\//i.test(m.permalink) ? { permalink: m.permalink } : {}),
    };
  });
}

function resolveReplyTo(value: string | number | undefined, index: number, byId: ReadonlyMap<string, number>): number | undefined {
  if (value === undefined) return undefined;
  const target = typeof value === 'number' ? value : (byId.get(value) ?? (/^\d+$/.test(value) ? Number(value) : undefined));
  if (target === undefined || !Number.isInteger(target) || target < 0 || target >= index) {
    throw new UserError(
      md`messages[${index}].replyTo: ${String(value)} is not an earlier message (give the index of an earlier message, from 0, or its id).`,
      'thread.bad-reply-to',
    );
  }
  return target;
}

function parseTimestamp(value: string | number | undefined, index: number): Date | undefined {
  if (value === undefined || value === '') return undefined;
  // Numbers are Unix seconds (Slack's ts) or milliseconds.
  const n = typeof value === 'number' ? value : /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : undefined;
  const date = n !== undefined ? new Date(n < 1e11 ? n * 1000 : n) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new UserError(md`messages[${index}].ts: "${String(value)}" is not a time (use ISO 8601 or Unix seconds).`, 'thread.bad-ts');
  }
  return date;
}

/** "line 3, column 5: Expected ',' or '}'", from whatever the engine said. */
function jsonProblem(content: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  const reason = error.message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/^JSON\.parse: /, '');
  if (!position) return reason;
  const before = content.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${reason}`;
}

// `alice: text`, `[10:32] alice: text`, `Bob Smith: text`. Words that introduce prose are not names.
const AUTHOR_PREFIX = /^(?:\[[^\]\n]{1,32}\]\s*)?(@?[\p{L}][\p{L}\p{N}_.-]{0,31}(?: [\p{L}][\p{L}\p{N}_.-]{0,31})?)\s*:[ \t]+(?=\S)/u;
const NOT_NAMES = new Set(
  'note edit update tl;dr tldr ps p.s example e.g source link question answer q a claim premise conclusion summary title cmv reply quote warning disclaimer step update1 edit2 i.e nb n.b'.split(
    ' ',
  ),
);

function authorPrefix(line: string): { name: string; length: number } | undefined {
  const match = AUTHOR_PREFIX.exec(line);
  if (!match || NOT_NAMES.has(match[1]!.toLowerCase())) return undefined;
  return { name: match[1]!.replace(/^@/, ''), length: match[0].length };
}

/**
 * Plain text. With `author:` prefixes (at least two prefixed lines), each prefix starts a message and the
 * lines after it belong to it. Without them, blank lines separate messages; a file with no blank line at
 * all is a web export with one message per line, where a list item or a line after a colon continues the
 * line before, and a `> ` quote opens a message together with the answer below it.
 */
export function parsePlainThread(content: string): ThreadMessage[] {
  const lines = cleanText(content).split('\n');
  const prefixed = lines.filter((l) => authorPrefix(l)).length;
  const drafts: { author: string; lines: string[] }[] = [];

  if (prefixed >= 2) {
    for (const line of lines) {
      const prefix = authorPrefix(line);
      if (prefix) drafts.push({ author: prefix.name, lines: [line.slice(prefix.length)] });
      else if (drafts.length) drafts[drafts.length - 1]!.lines.push(line);
      else if (line.trim()) drafts.push({ author: '', lines: [line] });
    }
  } else if (lines.some((l) => !l.trim())) {
    let current: string[] = [];
    for (const line of [...lines, '']) {
      if (line.trim()) current.push(line);
      else if (current.length) {
        drafts.push({ author: '', lines: current });
        current = [];
      }
    }
  } else {
    for (const [i, line] of lines.entries()) {
      const previous = drafts[drafts.length - 1];
      const before = lines[i - 1] ?? '';
      const continues =
        previous !== undefined &&
        (/^\s*(?:[-*•]|\d{1,2}[.)])\s+/.test(line) ||
          /:\s*$/.test(before) ||
          (isQuote(before) && !isQuote(line)) ||
          (isQuote(line) && isQuote(before)));
      if (continues) previous.lines.push(line);
      else drafts.push({ author: '', lines: [line] });
    }
  }

  return drafts
    .map((d) => ({ author: d.author, text: d.lines.join('\n').trim() }))
    .filter((d) => d.text)
    .map((d, index) => ({ index, id: `m${index}`, author: d.author, text: d.text }));
}

function isQuote(line: string): boolean {
  return /^\s*(?:>|&gt;)/.test(line);
}

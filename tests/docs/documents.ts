import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project's root, where README.md is. */
export const ROOT = join(import.meta.dirname, '../..');

export interface Doc {
  /** Relative to the root: `README.md`, `docs/commands.md`. */
  readonly path: string;
  readonly text: string;
}

export interface CodeBlock {
  readonly doc: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's info string split into words: `console demo` → ['console', 'demo']. */
  readonly info: readonly string[];
  readonly lines: readonly string[];
}

/** README.md and every Markdown file under docs/. */
export function readDocs(): Doc[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs].map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

/** Fenced code blocks (```), with their info strings. */
export function codeBlocks(doc: Doc): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = doc.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(open[1]!.length));
    blocks.push({ doc: doc.path, line: i + 1, info: open[2]!.trim().split(/\s+/).filter(Boolean), lines: body });
    i = j;
  }
  return blocks;
}

/** The text outside code blocks, so a table or an inline span is not read twice. */
export function prose(doc: Doc): string {
  return doc.text.replace(/^\s*```[\s\S]*?^\s*```\s*$/gm, '');
}

/** Inline code spans (`…`) of a piece of Markdown. */
export function inlineCode(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!`)`([^`\n]+)`(?!`)/g)].map((m) => m[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function headings(doc: Doc): string[] {
  return [...prose(doc).matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!);
}

/** Relative links and images of a document: `[text](target)`, not http(s) or mailto. */
export function relativeLinks(doc: Doc): string[] {
  return [...prose(doc).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|mailto:)/.test(t));
}

export const exists = (path: string): boolean => existsSync(join(ROOT, path));

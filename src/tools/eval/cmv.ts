import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The annotated Reddit r/changemyview threads (Hidey et al. 2017): `N.txt` (title, post and replies),
 * `N.metadata` (turns: `Content <id> <author> <start> <end>`) and `N.ann` (brat spans and relations).
 * Every offset is in UTF-8 BYTES, so text is sliced from a Buffer, never from a string.
 */

export type GoldKind = 'main_claim' | 'claim' | 'premise';

export interface GoldSpan {
  readonly id: string;
  readonly kind: GoldKind;
  readonly text: string;
  /** The turn (message index) the span lies in. */
  readonly turn: number;
}

export interface GoldRelation {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly polarity: 'support' | 'attack';
}

export interface CmvThread {
  readonly name: string;
  readonly turns: readonly { readonly author: string; readonly text: string }[];
  readonly spans: readonly GoldSpan[];
  readonly relations: readonly GoldRelation[];
}

const SUPPORT_LABELS = new Set(['support', 'agreement', 'partial_agreement', 'understand']);
const ATTACK_LABELS = new Set([
  'attack',
  'rebuttal',
  'rebuttal_attack',
  'undercutter',
  'undercutter_attack',
  'partial_attack',
  'disagreement',
  'partial_disagreement',
]);

/** The folder that holds the `N.txt` files: the one given, or its `threads/` subfolder. */
export function threadsFolder(folder: string): string {
  const nested = join(folder, 'threads');
  return existsSync(nested) ? nested : folder;
}

export function loadCmvThreads(folder: string): CmvThread[] {
  const dir = threadsFolder(folder);
  const names = readdirSync(dir)
    .filter(
      (f) =>
        f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.metadata'))) && existsSync(join(dir, f.replace(/\.txt$/, '.ann'))),
    )
    .map((f) => f.replace(/\.txt$/, ''))
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  return names.map((name) => loadCmvThread(dir, name));
}

export function loadCmvThread(dir: string, name: string): CmvThread {
  const bytes = readFileSync(join(dir, `${name}.txt`));
  const slice = (start: number, end: number) => bytes.subarray(start, end).toString('utf8');
  const ranges: { author: string; start: number; end: number }[] = [];
  let opAuthor = '';
  for (const line of readFileSync(join(dir, `${name}.metadata`), 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === 'Title') ranges.push({ author: '', start: Number(parts[1]), end: Number(parts[2]) });
    else if (parts[0] === 'Content' && parts.length >= 5) {
      const author = parts[2]!;
      if (!opAuthor) opAuthor = author;
      ranges.push({ author, start: Number(parts[3]), end: Number(parts[4]) });
    }
  }
  // A post is its title and its body: one message, as a reader sees it (the title holds the main claim).
  const hasTitle = ranges[0]?.author === '' && ranges.length > 1;
  const turns = ranges.map((r) => ({ author: r.author || opAuthor, text: slice(r.start, r.end) }));
  if (hasTitle) turns.splice(0, 2, { author: opAuthor, text: `${turns[0]!.text.trim()}\n\n${turns[1]!.text}` });
  const turnOf = (start: number) => {
    const i = ranges.findIndex((r) => start >= r.start && start < r.end);
    const range = i === -1 ? ranges.length - 1 : i;
    return hasTitle ? Math.max(0, range - 1) : range;
  };

  const spans: GoldSpan[] = [];
  const relations: GoldRelation[] = [];
  for (const line of readFileSync(join(dir, `${name}.ann`), 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0] ?? '')) {
      const [kind, start, end] = (cols[1] ?? '').split(' ');
      if (kind !== 'main_claim' && kind !== 'claim' && kind !== 'premise') continue;
      spans.push({ id: cols[0]!, kind, text: slice(Number(start), Number(end)), turn: turnOf(Number(start)) });
    } else if (/^R\d+$/.test(cols[0] ?? '')) {
      const m = /^(\S+) Arg1:(T\d+) Arg2:(T\d+)/.exec(cols[1] ?? '');
      if (!m) continue;
      const label = m[1]!;
      const polarity = SUPPORT_LABELS.has(label) ? 'support' : ATTACK_LABELS.has(label) ? 'attack' : undefined;
      if (polarity) relations.push({ from: m[2]!, to: m[3]!, label, polarity });
    }
  }
  return { name, turns, spans, relations };
}

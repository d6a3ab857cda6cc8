import { classifyLines, quoteContentOffset } from './boilerplate.ts';
import type { LineKind } from './thread.ts';

/**
 * Cuts a message into sentences with their offsets, so every claim is a verbatim slice of its message.
 * Boundaries come from the Unicode sentence rules (`Intl.Segmenter`, ICU), corrected where chat text
 * trips them: abbreviations ("Dr.", "vs."), inline lists ("three conditions: - A. - B"), and lines a
 * mail client wrapped mid-sentence.
 */

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly quote: boolean;
}

export interface SegmentedMessage {
  readonly spans: readonly SentenceSpan[];
  readonly lineKinds: readonly LineKind[];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// A segment that ends in one of these did not end a sentence.
const TITLE_ABBREVIATION =
  /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|st|jr|sr|vs|cf|fig|vol|approx|e\.g|i\.e|viz|al|resp|incl|esp|bzw|ca|usw|vgl|nr|sog|evtl|ggf|inkl)\.\s*$/i;
// "No. 5" is a number; "No. That is wrong." is an answer.
const NUMBER_ABBREVIATION = /(?:^|[\s(])(?:no|nos|nr|pp?)\.\s*$/i;
// "z. B.", "d. h.", "u. a.": initials of a German abbreviation, one letter and a point each.
const SINGLE_LETTER_END = /(?:^|\s)\p{L}\.\s*$/u;
const SINGLE_LETTER_START = /^\p{L}\.(?:\s|$)/u;
const ETC = /(?:^|\s)etc\.\s*$/i;
const URL_END = /(?:https?:\/\/|www\.)\S*$/i;
const MONTH_OR_INITIALS =
  /(?:^|[\s(])(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ept?|[Oo]ct|[Nn]ov|[Dd]ec|(?:\p{Lu}\.){1,3}\p{Lu})\.\s*$/u;
const TERMINAL = /[.!?:;…"”’)\]]\s*$/;
const BULLET = /^(?:[-*•–]|\d{1,2}[.)])\s+/;

/** `chrome`: lines (trimmed) known to be a page's repeated header or footer, dropped as boilerplate. */
export function segmentMessage(text: string, chrome: ReadonlySet<string> = new Set()): SegmentedMessage {
  const lines = text.split('\n');
  const lineKinds = classifyLines(lines).map((kind, i) => (kind === 'content' && chrome.has(lines[i]!.trim()) ? 'boilerplate' : kind));
  const spans: SentenceSpan[] = [];
  let offset = 0;
  let region: { start: number; end: number; quote: boolean } | undefined;
  const flush = () => {
    if (region) spans.push(...sentencesIn(text, region.start, region.end, region.quote));
    region = undefined;
  };
  lines.forEach((line, i) => {
    const kind = lineKinds[i]!;
    const lineEnd = offset + line.length;
    if (kind === 'content' || kind === 'quote') {
      const quote = kind === 'quote';
      const start = offset + (quote ? quoteContentOffset(line) : 0);
      // A bulleted line starts a new region, so a list item is never glued to the line above.
      if (region && (region.quote !== quote || quote || BULLET.test(line.trim()))) flush();
      if (region) region.end = lineEnd;
      else region = { start, end: lineEnd, quote };
    } else flush();
    offset = lineEnd + 1;
  });
  flush();
  return { spans, lineKinds };
}

function sentencesIn(text: string, from: number, to: number, quote: boolean): SentenceSpan[] {
  const raw: { start: number; end: number }[] = [];
  for (const piece of segmenter.segment(text.slice(from, to))) {
    raw.push({ start: from + piece.index, end: from + piece.index + piece.segment.length });
  }
  const merged: { start: number; end: number }[] = [];
  for (const piece of raw) {
    const previous = merged[merged.length - 1];
    if (previous && shouldJoin(text.slice(previous.start, previous.end), text.slice(piece.start, piece.end))) previous.end = piece.end;
    else merged.push({ ...piece });
  }
  return merged
    .flatMap((piece) => splitAfterEmoji(text, piece.start, piece.end))
    .flatMap((piece) => splitBeforeLowercase(text, piece.start, piece.end))
    .flatMap((piece) => splitInlineList(text, piece.start, piece.end))
    .flatMap((piece) => {
      const trimmed = trim(text, piece.start, piece.end);
      return trimmed ? splitClauses(text, trimmed.start, trimmed.end) : [];
    })
    .filter((piece) => /\p{L}/u.test(text.slice(piece.start, piece.end)))
    .map((piece) => ({ ...piece, quote }));
}

// Where one argumentative unit ends and the next begins inside a sentence: "X, but Y" (a concession and
// a claim), "X because Y" (a claim and its reason). The conjunction stays with the clause it introduces.
const CLAUSE_BREAK = /,?\s+(?=but\s|because\s(?!of\b))/gi;
const CLAUSE_MIN_WORDS = 4;

/** Splits a sentence into clauses at contrast and reason markers, when both sides are real clauses. */
function splitClauses(text: string, start: number, end: number): { start: number; end: number }[] {
  const slice = text.slice(start, end);
  const pieces: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const match of slice.matchAll(CLAUSE_BREAK)) {
    const before = slice.slice(cursor, match.index);
    const after = slice.slice(match.index + match[0].length);
    if (wordCount(before) < CLAUSE_MIN_WORDS || wordCount(after) < CLAUSE_MIN_WORDS || insideBrackets(slice, match.index)) continue;
    pieces.push({ start: start + cursor, end: start + match.index });
    cursor = match.index + match[0].length;
  }
  pieces.push({ start: start + cursor, end });
  return pieces;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Inside parentheses or an open quotation at `index`: a clause break there would cut the quote. */
function insideBrackets(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const open = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
  const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length % 2;
  return open > 0 || curly > 0 || straight === 1;
}

function shouldJoin(previous: string, next: string): boolean {
  const nextStart = next.trimStart();
  if (TITLE_ABBREVIATION.test(previous)) return true;
  if (NUMBER_ABBREVIATION.test(previous) && /^\d/.test(nextStart)) return true;
  if (SINGLE_LETTER_END.test(previous) && SINGLE_LETTER_START.test(nextStart)) return true;
  // A "?" or "." inside a link ("https://example.com/r?id=5") is not the end of a sentence.
  if (URL_END.test(previous) && next.length > 0 && !/^\s/.test(next)) return true;
  // "Jan. 2024", "U.S. policy": an abbreviation followed by a number or a lowercase word.
  if (MONTH_OR_INITIALS.test(previous) && /^(?:\d|\p{Ll})/u.test(nextStart)) return true;
  if (ETC.test(previous) && /^[a-z]/.test(nextStart)) return true;
  // A line wrapped mid-sentence: no closing punctuation, and the next line goes on in lowercase.
  return /\n\s*$/.test(previous) && !TERMINAL.test(previous) && /^[a-z]/.test(nextStart) && !BULLET.test(nextStart);
}

// "…in future systems. that's another discussion.": a full stop after a word, then a lowercase word,
// which the Unicode rules do not take for a boundary. Abbreviations ("etc. and") and links are not cut.
const BEFORE_LOWERCASE = /(?<=\p{L}{2}[.!?])\s+(?=\p{Ll})/gu;

function splitBeforeLowercase(text: string, start: number, end: number): { start: number; end: number }[] {
  const slice = text.slice(start, end);
  const pieces: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const match of slice.matchAll(BEFORE_LOWERCASE)) {
    const before = slice.slice(cursor, match.index);
    if (TITLE_ABBREVIATION.test(before) || ETC.test(before) || URL_END.test(before) || MONTH_OR_INITIALS.test(before)) continue;
    if (/(?:^|\s)\p{L}{1,2}\.$/u.test(before) || insideBrackets(before, before.length)) continue;
    pieces.push({ start: start + cursor, end: start + match.index });
    cursor = match.index + match[0].length;
  }
  pieces.push({ start: start + cursor, end });
  return pieces;
}

// An emoji followed by a capitalised word ends a sentence as a full stop would ("Great 🎉 It works.").
const AFTER_EMOJI = /(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]*)\s+(?=\p{Lu})/gu;

function splitAfterEmoji(text: string, start: number, end: number): { start: number; end: number }[] {
  const slice = text.slice(start, end);
  if (!/\p{Extended_Pictographic}/u.test(slice)) return [{ start, end }];
  const pieces: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const match of slice.matchAll(AFTER_EMOJI)) {
    if (!/\p{L}/u.test(slice.slice(cursor, match.index))) continue;
    pieces.push({ start: start + cursor, end: start + match.index });
    cursor = match.index + match[0].length;
  }
  pieces.push({ start: start + cursor, end });
  return pieces;
}

/** "three conditions: - A. - B - C" → the lead-in and each item. */
function splitInlineList(text: string, start: number, end: number): { start: number; end: number }[] {
  const slice = text.slice(start, end);
  const inlineList = /:\s+[-–•]\s+\S/.test(slice);
  const separator = inlineList ? /\s+[-–•]\s+(?=[\p{Lu}\d"“])/gu : /(?<=[.;!?])\s+[-–•]\s+(?=[\p{Lu}\d"“])/gu;
  const pieces: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const match of slice.matchAll(separator)) {
    pieces.push({ start: start + cursor, end: start + match.index });
    cursor = match.index + match[0].length;
  }
  pieces.push({ start: start + cursor, end });
  return pieces;
}

/** Without surrounding space and a leading list marker. */
function trim(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  const bullet = BULLET.exec(text.slice(s, e));
  if (bullet) s += bullet[0].length;
  return s < e ? { start: s, end: e } : undefined;
}

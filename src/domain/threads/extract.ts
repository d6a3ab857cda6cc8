import { readSentence, type SentenceReading } from './analyse.ts';
import { readableText } from './clean.ts';
import { findQuotedSentence, foldRepeats } from './fold.ts';
import { looksEnglish, otherLanguageOf } from './language.ts';
import type { SentencePosition } from './markers.ts';
import { relateClaims } from './relate.ts';
import { segmentMessage } from './sentences.ts';
import type { Extraction, ExtractedClaim, Sentence, ThreadMessage } from './thread.ts';
import { contentTerms, EMPTY_VECTOR, TermStats, type TermVector } from './words.ts';

/**
 * The whole pipeline: messages → sentences (boilerplate dropped) → repeated text folded, quotes traced →
 * each sentence read (claim? premise? crux? stance? credence?) → claims → relations. Pure: the same
 * thread always gives the same result.
 */
export interface ThreadAnalysis extends Extraction {
  readonly readings: readonly SentenceReading[];
  /** quote or repeated sentence id → the earlier sentence it reproduces. */
  readonly sources: ReadonlyMap<number, number>;
  /** Messages that are not in English, passed through untouched: message index → language code. */
  readonly otherLanguage: ReadonlyMap<number, string>;
  readonly terms: TermStats;
  readonly vectorOfSentence: (id: number) => TermVector;
}

/** Quotes are traced this many sentences back at most, so a huge channel stays linear. */
const QUOTE_LOOKBACK = 4000;

export function analyseThread(raw: readonly ThreadMessage[]): ThreadAnalysis {
  // The text a reader sees: entities decoded, markdown markup off (claims are slices of this text).
  const messages = raw.map((m) => {
    const text = readableText(m.text);
    return text === m.text ? m : { ...m, text };
  });
  const sentences: Sentence[] = [];
  const otherLanguage = new Map<number, string>();
  let boilerplateLines = 0;
  const headers = repeatedHeaders(messages);
  for (const message of messages) {
    if (!message.text.trim() || isBot(message.author)) continue;
    if (!looksEnglish(message.text)) {
      otherLanguage.set(message.index, otherLanguageOf(message.text));
      continue;
    }
    const { spans, lineKinds } = segmentMessage(message.text, headers);
    boilerplateLines += lineKinds.filter((k) => k === 'boilerplate' || k === 'link').length;
    for (const span of spans) {
      sentences.push({
        id: sentences.length,
        message: message.index,
        start: span.start,
        end: span.end,
        text: message.text.slice(span.start, span.end),
        quote: span.quote,
      });
    }
  }

  const folding = foldRepeats(sentences);
  const sources = new Map<number, number>([...folding.repeatOf, ...folding.quoteOf]);
  for (const sentence of sentences) {
    if (!sentence.quote || sources.has(sentence.id)) continue;
    const earlier = sentences.slice(Math.max(0, sentence.id - QUOTE_LOOKBACK), sentence.id);
    const quoted = findQuotedSentence(sentence, earlier);
    if (quoted !== undefined) sources.set(sentence.id, folding.repeatOf.get(quoted) ?? quoted);
  }

  const readings = sentences.map((s) => readSentence(s, positionOf(s, sentences, messages[s.message]!.text)));
  const terms = new TermStats();
  const termsOf = sentences.map((s) => (sources.has(s.id) ? [] : contentTerms(s.text)));
  for (const t of termsOf) if (t.length) terms.add(t);
  const vectors = new Map<number, TermVector>();
  const vectorOfSentence = (id: number): TermVector => {
    let v = vectors.get(id);
    if (!v) vectors.set(id, (v = termsOf[id]?.length ? terms.vector(termsOf[id]!) : EMPTY_VECTOR));
    return v;
  };

  // Where each first occurrence reappears: folded repeats and quotes count as the same claim.
  const occurrences = new Map<number, Set<number>>();
  for (const [id, source] of sources) {
    const set = occurrences.get(source) ?? new Set([sentences[source]!.message]);
    set.add(sentences[id]!.message);
    occurrences.set(source, set);
  }

  const claims: ExtractedClaim[] = [];
  const isOwn = (s: Sentence | undefined) => s !== undefined && !s.quote && !sources.has(s.id);
  let consumed = -1;
  for (const reading of readings) {
    const { sentence } = reading;
    if (!reading.kind || !isOwn(sentence) || sentence.id === consumed) continue;
    const message = messages[sentence.message]!;
    // "I think the crux might be that I disbelieve this claim:" is finished by the sentence after it.
    const next = sentences[sentence.id + 1];
    let end = reading.claimEnd;
    if (/:\s*$/.test(sentence.text) && next && next.message === sentence.message && isOwn(next)) {
      end = next.end;
      consumed = next.id;
    }
    claims.push({
      id: `c${claims.length + 1}`,
      text: message.text.slice(reading.claimStart, end),
      author: message.author,
      message: message.index,
      sentence: sentence.id,
      kind: reading.kind,
      ...(reading.credence ? { credence: reading.credence } : {}),
      occurrences: [...(occurrences.get(sentence.id) ?? [sentence.message])].sort((a, b) => a - b),
      score: reading.score,
      marksCrux: reading.crux.crux,
      notCrux: reading.crux.notCrux,
    });
  }

  const relations = relateClaims({
    messages,
    readings,
    claims,
    sources,
    vectorOf: (claim) => vectorOfSentence(claim.sentence),
    textVector: (text) => terms.vector(contentTerms(text)),
  });

  const repeatedMessages = new Set<number>();
  const ownSentences = new Map<number, number>();
  for (const s of sentences) if (!s.quote && !sources.has(s.id)) ownSentences.set(s.message, (ownSentences.get(s.message) ?? 0) + 1);
  for (const s of sentences) if (folding.repeatOf.has(s.id) && !ownSentences.has(s.message)) repeatedMessages.add(s.message);

  return {
    messages,
    sentences,
    readings,
    claims,
    relations,
    sources,
    otherLanguage,
    terms,
    vectorOfSentence,
    stats: {
      messages: messages.length,
      sentences: sentences.length,
      foldedSentences: folding.repeatOf.size,
      repeatedMessages: repeatedMessages.size,
      boilerplateLines,
      otherLanguage: otherLanguage.size,
      otherLanguages: commonestFirst([...otherLanguage.values()]),
    },
  };
}

function commonestFirst(codes: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** Bots and automated accounts: "AutoModerator", "DeltaBot", "github-actions[bot]", "Reminder Bot". */
const BOT_AUTHOR = /\[bot\]$|(?:^|[\s_.-])bot$|^automoderator$|^(?:github-actions|dependabot|renovate)\b/i;
const CAMEL_BOT = /\p{Ll}Bot$/u;

export function isBot(author: string): boolean {
  return author !== '' && (BOT_AUTHOR.test(author) || CAMEL_BOT.test(author));
}

/** A message that repeats a line this many times over (a page header, a channel banner) repeats chrome, not a claim. */
const HEADER_REPEATS = 3;
const HEADER_MAX_WORDS = 12;

/** Short lines that start or end three or more messages the same way: the header or footer of a web export. */
function repeatedHeaders(messages: readonly ThreadMessage[]): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const m of messages) {
    const lines = m.text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length < 2) continue;
    for (const line of new Set([lines[0]!, lines[lines.length - 1]!])) {
      if (line.split(/\s+/).length > HEADER_MAX_WORDS) continue;
      seen.set(line, (seen.get(line) ?? 0) + 1);
    }
  }
  return new Set([...seen].filter(([, n]) => n >= HEADER_REPEATS).map(([line]) => line));
}

/** First or last in its message and paragraph, among the author's own (unquoted) sentences. */
function positionOf(sentence: Sentence, all: readonly Sentence[], text: string): SentencePosition {
  const own = (s: Sentence | undefined) => s !== undefined && s.message === sentence.message && !s.quote;
  let before: Sentence | undefined;
  for (let i = sentence.id - 1; i >= 0 && all[i]!.message === sentence.message; i--)
    if (own(all[i])) {
      before = all[i];
      break;
    }
  let after: Sentence | undefined;
  for (let i = sentence.id + 1; i < all.length && all[i]!.message === sentence.message; i++)
    if (own(all[i])) {
      after = all[i];
      break;
    }
  const breakBetween = (a: Sentence, b: Sentence) =>
    /\n\s*\n/.test(text.slice(a.end, b.start)) || all.slice(a.id + 1, b.id).some((s) => s.quote);
  return {
    messageFirst: !before,
    messageLast: !after,
    paragraphFirst: !before || breakBetween(before, sentence),
    paragraphLast: !after || breakBetween(sentence, after),
  };
}

/**
 * The CLI's `extract --json` shape: claims' texts are verbatim slices of their messages. A message in
 * another language carries `lang` (its ISO 639-1 code) and `captured: false`: it was not cut into claims.
 */
export function extractionJson(analysis: Extraction & { readonly otherLanguage?: ReadonlyMap<number, string> }): unknown {
  return {
    messages: analysis.messages.map((m) => {
      const lang = analysis.otherLanguage?.get(m.index);
      return { index: m.index, author: m.author || 'unknown', text: m.text, ...(lang ? { lang, captured: false } : {}) };
    }),
    claims: analysis.claims.map((c) => ({
      id: c.id,
      text: c.text,
      author: c.author || 'unknown',
      message: c.message,
      kind: c.kind,
      ...(c.credence ? { credence: c.credence.value } : {}),
    })),
    relations: analysis.relations.map((r) => ({ from: r.from, to: r.to, kind: r.kind })),
  };
}

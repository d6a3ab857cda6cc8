import type { Sentence } from './thread.ts';
import { normalizedKey, words } from './words.ts';

/**
 * Repeated text. People quote each other and web exports repeat whole comments: the seed thread has the
 * same paragraphs three times. A sentence that repeats an earlier one (the same words, or nearly: 80%
 * of its word 4-grams shared) folds into the first; a `> ` quote is traced to the sentence it quotes.
 */

export interface Folding {
  /** sentence id → the id of the earlier sentence it repeats. */
  readonly repeatOf: ReadonlyMap<number, number>;
  /** quote sentence id → the id of the earlier sentence it quotes. */
  readonly quoteOf: ReadonlyMap<number, number>;
}

const MIN_WORDS = 4;
const NEAR_MIN_WORDS = 8;
const NEAR_JACCARD = 0.8;

function shingles(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 4 <= tokens.length; i++) out.add(tokens.slice(i, i + 4).join(' '));
  return out;
}

export function foldRepeats(sentences: readonly Sentence[]): Folding {
  const repeatOf = new Map<number, number>();
  const quoteOf = new Map<number, number>();
  const firstByKey = new Map<string, number>();
  const shingleIndex = new Map<string, number[]>();
  const shingleSets = new Map<number, Set<string>>();

  const findEarlier = (sentence: Sentence, key: string, tokens: readonly string[]): number | undefined => {
    const exact = firstByKey.get(key);
    if (exact !== undefined) return exact;
    if (tokens.length < NEAR_MIN_WORDS) return undefined;
    const mine = shingles(tokens);
    const shared = new Map<number, number>();
    for (const s of mine) for (const id of shingleIndex.get(s) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: { id: number; score: number } | undefined;
    for (const [id, count] of shared) {
      if (count < NEAR_JACCARD * mine.size) continue;
      const other = shingleSets.get(id)!;
      const jaccard = count / (mine.size + other.size - count);
      if (jaccard >= NEAR_JACCARD && (!best || jaccard > best.score) && id !== sentence.id) best = { id, score: jaccard };
    }
    return best?.id;
  };

  for (const sentence of sentences) {
    const tokens = words(sentence.text);
    if (tokens.length < MIN_WORDS) continue;
    const key = tokens.join(' ');
    const earlier = findEarlier(sentence, key, tokens);
    if (earlier !== undefined) {
      // A quote points at what it quotes; a repeat at the first time the words were said.
      (sentence.quote ? quoteOf : repeatOf).set(sentence.id, repeatOf.get(earlier) ?? earlier);
      continue;
    }
    if (sentence.quote) continue;
    firstByKey.set(key, sentence.id);
    if (tokens.length >= NEAR_MIN_WORDS) {
      const set = shingles(tokens);
      shingleSets.set(sentence.id, set);
      // Common 4-grams ("I don't think that") would make every lookup scan everything: cap the lists.
      for (const s of set) {
        const list = shingleIndex.get(s) ?? [];
        if (list.length < 32) list.push(sentence.id);
        shingleIndex.set(s, list);
      }
    }
  }
  return { repeatOf, quoteOf };
}

/**
 * A quote that is only part of a sentence (people quote a clause): the earlier sentence of an earlier
 * message whose words contain the quoted words.
 */
export function findQuotedSentence(quote: Sentence, earlier: readonly Sentence[]): number | undefined {
  const key = normalizedKey(quote.text);
  if (key.split(' ').length < 3) return undefined;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const candidate = earlier[i]!;
    if (candidate.quote || candidate.message >= quote.message) continue;
    if (normalizedKey(candidate.text).includes(key)) return candidate.id;
  }
  return undefined;
}

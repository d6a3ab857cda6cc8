/**
 * Words for similarity: lowercase tokens without stop words, lightly stemmed, weighted by how rare they
 * are in the thread (TF-IDF), compared by cosine.
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Every word of a text, lowercase, apostrophes kept (`don't`). */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

// Function words and chat filler: they say nothing about what a sentence is about.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
  few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
  him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
  mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't
  she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then
  there there's these they they'd they'll they're they've this those through to too under until up very was
  wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom
  why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves just really
  think thinks thought believe guess seems seem seemed like get got much many well even still though yes yeah
  will one ones thing things lot kind sort quite pretty rather somewhat maybe perhaps probably actually
  definitely sure say said says mean means point way make makes made going go know don't i'd it'd etc`.split(/\s+/),
);

/** A light English stemmer: enough to meet `agents`/`agent`, `gaming`/`game`, `drifted`/`drift`. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = word.replace(/'s$/, '');
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      // Undo a doubled consonant: `permitted` → `permit`.
      if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  // A final e goes on both sides: `game` and `gaming` both become `gam`.
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** The words that carry meaning, stemmed. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** A sparse vector: term → weight, with its length precomputed for cosine. */
export interface TermVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

export const EMPTY_VECTOR: TermVector = { weights: new Map(), norm: 0 };

/** Document frequencies over a set of texts (each text's terms counted once). */
export class TermStats {
  private readonly df = new Map<string, number>();
  private documents = 0;

  add(terms: readonly string[]): void {
    this.documents++;
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** Inverse document frequency, smoothed so a term in every document still counts a little. */
  idf(term: string): number {
    return Math.log((this.documents + 1) / ((this.df.get(term) ?? 0) + 0.5));
  }

  vector(terms: readonly string[]): TermVector {
    if (terms.length === 0) return EMPTY_VECTOR;
    const weights = new Map<string, number>();
    for (const t of terms) weights.set(t, (weights.get(t) ?? 0) + 1);
    let sum = 0;
    for (const [t, tf] of weights) {
      const w = (1 + Math.log(tf)) * this.idf(t);
      weights.set(t, w);
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum) };
  }
}

export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) {
    const other = large.weights.get(t);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}

/** Lowercase letters and digits only, single-spaced: the key under which repeated text folds. */
export function normalizedKey(text: string): string {
  return words(text).join(' ');
}

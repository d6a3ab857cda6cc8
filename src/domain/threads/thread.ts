/**
 * A debate thread as the extractor sees it: messages in order, each with its author and text. The
 * platforms (Discord history, Slack replies) and the file formats (JSON, plain text) all become this.
 */
export interface ThreadMessage {
  /** Position in the thread, from 0. */
  readonly index: number;
  /** The platform's message id, or `m<index>` for files. */
  readonly id: string;
  /** The author's display name; empty when the source does not say (a plain-text export). */
  readonly author: string;
  readonly text: string;
  readonly at?: Date;
  /** The index of the message this one answers, when the source says. */
  readonly replyTo?: number;
  readonly permalink?: string;
}

/** What a message is made of, line by line, before sentences are cut. */
export type LineKind = 'content' | 'quote' | 'boilerplate' | 'link' | 'code' | 'blank';

/** A sentence: a verbatim slice of its message (`text === message.text.slice(start, end)`). */
export interface Sentence {
  /** Position among all sentences of the thread. */
  readonly id: number;
  readonly message: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Inside a `> ` quote of someone else's words. */
  readonly quote: boolean;
}

export type ClaimKind = 'claim' | 'premise' | 'crux';
export type RelationKind = 'supports' | 'opposes' | 'agrees' | 'disagrees' | 'crux-of';
export type Stance = 'agree' | 'disagree' | 'concede';

/** A number someone put on a proposition: "I'd put 70% on…", "P(x) is tiny like 1e-9". */
export interface StatedCredence {
  readonly value: number;
  /** The words as written, e.g. `e-9`, `70%`. */
  readonly written: string;
  /** What it is about, when the sentence says (the inside of `P(…)`, the words after "on"). */
  readonly about?: string;
  /** The speaker named the number in order to doubt it ("it would be odd if P(x) is like e-9"). */
  readonly doubted: boolean;
}

/** An argumentative sentence found in the thread: a candidate claim for the debate map. */
export interface ExtractedClaim {
  /** `c1`, `c2`…, in thread order. */
  readonly id: string;
  readonly text: string;
  readonly author: string;
  readonly message: number;
  readonly sentence: number;
  readonly kind: ClaimKind;
  readonly credence?: StatedCredence;
  /** Every message the same words appear in (people quote and re-paste each other), first first. */
  readonly occurrences: readonly number[];
  /** How argumentative the sentence reads, 0–1. */
  readonly score: number;
  /** The sentence names something as the crux, the key claim, or load-bearing. */
  readonly marksCrux: boolean;
  /** The sentence says something is NOT a crux (or not load-bearing). */
  readonly notCrux: boolean;
}

export interface ExtractedRelation {
  readonly from: string;
  readonly to: string;
  readonly kind: RelationKind;
}

/** Counts of what the pipeline dropped or folded, shown so a reader can trust the summary. */
export interface ExtractionStats {
  readonly messages: number;
  readonly sentences: number;
  /** Sentences that repeat an earlier one (quotes, re-pastes), folded into the first. */
  readonly foldedSentences: number;
  /** Messages whose every sentence repeats earlier text. */
  readonly repeatedMessages: number;
  readonly boilerplateLines: number;
  /** Messages left untouched because they are not in English. */
  readonly otherLanguage: number;
  /** …and their languages (ISO 639-1 codes, `und` when unrecognised), commonest first. */
  readonly otherLanguages?: readonly string[];
}

export interface Extraction {
  readonly messages: readonly ThreadMessage[];
  readonly sentences: readonly Sentence[];
  readonly claims: readonly ExtractedClaim[];
  readonly relations: readonly ExtractedRelation[];
  readonly stats: ExtractionStats;
}

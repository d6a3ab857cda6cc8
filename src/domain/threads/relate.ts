import type { SentenceReading } from './analyse.ts';
import { ADDITION_START, CONTRAST_START } from './markers.ts';
import type { ExtractedClaim, ExtractedRelation, RelationKind, ThreadMessage } from './thread.ts';
import { cosine, type TermVector } from './words.ts';

/**
 * Who answers whom, and how. Inside a message a reason supports the claim beside it and a conclusion
 * rests on what came before. Across messages a reply targets what it quotes, the message it answers, or
 * failing both the most similar earlier claim; its stance markers ("I agree", "No,", "the crux is")
 * say how.
 */

export interface RelateInput {
  readonly messages: readonly ThreadMessage[];
  readonly readings: readonly SentenceReading[];
  readonly claims: readonly ExtractedClaim[];
  /** quote or repeated sentence id → the earlier sentence id it reproduces. */
  readonly sources: ReadonlyMap<number, number>;
  readonly vectorOf: (claim: ExtractedClaim) => TermVector;
  /** Vector of any text, weighted by the thread's word statistics. */
  readonly textVector: (text: string) => TermVector;
}

/** How many earlier messages a reply without quote or reply-to may find what it answers in. */
const LOOKBACK_MESSAGES = 15;
/** …and how many messages it scans for them at most, so a channel of chatter stays linear. */
const LOOKBACK_SCAN = 200;
/** How alike (TF-IDF cosine) a reply and an earlier claim must be for the reply to answer it. */
const SIMILAR_ENOUGH = 0.2;
/** A reply's further point is linked to the target message's point it shares this much with. */
const POINT_SIMILARITY = 0.2;
/** An `@name` at the start of a message, or after a greeting. */
const MENTION = /^(?:(?:hi|hey|thanks|ok|okay|so|well|but|and)[,]?\s+)?@([\p{L}\p{N}_.-]{1,40})/iu;
const NEGATION =
  /\b(?:not|no|never|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|can't|cannot|shouldn't|wouldn't|nothing|nobody)\b|n't\b/i;

export function relateClaims(input: RelateInput): ExtractedRelation[] {
  const { messages, readings, claims } = input;
  const relations: ExtractedRelation[] = [];
  const seen = new Set<string>();
  const add = (from: ExtractedClaim, to: ExtractedClaim, kind: RelationKind) => {
    const key = `${from.id}>${to.id}`;
    if (from.id === to.id || seen.has(key) || seen.has(`${to.id}>${from.id}`)) return;
    seen.add(key);
    relations.push({ from: from.id, to: to.id, kind });
  };

  const claimBySentence = new Map(claims.map((c) => [c.sentence, c]));
  const claimsByMessage = new Map<number, ExtractedClaim[]>();
  for (const claim of claims) claimsByMessage.set(claim.message, [...(claimsByMessage.get(claim.message) ?? []), claim]);
  const readingsByMessage = new Map<number, SentenceReading[]>();
  for (const r of readings) readingsByMessage.set(r.sentence.message, [...(readingsByMessage.get(r.sentence.message) ?? []), r]);

  const mainClaimOf = (message: number): ExtractedClaim | undefined => {
    const own = claimsByMessage.get(message) ?? [];
    const pool = own.filter((c) => c.kind !== 'premise');
    return (pool.length ? pool : own).reduce<ExtractedClaim | undefined>(
      (best, c) => (!best || c.score > best.score ? c : best),
      undefined,
    );
  };
  /** The claim a quoted or repeated sentence stands for: itself when it is a claim, else its message's main claim. */
  const claimForSentence = (sentenceId: number): ExtractedClaim | undefined => {
    const direct = claimBySentence.get(sentenceId);
    if (direct) return direct;
    const reading = readings[sentenceId];
    return reading ? mainClaimOf(reading.sentence.message) : undefined;
  };
  const mostSimilar = (vector: TermVector, pool: readonly ExtractedClaim[]): { claim: ExtractedClaim; similarity: number } | undefined => {
    let best: { claim: ExtractedClaim; similarity: number } | undefined;
    for (const claim of pool) {
      const similarity = cosine(vector, input.vectorOf(claim));
      if (!best || similarity > best.similarity) best = { claim, similarity };
    }
    return best;
  };

  // A transcript with no reply structure at all (a pasted export, a meeting): each turn answers the last
  // turn by someone else, as people take turns.
  const turnTaking = !messages.some((m) => m.replyTo !== undefined);
  const previousTurn = (message: ThreadMessage): number | undefined => {
    for (let i = message.index - 1; i >= Math.max(0, message.index - LOOKBACK_SCAN); i--) {
      if (!sameAuthor(messages[i]!, message) && claimsByMessage.has(i)) return i;
    }
    return undefined;
  };

  // "@dana you're wrong": the reply answers Dana's last message, as a platform reply-to would say.
  const lastBy = new Map<string, number>();
  const mentioned = (message: ThreadMessage): number | undefined => {
    const name = MENTION.exec(message.text)?.[1]?.toLowerCase();
    const at = name !== undefined ? lastBy.get(name) : undefined;
    return at !== undefined && claimsByMessage.has(at) && !sameAuthor(messages[at]!, message) ? at : undefined;
  };

  for (const message of messages) {
    if (message.index > 0) {
      const before = messages[message.index - 1]!;
      if (before.author) lastBy.set(before.author.toLowerCase(), before.index);
    }
    const own = claimsByMessage.get(message.index) ?? [];
    const sentences = readingsByMessage.get(message.index) ?? [];
    relateWithinMessage(own, readings, message.text, add);

    // Walk the message: a quoted (or re-pasted) sentence sets what the words after it answer.
    let target: ExtractedClaim | undefined;
    let explicitTarget = false;
    // After a quote of words that are not in the thread (an article, another thread), the reply answers
    // those words: it is not matched by likeness to some unrelated claim here.
    let quotesOutside = false;
    let block: SentenceReading[] = [];
    const flush = () => {
      if (block.length) answer(block, target, explicitTarget, quotesOutside);
      block = [];
    };
    for (const reading of sentences) {
      const source = input.sources.get(reading.sentence.id);
      if (source !== undefined) {
        flush();
        const quoted = claimForSentence(source);
        if (quoted && quoted.message !== message.index) {
          target = quoted;
          explicitTarget = true;
          quotesOutside = false;
        }
      } else if (reading.sentence.quote) {
        flush();
        target = undefined;
        explicitTarget = false;
        quotesOutside = true;
      } else block.push(reading);
    }
    flush();

    function answer(
      blockReadings: readonly SentenceReading[],
      quoted: ExtractedClaim | undefined,
      fromQuote: boolean,
      afterOutsideQuote: boolean,
    ): void {
      const blockClaims = blockReadings.map((r) => claimBySentence.get(r.sentence.id)).filter((c): c is ExtractedClaim => c !== undefined);
      const stanceReading = blockReadings.slice(0, 2).find((r) => r.stance);
      const lead =
        (stanceReading && claimBySentence.get(stanceReading.sentence.id)) ??
        blockClaims.find((c) => c.kind !== 'premise') ??
        blockClaims[0];
      if (!lead) return;
      const blockVector = input.textVector(blockReadings.map((r) => r.sentence.text).join(' '));
      let to = fromQuote ? quoted : undefined;
      let viaStructure = fromQuote;
      const answered = message.replyTo ?? mentioned(message) ?? (turnTaking && message.author !== '' ? previousTurn(message) : undefined);
      if (!to && answered !== undefined) {
        const pool = claimsByMessage.get(answered) ?? [];
        const best = mostSimilar(blockVector, pool);
        to = best && best.similarity >= 0.1 ? best.claim : message.replyTo !== undefined ? mainClaimOf(answered) : undefined;
        viaStructure = to !== undefined;
      }
      let similarity = 0;
      if (!to && afterOutsideQuote) return;
      if (!to) {
        const pool: ExtractedClaim[] = [];
        // Count only messages that say something new: re-pasted text does not use up the look-back.
        for (let i = message.index - 1, seen = 0; i >= Math.max(0, message.index - LOOKBACK_SCAN) && seen < LOOKBACK_MESSAGES; i--) {
          const earlier = claimsByMessage.get(i);
          if (!earlier || sameAuthor(messages[i]!, message)) continue;
          pool.push(...earlier);
          seen++;
        }
        const best = mostSimilar(blockVector, pool);
        if (best && best.similarity >= SIMILAR_ENOUGH) {
          to = best.claim;
          similarity = best.similarity;
        }
      }
      if (!to && (stanceReading || blockReadings.some((r) => r.crux.crux))) {
        for (let i = message.index - 1; i >= Math.max(0, message.index - LOOKBACK_SCAN) && !to; i--) {
          if (!sameAuthor(messages[i]!, message)) to = mainClaimOf(i);
        }
      }
      if (!to) return;

      for (const r of blockReadings) {
        const claim = claimBySentence.get(r.sentence.id);
        if (claim && r.crux.crux && r.crux.explicit) add(claim, to, 'crux-of');
      }
      const target = to;
      const polarity = (claim: ExtractedClaim, stance: SentenceReading['stance']): RelationKind => {
        if (stance === 'agree' || stance === 'concede') return 'agrees';
        if (stance === 'disagree') return 'disagrees';
        const words = readings[claim.sentence]!.sentence.text;
        const turned = CONTRAST_START.test(words) || (NEGATION.test(words) && !ADDITION_START.test(words));
        if (sameAuthor(messages[target.message]!, message)) return turned ? 'opposes' : 'supports';
        // Answering someone else without a marker of agreement is, in a debate, most often a challenge.
        return turned || viaStructure ? 'opposes' : 'supports';
      };
      if (stanceReading?.stance || viaStructure || similarity >= SIMILAR_ENOUGH) add(lead, target, polarity(lead, stanceReading?.stance));

      // The reply's other points answer whichever point of the target message they are closest to.
      const targetPool = claimsByMessage.get(target.message) ?? [];
      for (const claim of blockClaims) {
        if (claim === lead) continue;
        const best = mostSimilar(input.vectorOf(claim), targetPool);
        if (best && best.similarity >= POINT_SIMILARITY) add(claim, best.claim, polarity(claim, readings[claim.sentence]!.stance));
      }
    }
  }
  return relations;
}

/**
 * Inside one's own message, "But…" and "Actually…" mostly press the author's point on (on the tune half,
 * 96% of the relations inside a message are support); "However…", "On the other hand…", "That said…"
 * weigh a point against it.
 */
const TURN_AGAINST_OWN = /^(?:however|on the other hand|that said|having said that|then again|conversely|admittedly)\b/i;

const LIST_ITEM = /^\s*(?:[-*•–]|\d{1,2}[.)])\s+\S/;

function sameAuthor(a: ThreadMessage, b: ThreadMessage): boolean {
  return a.author !== '' && a.author === b.author;
}

/**
 * Inside a message, a paragraph is one point: its first unit states it and the units after back it (a
 * reason, an example, each item of a list: the items back the lead-in above them, never the last item).
 * A paragraph that opens with a premise continues the reasoning of the unit before it; a later paragraph
 * that opens with a claim backs the message's first point. A conclusion ("So…") rests on the unit before;
 * a unit that starts "But…", "However…" turns against the point it follows. (A stance or a crux answers
 * someone else: that link is made across messages.)
 */
function relateWithinMessage(
  own: readonly ExtractedClaim[],
  readings: readonly SentenceReading[],
  text: string,
  add: (from: ExtractedClaim, to: ExtractedClaim, kind: RelationKind) => void,
): void {
  const listItem = (claim: ExtractedClaim) => {
    const start = readings[claim.sentence]!.sentence.start;
    return LIST_ITEM.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start + 1));
  };
  const nearestClaim = (i: number) =>
    own
      .slice(0, i)
      .reverse()
      .find((c) => c.kind !== 'premise');
  let paragraphLead: ExtractedClaim | undefined;
  own.forEach((claim, i) => {
    const reading = readings[claim.sentence]!;
    // A list item backs the lead-in above the list, never its sibling items.
    if (listItem(claim)) {
      const leadIn = own
        .slice(0, i)
        .reverse()
        .find((c) => !listItem(c));
      if (leadIn && !reading.stance) add(claim, leadIn, TURN_AGAINST_OWN.test(reading.sentence.text) ? 'opposes' : 'supports');
      return;
    }
    const startsParagraph = i === 0 || reading.position.paragraphFirst || !paragraphLead;
    const previous = own[i - 1];
    const lead = startsParagraph ? undefined : paragraphLead;
    if (startsParagraph) paragraphLead = claim;
    if (i === 0 || !previous) return;
    if (reading.stance || reading.crux.crux) return;
    const kind: RelationKind = TURN_AGAINST_OWN.test(reading.sentence.text) ? 'opposes' : 'supports';
    if (reading.cues.inference) add(previous, claim, 'supports');
    else if (lead) add(claim, claim.kind === 'premise' ? lead : (nearestClaim(i) ?? lead), kind);
    else add(claim, claim.kind === 'premise' ? previous : own[0]!, kind);
  });
}

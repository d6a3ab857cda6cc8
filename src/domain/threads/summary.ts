import type { ThreadAnalysis } from './extract.ts';
import { isSocial } from './markers.ts';
import type { ExtractedClaim, ExtractedRelation, StatedCredence } from './thread.ts';
import { findTopics, type Topic } from './topics.ts';
import { cosine } from './words.ts';

/**
 * What a reader of a long thread wants at a glance: the debates in it, who holds which position, the
 * key claims with their support and opposition, the cruxes people named, where they agree, what is still
 * open, and the numbers they put on things.
 */

export interface KeyClaim {
  readonly claim: ExtractedClaim;
  /** Everyone who made it (near-identical claims by several people are one key claim). */
  readonly authors: readonly string[];
  /** Claims that support or agree with it, and that oppose or dispute it. */
  readonly support: readonly ExtractedClaim[];
  readonly opposition: readonly ExtractedClaim[];
  /** How many messages it appears in (quoted, re-pasted). */
  readonly repeats: number;
  readonly rank: number;
}

export interface Position {
  /** People who hold it, grouped where they agree with each other and dispute no one in the group. */
  readonly authors: readonly string[];
  readonly stance: ExtractedClaim;
  readonly disagreesWith: readonly string[];
}

export interface CruxStatement {
  readonly claim: ExtractedClaim;
  readonly kind: 'crux' | 'key claim' | 'not a crux';
}

export interface Agreement {
  readonly author: string;
  readonly text: string;
  /** The claim agreed with, when the reply makes it clear. */
  readonly with?: ExtractedClaim;
}

export interface OpenQuestion {
  readonly author: string;
  readonly text: string;
  readonly kind: 'question' | 'uncertainty';
}

export interface CredenceStatement {
  readonly claim: ExtractedClaim;
  readonly credence: StatedCredence;
}

export interface ThreadSummary {
  readonly participants: readonly string[];
  readonly debates: readonly Topic[];
  readonly positions: readonly Position[];
  readonly keyClaims: readonly KeyClaim[];
  readonly cruxes: readonly CruxStatement[];
  readonly agreements: readonly Agreement[];
  readonly openQuestions: readonly OpenQuestion[];
  readonly credences: readonly CredenceStatement[];
}

const SAME_CLAIM = 0.6;
const KEY_CLAIMS_CONSIDERED = 400;
const CRUX_ORDER: Record<CruxStatement['kind'], number> = { crux: 0, 'key claim': 1, 'not a crux': 2 };
const POSITIVE = new Set(['supports', 'agrees']);
const NEGATIVE = new Set(['opposes', 'disagrees']);

export function summarizeThread(analysis: ThreadAnalysis): ThreadSummary {
  const { claims, relations } = analysis;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const participants = [...new Set(analysis.messages.map((m) => m.author).filter(Boolean))];
  const keyClaims = rankKeyClaims(analysis);
  return {
    participants,
    debates: findTopics(analysis),
    positions: participants.length ? positionsOf(analysis, keyClaims) : [],
    keyClaims,
    // Named cruxes first, then key claims, then what people said is not a crux.
    cruxes: claims
      .filter((c) => c.marksCrux || c.notCrux)
      .map((c): CruxStatement => ({ claim: c, kind: c.notCrux ? 'not a crux' : c.kind === 'crux' ? 'crux' : 'key claim' }))
      .sort((a, b) => CRUX_ORDER[a.kind] - CRUX_ORDER[b.kind]),
    agreements: agreementsOf(analysis, relations, byId),
    openQuestions: openQuestionsOf(analysis),
    credences: claims.flatMap((c) => (c.credence ? [{ claim: c, credence: c.credence }] : [])),
  };
}

/** Claims ranked by how central they are: argued for, argued against, repeated, named as key. */
function rankKeyClaims(analysis: ThreadAnalysis): KeyClaim[] {
  const incoming = new Map<string, ExtractedRelation[]>();
  for (const r of analysis.relations) incoming.set(r.to, [...(incoming.get(r.to) ?? []), r]);
  const byId = new Map(analysis.claims.map((c) => [c.id, c]));
  const ranked = analysis.claims
    .filter((c) => c.kind !== 'premise' && !isSocial(c.text) && c.text.split(/\s+/).length >= 4)
    .map((claim) => {
      const into = incoming.get(claim.id) ?? [];
      const rank = claim.score + 0.25 * into.length + 0.2 * (claim.occurrences.length - 1) + (claim.marksCrux ? 0.3 : 0);
      return { claim, into, rank };
    })
    .sort((a, b) => b.rank - a.rank || a.claim.sentence - b.claim.sentence)
    // Folding near-identical claims compares each with those kept: only the strongest take part.
    .slice(0, KEY_CLAIMS_CONSIDERED);

  // Near-identical claims (cosine ≥ 0.6) are one key claim with several authors.
  const kept: { claim: ExtractedClaim; into: ExtractedRelation[]; rank: number; authors: Set<string>; repeats: number }[] = [];
  for (const item of ranked) {
    const vector = analysis.vectorOfSentence(item.claim.sentence);
    const same = kept.find((k) => cosine(vector, analysis.vectorOfSentence(k.claim.sentence)) >= SAME_CLAIM);
    if (same) {
      if (item.claim.author) same.authors.add(item.claim.author);
      same.into.push(...item.into);
      same.repeats += item.claim.occurrences.length;
    } else
      kept.push({
        ...item,
        into: [...item.into],
        authors: new Set(item.claim.author ? [item.claim.author] : []),
        repeats: item.claim.occurrences.length,
      });
  }
  return kept.map((k) => ({
    claim: k.claim,
    authors: [...k.authors],
    support: k.into.filter((r) => POSITIVE.has(r.kind)).map((r) => byId.get(r.from)!),
    opposition: k.into.filter((r) => NEGATIVE.has(r.kind)).map((r) => byId.get(r.from)!),
    repeats: k.repeats,
    rank: k.rank,
  }));
}

/**
 * Each person's stance: their most central claim. People who agree with each other (and dispute no
 * one in the group) share a line.
 */
function positionsOf(analysis: ThreadAnalysis, keyClaims: readonly KeyClaim[]): Position[] {
  const authorOf = new Map(analysis.claims.map((c) => [c.id, c.author]));
  const agree = new Map<string, Set<string>>();
  const disagree = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, a: string, b: string) => {
    map.set(a, (map.get(a) ?? new Set()).add(b));
    map.set(b, (map.get(b) ?? new Set()).add(a));
  };
  for (const r of analysis.relations) {
    const a = authorOf.get(r.from);
    const b = authorOf.get(r.to);
    if (!a || !b || a === b) continue;
    if (POSITIVE.has(r.kind)) note(agree, a, b);
    else if (NEGATIVE.has(r.kind)) note(disagree, a, b);
  }

  const stanceOf = new Map<string, ExtractedClaim>();
  for (const k of keyClaims) for (const author of k.authors) if (!stanceOf.has(author)) stanceOf.set(author, k.claim);
  const groups: string[][] = [];
  for (const author of [...stanceOf.keys()]) {
    const agrees = (m: string) => agree.get(author)?.has(m) ?? false;
    const disputes = (m: string) => disagree.get(author)?.has(m) ?? false;
    const group = groups.find((g) => g.some(agrees) && !g.some(disputes));
    if (group) group.push(author);
    else groups.push([author]);
  }
  return groups.map((g) => ({
    authors: g,
    stance: stanceOf.get(g[0]!)!,
    disagreesWith: [...new Set(g.flatMap((a) => [...(disagree.get(a) ?? [])]))].filter((o) => !g.includes(o)),
  }));
}

function agreementsOf(
  analysis: ThreadAnalysis,
  relations: readonly ExtractedRelation[],
  byId: ReadonlyMap<string, ExtractedClaim>,
): Agreement[] {
  const claimBySentence = new Map(analysis.claims.map((c) => [c.sentence, c]));
  const agreedWith = new Map<string, ExtractedClaim>();
  for (const r of relations) if (r.kind === 'agrees') agreedWith.set(r.from, byId.get(r.to)!);
  const out: Agreement[] = [];
  for (const reading of analysis.readings) {
    if (reading.stance !== 'agree' && reading.stance !== 'concede') continue;
    const { sentence } = reading;
    if (sentence.quote || analysis.sources.has(sentence.id)) continue;
    const claim = claimBySentence.get(sentence.id);
    const target = claim ? agreedWith.get(claim.id) : undefined;
    out.push({ author: analysis.messages[sentence.message]!.author, text: sentence.text, ...(target ? { with: target } : {}) });
  }
  return out;
}

/** Questions nobody answered, and the uncertainties people stated about the matter itself. */
function openQuestionsOf(analysis: ThreadAnalysis): OpenQuestion[] {
  const answered = new Set<number>();
  for (const m of analysis.messages) if (m.replyTo !== undefined) answered.add(m.replyTo);
  for (const [id, source] of analysis.sources) {
    if (analysis.sentences[id]!.quote) answered.add(analysis.sentences[source]!.message);
  }
  const firstWords = new Map<number, string>();
  for (const s of analysis.sentences) if (!s.quote && !firstWords.has(s.message)) firstWords.set(s.message, s.text);
  const nextAnswers = (message: number) => {
    const author = analysis.messages[message]!.author;
    for (let i = message + 1; i < analysis.messages.length; i++) {
      const next = analysis.messages[i]!;
      if (author && next.author === author) continue;
      return /^(?:yes|yeah|yep|no|nope|not|well|sure|correct|right|exactly|I (?:think|mean)|because)\b/i.test(firstWords.get(i) ?? '');
    }
    return false;
  };
  const out: OpenQuestion[] = [];
  const seen = new Set<string>();
  for (const reading of analysis.readings) {
    const { sentence } = reading;
    if (sentence.quote || analysis.sources.has(sentence.id) || reading.social) continue;
    const author = analysis.messages[sentence.message]!.author;
    const key = sentence.text.toLowerCase();
    if (seen.has(key)) continue;
    if (reading.question && sentence.text.split(/\s+/).length >= 4) {
      if (answered.has(sentence.message) || nextAnswers(sentence.message)) continue;
      out.push({ author, text: sentence.text, kind: 'question' });
      seen.add(key);
    } else if (reading.uncertain) {
      out.push({ author, text: sentence.text, kind: 'uncertainty' });
      seen.add(key);
    }
  }
  return out;
}

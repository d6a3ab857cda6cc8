import { statedCredence } from './credences.ts';
import {
  cruxMarks,
  isBareStance,
  isQuestion,
  isSocial,
  sentenceCues,
  stanceOf,
  statesUncertainty,
  type CruxMarks,
  type SentenceCues,
} from './markers.ts';
import type { ClaimKind, Sentence, Stance, StatedCredence } from './thread.ts';
import type { SentencePosition } from './markers.ts';
import { words } from './words.ts';

/** What one sentence is doing in the debate. */
export interface SentenceReading {
  readonly sentence: Sentence;
  readonly stance?: Stance;
  readonly crux: CruxMarks;
  readonly question: boolean;
  readonly uncertain: boolean;
  readonly social: boolean;
  readonly cues: SentenceCues;
  readonly credence?: StatedCredence;
  /** 0–1, how argumentative; 0 for questions and social talk. */
  readonly score: number;
  /** Set when the sentence is a candidate claim. */
  readonly kind?: ClaimKind;
  /** Where the claim's words start and end in the message: the sentence without a leading "So,". */
  readonly claimStart: number;
  readonly claimEnd: number;
  /** Where it sits in its message and paragraph. */
  readonly position: SentencePosition;
}

/** An argumentative sentence at or above this claimness is a claim; below, a premise. */
export const CLAIM_THRESHOLD = 0.05;

const LEADING_FILLER =
  /^(?:(?:cmv|tl;?dr)\s*[:\-–]\s*|@[\p{L}\p{N}_.-]{1,40}[,:]?\s+|(?:so|and|but|because|also|well|ok|okay|now|anyway|plus|then|yes|yeah|no|right)\s*,?\s+)+/iu;

export function readSentence(sentence: Sentence, position: SentencePosition): SentenceReading {
  // Curly apostrophes read as straight ones (same length, so offsets hold).
  const probe = sentence.text.replace(/[’‘]/g, "'");
  const wordCount = words(probe).length;
  const cues = sentenceCues(probe, wordCount, position);
  const stance = stanceOf(probe);
  const crux = cruxMarks(probe);
  const question = isQuestion(probe);
  const social = isSocial(probe);
  const credence = statedCredence(probe);
  const uncertain = statesUncertainty(probe);

  const marked = crux.crux || crux.notCrux || credence !== undefined;
  let score = cues.claimness;
  if (stance) score += 0.1;
  if (marked) score += 0.3;
  score = question || social ? 0 : Math.min(1, score);

  let kind: ClaimKind | undefined;
  // "I don't think so." takes a side and says nothing more: it sets the stance of what follows.
  const bare = isBareStance(probe, stance) && !marked;
  if (!bare && (cues.argumentative || (marked && !question))) {
    if (crux.crux && crux.explicit) kind = 'crux';
    else kind = score >= CLAIM_THRESHOLD || marked || (stance !== undefined && wordCount >= 4) ? 'claim' : 'premise';
  }

  const filler = LEADING_FILLER.exec(probe);
  const trimmed = filler && filler[0].length < probe.length - 10 ? filler[0].length : 0;
  return {
    sentence,
    ...(stance ? { stance } : {}),
    crux,
    question,
    uncertain,
    social,
    cues,
    ...(credence ? { credence } : {}),
    score,
    ...(kind ? { kind } : {}),
    claimStart: sentence.start + trimmed,
    claimEnd: sentence.end,
    position,
  };
}

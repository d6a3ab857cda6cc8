import { statedCredence } from './credences.ts';
import {
  cruxMarks,
  isQuestion,
  isSocial,
  sentenceCues,
  stanceOf,
  statesUncertainty,
  type CruxMarks,
  type SentenceCues,
} from './markers.ts';
import type { ClaimKind, Sentence, Stance, StatedCredence } from './thread.ts';
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
}

/** A sentence at or above this score is a claim. */
export const CLAIM_THRESHOLD = 0.35;

const LEADING_FILLER = /^(?:(?:so|and|also|well|ok|okay|now|anyway|plus|then|yes|yeah|no|right)\s*,?\s+)+/i;

export function readSentence(sentence: Sentence): SentenceReading {
  // Curly apostrophes read as straight ones (same length, so offsets hold).
  const probe = sentence.text.replace(/[’‘]/g, "'");
  const wordCount = words(probe).length;
  const cues = sentenceCues(probe, wordCount);
  const stance = stanceOf(probe);
  const crux = cruxMarks(probe);
  const question = isQuestion(probe);
  const social = isSocial(probe);
  const credence = statedCredence(probe);
  const uncertain = statesUncertainty(probe);

  let score = cues.score;
  if (stance) score += 0.1;
  if (crux.crux || crux.notCrux) score += 0.3;
  if (credence) score += 0.3;
  if (question || social) score = 0;
  score = Math.min(1, score);

  let kind: ClaimKind | undefined;
  if (!question && !social && wordCount >= 3) {
    if (crux.crux && crux.explicit) kind = 'crux';
    else if (score >= CLAIM_THRESHOLD || crux.crux || crux.notCrux || credence) kind = cues.premise && !crux.crux ? 'premise' : 'claim';
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
  };
}

import type { Stance } from './thread.ts';

/**
 * The words by which people in a debate show what a sentence is doing: taking a stance on what someone
 * said ("I agree", "No,", "I disbelieve"), naming a crux, hedging, giving a reason, asking. Each test
 * looks at one sentence.
 */

const AGREE: readonly RegExp[] = [
  /^(?:yes|yeah|yep|yup|exactly|agreed|absolutely|indeed|true|right|fair enough|good point|great point|fair point)\b/i,
  /^(?:that's|that is|this is) (?:true|right|fair|correct|a (?:good|fair|great) point)\b/i,
  /\bI (?:\w+ )?agree\b(?! (?:to|on nothing))/i,
  /\bI (?:\w+ )?take your point\b/i,
  /\byou(?:'re| are) (?:right|correct|not wrong)\b/i,
  /\b(?:makes|made) (?:a lot |much )?(?:more )?sense\b/i,
  /\bI (?:\w+ )?understand your (?:model|point|view|argument|position)\b/i,
  /\bI (?:\w+ )?(?:concede|stand corrected|changed my (?:mind|view))\b/i,
  /\b(?:good|fair|great|valid) point\b/i,
  /\bI'?ll (?:give|grant) you that\b/i,
  /^(?:Δ|∆|&#8710;|!delta)/i,
];

// "I don't agree" must not read as agreement: these are tested first.
const DISAGREE: readonly RegExp[] = [
  /^(?:no|nope|nah|not really|not quite|not necessarily|not so|wrong|false|incorrect)\b[,.!:;—-]?/i,
  /\bI (?:\w+ )?(?:disagree|disbelieve|dispute|doubt|reject|object to)\b/i,
  /\bI (?:don't|do not|can't|cannot|wouldn't) (?:\w+ )?(?:agree|buy|accept|see how|think that's right|think this is right)\b/i,
  /\b(?:that's|that is|this is|you're|you are) (?:not (?:true|right|correct|the case)|wrong|false|mistaken|incorrect)\b/i,
  /\bquibbles?\b/i,
  /\bnot (?:nearly |quite |at all )?as \w+ as (?:claimed|you (?:say|claim|think|suggest))\b/i,
  /\bthe (?:problem|issue|flaw|trouble) (?:with|in) (?:this|that|your|the argument)\b/i,
  /\bI'?m not (?:\w+ )?(?:sure|convinced|persuaded) (?:that|this|about)\b/i,
  /\b(?:on the contrary|quite the opposite|that doesn't follow|does not follow)\b/i,
  /\bI (?:don't|do not) think (?:this|that|it|so)\b/i,
];

/** An agreement that goes on to push back: "I agree they're pliable, but my key claim is…". */
const CONCESSION = /\b(?:agree|point|true|right|fair|granted|sure)\b[^.!?]{0,120}?(?:,|;)?\s+(?:but|however|though|yet|still)\b/i;

export function stanceOf(sentence: string): Stance | undefined {
  if (DISAGREE.some((p) => p.test(sentence))) return 'disagree';
  if (AGREE.some((p) => p.test(sentence))) return CONCESSION.test(sentence) ? 'concede' : 'agree';
  return undefined;
}

const CRUX = /\bcrux(?:es|y)?\b|\bdouble[- ]crux/i;
const NOT_CRUX =
  /\b(?:not|isn't|is not|wasn't|was not|aren't|never) (?:\w+ ){0,2}(?:a |the |an )?(?:\w+ )?(?:crux|load[- ]bearing|cruxy)\b|\bnot (?:an? )?(?:especially |very |that |particularly |really )?load[- ]bearing\b/i;
const KEY_CLAIM =
  /\b(?:my|the|our|your) (?:key|main|central|core|real|crucial|fundamental) (?:claim|point|disagreement|question|crux|issue|premise)\b|\bload[- ]bearing\b|\bhinges on\b|\bthe (?:whole|entire) (?:argument|disagreement) (?:rests|turns|depends) on\b/i;

export interface CruxMarks {
  /** Names a crux or the key claim. */
  readonly crux: boolean;
  /** Says something is not a crux, or not load-bearing. */
  readonly notCrux: boolean;
  /** Uses the word crux itself (as opposed to "key claim"). */
  readonly explicit: boolean;
}

export function cruxMarks(sentence: string): CruxMarks {
  const notCrux = NOT_CRUX.test(sentence);
  const explicit = CRUX.test(sentence);
  return { crux: !notCrux && (explicit || KEY_CLAIM.test(sentence)), notCrux, explicit: explicit || notCrux };
}

const QUESTION_START =
  /^(?:who|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|should|would|will|has|have|isn't|aren't|doesn't|don't|won't|wouldn't)\b/i;

export function isQuestion(sentence: string): boolean {
  const s = sentence.trim();
  return /\?["”’)]*$/.test(s) || (QUESTION_START.test(s) && !/[.!]$/.test(s) && s.split(/\s+/).length > 3);
}

// Uncertainty people state about the matter itself: the open questions of a thread.
const UNCERTAIN =
  /\b(?:(?:is|seems|remains|it's|still) (?:\w+ )?(?:unclear|uncertain|an open question)(?: to me)?|not (?:totally |entirely |at all )?clear (?:to me )?(?:whether|if|how|that|what|why)|I (?:don't|do not) (?:\w+ )?(?:know|understand) (?:whether|if|how|what|why)|I (?:don't|do not) (?:\w+ )?(?:understand|know) what\b|I'?m (?:not sure|unsure|uncertain) (?:whether|if|how|what|why|about)|(?:don't|do not) have (?:enough|much|good|great) (?:evidence|information|data)|no (?:good )?evidence (?:yet )?(?:either way|that)|remains to be seen|open question|would be (?:appreciated|helpful|useful to know)|I wonder (?:whether|if|how|what|why))\b/i;

export function statesUncertainty(sentence: string): boolean {
  return UNCERTAIN.test(sentence);
}

// Social talk and housekeeping: not claims.
const SOCIAL =
  /^(?:thanks|thank you|thx|cheers|hi|hello|hey|lol|haha|ah|oh|oops|sorry|welcome|congrats|good luck|nice|cool|great|wow|ok|okay|hmm|edit|update|here'?s (?:an?|the) (?:image|picture|link|graph|chart|screenshot|quote))\b/i;

export function isSocial(sentence: string): boolean {
  const s = sentence.trim();
  if (SOCIAL.test(s) && s.split(/\s+/).length <= 12) return true;
  return /^(?:thanks|thank you)\b/i.test(s) && !/\bbut\b/i.test(s);
}

// Cues of an argumentative sentence, with weights. Hedged first-person views, modality, evaluation,
// comparison, generalization and inference all mark a claim someone could dispute.
const CLAIM_CUES: readonly (readonly [RegExp, number])[] = [
  [
    /\bI (?:\w+ )?(?:think|believe|expect|suspect|guess|bet|claim|argue|doubt|disbelieve|predict|feel that|reckon|find (?:this|it|that))\b/i,
    0.35,
  ],
  [/\b(?:my|the) (?:view|belief|claim|position|point|argument|guess|sense|model|intuition|worry|concern) (?:is|was|here is)\b/i, 0.35],
  [/\b(?:in my (?:view|opinion|experience)|imo|imho|it seems|seems (?:to me|like|likely|unlikely|plausible)|it appears)\b/i, 0.3],
  [
    /\b(?:should|shouldn't|must|mustn't|ought to|need to|needs to|have to|has to|cannot|can't|won't|will (?:not |never |always )?\w+|would (?:not |never )?\w+|could (?:not |never )?\w+|might|may)\b/i,
    0.2,
  ],
  [
    /\b(?:likely|unlikely|probably|plausible|implausible|possibly|certainly|clearly|obviously|definitely|surely|necessarily|inevitabl[ey]|arguably|presumably)\b/i,
    0.2,
  ],
  [
    /\b(?:important|dangerous|safe|harmful|wrong|right|true|false|good|bad|better|worse|best|worst|fragile|robust|easy|easier|hard|harder|difficult|odd|weird|fine|problem|problematic|risk|risky|valuable|useless|useful|effective|ineffective|fair|unfair|immoral|moral|unjust|just|irrational|rational|reasonable|unreasonable|misleading|correct|incorrect|pointless|necessary|unnecessary|sufficient|insufficient)\b/i,
    0.15,
  ],
  [/\b(?:more|less|fewer|greater|smaller) \w+(?: \w+)? than\b|\b\w+er than\b/i, 0.15],
  [/\b(?:all|every|no one|nobody|none|always|never|most|majority|everyone|nothing)\b/i, 0.1],
  [
    /\b(?:therefore|thus|hence|so (?:it|the|this|that|we|you|they)|this means|which means|implies|imply|it follows|consequently|that's why|this is why)\b/i,
    0.2,
  ],
  [/\b(?:is|are|was|were|isn't|aren't|does|doesn't|do|don't|has|have)\b/i, 0.1],
];

// A reason, example or evidence for a claim rather than a claim.
const PREMISE_START =
  /^(?:because|since|as (?:a result|we|you|they|it|the)|for (?:example|instance)|e\.g\.?|i\.e\.?|after all|given that|consider|take|look at|studies|research|data|evidence|according to|in my (?:time|experience)|when I|I (?:saw|have seen|'ve seen|read|heard|'ve heard|remember|noticed|watched|once)|for one|first(?:ly)?,|second(?:ly)?,|also,? (?:there|the|it))\b/i;
const EVIDENCE =
  /\b(?:for example|for instance|such as|e\.g\.|studies show|research shows|according to|statistics|percent|\d+(?:\.\d+)?%|in (?:19|20)\d\d|I (?:saw|have seen|'ve seen|heard|'ve heard|read))\b/i;
const INFERENCE_START =
  /^(?:so|therefore|thus|hence|this means|which means|consequently|that's why|this is why|these conditions together imply|it follows)\b/i;

export interface SentenceCues {
  /** 0–1: how much the sentence reads as an argumentative claim. */
  readonly score: number;
  /** It reads as a reason, example or evidence rather than a claim. */
  readonly premise: boolean;
  /** It draws a conclusion from what came before ("So…", "These together imply…"). */
  readonly inference: boolean;
}

export function sentenceCues(sentence: string, wordCount: number): SentenceCues {
  let score = 0;
  for (const [pattern, weight] of CLAIM_CUES) if (pattern.test(sentence)) score += weight;
  if (wordCount < 4) score -= 0.3;
  else if (wordCount >= 8) score += 0.1;
  if (wordCount > 60) score -= 0.15;
  const premise = PREMISE_START.test(sentence.trim()) || (EVIDENCE.test(sentence) && !/\bI (?:think|believe)\b/i.test(sentence));
  return { score: Math.max(0, Math.min(1, score)), premise, inference: INFERENCE_START.test(sentence.trim()) };
}

/** A sentence starts with "But", "However", "Actually": it turns against what came before. */
export const CONTRAST_START = /^(?:but|however|actually|yet|still|on the other hand|that said|except|though|nonetheless|instead)\b/i;
/** A sentence starts by adding to what came before. */
export const ADDITION_START = /^(?:also|and|moreover|furthermore|additionally|similarly|likewise|indeed|in fact|plus|besides)\b/i;

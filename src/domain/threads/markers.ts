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
  // "Right but that's not what I'm arguing": the point was missed, not granted.
  /\bnot what I(?:'m| am| was|'ve been) (?:\w+ )?(?:arguing|saying|claiming|suggesting|talking about)\b|\b(?:that's|that is|this is) not (?:my|the) (?:point|argument|claim)\b|\byou(?:'re| are) missing (?:my|the) point\b/i,
  // Sarcasm: "Yeah, right, like that would ever work."
  /^(?:yeah|sure|oh),? right\b[^.!?]*\blike (?:that|this|it|they|he|she) (?:would|will|could|is going to) ever\b|\blike (?:that|this|it) (?:would|will|is going to) ever (?:work|happen)\b/i,
  // A marker in the middle: "Interesting point, but no, …", "Well… no."
  /(?:^|[,;:—–]\s*|\.\.\.\s*|…\s*)(?:but |well,? )?(?:no|nope|nah)(?:[,.!;:—–]|$)/i,
];

/** An agreement that goes on to push back: "I agree they're pliable, but my key claim is…". */
const CONCESSION = /\b(?:agree|point|true|right|fair|granted|sure)\b[^.!?]{0,120}?(?:,|;)?\s+(?:but|however|though|yet|still)\b/i;

/** "You're not wrong, but X": the agreement is granted only to push back. */
const GRANT_THEN_BUT = /^(?:(?:yes|yeah|sure|right|true|ok|okay)\b,?\s*|you(?:'re| are) not wrong\b,?\s*|fair enough\b,?\s*)(?:but|however|though|yet)\b/i;

export function stanceOf(sentence: string): Stance | undefined {
  // Emoji, quotes and dashes before the words do not hide a marker: "😂 No, that's backwards."
  const s = sentence.replace(/^[^\p{L}\p{N}]+/u, '');
  if (DISAGREE.some((p) => p.test(s))) return 'disagree';
  if (GRANT_THEN_BUT.test(s)) return 'disagree';
  if (AGREE.some((p) => p.test(s))) return CONCESSION.test(s) ? 'concede' : 'agree';
  return undefined;
}

/** A stance and nothing more ("I don't think so.", "No.", "Agreed."): the point is in what follows. */
export function isBareStance(sentence: string, stance: Stance | undefined): boolean {
  if (!stance) return false;
  const content = sentence
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(
      /\b(?:i|don't|do|not|think|so|no|nope|nah|yes|yeah|yep|agreed?|disagree|exactly|absolutely|indeed|true|right|wrong|false|that's|that|is|this|it's|you're|you|are|not|quite|really|correct|incorrect|sure|well|ok|okay|fair|enough|point|good|great|totally|completely|strongly|very|much)\b/gi,
      '',
    );
  return !/\p{L}{2,}/u.test(content);
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

// A question that asserts: "Isn't it obvious that X?", "Wouldn't it be better to X?", "How can anyone believe X?".
const RHETORICAL =
  /^(?:isn't it|is it not|wasn't it|doesn't it|don't you (?:think|agree|see)|wouldn't it be|shouldn't (?:we|they|you|it)|how (?:can|could) (?:anyone|anybody|you|one|people) (?:seriously )?(?:think|believe|say|claim|argue|deny)|who (?:would|could|can) (?:seriously )?(?:argue|deny|think|believe)|why (?:would|should) (?:anyone|anybody) (?:ever )?(?:think|believe|want))\b/i;
const OBVIOUS = /\b(?:obvious|clear|true|better|worse|fair|unfair|absurd|ridiculous|right|wrong|enough|that)\b/i;

export function isRhetorical(sentence: string): boolean {
  const s = sentence.trim();
  return /\?["”’)]*$/.test(s) && RHETORICAL.test(s) && OBVIOUS.test(s) && s.split(/\s+/).length >= 5;
}

export function isQuestion(sentence: string): boolean {
  const s = sentence.trim();
  if (isRhetorical(s)) return false;
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

// Housekeeping rather than argument: edits, sign-posts, lead-ins that end in a colon, meta-talk.
const META =
  /^(?:(?:cmv|change my view)[.!]*$|edit|update|ps|p\.s|tl;?dr|full disclosure|disclaimer|to anticipate|let me (?:clarify|explain|rephrase)|i'?ll (?:put|say) it another way|clarifications?|in short|to be clear|for context|source|quote)\b|^(?:[^.!?]{0,80}\b(?:following|as follows|here|these|this|reasons?|points?|examples?|ways?|things|questions?|options?|problems?|issues?|steps|factors|arguments?|said|says|wrote|writes|quote|quoting|summary|list|below|two|three|four|five|several|some|many|e\.g|i\.e|namely|like|include|including)\b[^.!?]{0,40}|[^.!?\s]+(?:\s+[^.!?\s]+){0,4}):$|\b(?:you(?:'ve| have)? (?:\w+ )?changed my (?:view|mind)|(?:give|giving|gave|award|awarded) (?:you )?(?:a|the) (?:delta|∆|Δ))\b/i;

export function isMeta(sentence: string): boolean {
  const s = sentence.trim();
  return META.test(s) || isFragment(s);
}

// A clause cut from a sentence that is not there: "which seem plausible in future systems.", "that's
// another discussion.", "and so on." It hangs on words it does not contain.
const FRAGMENT =
  /^(?:which|who|whom|whose|whereby|wherein|whereas|while|although|though|unless|whether|or|nor|and so on|etc)\b|^(?:that's|that is|this is|it's) (?:another|a different|a separate|a whole other|for another) (?:\w+ )?(?:discussion|topic|story|debate|matter|question|thread|issue|day)\b/;

export function isFragment(sentence: string): boolean {
  return FRAGMENT.test(sentence) && !/^\p{Lu}/u.test(sentence) ? true : /^(?:that's|that is|this is) (?:another|a different|a separate|a whole other) (?:\w+ )?(?:discussion|topic|story|debate|matter)\b/i.test(sentence);
}

/** Where a sentence sits: people state their point first, then give reasons. */
export interface SentencePosition {
  /** The first sentence of the author's own words in the message. */
  readonly messageFirst: boolean;
  readonly messageLast: boolean;
  /** The first sentence after a blank line. */
  readonly paragraphFirst: boolean;
  readonly paragraphLast: boolean;
}

// Cues that a sentence states a position (a claim) rather than a reason for one (a premise), with
// weights: a hedged first-person view, modality, evaluation and conclusion markers point to a claim;
// examples, figures, narrative and "because" to a premise.
const CLAIM_CUES: readonly (readonly [RegExp, number])[] = [
  [
    /\bI (?:\w+ )?(?:think|believe|expect|suspect|guess|bet|claim|argue|doubt|disbelieve|predict|feel that|reckon|agree|disagree|maintain|contend)\b/i,
    0.3,
  ],
  [
    /\b(?:my|the) (?:view|belief|claim|position|point|argument|guess|sense|model|intuition|worry|concern|stance) (?:is|was|here is)\b/i,
    0.3,
  ],
  [/\b(?:in my (?:view|opinion)|imo|imho|it seems|seems? (?:to me|like|likely|unlikely|plausible)|it appears)\b/i, 0.2],
  [/\b(?:should|shouldn't|must|mustn't|ought to|need to|needs to|have to|has to)\b/i, 0.15],
  [
    /\b(?:likely|unlikely|probably|plausible|implausible|certainly|clearly|obviously|definitely|surely|necessarily|inevitabl[ey]|arguably)\b/i,
    0.1,
  ],
  [
    /\b(?:important|dangerous|harmful|wrong|right|good|bad|better|worse|best|worst|fragile|odd|weird|problem|problematic|risky|valuable|useless|useful|unfair|fair|immoral|moral|unjust|irrational|rational|reasonable|unreasonable|misleading|correct|incorrect|pointless|meaningless|necessary|unnecessary|silly|stupid|ridiculous|absurd|inferior|superior|preferable|advantageous|plausible)\b/i,
    0.1,
  ],
  [/\b(?:therefore|thus|hence|this means|which means|implies|it follows|consequently|that's why|this is why)\b/i, 0.1],
  [/\b(?:for example|for instance|such as|e\.g\.|say,|imagine|suppose|consider)\b/i, -0.25],
  [/^(?:because|since|as|after all|given that)\b/i, -0.2],
  [/\b(?:studies|research|statistics|data shows?|according to|percent|\d+(?:\.\d+)?%)\b|\d{2,}/i, -0.1],
  [
    /\bI (?:saw|have seen|'ve seen|heard|'ve heard|read|remember|noticed|watched|once|was|went|had)\b|\b(?:yesterday|last (?:week|year|month)|when I was)\b/i,
    -0.15,
  ],
];

export interface SentenceCues {
  /** Says something someone could dispute or use as a reason: not a question, thanks, or housekeeping. */
  readonly argumentative: boolean;
  /** 0–1: how much it reads as a claim (a position) rather than a premise (a reason for one). */
  readonly claimness: number;
  /** It draws a conclusion from what came before ("So…", "These together imply…"). */
  readonly inference: boolean;
}

const INFERENCE_START =
  /^(?:so|therefore|thus|hence|this means|which means|consequently|that's why|this is why|these (?:\w+ )?together imply|it follows)\b/i;

/**
 * A long question in a debate is most often a move in it ("Why would a company pay more if the law does
 * not make it?"): it is kept as a unit, a premise at most (its claimness is 0), never a proposed claim on
 * its own. Short ones ("What do you mean?") ask and are dropped. Measured on the tune half: ADU F1 +2.5,
 * relation F1 +1.0, claim F1 (every unit) −0.8.
 */
const CHALLENGE_MIN_WORDS = 8;

export function sentenceCues(sentence: string, wordCount: number, position: SentencePosition): SentenceCues {
  const s = sentence.trim();
  let claimness = position.messageFirst ? 0.35 : position.paragraphFirst ? 0.25 : position.messageLast ? 0.1 : 0;
  if (!position.paragraphFirst && !position.paragraphLast) claimness -= 0.1;
  for (const [pattern, weight] of CLAIM_CUES) if (pattern.test(s)) claimness += weight;
  if (wordCount > 45) claimness -= 0.1;
  const argumentative = wordCount >= 4 && (!isQuestion(s) || wordCount >= CHALLENGE_MIN_WORDS) && !isSocial(s) && !isMeta(s);
  return { argumentative, claimness: Math.max(0, Math.min(1, claimness)), inference: INFERENCE_START.test(s) };
}

/** A sentence starts with "But", "However", "Actually": it turns against what came before. */
export const CONTRAST_START = /^(?:but|however|actually|yet|still|on the other hand|that said|except|though|nonetheless|instead)\b/i;
/** A sentence starts by adding to what came before. */
export const ADDITION_START = /^(?:also|and|moreover|furthermore|additionally|similarly|likewise|indeed|in fact|plus|besides)\b/i;

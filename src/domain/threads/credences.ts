import type { StatedCredence } from './thread.ts';

/**
 * Numbers people put on propositions in prose: "I'd put 70% on…", "P(x) is tiny like 1e-9", "I'm 90%
 * sure that…", "my credence in x is 0.3", "a 1 in 1000 chance that…". A percentage alone ("faking fell
 * from 16% to 6%") is a measurement, not a credence, and is left alone.
 */

const NUMBER = String.raw`(?:\d+(?:\.\d+)?\s?(?:%|percent\b)|\d*(?:\.\d+)?e-?\d+\b|10\s?\^\s?\{?-?\d+\}?|0?\.\d+|[01](?:\.0+)?\b|\d+(?:\.\d+)?\s?:\s?\d+(?:\.\d+)?|\d+ in \d[\d,]*|one in (?:a |ten |a )?(?:hundred|thousand|million|billion))`;
const APPROX = String.raw`(?:(?:about|around|roughly|maybe|perhaps|like|~|≈|=|<|>|only|just|at most|at least|under|over|below|above|near|close to|something like|on the order of|of|at|is|are|be|being|extremely|very|really|quite|tiny|small|low|high|large|huge|negligible|vanishingly|astronomically|,)\s*){0,6}`;

// P(…) allows one level of nested parentheses inside.
const P_OF = new RegExp(String.raw`\bP\(((?:[^()]|\([^()]*\)){1,240})\)\s*${APPROX}(${NUMBER})`, 'i');
const PUT_ON = new RegExp(
  String.raw`\bI(?:'d| would)? put (?:it |this |that |my credence |the odds )?(?:at )?${APPROX}(${NUMBER}) (?:on|that|for) (.{3,240}?)(?:[.;!?]|$)`,
  'i',
);
const CONFIDENT = new RegExp(
  String.raw`\bI(?:'m| am) ${APPROX}(${NUMBER}) (?:confident|sure|certain|convinced) (?:that |of |about )?(.{3,240}?)(?:[.;!?]|$)`,
  'i',
);
const CREDENCE_IN = new RegExp(
  String.raw`\b(?:my )?(?:credence|probability|confidence|odds|chance) (?:in|on|of|that|for) (.{3,200}?)(?:\s+(?:is|are|was|sits|stands))?\s*(?::|=|at)?\s*${APPROX}(${NUMBER})`,
  'i',
);
const CHANCE_THAT = new RegExp(
  String.raw`(${NUMBER}) (?:chance|probability|likelihood|odds|credence) (?:that|of|on) (.{3,240}?)(?:[.;!?]|$)`,
  'i',
);
const GIVE_IT = new RegExp(
  String.raw`\bI(?:'d| would)? (?:give|rate|put) (.{2,120}?) ${APPROX}(${NUMBER})(?: odds| chance| probability)?(?:[.;!?]|$)`,
  'i',
);
const DOUBTED =
  /\b(?:odd|weird|strange|surprised|surprising|shocked|implausible|hard to believe) if\b|\bdoubt (?:that )?P\(|\bno way (?:that )?P\(/i;

const WORD_NUMBER: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** The probability a written number stands for, or undefined when it is not in [0, 1]. */
export function probabilityOf(written: string): number | undefined {
  const w = written.trim().toLowerCase();
  let value: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+(?:\.\d+)?)\s?(?:%|percent)$/.exec(w))) value = Number(m[1]) / 100;
  else if ((m = /^(\d*(?:\.\d+)?)e(-?\d+)$/.exec(w))) value = Number(m[1] || '1') * 10 ** Number(m[2]);
  else if ((m = /^10\s?\^\s?\{?(-?\d+)\}?$/.exec(w))) value = 10 ** Number(m[1]);
  else if ((m = /^(\d+(?:\.\d+)?)\s?:\s?(\d+(?:\.\d+)?)$/.exec(w))) value = Number(m[1]) / (Number(m[1]) + Number(m[2]));
  else if ((m = /^(\d+) in (\d[\d,]*)$/.exec(w))) value = Number(m[1]) / Number(m[2]!.replace(/,/g, ''));
  else if ((m = /^one in (?:a |ten )?(hundred|thousand|million|billion)$/.exec(w)))
    value = 1 / (WORD_NUMBER[m[1]!]! * (w.includes('ten ') ? 10 : 1));
  else if (/^(?:0?\.\d+|[01](?:\.0+)?)$/.test(w)) value = Number(w);
  return value !== undefined && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

export function statedCredence(sentence: string): StatedCredence | undefined {
  const found = (written: string | undefined, about: string | undefined): StatedCredence | undefined => {
    if (!written) return undefined;
    const value = probabilityOf(written);
    if (value === undefined) return undefined;
    const cleanAbout = about?.trim().replace(/^(?:that|whether)\s+/i, '');
    return { value, written: written.trim(), ...(cleanAbout ? { about: cleanAbout } : {}), doubted: DOUBTED.test(sentence) };
  };
  let m: RegExpExecArray | null;
  if ((m = P_OF.exec(sentence))) return found(m[2], m[1]);
  if ((m = PUT_ON.exec(sentence))) return found(m[1], m[2]);
  if ((m = CONFIDENT.exec(sentence))) return found(m[1], m[2]);
  if ((m = CHANCE_THAT.exec(sentence))) return found(m[1], m[2]);
  if ((m = CREDENCE_IN.exec(sentence))) return found(m[2], m[1]);
  if ((m = GIVE_IT.exec(sentence))) return found(m[2], /^(?:it|this|that)$/i.test(m[1]!.trim()) ? undefined : m[1]);
  return undefined;
}

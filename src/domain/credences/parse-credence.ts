import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { parseClaimId } from '../../core/values.ts';

const HOW = '70 or 70% (a percentage), 0.7 (a probability) or 3:1 (odds)';

/**
 * A credence as people type it, as a probability in [0, 1]:
 * - `70%`, `70`, `0.5%`: a percentage (a bare whole number is always a percentage, so `1` is 1%);
 * - `0.7`, `.7`, `1.0`: a probability (a decimal point and at most 1);
 * - `3:1`, `3 to 1`: odds for, so 3:1 is 75%.
 * Throws a UserError that quotes the input and says what is accepted.
 */
export function parseCredence(input: string): number {
  const raw = input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const shown = raw.length > 30 ? `${raw.slice(0, 29)}…` : raw;

  const odds = /^(\d+(?:\.\d+)?) ?(?::|to) ?(\d+(?:\.\d+)?)$/.exec(raw);
  if (odds) {
    const forA = Number(odds[1]);
    const against = Number(odds[2]);
    if (forA <= 0 || against <= 0) {
      throw new UserError(
        md`Odds of ${shown} are certainty, not odds: both sides must be above 0 (3:1 is 75%). For certainty write 0% or 100%.`,
        'credence.bad-odds',
      );
    }
    return forA / (forA + against);
  }

  const number = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))( ?%)?$/.exec(raw);
  if (!number) throw new UserError(md`"${shown}" is not a credence: write ${HOW}.`, 'credence.unparseable');
  const value = Number(number[1]);
  const isPercent = Boolean(number[2]) || !number[1]!.includes('.') || value > 1;
  const probability = isPercent ? value / 100 : value;
  if (probability < 0) throw new UserError(md`${shown} is below 0%: a credence is between 0% and 100%.`, 'credence.out-of-range');
  if (probability > 1) throw new UserError(md`${shown} is above 100%: a credence is between 0% and 100%.`, 'credence.out-of-range');
  return probability;
}

/**
 * How a bare decimal was read, when it could be taken two ways: `1.5` is 1.5% (above 1, so a
 * percentage); `0.5` is the probability 0.5, 50% (0.5% is written `0.5%`). Whole numbers, `%` and odds
 * are unambiguous: undefined.
 */
export function readingNote(input: string): string | undefined {
  const raw = input.normalize('NFKC').trim();
  const m = /^\+?(\d*\.\d+|\d+\.\d*)$/.exec(raw);
  if (!m) return undefined;
  const value = Number(m[1]);
  if (value > 1) return `Read ${raw} as ${formatTyped(value / 100)} (a number above 1 is a percentage).`;
  if (value === 0 || value === 1) return undefined;
  return `Read ${raw} as a probability: ${formatTyped(value)}. For ${raw}% write \`${raw}%\`.`;
}

/** A credence as someone set it: up to one decimal, never rounded to a different whole percent (1.5%, 70%, 0.05%). */
export function formatTyped(p: number): string {
  const percent = p * 100;
  if (percent > 0 && percent < 0.1) return `${Number(percent.toPrecision(2))}%`;
  if (percent < 100 && percent > 99.9) return `${Number(percent.toPrecision(4))}%`;
  return `${Number(percent.toFixed(1))}%`;
}

/** `0.7` → `70%`; values within a point of 0 or 100 keep one decimal (`0.5%`, `99.9%`). */
export function formatPercent(p: number): string {
  const percent = p * 100;
  if (percent !== 0 && percent !== 100 && (percent < 1 || percent > 99)) return `${Number(percent.toFixed(1))}%`;
  return `${Math.round(percent)}%`;
}

/** A change between two credences in percentage points: `+12 pts`, `−5 pts`. */
export function formatPoints(delta: number): string {
  const points = Math.round(delta * 100);
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)} pts`;
}

/** The condition of a conditional credence: `C5` (given C5 is true) or `!C5` (given C5 is false). */
export interface ConditionInput {
  readonly claimNumber: number;
  readonly isTrue: boolean;
}

/** `C5` → C5 true; `!C5`, `¬C5`, `~C5`, `not C5` → C5 false. */
export function parseCondition(input: string): ConditionInput {
  const raw = input.normalize('NFKC').trim();
  const negated = /^(?:!|¬|~|not\s+)\s*/i.exec(raw);
  const rest = negated ? raw.slice(negated[0].length) : raw;
  const claimNumber = parseClaimId(rest);
  if (claimNumber === undefined) {
    throw new UserError(
      md`given: expects a claim like C5 (if C5 is true) or !C5 (if C5 is false), not "${raw.slice(0, 30)}".`,
      'credence.bad-condition',
    );
  }
  return { claimNumber, isTrue: !negated };
}

/** `P(C3)`, `P(C3 | C5)`, `P(C3 | ¬C5)`. */
export function credenceLabel(claimNumber: number, condition?: ConditionInput): string {
  if (!condition) return `P(C${claimNumber})`;
  return `P(C${claimNumber} | ${condition.isTrue ? '' : '¬'}C${condition.claimNumber})`;
}

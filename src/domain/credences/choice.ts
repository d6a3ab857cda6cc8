import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { ODDS_FLOOR } from './aggregate.ts';

/**
 * Multiple-choice questions: a credence per option, summing to 100%. Options are lettered A, B, C, … in
 * the order they were given; votes name them by letter.
 */
export const CHOICE_MIN = 2;
/** Discord and Slack show at most 25 options in a menu; 25 letters leave `Z` unused. */
export const CHOICE_MAX = 25;
export const OPTION_MAX_LENGTH = 80;
const OPTIONS_EXAMPLE = 'options:"OpenAI | Google DeepMind | Anthropic"';

export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

/** An example vote for `count` options: `A:50 B:30 C:20`, shares that sum to 100. */
export function voteExample(count: number): string {
  const shown = Math.min(count, 3);
  const shares = shown === 2 ? [60, 40] : [50, 30, 20];
  return shares
    .slice(0, shown)
    .map((s, i) => `${optionLetter(i)}:${s}`)
    .join(' ');
}

/** `A | B | C` → the options, in order. Refuses fewer than 2, more than 25, an empty or repeated one. */
export function parseOptions(input: string): string[] {
  const parts = input
    .normalize('NFKC')
    .split(/[|\n]/)
    .map((p) => p.trim().replace(/\s+/g, ' '));
  if (parts.length > 1) {
    const blank = parts.findIndex((p) => p === '');
    if (blank >= 0) {
      throw new UserError(md`options: option ${blank + 1} is empty; separate the options with |, e.g. ${OPTIONS_EXAMPLE}.`, 'poll.option-empty');
    }
  }
  const options = parts.filter((p) => p !== '');
  if (options.length < CHOICE_MIN) {
    const only = options[0];
    throw new UserError(
      only === undefined
        ? md`options: a choice poll needs at least ${CHOICE_MIN} options, separated by |, e.g. ${OPTIONS_EXAMPLE}.`
        : md`options: "${only.length > 40 ? `${only.slice(0, 39)}…` : only}" is only one option; a choice poll needs ${CHOICE_MIN} to ${CHOICE_MAX}, separated by |, e.g. ${OPTIONS_EXAMPLE}.`,
      'poll.too-few-options',
    );
  }
  if (options.length > CHOICE_MAX) {
    throw new UserError(
      md`options: ${options.length} options is too many (the last is "${options.at(-1)!.slice(0, 40)}"); a choice poll takes at most ${CHOICE_MAX}, e.g. ${OPTIONS_EXAMPLE}.`,
      'poll.too-many-options',
    );
  }
  const long = options.findIndex((o) => o.length > OPTION_MAX_LENGTH);
  if (long >= 0) {
    throw new UserError(
      md`options: option ${optionLetter(long)} ("${options[long]!.slice(0, 30)}…") is longer than ${OPTION_MAX_LENGTH} characters; shorten it.`,
      'poll.option-long',
    );
  }
  const seen = new Map<string, number>();
  for (const [i, o] of options.entries()) {
    const key = o.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new UserError(
        md`options: "${o}" is given twice (${optionLetter(first)} and ${optionLetter(i)}); each option once, e.g. ${OPTIONS_EXAMPLE}.`,
        'poll.option-twice',
      );
    }
    seen.set(key, i);
  }
  return options;
}

export interface ChoiceVote {
  /** One credence per option, summing to 1. */
  readonly credences: number[];
  /** What the shares given summed to, in percent, when that was not 100 (they were scaled to 100%). */
  readonly normalisedFrom?: number;
}

const SHARE = /^(\d+(?:\.\d+)?|\.\d+) ?%?$/;

/**
 * A vote as people type it, for a poll with `count` options:
 * - `A:50 B:30 C:20` (or `A=50`, commas between, any case); options left out get 0;
 * - `50 30 20`: one share per option, in order;
 * - `B`: everything on B.
 * Shares are percentages or weights: when they do not sum to 100 they are scaled so they do, and
 * `normalisedFrom` says what they summed to. A UserError names the share or option that was wrong.
 */
export function parseChoiceVote(input: string, count: number): ChoiceVote {
  const example = voteExample(count);
  const last = optionLetter(count - 1);
  const raw = input.normalize('NFKC').trim().replace(/\s*([:=])\s*/g, '$1');
  const tokens = raw.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) throw new UserError(md`Give your credence per option, e.g. \`${example}\` (options A–${last}).`, 'poll.vote-empty');

  const shares = new Array<number>(count).fill(0);
  const letter = (t: string): number => {
    const up = t.toUpperCase();
    const index = up.length === 1 ? up.charCodeAt(0) - 65 : -1;
    if (index < 0 || index >= count) {
      throw new UserError(md`"${t.slice(0, 20)}" is not an option here: the options are A–${last}, e.g. \`${example}\`.`, 'poll.vote-unknown-option');
    }
    return index;
  };
  const share = (t: string, of: string): number => {
    const m = SHARE.exec(t);
    if (!m) {
      throw new UserError(
        md`"${t.slice(0, 20)}" for ${of} is not a share: give a number from 0 to 100, e.g. \`${example}\`.`,
        'poll.vote-bad-share',
      );
    }
    return Number(m[1]);
  };

  if (tokens.length === 1 && /^[a-z]$/i.test(tokens[0]!)) {
    shares[letter(tokens[0]!)] = 100;
  } else if (tokens.every((t) => /[:=]/.test(t))) {
    const given = new Set<number>();
    for (const t of tokens) {
      const [name = '', value = ''] = t.split(/[:=]/, 2);
      const i = letter(name);
      if (given.has(i)) throw new UserError(md`Option ${optionLetter(i)} is given twice; give each option once, e.g. \`${example}\`.`, 'poll.vote-twice');
      given.add(i);
      shares[i] = share(value, `option ${optionLetter(i)}`);
    }
  } else if (tokens.every((t) => !/[:=]/.test(t))) {
    if (tokens.length !== count) {
      throw new UserError(
        md`${tokens.length} share${tokens.length === 1 ? '' : 's'} for ${count} options: give one per option in order, or name them, e.g. \`${example}\`.`,
        'poll.vote-count',
      );
    }
    tokens.forEach((t, i) => (shares[i] = share(t, `option ${optionLetter(i)}`)));
  } else {
    throw new UserError(md`Name every share's option, e.g. \`${example}\`.`, 'poll.vote-mixed');
  }

  const sum = shares.reduce((s, x) => s + x, 0);
  if (sum <= 0) {
    throw new UserError(md`Your shares sum to 0%: give at least one option a share, e.g. \`${example}\`.`, 'poll.vote-zero');
  }
  const credences = shares.map((x) => x / sum);
  return Math.abs(sum - 100) > 1e-9 ? { credences, normalisedFrom: sum } : { credences };
}

/** Per option, the mean of everyone's credence (a linear pool: it sums to 1 as each vote does). */
export function choiceAggregate(votes: readonly (readonly number[])[], count: number): number[] | undefined {
  if (votes.length === 0) return undefined;
  return Array.from({ length: count }, (_, i) => votes.reduce((s, v) => s + (v[i] ?? 0), 0) / votes.length);
}

/** Σ (p_i − o_i)²: 0 for certainty in the right option, 2 for certainty in a wrong one. */
export function choiceBrier(credences: readonly number[], outcome: number): number {
  return credences.reduce((s, p, i) => s + (p - (i === outcome ? 1 : 0)) ** 2, 0);
}

/** ln p(right option), the credence floored at 0.1% so a 0 scores ln 0.001 ≈ −6.9 and not −∞; 0 is perfect. */
export function choiceLogScore(credences: readonly number[], outcome: number): number {
  return Math.log(Math.max(ODDS_FLOOR, credences[outcome] ?? 0));
}

export interface ChoiceScore {
  readonly userId: string;
  readonly userName: string;
  readonly credences: readonly number[];
  readonly brier: number;
  readonly log: number;
}

/** Everyone's scores on a resolved choice poll, best Brier first; the team's (the pooled forecast) too. */
export function scoreChoice(
  votes: readonly { userId: string; userName: string; credences: readonly number[] }[],
  outcome: number,
): { people: ChoiceScore[]; team?: { credences: number[]; brier: number; log: number } } {
  const people = votes
    .map((v) => ({ ...v, brier: choiceBrier(v.credences, outcome), log: choiceLogScore(v.credences, outcome) }))
    .sort((a, b) => a.brier - b.brier || (a.userName < b.userName ? -1 : 1));
  const pooled = choiceAggregate(
    votes.map((v) => v.credences),
    votes[0]?.credences.length ?? 0,
  );
  return pooled
    ? { people, team: { credences: pooled, brier: choiceBrier(pooled, outcome), log: choiceLogScore(pooled, outcome) } }
    : { people };
}

import { composeDeltas, zeroSquare, type Square } from './matrix.ts';

/**
 * The goal-drift model (DESIGN.md, "The drift simulation"). One agent is aligned (A), drifted but
 * benign (B), dangerous and hidden (D) or caught (C). At each serial step t = 1…n, in this order:
 *   1. from A or B, with probability p the goals permute: to D with probability q, otherwise to B;
 *   2. from D, with probability d the misalignment is detected: D → C (absorbing);
 *   3. while t ≤ T, corrective data returns B → A and D → A with probability c·(1 − s).
 */
export interface DriftParams {
  /** Chance per serial step that the goals permute. */
  readonly p: number;
  /** Chance that a permutation goes in a dangerous direction. */
  readonly q: number;
  /** Chance per step that corrective data undoes drift (before crystallization). */
  readonly c: number;
  /** Chance per step that a dangerous agent is detected (objection channel, monitoring). */
  readonly d: number;
  /** Share of the training data the AIs produce themselves: it weakens correction to c·(1 − s). */
  readonly s: number;
  /** The step at which values crystallize; corrective data acts on steps 1…T. */
  readonly T: number;
  /** Serial steps simulated. */
  readonly steps: number;
}

/**
 * The chain behind the four states keeps A and B in two copies, "never dangerous yet" and "has been
 * dangerous", so P(ever dangerous) comes out of the same matrix as P(D) and P(C). A = A0 + A1, B = B0 + B1.
 */
export const STATE = { A0: 0, B0: 1, A1: 2, B1: 3, D: 4, C: 5 } as const;
export const STATE_COUNT = 6;

/** A list of moves `[from, to, probability]`; each state's unlisted remainder stays put. */
type Moves = readonly (readonly [from: number, to: number, chance: number])[];

function deltaOf(moves: Moves): Square {
  const x = zeroSquare(STATE_COUNT);
  for (const [from, to, chance] of moves) {
    if (chance === 0) continue;
    x.m[from * STATE_COUNT + to]! += chance;
    x.m[from * STATE_COUNT + from]! -= chance;
  }
  return x;
}

/** The goal permutation for p = 1: every chance in it is p times these. */
function permuteMovesPerUnitP(q: number): Moves {
  const { A0, B0, A1, B1, D } = STATE;
  return [
    [A0, B0, 1 - q],
    [A0, D, q],
    [B0, D, q],
    [A1, B1, 1 - q],
    [A1, D, q],
    [B1, D, q],
  ];
}

function detectMoves(d: number): Moves {
  return [[STATE.D, STATE.C, d]];
}

function correctMoves(r: number): Moves {
  const { A0, B0, A1, B1, D } = STATE;
  return [
    [B0, A0, r],
    [B1, A1, r],
    [D, A1, r],
  ];
}

/** c·(1 − s): the per-step chance that corrective data pulls a drifted agent back. */
export const correctionRate = (params: Pick<DriftParams, 'c' | 's'>): number => params.c * (1 - params.s);

/**
 * One serial step as a delta matrix, written as `base + p·perP`. Permuting is linear in p, and
 * composing it with the p-free rules that follow (detect, then correct) keeps it so:
 * P + Y + PY = Y + p·(P₁ + P₁Y). Heterogeneous agents then cost one scaled sum each, not a product.
 */
export interface StepFamily {
  readonly base: Square;
  readonly perP: Square;
}

export function stepFamily(params: DriftParams, phase: 'before' | 'after'): StepFamily {
  const rest =
    phase === 'before'
      ? composeDeltas(deltaOf(detectMoves(params.d)), deltaOf(correctMoves(correctionRate(params))))
      : deltaOf(detectMoves(params.d));
  const permute = deltaOf(permuteMovesPerUnitP(params.q));
  const perP = composeDeltas(permute, rest);
  for (let i = 0; i < perP.m.length; i++) perP.m[i]! -= rest.m[i]!;
  return { base: rest, perP };
}

/** The step of an agent whose goals permute with chance p. */
export function stepFor(family: StepFamily, p: number): Square {
  const out = zeroSquare(family.base.k);
  for (let i = 0; i < out.m.length; i++) out.m[i] = family.base.m[i]! + p * family.perP.m[i]!;
  return out;
}

/** One serial step before crystallization (t ≤ T), as a delta matrix: permute, then detect, then correct. */
export function stepBeforeCrystallization(params: DriftParams, p = params.p): Square {
  return stepFor(stepFamily(params, 'before'), p);
}

/** One serial step after crystallization (t > T): permute, then detect. */
export function stepAfterCrystallization(params: DriftParams, p = params.p): Square {
  return stepFor(stepFamily(params, 'after'), p);
}

/** Everyone starts aligned. */
export function initialDistribution(): Float64Array {
  const v = new Float64Array(STATE_COUNT);
  v[STATE.A0] = 1;
  return v;
}

/** The four states of the model from the chain's six. */
export interface FourStates {
  readonly A: number;
  readonly B: number;
  readonly D: number;
  readonly C: number;
  /** Has been in D at some step so far (and may since have been corrected or caught). */
  readonly ever: number;
}

export function fourStates(v: Float64Array): FourStates {
  const { A0, B0, A1, B1, D, C } = STATE;
  return {
    A: v[A0]! + v[A1]!,
    B: v[B0]! + v[B1]!,
    D: v[D]!,
    C: v[C]!,
    // 1 − P(never dangerous), summed directly so a tiny value keeps its digits.
    ever: v[A1]! + v[B1]! + v[D]! + v[C]!,
  };
}

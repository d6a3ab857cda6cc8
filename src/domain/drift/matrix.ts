/**
 * Powers of a small transition matrix kept in "delta form", X = M − I. Squaring as
 * (I + X)² = I + (2X + X²) keeps small transition probabilities (p·q = 1e-12) to full relative
 * precision, where squaring M itself would round 1 − 1e-12 and lose four digits by n = 10^12.
 */

/** A k × k matrix in row-major order: `m[i * k + j]` is the chance to go from state i to state j. */
export interface Square {
  readonly k: number;
  readonly m: Float64Array;
}

export function zeroSquare(k: number): Square {
  return { k, m: new Float64Array(k * k) };
}

/** (I + X)(I + Y) − I = X + Y + XY: one step of X followed by one step of Y, in delta form. */
export function composeDeltas(x: Square, y: Square): Square {
  const { k } = x;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let l = 0; l < k; l++) sum += x.m[i * k + l]! * y.m[l * k + j]!;
      out[i * k + j] = x.m[i * k + j]! + y.m[i * k + j]! + sum;
    }
  }
  return { k, m: out };
}

/** v(I + X) = v + vX, for a row vector of state probabilities. */
export function stepVector(v: Float64Array, x: Square): Float64Array {
  const { k } = x;
  const out = Float64Array.from(v);
  for (let i = 0; i < k; i++) {
    const vi = v[i]!;
    if (vi === 0) continue;
    for (let j = 0; j < k; j++) out[j]! += vi * x.m[i * k + j]!;
  }
  return out;
}

/**
 * The binary powers M, M², M⁴, … of one matrix (in delta form), built once and reused: the state after
 * any n steps is then at most 40 vector products away, which is what lets bisection probe any step.
 */
export class MatrixPowers {
  private readonly table: Square[];

  constructor(delta: Square) {
    this.table = [delta];
  }

  private power(bit: number): Square {
    while (this.table.length <= bit) {
      const last = this.table[this.table.length - 1]!;
      this.table.push(composeDeltas(last, last));
    }
    return this.table[bit]!;
  }

  /** v · Mⁿ, for any whole n ≥ 0 (exact in the sense of floating point; n up to 2^53). */
  apply(v: Float64Array, n: number): Float64Array {
    let out = v;
    let rest = n;
    for (let bit = 0; rest > 0; bit++) {
      // Math, not bitwise operators: n goes past 2^32.
      if (rest % 2 === 1) out = stepVector(out, this.power(bit));
      rest = Math.floor(rest / 2);
    }
    return out;
  }
}

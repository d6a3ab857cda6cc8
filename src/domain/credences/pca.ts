import { seededRandom } from './seeded-random.ts';

/**
 * Principal components of a people × statements vote matrix, the way Polis computes them: missing votes
 * are filled with the statement's mean, the matrix is centred, and each component is found by power
 * iteration on XᵀX, then factored out before the next.
 */

/** A people × statements matrix, row-major; NaN where a person did not vote. */
export interface VoteMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
}

export interface Pca {
  /** The mean vote on each statement (over the people who voted on it; 0 when nobody did). */
  readonly center: Float64Array;
  /** Unit vectors, one per component, each of length `cols`. */
  readonly components: readonly Float64Array[];
}

export function columnMeans(matrix: VoteMatrix): Float64Array {
  const { rows, cols, values } = matrix;
  const sums = new Float64Array(cols);
  const counts = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j]!;
      if (!Number.isNaN(v)) {
        sums[j]! += v;
        counts[j]!++;
      }
    }
  }
  for (let j = 0; j < cols; j++) sums[j] = counts[j]! > 0 ? sums[j]! / counts[j]! : 0;
  return sums;
}

export interface PcaOptions {
  readonly components?: number;
  readonly maxIterations?: number;
  readonly seed?: number;
}

export function principalComponents(matrix: VoteMatrix, options: PcaOptions = {}): Pca {
  const { rows, cols, values } = matrix;
  const wanted = Math.min(options.components ?? 2, rows, cols);
  const maxIterations = options.maxIterations ?? 1000;
  const random = seededRandom(options.seed ?? 1);
  const center = columnMeans(matrix);
  // Centred, mean-filled: a missing vote becomes exactly 0.
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j]!;
      data[i * cols + j] = Number.isNaN(v) ? 0 : v - center[j]!;
    }
  }
  const components: Float64Array[] = [];
  const scores = new Float64Array(rows);
  for (let c = 0; c < wanted; c++) {
    let vector: Float64Array = new Float64Array(cols);
    for (let j = 0; j < cols; j++) vector[j] = random() - 0.5;
    normalise(vector);
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      const next = multiplyGram(data, rows, cols, vector, scores);
      if (normalise(next) === 0) {
        vector = next;
        break;
      }
      let change = 0;
      for (let j = 0; j < cols; j++) change += (next[j]! - vector[j]!) ** 2;
      vector = next;
      if (change < 1e-14) break;
    }
    orient(vector);
    components.push(vector);
    // Factor this component out of the data before looking for the next.
    for (let i = 0; i < rows; i++) {
      let score = 0;
      for (let j = 0; j < cols; j++) score += data[i * cols + j]! * vector[j]!;
      for (let j = 0; j < cols; j++) data[i * cols + j]! -= score * vector[j]!;
    }
  }
  return { center, components };
}

/** XᵀX·v without forming XᵀX. */
function multiplyGram(data: Float64Array, rows: number, cols: number, v: Float64Array, scores: Float64Array): Float64Array {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) s += data[offset + j]! * v[j]!;
    scores[i] = s;
  }
  const out = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const s = scores[i]!;
    if (s === 0) continue;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) out[j]! += s * data[offset + j]!;
  }
  return out;
}

function normalise(v: Float64Array): number {
  let length = 0;
  for (const x of v) length += x * x;
  length = Math.sqrt(length);
  if (length > 0) for (let j = 0; j < v.length; j++) v[j]! /= length;
  return length;
}

/** A component's sign is arbitrary; fix it (largest entry positive) so pictures do not flip between runs. */
function orient(v: Float64Array): void {
  let largest = 0;
  for (const x of v) if (Math.abs(x) > Math.abs(largest)) largest = x;
  if (largest < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j]!;
}

/**
 * Each person's position on the components, from the votes they actually cast (Polis's sparsity-aware
 * projection): the dot product over their votes, scaled by √(statements / votes cast) so that someone
 * who voted on few statements is not pulled to the centre by the ones they skipped.
 */
export function projectPeople(matrix: VoteMatrix, pca: Pca): Float64Array[] {
  const { rows, cols, values } = matrix;
  const out: Float64Array[] = [];
  for (let i = 0; i < rows; i++) {
    const point = new Float64Array(pca.components.length);
    let voted = 0;
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j]!;
      if (Number.isNaN(v)) continue;
      voted++;
      const centred = v - pca.center[j]!;
      pca.components.forEach((component, c) => (point[c]! += centred * component[j]!));
    }
    const scale = Math.sqrt(cols / Math.max(voted, 1));
    for (let c = 0; c < point.length; c++) point[c]! *= scale;
    out.push(point);
  }
  return out;
}

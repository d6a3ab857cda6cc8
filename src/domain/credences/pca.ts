import { seededRandom } from './seeded-random.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

/**
 * Principal components of a people × statements vote matrix, as Polis defines them: missing votes are
 * filled with the statement's mean, the matrix is centred, and the components are the top eigenvectors
 * of XᵀX, found exactly from the smaller Gram matrix (power iteration only for very large matrices).
 */

/** A people × statements matrix, row-major; NaN where a person did not vote. */
export interface VoteMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
  /**
   * Statements a moderator hid after people voted on them. Polis keeps them in its rating matrix as
   * columns of zeros (conversation.clj `:rating-mat`, named_matrix.clj `zero-out-columns`): they move
   * nobody, but count as cast votes in its projection. Default 0.
   */
  readonly hiddenVoted?: number;
  /** Per row, the votes cast including on hidden statements (Polis's `user-vote-counts`, from the raw matrix). */
  readonly votesCast?: Int32Array;
}

/** How many columns anyone voted on, hidden ones included: Polis's `n-cmts` (a comment nobody voted on has no column). */
export function votedColumns(matrix: VoteMatrix): number {
  const { rows, cols, values } = matrix;
  let voted = 0;
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      if (!Number.isNaN(values[i * cols + j]!)) {
        voted++;
        break;
      }
    }
  }
  return voted + (matrix.hiddenVoted ?? 0);
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

/**
 * Above this many statements and people both, the Gram matrix is too big to decompose in full
 * (O(n³)), and the components are found by power iteration instead.
 */
export const EXACT_PCA_MAX = 800;

export function principalComponents(matrix: VoteMatrix, options: PcaOptions = {}): Pca {
  const { rows, cols } = matrix;
  const wanted = Math.min(options.components ?? 2, rows, cols);
  const center = columnMeans(matrix);
  // Centred, mean-filled: a missing vote becomes exactly 0 (Polis: conversation.clj, :mat, nils → column averages).
  const data = centred(matrix, center);
  if (Math.min(rows, cols) <= EXACT_PCA_MAX) return { center, components: exactComponents(data, rows, cols, wanted) };
  return { center, components: powerIterationComponents(data, rows, cols, wanted, options) };
}

function centred(matrix: VoteMatrix, center: Float64Array): Float64Array {
  const { rows, cols, values } = matrix;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j]!;
      data[i * cols + j] = Number.isNaN(v) ? 0 : v - center[j]!;
    }
  }
  return data;
}

/**
 * The top eigenvectors of XᵀX, exactly: from XᵀX itself when there are fewer statements than people,
 * else from XXᵀ (v = Xᵀu / |Xᵀu|). Missing votes are zeros of the centred matrix, so each Gram matrix is
 * summed over the cast votes only. Polis finds the same vectors by power iteration
 * (pca.clj, powerit-pca), stopped after 100 iterations whether converged or not.
 */
function exactComponents(data: Float64Array, rows: number, cols: number, wanted: number): Float64Array[] {
  const components: Float64Array[] = [];
  if (cols <= rows) {
    const gram = new Float64Array(cols * cols);
    const index = new Int32Array(cols);
    for (let i = 0; i < rows; i++) {
      const offset = i * cols;
      let n = 0;
      for (let j = 0; j < cols; j++) if (data[offset + j] !== 0) index[n++] = j;
      for (let a = 0; a < n; a++) {
        const ja = index[a]!;
        const x = data[offset + ja]!;
        for (let b = 0; b < n; b++) gram[ja * cols + index[b]!]! += x * data[offset + index[b]!]!;
      }
    }
    const { values, vectors } = symmetricEigen(gram, cols);
    for (let c = 0; c < wanted; c++) components.push(values[c]! > 0 ? orient(Float64Array.from(vectors[c]!)) : new Float64Array(cols));
    return components;
  }
  const gram = new Float64Array(rows * rows);
  for (let a = 0; a < rows; a++) {
    for (let b = a; b < rows; b++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += data[a * cols + j]! * data[b * cols + j]!;
      gram[a * rows + b] = s;
      gram[b * rows + a] = s;
    }
  }
  const { values, vectors } = symmetricEigen(gram, rows);
  for (let c = 0; c < wanted; c++) {
    const v = new Float64Array(cols);
    if (values[c]! > 0) {
      const u = vectors[c]!;
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) v[j]! += u[i]! * data[i * cols + j]!;
      normalise(v);
      orient(v);
    }
    components.push(v);
  }
  return components;
}

/** Power iteration on XᵀX, each component factored out of the data before the next (Polis's method). */
function powerIterationComponents(data: Float64Array, rows: number, cols: number, wanted: number, options: PcaOptions): Float64Array[] {
  const maxIterations = options.maxIterations ?? 1000;
  const random = seededRandom(options.seed ?? 1);
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
    for (let i = 0; i < rows; i++) {
      let score = 0;
      for (let j = 0; j < cols; j++) score += data[i * cols + j]! * vector[j]!;
      for (let j = 0; j < cols; j++) data[i * cols + j]! -= score * vector[j]!;
    }
  }
  return components;
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
function orient(v: Float64Array): Float64Array {
  let largest = 0;
  for (const x of v) if (Math.abs(x) > Math.abs(largest)) largest = x;
  if (largest < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j]!;
  return v;
}

/**
 * Each person's position on the components, from the votes they actually cast (Polis's
 * `sparsity-aware-project-ptpt`, pca.clj): the dot product over their votes, scaled by
 * √(statements / votes cast) so that someone who voted on few statements is not pulled to the centre by
 * the ones they skipped. As in Polis, the statements are those anyone voted on, hidden ones included,
 * and a hidden statement's zero counts as a vote cast by everyone.
 */
export function projectPeople(matrix: VoteMatrix, pca: Pca): Float64Array[] {
  const { rows, cols, values } = matrix;
  const hidden = matrix.hiddenVoted ?? 0;
  const statements = votedColumns(matrix);
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
    const scale = Math.sqrt(statements / Math.max(voted + hidden, 1));
    for (let c = 0; c < point.length; c++) point[c]! *= scale;
    out.push(point);
  }
  return out;
}

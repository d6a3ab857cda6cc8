import { seededRandom } from './seeded-random.ts';

export type Point = ArrayLike<number>;

export interface Clustering {
  /** Cluster index of each point, 0…k−1 (every cluster has at least one point). */
  readonly assignment: Int32Array;
  readonly centers: readonly Float64Array[];
  /** Sum of (weighted) squared distances to the assigned centre. */
  readonly inertia: number;
}

export interface KMeansOptions {
  /** A weight per point (a base cluster stands for its members); default 1 each. */
  readonly weights?: ArrayLike<number>;
  readonly maxIterations?: number;
  /**
   * `first-distinct`: the first k distinct points start the clusters (Polis's choice for its many small
   * base clusters). `plus-plus`: k-means++ seeding from `seed`, best of `restarts` runs.
   */
  readonly init?: 'first-distinct' | 'plus-plus';
  readonly seed?: number;
  readonly restarts?: number;
}

export function squaredDistance(a: Point, b: Point): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += (a[d]! - b[d]!) ** 2;
  return s;
}

/** Lloyd's k-means. k is capped at the number of distinct points; empty clusters are dropped. */
export function kmeans(points: readonly Point[], k: number, options: KMeansOptions = {}): Clustering {
  if (points.length === 0) return { assignment: new Int32Array(0), centers: [], inertia: 0 };
  const init = options.init ?? 'plus-plus';
  if (init === 'first-distinct') return lloyd(points, firstDistinct(points, k), options);
  const random = seededRandom(options.seed ?? 1);
  let best: Clustering | undefined;
  for (let run = 0; run < (options.restarts ?? 8); run++) {
    const result = lloyd(points, plusPlus(points, k, options.weights, random), options);
    if (!best || result.inertia < best.inertia - 1e-12) best = result;
  }
  return best!;
}

function firstDistinct(points: readonly Point[], k: number): Float64Array[] {
  const centers: Float64Array[] = [];
  for (const p of points) {
    if (centers.length >= k) break;
    if (!centers.some((c) => squaredDistance(c, p) === 0)) centers.push(Float64Array.from(p as ArrayLike<number>));
  }
  return centers;
}

function plusPlus(points: readonly Point[], k: number, weights: ArrayLike<number> | undefined, random: () => number): Float64Array[] {
  const w = (i: number) => weights?.[i] ?? 1;
  const nearest = new Float64Array(points.length).fill(Infinity);
  const centers: Float64Array[] = [];
  let total = 0;
  for (let i = 0; i < points.length; i++) total += w(i);
  let pick = pickWeighted(points.length, (i) => w(i), total, random);
  while (pick !== undefined && centers.length < k) {
    const center = Float64Array.from(points[pick] as ArrayLike<number>);
    centers.push(center);
    let sum = 0;
    for (let i = 0; i < points.length; i++) {
      nearest[i] = Math.min(nearest[i]!, squaredDistance(points[i]!, center));
      sum += w(i) * nearest[i]!;
    }
    // Every point sits on a centre already: there are no more distinct points to seed from.
    pick = sum > 0 ? pickWeighted(points.length, (i) => w(i) * nearest[i]!, sum, random) : undefined;
  }
  return centers;
}

function pickWeighted(n: number, weight: (i: number) => number, total: number, random: () => number): number | undefined {
  let target = random() * total;
  for (let i = 0; i < n; i++) {
    target -= weight(i);
    if (target < 0 && weight(i) > 0) return i;
  }
  for (let i = n - 1; i >= 0; i--) if (weight(i) > 0) return i;
  return undefined;
}

function lloyd(points: readonly Point[], start: Float64Array[], options: KMeansOptions): Clustering {
  const dims = points[0]!.length;
  const w = (i: number) => options.weights?.[i] ?? 1;
  let centers = start;
  const assignment = new Int32Array(points.length);
  const maxIterations = options.maxIterations ?? 100;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      const nearest = nearestCenter(points[i]!, centers);
      if (nearest !== assignment[i] || iteration === 0) {
        moved = moved || nearest !== assignment[i];
        assignment[i] = nearest;
      }
    }
    const sums = centers.map(() => new Float64Array(dims));
    const mass = new Float64Array(centers.length);
    for (let i = 0; i < points.length; i++) {
      const c = assignment[i]!;
      mass[c]! += w(i);
      for (let d = 0; d < dims; d++) sums[c]![d]! += w(i) * points[i]![d]!;
    }
    // Drop clusters that lost all their points, renumbering the rest.
    const kept: Float64Array[] = [];
    const renumber = new Int32Array(centers.length).fill(-1);
    sums.forEach((sum, c) => {
      if (mass[c]! <= 0) return;
      for (let d = 0; d < dims; d++) sum[d]! /= mass[c]!;
      renumber[c] = kept.length;
      kept.push(sum);
    });
    for (let i = 0; i < points.length; i++) assignment[i] = renumber[assignment[i]!]!;
    const settled = !moved && iteration > 0 && kept.length === centers.length;
    centers = kept;
    if (settled) break;
  }
  let inertia = 0;
  for (let i = 0; i < points.length; i++) inertia += w(i) * squaredDistance(points[i]!, centers[assignment[i]!]!);
  return { assignment, centers, inertia };
}

function nearestCenter(p: Point, centers: readonly Float64Array[]): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < centers.length; c++) {
    const d = squaredDistance(p, centers[c]!);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/**
 * The mean silhouette of a clustering: for each point, (b − a) / max(a, b), where a is its mean distance
 * to the rest of its cluster and b the least mean distance to another cluster; 0 for a point alone in
 * its cluster. Near 1: tight, well-separated groups; near 0: no real structure.
 */
export function silhouette(points: readonly Point[], assignment: ArrayLike<number>): number {
  const n = points.length;
  const k = Math.max(-1, ...Array.from(assignment)) + 1;
  if (n < 2 || k < 2) return 0;
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[assignment[i]!]!++;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[assignment[j]!]! += Math.sqrt(squaredDistance(points[i]!, points[j]!));
    const own = assignment[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / n;
}

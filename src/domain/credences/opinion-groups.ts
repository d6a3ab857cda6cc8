import { kmeans, silhouette } from './kmeans.ts';
import { principalComponents, projectPeople, votedColumns, type Pca, type VoteMatrix } from './pca.ts';
import { groupAwareConsensus, representativeness, type Representativeness, type VoteCounts } from './statement-stats.ts';

/**
 * Opinion groups, Polis's way: a people × statements matrix of votes in [−1, 1] (agree 1, disagree −1,
 * pass 0, or credences mapped by 2p − 1), two principal components, each person placed by the votes they
 * cast, people with too few votes left out, many small base clusters, then k-means over those with k
 * (2–5) chosen by silhouette. Each group gets its representative statements; across groups, the
 * consensus statements and the divisive ones.
 */

export interface OpinionGroupOptions {
  /** People with fewer votes than min(this, statements) are left out (Polis: 7). */
  readonly minVotes?: number;
  /** When fewer people than this qualify, the most active voters are let in up to it (Polis: 15). */
  readonly fillTo?: number;
  /** Base clusters before grouping (Polis: 100). */
  readonly baseClusters?: number;
  readonly maxGroups?: number;
  /** Silhouettes this close to the best count as a tie, won by the fewest groups (default `SILHOUETTE_TOLERANCE`; 0: the best alone). */
  readonly silhouetteTolerance?: number;
  readonly seed?: number;
  /**
   * Rows already in the conversation from an earlier computation: Polis keeps whoever was once in, whatever
   * their votes now (conversation.clj `:in-conv`: "Once a ptpt is in, they will remain in").
   */
  readonly alreadyIn?: Iterable<number>;
  /** The number of groups chosen at earlier computations, for Polis's smoothing of k (see `smoothGroupCount`). */
  readonly previousK?: GroupCountState;
}

/** Polis's `:group-k-smoother` state (conversation.clj): the last best k, how many times in a row, and the k in use. */
export interface GroupCountState {
  readonly lastK: number;
  readonly lastKCount: number;
  readonly smoothedK: number;
}

/** Polis's `:group-k-buffer`: a new best k is taken only once it has been best this many computations in a row. */
export const GROUP_K_BUFFER = 4;

/**
 * Polis's smoothing of the number of groups over time (conversation.clj `:group-k-smoother`): the k with
 * the best silhouette now replaces the k in use only after it has been the best `GROUP_K_BUFFER` times in
 * a row, so groups do not flicker as votes arrive. With no history, the best k is used.
 */
export function smoothGroupCount(bestK: number, previous?: GroupCountState): GroupCountState {
  const count = previous && previous.lastK === bestK ? previous.lastKCount + 1 : 1;
  const smoothedK = count >= GROUP_K_BUFFER ? bestK : (previous?.smoothedK ?? bestK);
  return { lastK: bestK, lastKCount: count, smoothedK };
}

export interface OpinionGroup {
  /** In Polis's order: group 0 holds the earliest person (row) grouped, group 1 the earliest of the rest… */
  readonly id: number;
  /** Row indices of the members. */
  readonly members: readonly number[];
  /** The statements that set this group apart, best first (up to 5; significant ones when there are). */
  readonly representative: readonly Representativeness[];
}

export interface StatementAcrossGroups {
  readonly statement: number;
  readonly perGroup: readonly VoteCounts[];
  /** Group-aware consensus for agreeing and for disagreeing. */
  readonly agreeConsensus: number;
  readonly disagreeConsensus: number;
}

export interface ConsensusStatement extends StatementAcrossGroups {
  readonly side: 'agree' | 'disagree';
}

export type OpinionGroupsResult =
  | { readonly kind: 'too-few'; readonly people: number; readonly statements: number; readonly needPeople: number }
  | {
      readonly kind: 'groups';
      readonly pca: Pca;
      /** Every row's position on the two components (people left out too). */
      readonly positions: readonly Float64Array[];
      /** Every row's group id, or −1 when left out for too few votes. */
      readonly groupOf: Int32Array;
      readonly groups: readonly OpinionGroup[];
      /** Mean silhouette of the chosen grouping, and of each k tried. */
      readonly silhouette: number;
      readonly silhouettes: ReadonlyMap<number, number>;
      /** The state of Polis's k smoother after this computation, to pass as `previousK` next time. */
      readonly groupCount: GroupCountState;
      /** Statements every group leans the same way on, strongest first. */
      readonly consensus: readonly ConsensusStatement[];
      /** Statements the groups lean opposite ways on, lowest group-aware consensus first. */
      readonly divisive: readonly StatementAcrossGroups[];
    };

/**
 * Silhouettes within this much of the best count as a tie, won by the fewest groups. Polis takes the
 * best silhouette (conversation.clj `:group-k-smoother`, `max-key`) but then keeps the k it had until a
 * new best has held for 4 updates, and a conversation's first updates, with few people, allow only 2 or 3
 * groups (`max-k-fn`): in effect it stays with few groups unless more are clearly better. One computation
 * has no such history; this tie rule stands in for it (`groupsOverTime` replays the history instead).
 */
export const SILHOUETTE_TOLERANCE = 0.05;

/**
 * k-means runs per k (each seeded with k-means++ from the fixed seed); the run with the least inertia is
 * kept, as k-means itself judges. Polis runs one k-means per k from its last clustering
 * (clusters.clj `kmeans` with `:last-clusters`), a history a single computation does not have.
 */
const RESTARTS = 20;

/** Fewer people than this cannot form two groups worth the name. */
export const MIN_GROUP_PEOPLE = 4;

export function findOpinionGroups(matrix: VoteMatrix, options: OpinionGroupOptions = {}): OpinionGroupsResult {
  const { rows, cols, values } = matrix;
  let votesOf = matrix.votesCast;
  if (!votesOf) {
    votesOf = new Int32Array(rows);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (!Number.isNaN(values[i * cols + j]!)) votesOf[i]!++;
  }

  // Polis's `:in-conv` (conversation.clj): at least min(7, n-cmts) votes, n-cmts counting every comment voted on.
  const included = choosePeople(votesOf, Math.min(options.minVotes ?? 7, votedColumns(matrix)), options.fillTo ?? 15, options.alreadyIn);
  if (included.length < MIN_GROUP_PEOPLE || cols < 2) {
    return { kind: 'too-few', people: included.length, statements: cols, needPeople: MIN_GROUP_PEOPLE };
  }

  const pca = principalComponents(matrix, { components: 2, seed: options.seed ?? 1 });
  const positions = projectPeople(matrix, pca);
  const points = included.map((i) => positions[i]!);

  // Base clusters: many small ones (every distinct person, in a small team), the unit of grouping
  // (conversation.clj `:base-clusters`: k-means with k = 100 over the people in the conversation, from
  // the first distinct positions, clusters.clj `init-clusters`).
  const base = kmeans(points, options.baseClusters ?? 100, { init: 'first-distinct' });
  const weights = new Float64Array(base.centers.length);
  for (const b of base.assignment) weights[b]!++;

  // conversation.clj `max-k-fn`: at most 5 groups, and 2 + one per 12 base clusters.
  const maxK = Math.min(options.maxGroups ?? 5, 2 + Math.floor(base.centers.length / 12), base.centers.length - 1);
  const silhouettes = new Map<number, number>();
  const tried: { k: number; assignment: Int32Array; score: number; inertia: number }[] = [];
  for (let k = 2; k <= Math.max(2, maxK); k++) {
    // Groups are k-means over the base clusters' centres, each weighted by its members (conversation.clj
    // `:group-clusterings`, `:weights base-clusters-weights`); k-means has local optima, so of several
    // runs the one with the least inertia is kept. The silhouette is over the base clusters' centres,
    // unweighted (`:group-clusterings-silhouettes`, clusters.clj `silhouette` on `bucket-dists`).
    let best: { assignment: Int32Array; score: number; inertia: number } | undefined;
    for (let run = 0; run < RESTARTS; run++) {
      const grouping = kmeans(base.centers, k, {
        weights,
        init: 'plus-plus',
        seed: (options.seed ?? 1) * 1000 + k * 100 + run,
        restarts: 1,
      });
      if (best && grouping.inertia >= best.inertia - 1e-9) continue;
      best = { assignment: grouping.assignment, score: silhouette(base.centers, grouping.assignment), inertia: grouping.inertia };
    }
    silhouettes.set(k, best!.score);
    tried.push({ k, ...best! });
  }
  // k by the best silhouette, smoothed over earlier computations when there were any (`:group-k-smoother`).
  const top = Math.max(...tried.map((t) => t.score));
  const bestK = tried.find((t) => t.score >= top - (options.silhouetteTolerance ?? SILHOUETTE_TOLERANCE))!.k;
  const groupCount = smoothGroupCount(bestK, options.previousK);
  const best = tried.find((t) => t.k === groupCount.smoothedK) ?? tried.find((t) => t.k === bestK)!;

  // Groups numbered as Polis numbers them: its group ids follow the order of the first distinct base
  // clusters (clusters.clj `init-clusters`, `:group-clusters` sorted by id), and base clusters follow the
  // order people joined; so group 0 holds the earliest person, group 1 the earliest of the others…
  const rawGroupOf = included.map((_, n) => best.assignment[base.assignment[n]!]!);
  const order: number[] = [];
  for (const g of rawGroupOf) if (!order.includes(g)) order.push(g);
  const groupOf = new Int32Array(rows).fill(-1);
  included.forEach((row, n) => (groupOf[row] = order.indexOf(rawGroupOf[n]!)));

  const memberLists = order.map(() => [] as number[]);
  included.forEach((row) => memberLists[groupOf[row]!]!.push(row));
  const counts = countVotes(matrix, groupOf, order.length);
  const totals = Array.from({ length: cols }, (_, j) => sumCounts(counts.map((g) => g[j]!)));

  const groups: OpinionGroup[] = memberLists.map((members, g) => ({
    id: g,
    members,
    representative: representativeStatements(counts, totals, g),
  }));

  const across: StatementAcrossGroups[] = Array.from({ length: cols }, (_, j) => {
    const perGroup = counts.map((g) => g[j]!);
    return {
      statement: j,
      perGroup,
      agreeConsensus: groupAwareConsensus(perGroup, 'agree'),
      disagreeConsensus: groupAwareConsensus(perGroup, 'disagree'),
    };
  });
  const consensus: ConsensusStatement[] = [
    ...across.filter((s) => s.perGroup.every((c) => c.agree > c.seen / 2)).map((s) => ({ ...s, side: 'agree' as const })),
    ...across.filter((s) => s.perGroup.every((c) => c.disagree > c.seen / 2)).map((s) => ({ ...s, side: 'disagree' as const })),
  ].sort((a, b) => strength(b) - strength(a) || a.statement - b.statement);
  const divisive = across
    .filter((s) => s.perGroup.some((c) => c.agree > c.disagree) && s.perGroup.some((c) => c.disagree > c.agree))
    .sort(
      (a, b) =>
        Math.max(a.agreeConsensus, a.disagreeConsensus) - Math.max(b.agreeConsensus, b.disagreeConsensus) || a.statement - b.statement,
    );

  return { kind: 'groups', pca, positions, groupOf, groups, silhouette: best.score, silhouettes, groupCount, consensus, divisive };
}

const strength = (s: ConsensusStatement) => (s.side === 'agree' ? s.agreeConsensus : s.disagreeConsensus);

/**
 * Rows with enough votes, and those already in; if too few qualify, the most active voters fill up to
 * `fillTo` (conversation.clj `:in-conv`, its `greedy-n` of 15).
 */
function choosePeople(votesOf: Int32Array, minVotes: number, fillTo: number, alreadyIn: Iterable<number> = []): number[] {
  const rows = [...votesOf.keys()];
  const chosen = new Set(rows.filter((i) => votesOf[i]! >= Math.max(1, minVotes)));
  for (const i of alreadyIn) if (i >= 0 && i < votesOf.length && votesOf[i]! > 0) chosen.add(i);
  if (chosen.size < fillTo) {
    const rest = rows.filter((i) => !chosen.has(i) && votesOf[i]! > 0).sort((a, b) => votesOf[b]! - votesOf[a]! || a - b);
    for (const i of rest.slice(0, fillTo - chosen.size)) chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** counts[group][statement]. */
function countVotes(matrix: VoteMatrix, groupOf: Int32Array, groups: number): VoteCounts[][] {
  const { rows, cols, values } = matrix;
  const raw = Array.from({ length: groups }, () => Array.from({ length: cols }, () => ({ agree: 0, disagree: 0, seen: 0 })));
  for (let i = 0; i < rows; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j]!;
      if (Number.isNaN(v)) continue;
      const c = raw[g]![j]!;
      c.seen++;
      if (v > 0) c.agree++;
      else if (v < 0) c.disagree++;
    }
  }
  return raw;
}

function sumCounts(list: readonly VoteCounts[]): VoteCounts {
  return list.reduce((s, c) => ({ agree: s.agree + c.agree, disagree: s.disagree + c.disagree, seen: s.seen + c.seen }), {
    agree: 0,
    disagree: 0,
    seen: 0,
  });
}

const REPRESENTATIVE_MAX = 5;

function representativeStatements(counts: VoteCounts[][], totals: VoteCounts[], g: number): Representativeness[] {
  const scored = counts[g]!.map((own, j) => {
    const all = totals[j]!;
    const others = { agree: all.agree - own.agree, disagree: all.disagree - own.disagree, seen: all.seen - own.seen };
    return representativeness(j, own, others);
  });
  const significant = scored.filter((r) => r.significant && r.counts.seen > 0).sort((a, b) => b.metric - a.metric);
  if (significant.length) return significant.slice(0, REPRESENTATIVE_MAX);
  // None passes the tests: the one that comes closest, so every group says something.
  const closest = scored.filter((r) => r.counts.seen > 0).sort((a, b) => b.zVersusOthers - a.zVersusOthers)[0];
  return closest ? [closest] : [];
}

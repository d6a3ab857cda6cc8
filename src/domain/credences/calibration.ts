import { brierScore, median } from './brier.ts';
import { choiceAggregate, choiceBrier, choiceLogScore } from './choice.ts';

/**
 * Calibration and track record over resolved questions: yes/no claims resolved true or false, and
 * choice polls resolved to one option. Pure maths; the reads are in `queries/scores.ts`.
 */

/** One probability given for something that then did or did not happen. */
export interface Forecast {
  readonly p: number;
  readonly outcome: boolean;
}

/** Predictions are grouped to the nearest 10%: 0%, 10%, …, 100% (eleven buckets). */
export const BUCKET_STEP = 0.1;

export interface CalibrationPoint {
  /** The bucket's centre: 0.7 for predictions from 65% to just under 75%. */
  readonly bucket: number;
  /** The mean prediction in the bucket (the point's x). */
  readonly predicted: number;
  /** How often those predictions came true (the point's y). */
  readonly observed: number;
  readonly count: number;
  readonly hits: number;
}

export const bucketOf = (p: number): number => Math.round(Math.min(1, Math.max(0, p)) / BUCKET_STEP);

/** The non-empty buckets, lowest first: a perfectly calibrated forecaster's points lie on the diagonal. */
export function calibration(forecasts: readonly Forecast[]): CalibrationPoint[] {
  const buckets = new Map<number, { sum: number; count: number; hits: number }>();
  for (const f of forecasts) {
    const key = bucketOf(f.p);
    const b = buckets.get(key) ?? { sum: 0, count: 0, hits: 0 };
    b.sum += f.p;
    b.count++;
    if (f.outcome) b.hits++;
    buckets.set(key, b);
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([key, b]) => ({
      bucket: Number((key * BUCKET_STEP).toFixed(2)),
      // Rounded, so ten predictions at 70% sit at 0.7 and not at 0.6999999999999999.
      predicted: Number((b.sum / b.count).toFixed(9)),
      observed: b.hits / b.count,
      count: b.count,
      hits: b.hits,
    }));
}

/** The mean distance from the diagonal, weighted by count (expected calibration error): 0 is perfect. */
export function calibrationError(points: readonly CalibrationPoint[]): number {
  const total = points.reduce((s, p) => s + p.count, 0);
  return total === 0 ? 0 : points.reduce((s, p) => s + p.count * Math.abs(p.observed - p.predicted), 0) / total;
}

/** A resolved yes/no claim with everyone's latest plain credence in it. */
export interface BinaryQuestion {
  readonly claimId: number;
  readonly tags: readonly string[];
  readonly outcome: boolean;
  readonly credences: ReadonlyMap<string, number>;
}

/** A resolved choice poll with everyone's latest vote (a credence per option). */
export interface ChoiceQuestion {
  readonly pollId: number;
  readonly claimId: number;
  readonly tags: readonly string[];
  /** The option it resolved to. */
  readonly outcome: number;
  readonly votes: ReadonlyMap<string, readonly number[]>;
}

/**
 * One person's score on one question, next to the team aggregate's on the same question: the median
 * credence for a yes/no claim, the mean credence per option (the pooled forecast) for a choice poll.
 */
export interface QuestionScore {
  readonly kind: 'binary' | 'choice';
  /** The claim's row id for a yes/no question, the poll's id for a choice one. */
  readonly questionId: number;
  readonly claimId: number;
  readonly tags: readonly string[];
  readonly userId: string;
  readonly brier: number;
  readonly teamBrier: number;
  /** ln of the credence in what happened (floored at 0.1%); choice polls only. */
  readonly log?: number;
  readonly teamLog?: number;
}

export function questionScores(binary: readonly BinaryQuestion[], choice: readonly ChoiceQuestion[]): QuestionScore[] {
  const out: QuestionScore[] = [];
  for (const q of binary) {
    if (q.credences.size === 0) continue;
    const teamBrier = brierScore(median([...q.credences.values()]), q.outcome);
    for (const [userId, p] of q.credences) {
      out.push({
        kind: 'binary',
        questionId: q.claimId,
        claimId: q.claimId,
        tags: q.tags,
        userId,
        brier: brierScore(p, q.outcome),
        teamBrier,
      });
    }
  }
  for (const q of choice) {
    const votes = [...q.votes.values()];
    const pooled = choiceAggregate(votes, votes[0]?.length ?? 0);
    if (!pooled) continue;
    const teamBrier = choiceBrier(pooled, q.outcome);
    const teamLog = choiceLogScore(pooled, q.outcome);
    for (const [userId, credences] of q.votes) {
      out.push({
        kind: 'choice',
        questionId: q.pollId,
        claimId: q.claimId,
        tags: q.tags,
        userId,
        brier: choiceBrier(credences, q.outcome),
        teamBrier,
        log: choiceLogScore(credences, q.outcome),
        teamLog,
      });
    }
  }
  return out;
}

/** Every probability given, as yes/no forecasts: a choice vote gives one per option (did this option win?). */
export function forecastsOf(binary: readonly BinaryQuestion[], choice: readonly ChoiceQuestion[], userId?: string): Forecast[] {
  const out: Forecast[] = [];
  for (const q of binary) {
    for (const [user, p] of q.credences) if (userId === undefined || user === userId) out.push({ p, outcome: q.outcome });
  }
  for (const q of choice) {
    for (const [user, credences] of q.votes) {
      if (userId === undefined || user === userId) credences.forEach((p, i) => out.push({ p, outcome: i === q.outcome }));
    }
  }
  return out;
}

/** Means over a set of scores, yes/no and choice apart (their Brier scores have different ranges: 0–1 and 0–2). */
export interface TrackRecord {
  readonly binary?: KindRecord;
  readonly choice?: KindRecord;
}

export interface KindRecord {
  /** Distinct questions, and scores (one per person per question). */
  readonly questions: number;
  readonly forecasts: number;
  readonly brier: number;
  /** Mean of (Brier − the team aggregate's Brier on the same question): below 0 beats the team. */
  readonly relative: number;
  /** The team aggregate's mean Brier over the same questions. */
  readonly teamBrier: number;
  readonly log?: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function kindRecord(scores: readonly QuestionScore[]): KindRecord | undefined {
  if (scores.length === 0) return undefined;
  const teamByQuestion = new Map(scores.map((s) => [s.questionId, s.teamBrier]));
  const logs = scores.flatMap((s) => (s.log === undefined ? [] : [s.log]));
  return {
    questions: teamByQuestion.size,
    forecasts: scores.length,
    brier: mean(scores.map((s) => s.brier)),
    relative: mean(scores.map((s) => s.brier - s.teamBrier)),
    teamBrier: mean([...teamByQuestion.values()]),
    ...(logs.length ? { log: mean(logs) } : {}),
  };
}

export function trackRecord(scores: readonly QuestionScore[]): TrackRecord {
  const binary = kindRecord(scores.filter((s) => s.kind === 'binary'));
  const choice = kindRecord(scores.filter((s) => s.kind === 'choice'));
  return { ...(binary ? { binary } : {}), ...(choice ? { choice } : {}) };
}

/** Each person's record, best first: by yes/no Brier, then (for those with only choice polls) by choice Brier. */
export function recordsByPerson(scores: readonly QuestionScore[]): { userId: string; record: TrackRecord }[] {
  const byUser = new Map<string, QuestionScore[]>();
  for (const s of scores) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s]);
  const key = (r: TrackRecord) => [
    r.binary ? 0 : 1,
    r.binary?.brier ?? r.choice?.brier ?? 0,
    -(r.binary?.forecasts ?? r.choice?.forecasts ?? 0),
  ];
  return [...byUser]
    .map(([userId, list]) => ({ userId, record: trackRecord(list) }))
    .sort((a, b) => {
      const [ka, kb] = [key(a.record), key(b.record)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
      return a.userId < b.userId ? -1 : 1;
    });
}

/** The record per tag (a question with two tags counts under both), most questions first. */
export function recordsByTag(scores: readonly QuestionScore[]): { tag: string; record: TrackRecord }[] {
  const byTag = new Map<string, QuestionScore[]>();
  for (const s of scores) for (const tag of s.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), s]);
  const size = (r: TrackRecord) => (r.binary?.questions ?? 0) + (r.choice?.questions ?? 0);
  return [...byTag]
    .map(([tag, list]) => ({ tag, record: trackRecord(list) }))
    .sort((a, b) => size(b.record) - size(a.record) || (a.tag < b.tag ? -1 : 1));
}

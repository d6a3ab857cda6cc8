import { describe, expect, it } from 'vitest';
import {
  calibration,
  calibrationError,
  forecastsOf,
  questionScores,
  recordsByPerson,
  recordsByTag,
  type BinaryQuestion,
  type ChoiceQuestion,
} from '../../../src/domain/credences/calibration.ts';

const many = (n: number, p: number, trueCount: number) =>
  Array.from({ length: n }, (_, i) => ({ p, outcome: i < trueCount }));

describe('calibration buckets', () => {
  it('10 predictions at 70%, 7 of them true, make one point at (0.7, 0.7) holding 10', () => {
    expect(calibration(many(10, 0.7, 7))).toEqual([{ bucket: 0.7, predicted: 0.7, observed: 0.7, count: 10, hits: 7 }]);
    expect(calibrationError(calibration(many(10, 0.7, 7)))).toBeCloseTo(0, 12);
  });

  it('groups to the nearest 10%, takes the mean prediction as x, and leaves empty buckets out', () => {
    const points = calibration([...many(4, 0.66, 1), ...many(4, 0.74, 1), { p: 0.02, outcome: false }, { p: 1, outcome: true }]);
    expect(points.map((p) => [p.bucket, p.count, p.hits])).toEqual([
      [0, 1, 0],
      [0.7, 8, 2],
      [1, 1, 1],
    ]);
    expect(points[1]!.predicted).toBeCloseTo(0.7, 12);
    expect(points[1]!.observed).toBe(0.25);
    // Over-confident at 70%: 8 of 10 predictions are 45 points off the diagonal.
    expect(calibrationError(points)).toBeCloseTo((8 * 0.45 + 1 * 0.02) / 10, 12);
  });

  it('counts each option of a choice vote as a yes/no forecast', () => {
    const choice: ChoiceQuestion[] = [{ pollId: 1, claimId: 9, tags: [], outcome: 1, votes: new Map([['ada', [0.2, 0.8]]]) }];
    expect(forecastsOf([], choice, 'ada')).toEqual([
      { p: 0.2, outcome: false },
      { p: 0.8, outcome: true },
    ]);
    expect(forecastsOf([], choice, 'ben')).toEqual([]);
  });
});

describe('track records', () => {
  const binary: BinaryQuestion[] = [
    { claimId: 1, tags: ['evals'], outcome: true, credences: new Map([['ada', 0.9], ['ben', 0.6], ['cy', 0.2]]) },
    { claimId: 2, tags: ['evals', 'labs'], outcome: false, credences: new Map([['ada', 0.3]]) },
  ];
  const choice: ChoiceQuestion[] = [
    { pollId: 5, claimId: 3, tags: ['labs'], outcome: 0, votes: new Map([['ada', [0.5, 0.5]], ['ben', [1, 0]]]) },
  ];

  it('scores each person against the team aggregate on the same questions, yes/no and choice apart', () => {
    const people = recordsByPerson(questionScores(binary, choice));
    expect(people.map((p) => p.userId)).toEqual(['ada', 'ben', 'cy']);
    const ada = people[0]!.record;
    expect(ada.binary!.brier).toBeCloseTo((0.01 + 0.09) / 2, 12);
    expect(ada.binary!.relative).toBeCloseTo((0.01 - 0.16 + 0) / 2, 12);
    // The pooled forecast is (0.75, 0.25): Brier 0.125; ada's (0.5, 0.5) scores 0.5.
    expect(ada.choice!.brier).toBeCloseTo(0.5, 12);
    expect(ada.choice!.relative).toBeCloseTo(0.375, 12);
    expect(ada.choice!.log).toBeCloseTo(Math.log(0.5), 12);
    expect(people[1]!.record.choice!.brier).toBe(0);
  });

  it('per tag, a question counts under each of its tags', () => {
    const tags = recordsByTag(questionScores(binary, choice));
    expect(tags.map((t) => [t.tag, t.record.binary?.questions ?? 0, t.record.choice?.questions ?? 0])).toEqual([
      ['evals', 2, 0],
      ['labs', 1, 1],
    ]);
    expect(tags[0]!.record.binary!.forecasts).toBe(4);
  });
});

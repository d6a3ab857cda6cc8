import { describe, expect, it } from 'vitest';
import { chooseCandidates, matchExisting } from '../../../src/domain/threads/candidates.ts';
import { analyseThread } from '../../../src/domain/threads/extract.ts';
import { parseThread } from '../../../src/domain/threads/input.ts';
import { summarizeThread } from '../../../src/domain/threads/summary.ts';
import { DEBATE_THREAD } from './threads.fixture.ts';

const analysis = analyseThread(parseThread(DEBATE_THREAD));
const summary = summarizeThread(analysis);

describe('the summary of a debate thread', () => {
  it('finds both debates and names them by what sets them apart', () => {
    const labels = summary.debates.map((d) => d.label.join(' · '));
    expect(summary.debates).toHaveLength(2);
    const gaming = summary.debates.find((d) => d.claims.some((c) => /specification gaming, not reward seeking/.test(c.text)))!;
    const drift = summary.debates.find((d) => d.claims.some((c) => /Goals randomly permute/.test(c.text)))!;
    expect(gaming).not.toBe(drift);
    expect(gaming.label.join(' ')).toMatch(/specification gaming|reward seeking/);
    expect(drift.label.join(' ')).toMatch(/serial step|training data|goals/);
    expect(drift.claims.some((c) => /value change is directable/.test(c.text))).toBe(true);
    expect(labels).toHaveLength(2);
  });

  it('gives each participant a position, grouped where they agree and with whom they dispute', () => {
    const bob = summary.positions.find((p) => p.authors.includes('bob'))!;
    const dave = summary.positions.find((p) => p.authors.includes('dave'))!;
    expect(bob).not.toBe(dave);
    expect(dave.stance.text).toMatch(/Goals randomly permute/);
    expect(dave.disagreesWith).toContain('bob');
    expect(summary.positions.find((p) => p.authors.includes('alice'))!.authors).toContain('carol');
    expect(summary.positions.some((p) => p.authors.includes('erin'))).toBe(false);
  });

  it('ranks key claims with who made them and their support and opposition, repeats counted once', () => {
    const texts = summary.keyClaims.map((k) => k.claim.text);
    expect(new Set(texts).size).toBe(texts.length);
    const spec = summary.keyClaims.find((k) => /specification gaming, not reward seeking/.test(k.claim.text))!;
    expect(spec.authors).toEqual(['bob']);
    expect(spec.support.length + spec.opposition.length).toBeGreaterThan(0);
    const permute = summary.keyClaims.find((k) => /Goals randomly permute/.test(k.claim.text))!;
    expect(permute.repeats).toBe(2);
  });

  it('lists the named crux first, then what someone said is not a crux', () => {
    expect(summary.cruxes.map((c) => [c.kind, c.claim.author])).toEqual([
      ['crux', 'carol'],
      ['not a crux', 'alice'],
    ]);
    expect(summary.cruxes[0]!.claim.text).toBe(
      'I think the crux might be whether values crystallize before the AIs produce most of their own training data.',
    );
  });

  it('collects agreements with what they agree with, open questions, and stated credences', () => {
    expect(summary.agreements).toContainEqual(
      expect.objectContaining({
        author: 'carol',
        with: expect.objectContaining({ author: 'bob', text: expect.stringMatching(/^Reward seeking would mean/) }),
      }),
    );
    expect(summary.openQuestions).toEqual([{ author: 'bob', text: 'How would we even measure the rate of goal drift?', kind: 'question' }]);
    expect(summary.credences.map((c) => [c.credence.written, c.claim.author])).toEqual([
      ['70%', 'dave'],
      ['e-9', 'carol'],
    ]);
  });

  it('does not list a question that was answered', () => {
    const answered = summarizeThread(
      analyseThread(
        parseThread(
          'alice: Are you claiming that reward was the optimization target?\nbob: No, the agents were not trying to get high reward.',
        ),
      ),
    );
    expect(answered.openQuestions).toEqual([]);
  });
});

describe('candidates for the map', () => {
  it('takes the crux, the claims with credences and the key claims, with the links among them', () => {
    const set = chooseCandidates(analysis, summary);
    const texts = set.candidates.map((c) => c.claim.text);
    expect(texts).toContain('I think the crux might be whether values crystallize before the AIs produce most of their own training data.');
    expect(texts.some((t) => t.includes('e-9'))).toBe(true);
    expect(set.candidates.some((c) => c.claim.author === 'erin')).toBe(false);
    for (const link of set.links) {
      expect(set.candidates[link.from]).toBeDefined();
      expect(set.candidates[link.to]).toBeDefined();
      expect(['supports', 'opposes', 'crux-of']).toContain(link.kind);
    }
    expect(chooseCandidates(analysis, summary, [], 3).candidates).toHaveLength(3);
  });

  it('matches a candidate to the debate claim that says the same, and not to an unrelated one', () => {
    const existing = [
      { id: 10, number: 4, text: 'Value change is directable by training data' },
      { id: 11, number: 5, text: 'Objection channels detect hidden misalignment' },
    ];
    const [same, other] = matchExisting(
      [{ text: 'value change is directable by training data, not random.' }, { text: 'Goals drift at random.' }],
      existing,
    );
    expect(same?.number).toBe(4);
    expect(other).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { analyseThread } from '../../../src/domain/threads/extract.ts';
import { parseJsonThread, parseThread } from '../../../src/domain/threads/input.ts';

type Analysis = ReturnType<typeof analyseThread>;
const link = (a: Analysis, from: RegExp, to: RegExp) => {
  const f = a.claims.find((c) => from.test(c.text));
  const t = a.claims.find((c) => to.test(c.text));
  return f && t ? a.relations.find((r) => r.from === f.id && r.to === t.id)?.kind : undefined;
};

describe('relations inside a message', () => {
  it('a reason backs the point before it, and a further claim that starts "However" turns against that point', () => {
    const a = analyseThread(
      parseJsonThread(
        JSON.stringify({
          messages: [
            {
              author: 'ines',
              text: 'Remote teams should write their decisions down. Written records make onboarding much faster. However, writing everything down will slow small teams badly.',
            },
          ],
        }),
      ),
    );
    expect(link(a, /^Written records/, /^Remote teams/)).toBe('supports');
    expect(link(a, /writing everything down/, /^Remote teams/)).toBe('opposes');
  });
});

describe('relations in a transcript with no reply structure', () => {
  it('each speaker answers the last claim of the speaker before: a panel as "Name: text" lines', () => {
    const transcript = [
      'Moderator: Welcome, everyone.',
      'Priya: I think congestion pricing would cut downtown traffic by a third.',
      'Tomas: Congestion pricing would mostly push downtown traffic onto the ring road instead.',
      'Priya: I agree the ring road would get busier, but total traffic would still fall.',
    ].join('\n');
    const a = analyseThread(parseThread(transcript));
    expect(link(a, /push downtown traffic onto the ring road/, /cut downtown traffic/)).toBe('opposes');
    const answer = a.claims.find((c) => c.author === 'Priya' && /ring road/.test(c.text));
    expect(a.relations.some((r) => r.from === answer?.id && a.claims.find((c) => c.id === r.to)?.author === 'Tomas')).toBe(true);
  });

  it('uses the reply-to a platform gives instead of turn-taking when the thread has it', () => {
    const a = analyseThread(
      parseJsonThread(
        JSON.stringify({
          messages: [
            { author: 'ana', text: 'Pair programming doubles the cost of every feature we ship.' },
            { author: 'ben', text: 'Code review catches most defects before they reach production.' },
            { author: 'cem', text: 'No, pair programming does not double the cost of a feature.', replyTo: 0 },
          ],
        }),
      ),
    );
    expect(link(a, /does not double/, /doubles the cost/)).toBe('disagrees');
    expect(link(a, /does not double/, /Code review/)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { analyseThread, extractionJson } from '../../../src/domain/threads/extract.ts';
import { parseJsonThread, parseThread } from '../../../src/domain/threads/input.ts';
import { DEBATE_THREAD, SMALL_TALK } from './threads.fixture.ts';

const analysis = () => analyseThread(parseThread(DEBATE_THREAD));
const claimText = (a: ReturnType<typeof analysis>, pattern: RegExp) => a.claims.find((c) => pattern.test(c.text));

describe('extracting claims from a debate thread', () => {
  it('every claim is a verbatim slice of its message, with its author', () => {
    const a = analysis();
    expect(a.claims.length).toBeGreaterThan(8);
    for (const claim of a.claims) {
      expect(a.messages[claim.message]!.text).toContain(claim.text);
      expect(claim.author).toBe(a.messages[claim.message]!.author);
    }
  });

  it('folds a paragraph pasted twice into one claim that remembers both messages', () => {
    const a = analysis();
    const permute = a.claims.filter((c) => /Goals randomly permute/.test(c.text));
    expect(permute).toHaveLength(1);
    expect(permute[0]!.occurrences).toEqual([4, 6]);
    expect(a.stats.repeatedMessages).toBe(1);
    expect(a.claims.some((c) => c.message === 6)).toBe(false);
  });

  it('a quoted line is not the quoter’s claim; the quoted claim counts it as an occurrence', () => {
    const a = analysis();
    expect(a.claims.filter((c) => c.author === 'carol' && /^Reward seeking would mean/.test(c.text))).toEqual([]);
    expect(claimText(a, /^Reward seeking would mean/)!.occurrences).toEqual([1, 2]);
  });

  it('names the crux as a crux, "not a crux" as a claim, and a reason as a premise', () => {
    const a = analysis();
    expect(claimText(a, /the crux might be whether values crystallize/)!.kind).toBe('crux');
    expect(claimText(a, /probably not a crux/)).toMatchObject({ kind: 'claim', notCrux: true });
    expect(claimText(a, /agents were trying to do the task/)!.kind).toBe('premise');
  });

  it('relates replies to what they answer: a quoted agreement agrees, a "No," disagrees, a crux is a crux of', () => {
    const a = analysis();
    const relation = (from: RegExp) => {
      const claim = claimText(a, from)!;
      const r = a.relations.find((x) => x.from === claim.id);
      return r && { kind: r.kind, to: a.claims.find((c) => c.id === r.to)!.text };
    };
    expect(relation(/^I agree with bob/)).toEqual({ kind: 'agrees', to: expect.stringMatching(/^Reward seeking would mean/) });
    expect(relation(/value change is directable/)).toMatchObject({ kind: 'disagrees' });
    expect(relation(/crux might be/)).toMatchObject({ kind: 'crux-of' });
    expect(relation(/agents were trying to do the task/)).toEqual({
      kind: 'supports',
      to: 'I think that is specification gaming, not reward seeking.',
    });
  });

  it('catches stated credences on the claims they are in', () => {
    const a = analysis();
    expect(claimText(a, /e-9/)!.credence).toMatchObject({ value: 1e-9, doubted: true, about: 'goals change during long reasoning' });
    expect(claimText(a, /70%/)!.credence).toMatchObject({ value: 0.7, doubted: false });
  });

  it('passes a message in another language through untouched, and drops the web footer', () => {
    const a = analysis();
    const french = a.messages.find((m) => m.author === 'erin')!;
    expect(french.text).toBe('Je pense que la dérive des objectifs est aléatoire, et que les données ne suffisent pas.');
    expect(a.claims.some((c) => c.author === 'erin')).toBe(false);
    expect(a.stats.otherLanguage).toBe(1);
    expect(a.stats.boilerplateLines).toBe(2);
    expect(a.claims.some((c) => /Reply|example\.org/.test(c.text))).toBe(false);
  });

  it('finds nothing to argue about in small talk, and nothing at all in an empty thread', () => {
    expect(analyseThread(parseThread(SMALL_TALK)).claims).toEqual([]);
    expect(analyseThread([]).claims).toEqual([]);
  });

  it('gives the same result every time', () => {
    expect(JSON.stringify(extractionJson(analysis()))).toBe(JSON.stringify(extractionJson(analysis())));
  });
});

describe('the extract --json shape', () => {
  it('lists messages, claims (verbatim text, author, message, kind, credence) and relations', () => {
    const json = extractionJson(
      analyseThread(
        parseJsonThread(
          JSON.stringify({
            messages: [
              { author: 'alice', text: "I'd put 70% on goal drift becoming a serious problem within two years." },
              { author: 'bob', text: 'No, value change is directable by training data.', replyTo: 0 },
              { text: 'Someone without a name thinks this matters a lot.' },
            ],
          }),
        ),
      ),
    ) as { messages: unknown[]; claims: Record<string, unknown>[]; relations: unknown[] };
    expect(json.messages[2]).toEqual({ index: 2, author: 'unknown', text: 'Someone without a name thinks this matters a lot.' });
    expect(json.claims[0]).toEqual({
      id: 'c1',
      text: "I'd put 70% on goal drift becoming a serious problem within two years.",
      author: 'alice',
      message: 0,
      kind: 'claim',
      credence: 0.7,
    });
    expect(Object.keys(json.claims[1]!).sort()).toEqual(['author', 'id', 'kind', 'message', 'text']);
    expect(json.relations).toContainEqual({ from: 'c2', to: 'c1', kind: 'disagrees' });
  });
});

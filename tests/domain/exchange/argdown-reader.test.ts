import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { parseArgdown } from '../../../src/domain/exchange/argdown-parse.ts';
import { FLOW_MAX_DEPTH } from '../../../src/domain/exchange/yaml-flow.ts';

const textOf = (source: string, key: string) => parseArgdown(source).claims.find((c) => c.key === key)?.text;

describe('the Argdown reader, on what people write', () => {
  it('GIVEN a comment-only line inside a tree THEN the tree goes on below it', () => {
    const parsed = parseArgdown(
      ['[Root]: Agents seek reward.', '  + [A]: They game scorers.', '  // a note to self', '  - [B]: Gaming is not seeking.'].join('\n'),
    );
    expect(parsed.links).toEqual([
      { from: 'A', to: 'Root', kind: 'supports' },
      { from: 'B', to: 'Root', kind: 'opposes' },
    ]);
  });

  it('GIVEN a blank line THEN the tree still ends there, and the next relation has nothing to attach to', () => {
    expect(() => parseArgdown(['[Root]: Agents seek reward.', '', '  + [A]: They game scorers.'].join('\n'))).toThrow(
      /no statement above it/,
    );
  });

  it('GIVEN a markdown link THEN its // is part of the text, not a comment', () => {
    expect(textOf('[A]: See [the paper](https://example.org/reward) for details. // my note', 'A')).toBe(
      'See [the paper](https://example.org/reward) for details.',
    );
  });

  it('GIVEN list items * [A]: a THEN each is read as its statement', () => {
    const parsed = parseArgdown(['* [A]: First claim.', '* [B]: Second claim.', '  - [C]: Against the second.'].join('\n'));
    expect(parsed.claims.map((c) => [c.key, c.text])).toEqual([
      ['A', 'First claim.'],
      ['B', 'Second claim.'],
      ['C', 'Against the second.'],
    ]);
    expect(parsed.links).toEqual([{ from: 'C', to: 'B', kind: 'opposes' }]);
  });

  it('GIVEN a title defined twice with different texts THEN the claim keeps both', () => {
    expect(
      textOf(['[A]: Reward is the target.', '', '[A]: Agents optimise it directly.', '', '[A]: Reward is the target.'].join('\n'), 'A'),
    ).toBe('Reward is the target. Agents optimise it directly.');
  });

  it('GIVEN 20 KB of nested data THEN a clear message names the line and the limit, not an internal error', () => {
    const deep = `{credence: ${'['.repeat(10_000)}0.5${']'.repeat(10_000)}}`;
    let error: unknown;
    try {
      parseArgdown(`[A]: Claim. ${deep}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Line 1: the data is nested more than ${FLOW_MAX_DEPTH} levels deep .*e\\.g\\. \\{cruxOf: \\[A, B\\]`),
    );
    // Nesting within the limit is read as before.
    expect(parseArgdown(`[A]: Claim. {credence: [[0.5]], cruxOf: [B]}\n[B]: Other.`).links).toEqual([{ from: 'A', to: 'B', kind: 'crux-of' }]);
  });
});

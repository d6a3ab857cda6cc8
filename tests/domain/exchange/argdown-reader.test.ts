import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { parseArgdown } from '../../../src/domain/exchange/argdown-parse.ts';
import { FLOW_MAX_DEPTH, parseFlowMapping, writeFlowMapping, writeFrontMatter } from '../../../src/domain/exchange/yaml-flow.ts';

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
    expect(parseArgdown(`[A]: Claim. {credence: [[0.5]], cruxOf: [B]}\n[B]: Other.`).links).toEqual([
      { from: 'A', to: 'B', kind: 'crux-of' },
    ]);
  });
});

describe('the data in braces and the front matter, read as YAML', () => {
  const data = (source: string) => parseFlowMapping(source, 'Line 3');

  it('GIVEN what YAML allows THEN it is read as YAML reads it: a trailing comma, .5 and +1, keys without values', () => {
    expect(data('{cruxOf: [C1,], credence: .5, n: +1, refines: [C2, C3,]}')).toEqual({
      cruxOf: ['C1'],
      credence: 0.5,
      n: 1,
      refines: ['C2', 'C3'],
    });
    expect(data('{a, b}')).toEqual({ a: null, b: null });
    expect(parseArgdown('[A]: Claim. {cruxOf: [B,]}\n[B]: Other.').links).toEqual([{ from: 'A', to: 'B', kind: 'crux-of' }]);
  });

  it('GIVEN a key twice THEN the message names it and shows the way, and nothing is read', () => {
    expect(() => data('{cruxOf: [C1], cruxOf: [C2]}')).toThrow(
      /^Line 3: the data \{cruxOf: \[C1\], cruxOf: \[C2\]\} is not valid \(the key cruxOf is given twice; give each key once, e\.g\. \{cruxOf: \[C1, C2\]\}\)\.$/,
    );
    expect(() => parseArgdown('[A]: Claim. {cruxOf: [B], cruxOf: [C]}')).toThrow(UserError);
  });

  it('GIVEN an alias, an unclosed list or text after the brace THEN a sentence says what is wrong', () => {
    expect(() => data('{a: &x [1], b: *x}')).toThrow(/Line 3: the data .* is not valid \(anchors \(&name\) are not data\)/);
    expect(() => data('{cruxOf: [C1}')).toThrow(/Line 3: the data \{cruxOf: \[C1\} is not valid \(.* at (character \d+|the end)\)\./);
    expect(() => data('{a: 1} b')).toThrow(/Line 3: the data \{a: 1\} b is not valid/);
    expect(() => data('{a: "\\q"}')).toThrow(/invalid escape sequence/i);
  });

  it('GIVEN a key named __proto__ THEN it is a key like any other', () => {
    const read = data('{__proto__: {polluted: true}}');
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('GIVEN front matter THEN it is YAML: quoted titles, Argdown settings beside them, a bad line named', () => {
    const parsed = parseArgdown(
      [
        '===',
        "title: 'It''s about: reward'",
        'slug: reward',
        'color:',
        '  colorScheme: iwanthue-colorblind-friendly',
        '===',
        '',
        '[A]: Claim.',
      ].join('\n'),
    );
    expect(parsed).toMatchObject({ title: "It's about: reward", slug: 'reward' });
    expect(() => parseArgdown(['===', 'title: Reward', 'title: Again', '===', '[A]: Claim.'].join('\n'))).toThrow(
      /^Line 3: the front matter between the === lines is not valid YAML \(the key title is given twice/,
    );
  });

  it('GIVEN a debate written out THEN its front matter and data are YAML that reads back the same', () => {
    const title = 'He said: "seek reward", #1 — or [not]?';
    const front = writeFrontMatter({ title, slug: 'reward' }, ['title']);
    expect(front).toBe('title: "He said: \\"seek reward\\", #1 — or [not]?"\nslug: reward');
    expect(parseArgdown(`===\n${front}\n===\n\n[A]: Claim.`).title).toBe(title);
    const written = writeFlowMapping({ credence: 0.25, status: 'resolved-true', cruxOf: ['C1', 'C 2'], refines: ['x: y'] });
    expect(written).toBe('{credence: 0.25, status: resolved-true, cruxOf: [C1, C 2], refines: ["x: y"]}');
    expect(data(written)).toEqual({ credence: 0.25, status: 'resolved-true', cruxOf: ['C1', 'C 2'], refines: ['x: y'] });
  });
});

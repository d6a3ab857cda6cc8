import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claims.ts';
import type { Debate } from '../../src/domain/debates.ts';
import { ARGDOWN_MAX_DEPTH, exportArgdown } from '../../src/domain/exchange/argdown-export.ts';
import { parseArgdown } from '../../src/domain/exchange/argdown-parse.ts';
import type { Link } from '../../src/domain/links.ts';
import { OUTLINE_MAX_CHARS, OUTLINE_MAX_INDENT, renderOutline } from '../../src/domain/outline.ts';

/**
 * The text outline and the Argdown export of a big debate: a 20,000-claim chain (each claim supports
 * the one before) and a 20,000-claim star (all support the root). Neither may overflow the stack, and
 * the text grows linearly: indentation stops at a cap, and the outline stops with a note.
 */
const AT = '2026-12-07T10:00:00.000Z';
const debate = (rootClaimId: number | null): Debate => ({
  id: 1,
  workspace: 'w',
  slug: 'big',
  title: 'One big debate',
  rootClaimId,
  createdBy: 'ada',
  createdByName: 'Ada',
  createdAt: AT,
});
const claim = (n: number): Claim => ({
  id: n,
  workspace: 'w',
  number: n,
  debateId: 1,
  text: `Claim number ${n} says something worth arguing about`,
  authorId: 'ada',
  authorName: 'Ada',
  source: {},
  status: 'open',
  tags: [],
  createdAt: AT,
  updatedAt: AT,
});
const link = (from: number, to: number): Link => ({
  id: from,
  workspace: 'w',
  fromClaimId: from,
  toClaimId: to,
  fromNumber: from,
  toNumber: to,
  kind: 'supports',
  authorId: 'ada',
  createdAt: AT,
});
const claims = (n: number) => Array.from({ length: n }, (_, i) => claim(i + 1));
const chain = (n: number) => Array.from({ length: n - 1 }, (_, i) => link(i + 2, i + 1));
const star = (n: number) => Array.from({ length: n - 1 }, (_, i) => link(i + 2, 1));

describe('the text outline of a big debate', () => {
  it('draws a 20,000-claim chain without overflowing, indentation capped, cut with a note', () => {
    const text = renderOutline(debate(1), claims(20_000), chain(20_000));
    const lines = text.split('\n');
    expect(text.length).toBeLessThan(OUTLINE_MAX_CHARS + 1_000);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100 + 3 * OUTLINE_MAX_INDENT);
    expect(lines[2]).toMatch(/^C1 {2}Claim number 1 /);
    expect(text).toMatch(new RegExp(`\\+ ‹${OUTLINE_MAX_INDENT + 1}› C${OUTLINE_MAX_INDENT + 2} `));
    expect(lines.at(-1)).toMatch(/^… cut here: \d+ more claims not shown\. Zoom in with \/map focus:C# depth:2/);
  });

  it('draws a 20,000-claim star the same way, and a small chain whole', () => {
    const text = renderOutline(debate(1), claims(20_000), star(20_000));
    expect(text.length).toBeLessThan(OUTLINE_MAX_CHARS + 1_000);
    expect(text).toContain('├─ + C2  Claim number 2');
    expect(text).toMatch(/… cut here: \d+ more claims not shown/);
    const small = renderOutline(debate(1), claims(200), chain(200));
    expect(small).toContain('C200  Claim number 200');
    expect(small).not.toContain('cut here');
  });

  it('grows linearly: ten times the claims, about ten times the text, until the cut', () => {
    const size = (n: number) => renderOutline(debate(1), claims(n), chain(n), { maxChars: Number.POSITIVE_INFINITY }).length;
    const ratio = size(20_000) / size(2_000);
    expect(ratio).toBeGreaterThan(9);
    expect(ratio).toBeLessThan(11);
  });

  it('draws claims not linked to the root as their own trees, each once', () => {
    const all = claims(2_000);
    const text = renderOutline(debate(1), all, [], { maxChars: Number.POSITIVE_INFINITY });
    expect(text).toContain('Not linked to the root:');
    for (const n of [1, 2, 1_000, 2_000]) expect([n, text.split(`C${n}  Claim number ${n} `).length]).toEqual([n, 2]);
  });
});

describe('the Argdown export of a big debate', () => {
  it('writes a 20,000-claim chain with bounded indentation, linear in size, and reads back whole', () => {
    const text = exportArgdown({ debate: debate(1), claims: claims(20_000), links: chain(20_000) });
    const indent = Math.max(...text.split('\n').map((l) => /^ */.exec(l)![0].length));
    expect(indent).toBeLessThanOrEqual(2 * ARGDOWN_MAX_DEPTH);
    const small = exportArgdown({ debate: debate(1), claims: claims(2_000), links: chain(2_000) });
    expect(text.length / small.length).toBeLessThan(11);
    const back = parseArgdown(text);
    expect(back.claims).toHaveLength(20_000);
    expect(back.links).toHaveLength(19_999);
    expect(back.claims.find((c) => c.key === 'C20000')?.text).toBe('Claim number 20000 says something worth arguing about');
  });

  it('writes a 20,000-claim star as one tree under the root', () => {
    const text = exportArgdown({ debate: debate(1), claims: claims(20_000), links: star(20_000) });
    expect(text).toMatch(/^\[C1\]: Claim number 1 /m);
    expect(text).toMatch(/^ {2}<\+ \[C20000\]: Claim number 20000 /m);
    expect(parseArgdown(text).links).toHaveLength(19_999);
  });
});

import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/domain/claims.ts';
import type { CruxGraph } from '../../../src/domain/crux-graph.ts';
import type { Link, LinkKind } from '../../../src/domain/links.ts';
import { dotString, escapeHtmlLabel } from '../../../src/render/map/escape.ts';
import { focusView } from '../../../src/render/map/focus.ts';
import { fontMetrics } from '../../../src/render/map/text-metrics.ts';
import { wrapToWidth } from '../../../src/render/map/wrap-text.ts';

/** A graph from `C2>C1:supports` style edges; claim n has row id n. */
function graph(count: number, edges: string[]): CruxGraph {
  const claims: Claim[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    workspace: 'w',
    number: i + 1,
    debateId: 1,
    text: `claim ${i + 1}`,
    authorId: 'a',
    authorName: 'a',
    source: {},
    status: 'open',
    tags: [],
    createdAt: '',
    updatedAt: '',
  }));
  const links: Link[] = edges.map((edge, i) => {
    const [, from, to, kind] = /^C(\d+)>C(\d+):(.+)$/.exec(edge)!;
    return {
      id: i + 1,
      workspace: 'w',
      fromClaimId: Number(from),
      toClaimId: Number(to),
      fromNumber: Number(from),
      toNumber: Number(to),
      kind: kind as LinkKind,
      authorId: 'a',
      createdAt: '',
    };
  });
  const debate = { id: 1, workspace: 'w', slug: 'd', title: 'D', rootClaimId: 1, createdBy: 'a', createdByName: 'a', createdAt: '' };
  return { debate, claims, links };
}

const ids = (claims: readonly Claim[]) => claims.map((c) => c.number);

describe('the focus view', () => {
  // C1 ← C2 ← C3 ← C4, and C5 → C1; C6 stands alone.
  const chain = graph(6, ['C2>C1:supports', 'C3>C2:opposes', 'C4>C3:supports', 'C5>C1:crux-of']);

  it('GIVEN a depth THEN it shows claims that many links away, in either direction, and counts what is hidden', () => {
    const view = focusView(chain, chain.claims[1]!, { depth: 1 });
    expect(ids(view.claims)).toEqual([1, 2, 3]);
    expect(ids(view.links.map((l) => chain.claims[l.fromClaimId - 1]!))).toEqual([2, 3]);
    expect(view.depth).toBe(1);
    expect(new Map(view.hiddenNeighbours)).toEqual(
      new Map([
        [1, 1],
        [3, 1],
      ]),
    );
    expect(view.partial).toBeUndefined();
  });

  it('GIVEN no depth THEN it goes as deep as fits, never across unlinked claims', () => {
    const view = focusView(chain, chain.claims[0]!);
    expect(ids(view.claims)).toEqual([1, 2, 3, 4, 5]);
    expect(view.depth).toBe(3);
    expect(view.hiddenNeighbours.size).toBe(0);
  });

  it('GIVEN too many neighbours THEN cruxes and arguments come first and the view says it is partial', () => {
    const star = graph(7, ['C2>C1:duplicates', 'C3>C1:refines', 'C4>C1:supports', 'C5>C1:crux-of', 'C6>C1:opposes', 'C7>C1:duplicates']);
    const view = focusView(star, star.claims[0]!, { maxClaims: 4 });
    expect(ids(view.claims)).toEqual([1, 4, 5, 6]);
    expect(view.partial).toEqual({ shown: 3, of: 6 });
    expect(view.hiddenNeighbours.get(1)).toBe(3);
  });
});

describe('text for the picture', () => {
  const regular = fontMetrics('regular');

  it('measures with the real font: wide letters are wider, bold is wider', () => {
    expect(regular.width('MMMM', 14)).toBeGreaterThan(regular.width('iiii', 14) * 2);
    expect(fontMetrics('bold').width('Claim', 14)).toBeGreaterThan(regular.width('Claim', 14));
    expect(regular.width('abc', 28)).toBeCloseTo(regular.width('abc', 14) * 2);
    expect(regular.has('◆')).toBe(true);
    expect(regular.has('\u{E000}')).toBe(false);
  });

  it('wraps by width, splits a word longer than a line, and cuts with an ellipsis past the last line', () => {
    const wrapped = wrapToWidth('one two three four five six seven eight nine ten', { width: 80, size: 14, maxLines: 3, metrics: regular });
    expect(wrapped.cut).toBe(true);
    expect(wrapped.lines).toHaveLength(3);
    expect(wrapped.lines[2]).toMatch(/…$/);
    for (const line of wrapped.lines) expect(regular.width(line, 14)).toBeLessThanOrEqual(80);
    const long = wrapToWidth('x'.repeat(60), { width: 100, size: 14, maxLines: 5, metrics: regular });
    expect(long.lines.join('')).toBe('x'.repeat(60));
    expect(long.cut).toBe(false);
  });

  it('escapes claim text for HTML labels and DOT strings', () => {
    expect(escapeHtmlLabel('a <b> & "c" \'d\' \\N\u0000\u202e\nnext')).toBe('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; \\\\N next');
    expect(dotString('say "hi" \\ {x}\nnext')).toBe('"say \\"hi\\" \\\\ {x}\\nnext"');
  });
});

import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/domain/claims.ts';
import { findOpinionGroups } from '../../src/domain/credences/opinion-groups.ts';
import { opinionMapSvg } from '../../src/render/opinion-map.ts';
import type { DebateMatrix } from '../../src/queries/opinion-groups.ts';
import { groupLabel, opinionMapAxes } from '../../src/views/opinion-groups-view.ts';

const claim = (number: number, text: string): Claim => ({
  id: number * 10,
  workspace: 'w',
  number,
  debateId: 1,
  text,
  authorId: 'ada',
  authorName: 'ada',
  source: {},
  status: 'open',
  tags: [],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

const CLAIMS = [
  claim(1, 'Misalignment grows with every serial step'),
  claim(2, 'Goals permute randomly at a small rate per step'),
  claim(3, 'Corrective data fixes drift as easily as it was caused'),
  claim(4, 'Everyone likes this one'),
];

/** Two camps of four on C1–C3 (C1 and C2 against C3), split again on C4 within each camp. */
function matrix(extraPerson?: number[]): DebateMatrix {
  const rows = [
    [0.8, 0.7, -0.6, 0.6],
    [0.7, 0.8, -0.7, -0.5],
    [0.9, 0.6, -0.8, 0.5],
    [0.6, 0.7, -0.5, -0.6],
    [-0.7, -0.6, 0.8, 0.6],
    [-0.8, -0.7, 0.7, -0.5],
    [-0.6, -0.8, 0.6, 0.5],
    [-0.7, -0.5, 0.9, -0.6],
    ...(extraPerson ? [extraPerson] : []),
  ];
  return {
    matrix: { rows: rows.length, cols: CLAIMS.length, values: Float64Array.from(rows.flat()) },
    people: rows.map((_, i) => ({ id: `p${i}`, name: `person ${i}` })),
    claims: CLAIMS,
  };
}

describe('the opinion map', () => {
  it('explains each axis by the claims that load most on it, and its legend shows only what is drawn', () => {
    const data = matrix();
    const result = findOpinionGroups(data.matrix);
    if (result.kind !== 'groups') throw new Error('expected groups');
    const axes = opinionMapAxes(data, result);
    // The first component splits the camps: C1/C2 against C3.
    expect(axes.x).toMatch(/^right: more credence in C[12] “[^”]+”; less in C3$/);
    // The second splits within the camps, on C4.
    expect(axes.y).toMatch(/^up: .*C4/);

    const svg = opinionMapSvg(
      'Opinion groups in goal-drift',
      data.people.map((p, i) => ({
        x: result.positions[i]![0]!,
        y: result.positions[i]![1] ?? 0,
        group: result.groupOf[i]!,
        label: p.name,
      })),
      [...result.groups.map((g) => ({ label: groupLabel(g.id), size: g.members.length })), { label: 'Z', size: 0 }],
      axes,
    );
    expect(svg).toContain(`→ ${axes.x!.slice(0, 30)}`);
    expect(svg).toContain('↑ up: ');
    expect(svg).toContain('>Group A (');
    expect(svg).not.toContain('Group Z'); // an empty group is not in the legend
    expect(svg).not.toContain('grey: too few ratings'); // everyone is in a group: no grey dots, no grey in the legend
  });

  it('names the grey dots in the legend only when someone is grey', () => {
    const svg = opinionMapSvg(
      'Opinion groups',
      [
        { x: 0, y: 0, group: 0, label: 'ada' },
        { x: 1, y: 1, group: -1, label: 'ben' },
      ],
      [{ label: 'A', size: 1 }],
    );
    expect(svg).toContain('grey: too few ratings');
    expect(svg).not.toContain('→'); // no axes given, none drawn
  });
});

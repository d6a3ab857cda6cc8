import { describe, expect, it } from 'vitest';
import type { LinkKind } from '../../src/domain/links.ts';
import { planLinkMerge } from '../../src/domain/merge.ts';

// Claims by row id: 5 is merged into 2; 1, 3, 4 are others.
const S = 5;
const T = 2;
let nextId = 100;
const link = (from: number, to: number, kind: LinkKind = 'supports') => ({ id: ++nextId, fromClaimId: from, toClaimId: to, kind });

describe('planning where a merged claim’s links go', () => {
  it('GIVEN links to and from C5 THEN each moves onto C2, keeping its id and kind', () => {
    const out = link(S, 1, 'opposes');
    const into = link(3, S, 'crux-of');
    const plan = planLinkMerge(S, T, [out, into], [], []);
    expect(plan.moves).toEqual([
      { id: out.id, fromClaimId: T, toClaimId: 1 },
      { id: into.id, fromClaimId: 3, toClaimId: T },
    ]);
    expect(plan.drops).toEqual([]);
  });

  it('GIVEN links between C5 and C2 THEN they are dropped: moved, they would link C2 to itself', () => {
    const a = link(S, T);
    const b = link(T, S, 'opposes');
    const plan = planLinkMerge(S, T, [a, b], [b], []);
    expect(plan.moves).toEqual([]);
    expect(plan.drops).toEqual([
      { id: a.id, reason: 'self' },
      { id: b.id, reason: 'self' },
    ]);
  });

  it('GIVEN C5 and C2 both support C1 THEN C5’s link is dropped as a repeat, and a different kind still moves', () => {
    const targets = [link(T, 1)];
    const same = link(S, 1);
    const other = link(S, 1, 'crux-of');
    const plan = planLinkMerge(S, T, [same, other], targets, []);
    expect(plan.drops).toEqual([{ id: same.id, reason: 'duplicate' }]);
    expect(plan.moves).toEqual([{ id: other.id, fromClaimId: T, toClaimId: 1 }]);
  });

  it('GIVEN C2 refines C1 and C1 refines C5 THEN that refinement is dropped: moved, it would close a loop', () => {
    const t1 = link(T, 1, 'refines');
    const into = link(1, S, 'refines');
    const plan = planLinkMerge(S, T, [into], [t1], [t1, into]);
    expect(plan.drops).toEqual([{ id: into.id, reason: 'refines-loop' }]);
    expect(plan.moves).toEqual([]);
  });

  it('GIVEN C4 refines C5, which refines C3, which refines C2 THEN only C5 → C3 is dropped (C2 → C3 would loop); C4 → C2 moves', () => {
    // C5 refines C3, C4 refines C5, C3 refines C2 (target): moving C5→C3 makes C2→C3 and C3→C2 a loop.
    const a = link(S, 3, 'refines');
    const b = link(4, S, 'refines');
    const c = link(3, T, 'refines');
    const plan = planLinkMerge(S, T, [a, b], [c], [a, b, c]);
    expect(plan.drops).toEqual([{ id: a.id, reason: 'refines-loop' }]);
    expect(plan.moves).toEqual([{ id: b.id, fromClaimId: 4, toClaimId: T }]);
  });
});

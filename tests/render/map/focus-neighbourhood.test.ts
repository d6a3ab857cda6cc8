import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/domain/claims.ts';
import type { Debate } from '../../../src/domain/debates.ts';
import type { LinkKind } from '../../../src/domain/links.ts';
import { mapGraph } from '../../../src/queries/map-graph.ts';
import { planCruxMap, type MapPlan } from '../../../src/render/map/plan.ts';
import type { Store } from '../../../src/storage/ports.ts';
import { BACKENDS } from '../../storage/backends.ts';

/**
 * The map's focus view reads only the neighbourhood of its focus (`mapGraph`), yet must draw exactly
 * what it drew from the whole graph: the same claims, links, notes and "see more" line, for every focus
 * and depth, in a generated debate of a few thousand claims with hubs, cycles and a link to another debate.
 */
const AT = '2026-12-01T10:00:00.000Z';
const KINDS: LinkKind[] = ['supports', 'opposes', 'supports', 'crux-of', 'refines', 'duplicates'];

async function seed(store: Store, size: number): Promise<{ debate: Debate; claims: Claim[] }> {
  return await store.transaction(async (tx) => {
    const debate = await tx.debates.create({ workspace: 'w', slug: 'big', title: 'Big', createdBy: 'ada', createdByName: 'Ada', at: AT });
    const other = await tx.debates.create({ workspace: 'w', slug: 'other', title: 'Other', createdBy: 'ada', createdByName: 'Ada', at: AT });
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const claims: Claim[] = [];
    const add = async (debateId: number, text: string) =>
      await tx.claims.insert({ workspace: 'w', debateId, text, authorId: 'ada', authorName: 'Ada', tags: [], at: AT });
    const link = async (from: Claim, to: Claim, kind: LinkKind) =>
      await tx.links.add({ workspace: 'w', fromClaimId: from.id, toClaimId: to.id, kind, authorId: 'ada', at: AT });
    for (let i = 0; i < size; i++) {
      claims.push(await add(debate.id, `Claim ${i + 1}`));
      if (i === 0) continue;
      // Most claims answer an early one (a few hubs with many children); the rest one nearby.
      const parent = random() < 0.3 ? claims[Math.floor(random() * Math.min(i, 8))]! : claims[Math.floor(random() * i)]!;
      await link(claims[i]!, parent, KINDS[Math.floor(random() * KINDS.length)]!);
    }
    for (let i = 0; i < size / 10; i++) {
      const a = claims[Math.floor(random() * size)]!;
      const b = claims[Math.floor(random() * size)]!;
      if (a.id !== b.id) await link(a, b, KINDS[Math.floor(random() * KINDS.length)]!);
    }
    const elsewhere = await add(other.id, 'In another debate');
    await link(elsewhere, claims[3]!, 'supports');
    await tx.debates.setRoot('w', debate.id, claims[2]!.id);
    return { debate: (await tx.debates.byId('w', debate.id))!, claims };
  });
}

const picture = (plan: MapPlan) => ({
  claims: plan.view.claims.map((c) => c.number),
  links: plan.view.links.map((l) => l.id),
  notes: plan.view.notes,
  hidden: [...(plan.view.hiddenNeighbours ?? new Map()).entries()].sort((a, b) => a[0] - b[0]),
  seeMore: plan.seeMore,
  shown: plan.shown,
  total: plan.total,
  focus: plan.focus?.number,
});

describe.each(BACKENDS)('the focus view read around its focus, on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let debate: Debate;
  let claims: Claim[];
  beforeAll(async () => {
    ({ store, dispose } = await backend.open());
    ({ debate, claims } = await seed(store, backend.name === 'sqlite' ? 3000 : 1200));
  }, 120_000);
  afterAll(async () => await dispose());

  it('draws the same picture as the whole graph did, for every focus and depth', async () => {
    const whole = await store.graphOf(debate);
    const focuses = [undefined, ...[0, 1, 2, 3, 4, 5, 7, 11, 40, 99, 250, 600, 1100].map((i) => claims[i]!)];
    let partial = 0;
    const reads: number[] = [];
    for (const focus of focuses) {
      for (const depth of [undefined, 1, 2, 3, 6]) {
        const request = { ...(focus ? { focus } : {}), ...(depth !== undefined ? { depth } : {}) };
        const { graph, ...size } = await mapGraph(store, debate, request);
        const before = planCruxMap(whole, request);
        const after = planCruxMap(graph, request, size);
        expect(picture(after), `focus ${focus?.number ?? 'root'} depth ${depth ?? 'any'}`).toEqual(picture(before));
        if (before.view.notes.some((n) => n.includes(' plus '))) partial++;
        reads.push(graph.claims.length);
      }
    }
    // The cases worth checking came up: rings cut short, and a view read from far less than the debate.
    expect(partial).toBeGreaterThan(10);
    // (Eight hubs hold a third of the claims here, so a view next to one reads its hundreds of neighbours.)
    expect(reads.sort((a, b) => a - b)[Math.floor(reads.length / 2)]!).toBeLessThan(whole.claims.length / 4);
  }, 120_000);

  it('reads a part of the debate, not all of it, for a focus deep in it', async () => {
    const { graph, claims: total, links } = await mapGraph(store, debate, { focus: claims[claims.length - 1]! });
    expect(total).toBe(claims.length);
    expect(links).toBe((await store.graphOf(debate)).links.length);
    expect(graph.claims.length).toBeLessThan(claims.length / 3);
  });
});

describe.each(BACKENDS)('a small debate, on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await backend.open()));
  afterAll(async () => await dispose());

  it('is still drawn whole, and its focus views match the full-graph path', async () => {
    const { debate, claims } = await seed(store, 12);
    const whole = await store.graphOf(debate);
    const { graph, ...size } = await mapGraph(store, debate);
    expect(graph.claims).toHaveLength(12);
    expect(picture(planCruxMap(graph, {}, size))).toEqual(picture(planCruxMap(whole)));
    for (const focus of claims) {
      for (const depth of [undefined, 1, 2]) {
        const request = { focus, ...(depth !== undefined ? { depth } : {}) };
        const near = await mapGraph(store, debate, request);
        expect(picture(planCruxMap(near.graph, request, near))).toEqual(picture(planCruxMap(whole, request)));
      }
    }
    const rootOnly = await mapGraph(store, debate, { depth: 1 });
    expect(picture(planCruxMap(rootOnly.graph, { depth: 1 }, rootOnly))).toEqual(picture(planCruxMap(whole, { depth: 1 })));
  });
});

describe.each(BACKENDS)('a debate in several parts, too big to draw whole, on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await backend.open()));
  afterAll(async () => await dispose());

  it('draws its largest parts, as from the whole graph, not only the root’s part', async () => {
    const debate = await store.transaction(async (tx) => {
      const made = await tx.debates.create({ workspace: 'w', slug: 'parts', title: 'Parts', createdBy: 'ada', createdByName: 'Ada', at: AT });
      // Five chains of 12 claims, none linked to another: 60 claims, more than one picture holds.
      for (let part = 0; part < 5; part++) {
        let previous: Claim | undefined;
        for (let i = 0; i < 12; i++) {
          const claim = await tx.claims.insert({ workspace: 'w', debateId: made.id, text: `Part ${part} claim ${i}`, authorId: 'ada', authorName: 'Ada', tags: [], at: AT });
          if (previous) await tx.links.add({ workspace: 'w', fromClaimId: claim.id, toClaimId: previous.id, kind: 'supports', authorId: 'ada', at: AT });
          previous = claim;
        }
      }
      return made;
    });
    const whole = await store.graphOf(debate);
    const { graph, ...size } = await mapGraph(store, debate);
    const before = planCruxMap(whole, {});
    expect(before.shown).toBeGreaterThan(12);
    expect(picture(planCruxMap(graph, {}, size))).toEqual(picture(before));
  });
});

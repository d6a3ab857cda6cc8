import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addClaim } from '../../app/claims.ts';
import { addLink } from '../../app/links.ts';
import type { Claim } from '../../domain/claims.ts';
import type { CruxGraph } from '../../domain/crux-graph.ts';
import type { LinkKind } from '../../domain/links.ts';
import { cruxMapDot } from '../../render/map/dot.ts';
import { graphviz } from '../../render/map/graphviz.ts';
import { planCruxMap } from '../../render/map/plan.ts';
import { renderCruxMap } from '../../render/map/render.ts';
import { svgToPng } from '../../render/png.ts';
import type { Services } from '../../services.ts';
import { benchServices } from './bench-services.ts';
import { ms, time } from './measure.ts';
import type { BenchSuite } from './types.ts';

/**
 * The crux map PNG (plan, DOT, Graphviz layout — more than one when the graph is too wide — heading
 * and legend, PNG) for a 30-claim debate and a 200-claim one (drawn as its 40-claim focus view),
 * beside the floor: Graphviz alone laying out the same DOT once.
 */
export const mapBench: BenchSuite = {
  name: 'map',
  async run({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-bench-map-'));
    const services = benchServices(join(dir, 'bench.db'));
    try {
      const loadStart = performance.now();
      const gv = await graphviz();
      const load = performance.now() - loadStart;
      const rows = [{ case: 'Graphviz WebAssembly load (once per process)', value: ms(load) }];
      for (const size of [30, 200]) {
        const graph = await seedDebate(services, `bench-${size}`, size);
        const plan = planCruxMap(graph);
        const dot = cruxMapDot(plan.view.claims, plan.view.links, plan.view.rootId !== undefined ? { rootId: plan.view.rootId } : {});
        const runs = quick ? 5 : 30;
        let last: { width: number; height: number; png: Uint8Array; svg: string } = { width: 0, height: 0, png: new Uint8Array(), svg: '' };
        const full = await time(
          async () => {
            last = await renderCruxMap(planCruxMap(graph).view);
          },
          runs,
          2,
        );
        const floor = await time(() => gv.layout(dot, 'svg', 'dot'), runs, 2);
        const raster = await time(() => svgToPng(last.svg, { width: last.width }), runs, 1);
        rows.push({
          case: `/map PNG, ${size} claims${plan.focus ? ` (focus view: ${plan.shown} claims)` : ''} → ${last.width}×${last.height} px, ${Math.round(last.png.byteLength / 1024)} kB`,
          value: `p50 ${ms(full.p50)} · p99 ${ms(full.p99)}`,
          floor: `one Graphviz layout of its DOT: p50 ${ms(floor.p50)} · p99 ${ms(floor.p99)}; SVG → PNG alone: p50 ${ms(raster.p50)}`,
        } as (typeof rows)[number]);
      }
      return rows;
    } finally {
      await services.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** A debate shaped like a real one (a root, claims on it, arguments under those), seeded deterministically. */
export async function seedDebate(services: Services, slug: string, size: number): Promise<CruxGraph> {
  const ctx = { services, workspace: 'bench', actor: { id: 'bench', name: 'bench' } };
  const words = ['agents', 'reward', 'drift', 'training', 'data', 'values', 'serial', 'steps', 'scorer', 'objection'];
  const kinds: LinkKind[] = ['supports', 'opposes', 'supports', 'opposes', 'crux-of', 'refines'];
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return await services.store.transaction(async (tx) => {
    const debate = await tx.debates.create({
      workspace: 'bench',
      slug,
      title: `A debate of ${size} claims`,
      createdBy: 'bench',
      createdByName: 'bench',
      at: new Date().toISOString(),
    });
    const claims: Claim[] = [];
    for (let i = 0; i < size; i++) {
      const length = 8 + Math.floor(random() * 24);
      const text = Array.from({ length }, (_, w) => words[(i * 7 + w * 3) % words.length]).join(' ');
      claims.push(await addClaim(ctx, { debate, text: `Claim ${i + 1}: ${text}`, tags: [] }));
      if (i > 0)
        await addLink(ctx, claims[i]!, claims[Math.floor(random() * Math.min(i, 1 + i / 4))]!, kinds[Math.floor(random() * kinds.length)]!);
    }
    const fresh = (await tx.debates.byId('bench', debate.id))!;
    return {
      debate: fresh,
      claims: await tx.claims.inDebate(debate.id),
      links: await tx.links.inDebate(debate.id),
    };
  });
}

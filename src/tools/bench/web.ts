import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setDebateRoot } from '../../app/debates.ts';
import { shareDebate } from '../../app/share-links.ts';
import { startHttpServer } from '../../http/server.ts';
import { PAGE_SCRIPT, PAGE_STYLE } from '../../render/page-assets.ts';
import { PAGE_KEPT_MS, webRoutes } from '../../web/routes.ts';
import { debatePage } from '../../app/debate-page.ts';
import { benchServices } from './bench-services.ts';
import { seedDebate } from './map.ts';
import { ms, time } from './measure.ts';
import type { BenchSuite } from './types.ts';

/**
 * The shared page (`/d/<token>`) of a 200-claim debate on which 50 people gave credences, over HTTP
 * from the bot's own server: server time (its Server-Timing figure: query, map, view), the page's
 * weight (HTML, style sheet and script), and, when Debian's Chromium is installed, its first
 * contentful paint. Goals: p99 under 150 ms, under 500 kB.
 */
export const webBench: BenchSuite = {
  name: 'web',
  async run({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-bench-web-'));
    const services = benchServices(join(dir, 'bench.db'));
    const http = await startHttpServer({ services, port: 0, host: '127.0.0.1' });
    http.mount(...webRoutes(services));
    try {
      const size = quick ? 60 : 200;
      const people = quick ? 15 : 50;
      const ctx = { services, workspace: 'bench', channel: { id: 'bench' }, actor: { id: 'bench', name: 'bench' } };
      const debate = await seed(ctx, size, people);
      const { token } = await shareDebate(ctx, debate, undefined);
      const url = `${http.url}/d/${token}`;

      const serverMs = async () => {
        const response = await fetch(url);
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`the page answered ${response.status}`);
        return { server: Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN), bytes: body.byteLength };
      };
      const cold = await serverMs();
      const samples: number[] = [];
      let bytes = cold.bytes;
      const runs = quick ? 20 : 100;
      await time(
        async () => {
          const r = await serverMs();
          samples.push(r.server);
          bytes = r.bytes;
        },
        runs,
        3,
      );
      samples.sort((a, b) => a - b);
      // After the requests: the server closes an idle connection after a few seconds, and this takes longer.
      const fresh = await time(
        async () => await debatePage(services.queries, debate, { mode: 'linked', assetBase: 'assets', now: new Date() }),
        quick ? 5 : 20,
        1,
      );

      const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
      const html = await debatePage(services.queries, debate, { mode: 'linked', assetBase: 'assets', now: new Date() });
      const assets = [PAGE_STYLE.text, PAGE_SCRIPT.text];
      const raw = bytes + assets.reduce((n, a) => n + Buffer.byteLength(a), 0);
      const sent = gzipSync(html).byteLength + assets.reduce((n, a) => n + gzipSync(a).byteLength, 0);
      const rows = [
        {
          case: `shared page /d/<token>, ${size} claims, ${people} people’s credences: server time, as served (kept ${PAGE_KEPT_MS / 1000} s)`,
          value: `p50 ${ms(q(0.5))} · p99 ${ms(q(0.99))} (goal < 150 ms)`,
          floor: `first request: ${ms(cold.server)}`,
        },
        {
          case: `shared page, ${size} claims: made afresh (queries, groups, cruxes, map layout kept, view)`,
          value: `p50 ${ms(fresh.p50)} · p99 ${ms(fresh.p99)}`,
          floor: '—',
        },
        {
          case: `shared page weight, ${size} claims (HTML, style sheet, script)`,
          value: `${Math.round(sent / 1024)} kB sent gzipped (goal < 500 kB)`,
          floor: `${Math.round(raw / 1024)} kB uncompressed (HTML ${Math.round(bytes / 1024)} kB)`,
        },
      ];
      const fcp = await firstContentfulPaint(url, quick ? 3 : 5);
      rows.push({ case: `shared page, ${size} claims: first contentful paint in Chromium`, value: fcp, floor: '—' });
      return rows;
    } finally {
      await http.close();
      await services.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Debian's Chromium (`apt-get install -y chromium`); never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';

/** The median of a few loads' first contentful paint, or why it was not measured. */
async function firstContentfulPaint(url: string, loads: number): Promise<string> {
  if (!existsSync(CHROMIUM)) return 'not measured: no Chromium (apt-get install -y chromium)';
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--no-proxy-server'] });
  try {
    const paints: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(url, { waitUntil: 'load' });
      const handle = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
      paints.push((await handle.jsonValue()) as number);
      await page.close();
    }
    paints.sort((a, b) => a - b);
    return `median ${ms(paints[Math.floor(paints.length / 2)]!)} of ${loads} loads`;
  } finally {
    await browser.close();
  }
}

/** A root, claims bearing on it and on each other, and every person's credence in most claims. */
async function seed(ctx: Parameters<typeof setDebateRoot>[0], size: number, people: number) {
  // The map bench's debate (same shape, same words), with a root and the people's credences on top.
  const { debate, claims } = await seedDebate(ctx.services, 'web-bench', size);
  let state = 11;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  await setDebateRoot(ctx, debate, claims[0]!);
  const at = new Date().toISOString();
  await ctx.services.store.transaction(async (tx) => {
    for (let p = 0; p < people; p++) {
      for (const claim of claims) {
        if (random() < 0.2) continue;
        await tx.credences.insert({
          workspace: 'bench',
          claimId: claim.id,
          userId: `u${p}`,
          userName: `Person ${p}`,
          value: Math.round(5 + random() * 90) / 100,
          at,
        });
      }
    }
  });
  return (await ctx.services.store.debates.byId('bench', debate.id))!;
}

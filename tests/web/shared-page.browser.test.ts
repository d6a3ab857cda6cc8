import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/http/server.ts';
import { webRoutes } from '../../src/web/routes.ts';
import { pngSize } from '../support/png-size.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';
import { seedThirtyClaims } from './seed.ts';

/**
 * The shared page in a real browser: Debian's Chromium through playwright-core, against the bot's own
 * HTTP server on a free loopback port. Skipped, and the summary line says so, when Chromium is missing.
 */
const CHROMIUM = inject('chromiumPath');

describe.runIf(CHROMIUM)('a debate shared by link, in Chromium', () => {
  let bot: TestBot;
  let http: HttpServer;
  let browser: Browser;
  let page: Page;
  let pageUrl: string;
  let sourceHtml: string;
  const consoleErrors: string[] = [];
  const offLoopback: string[] = [];

  beforeAll(async () => {
    bot = createTestBot();
    http = await startHttpServer({ services: bot.services, port: 0, host: '127.0.0.1' });
    http.mount(...webRoutes(bot.services));
    bot.services.web.localUrl = http.url;
    const { token } = await seedThirtyClaims(bot);
    const shared = replyText(await bot.run('/debate share expires:7d'));
    pageUrl = `${http.url}/d/${token(shared)}`;
    expect(shared).toContain(pageUrl);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--no-proxy-server', '--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Nothing but the bot's own server: the page loads no CDN, font or tracker.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
      offLoopback.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const response = await page.goto(pageUrl, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    sourceHtml = await response!.text();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await http?.close();
    await bot?.close();
  });

  it('shows the title, the root claim, and every claim of a 30-claim debate in the map', async () => {
    await expect(page.locator('h1').textContent()).resolves.toBe('Do goals drift at random, or can data direct them?');
    await expect(page.locator('.root').textContent()).resolves.toContain('An agent’s goals drift at random with every serial step of reasoning');
    const ids = await page.locator('svg.crux-map .claim-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-claim')));
    expect(ids.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `C${i + 1}`).sort());
    for (let n = 1; n <= 30; n++) await expect(page.locator(`svg.crux-map [data-claim="C${n}"] text`).first().textContent()).resolves.toBe(`C${n}`);
  });

  it('opens a claim’s card beside the map when its box is clicked: text, author, links, team credence with histogram, history', async () => {
    await page.locator('svg.crux-map .claim-node[data-claim="C2"]').click();
    const panel = page.locator('#card-panel');
    await expect(panel.isVisible()).resolves.toBe(true);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('C2');
    expect(text).toContain('Argument 2 about drift & <data> "direction"');
    expect(text).toContain('by alice');
    expect(text).toMatch(/crux of C1|is a crux of C1/);
    expect(text).toMatch(/Team \d+%/);
    await expect(panel.locator('svg.histogram-chart rect').count()).resolves.toBe(5);
    expect(text).toContain('added 2026-11-23 by alice');
    await page.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
  });

  it('keeps a hidden poll’s numbers out of the page’s text and its source, saying only how many voted', async () => {
    const text = await page.locator('body').innerText();
    for (const html of [text, sourceHtml]) {
      // The two votes, their median and geometric mean, and the ends of their interquartile range.
      for (const number of ['23%', '29%', '26%', 'IQR 24', '27.5%']) expect(html).not.toContain(number);
    }
    const pollRow = await page.locator('#polls tr', { hasText: 'P1' }).innerText();
    expect(pollRow).toContain('2 people');
    expect(pollRow).toContain('hidden until the poll closes');
    await expect(page.locator('#card-C5').innerText()).resolves.toContain('2 people gave a credence; the results are hidden until the poll closes');
  });

  it('escapes every user text: a claim’s markup is shown, never run', async () => {
    expect(sourceHtml).toContain('Argument 2 about drift &amp; &lt;data&gt; &quot;direction&quot;');
    expect(sourceHtml).not.toContain('<data>');
  });

  it('is sent with a strict Content-Security-Policy, noindex and no cookie, and the console has no errors', async () => {
    const response = await fetch(pageUrl);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(sourceHtml).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(sourceHtml).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+="/i);
    expect(await page.context().cookies()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(offLoopback).toEqual([]);
  });

  it('works without JavaScript: the map and the tables are there, and a box links to its card', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const bare = await context.newPage();
      await bare.goto(pageUrl);
      await expect(bare.locator('svg.crux-map .claim-node').count()).resolves.toBe(30);
      await expect(bare.locator('#polls table').count()).resolves.toBe(1);
      await bare.locator('svg.crux-map .claim-node[data-claim="C7"]').click();
      expect(new URL(bare.url()).hash).toBe('#card-C7');
      // Readable on a phone: nothing wider than the screen but the map and tables, which scroll in their own boxes.
      const overflow = (await bare.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('reaches a claim with the keyboard: Tab to its box, Enter opens its card', async () => {
    await page.goto(pageUrl);
    await page.locator('.map-viewport').focus();
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate("document.activeElement?.getAttribute('data-claim')")) as string | null;
    expect(focused).toMatch(/^C\d+$/);
    await page.keyboard.press('Enter');
    await expect(page.locator('#card-panel').isVisible()).resolves.toBe(true);
    await expect(page.locator('#card-panel h3').textContent()).resolves.toContain(focused!);
    await page.keyboard.press('Escape');
  });

  it('answers a revoked and a tampered token with the same 404 as any wrong one', async () => {
    const token = new URL(pageUrl).pathname.slice('/d/'.length);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const wrong = await fetch(`${http.url}/d/${tampered}`);
    expect(wrong.status).toBe(404);
    const wrongBody = await wrong.text();
    const garbage = await fetch(`${http.url}/d/not-a-token`);
    expect(garbage.status).toBe(404);
    expect(await garbage.text()).toBe(wrongBody);

    expect(replyText(await bot.run('/debate unshare'))).toContain('stopped working');
    const revoked = await page.goto(pageUrl);
    expect(revoked?.status()).toBe(404);
    expect(await revoked!.text()).toBe(wrongBody);
    await expect(page.locator('h1').textContent()).resolves.toBe('This link does not open a debate');
  });

  it('takes a screenshot of the page that is the right size and not blank, and measures its first contentful paint', async () => {
    const fresh = replyText(await bot.run('/debate share'));
    const url = /http:\/\/\S+\/d\/[A-Za-z0-9_-]{22}/.exec(fresh)![0];
    await page.goto(url, { waitUntil: 'load' });
    const fcp = (await (
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime)
    ).jsonValue()) as number;
    expect(fcp).toBeGreaterThan(0);
    const shot = await page.screenshot({ fullPage: false });
    expect(pngSize(shot)).toEqual({ width: 1280, height: 900 });
    // Not blank: many distinct colours across the picture (a blank page has one or two).
    const colours = (await page.evaluate(`(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${shot.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d');
      g.drawImage(image, 0, 0);
      const pixels = g.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set();
      for (let i = 0; i < pixels.length; i += 4 * 97) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
      return seen.size;
    })()`)) as number;
    expect(colours).toBeGreaterThan(20);
    writeFileSync(
      join(inject('browserReportDir'), 'shared-page.txt'),
      `The shared page of a 30-claim debate: first contentful paint ${Math.round(fcp)} ms.`,
    );
  });
});

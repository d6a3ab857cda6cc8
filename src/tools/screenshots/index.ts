import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { discordPage } from './discord-html.ts';
import { discordPayload, SCREENSHOT_COMMAND, sampleReply, slackPayload } from './payloads.ts';
import { slackPage } from './slack-html.ts';

/**
 * `npm run docs:screenshots`: the pictures of a Discord and a Slack reply in the docs, drawn from the
 * payloads the adapters send. A claim card of the sample debates goes through the command core, then
 * through each adapter's renderer; each payload is laid out as a small page in that client's style and
 * photographed with Debian's Chromium (`apt-get install -y chromium`; never a downloaded browser).
 */

const ROOT = join(import.meta.dirname, '../../..');
/** Debian's Chromium, as the bench uses it (config.ts is the only reader of the environment). */
const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = { discord: 'docs/discord-reply.png', slack: 'docs/slack-reply.png' } as const;

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`No Chromium at ${CHROMIUM}: apt-get install -y chromium.\n`);
    return 1;
  }
  const reply = await sampleReply();
  const pages = { discord: discordPage(discordPayload(reply)), slack: slackPage(slackPayload(reply)) };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--no-proxy-server', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 400 }, deviceScaleFactor: 1 });
    // The pages are self-contained: nothing may be fetched.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    for (const [platform, html] of Object.entries(pages) as [keyof typeof SCREENSHOTS, string][]) {
      await page.setContent(html, { waitUntil: 'load' });
      const file = join(ROOT, SCREENSHOTS[platform]);
      await page.locator('#message').screenshot({ path: file });
      process.stdout.write(`${platform}: ${SCREENSHOT_COMMAND} → ${SCREENSHOTS[platform]}\n`);
    }
  } finally {
    await browser.close();
  }
  return 0;
}

process.exitCode = await main();

import { afterEach, beforeEach, expect, it } from 'vitest';
import { addClaim } from '../../src/app/claims.ts';
import { addLink } from '../../src/app/links.ts';
import { MAX_HEIGHT_PX, MAX_WIDTH_PX } from '../../src/render/map/render.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';
import { pngSize } from '../support/png-size.ts';

// A big import often arrives as many separate parts: the map shows the largest, whole, and says what is left.

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot();
});
afterEach(async () => await bot.close());

/** Parts of these sizes, in this order (the first holds the root, C1); each part is a star around its first claim. */
async function debateOfParts(sizes: readonly number[]): Promise<void> {
  await bot.run('/debate new slug:imported title:"An imported debate"');
  const debate = await bot.services.store.debates.require('local', 'imported');
  const ctx = { services: bot.services, workspace: 'local', actor: { id: 'ada', name: 'ada' } };
  await bot.services.store.transaction(async () => {
    let n = 0;
    for (const size of sizes) {
      const hub = await addClaim(ctx, { debate, text: `Claim ${++n} heads a part of ${size}`, tags: [] });
      for (let i = 1; i < size; i++)
        await addLink(ctx, await addClaim(ctx, { debate, text: `Claim ${++n} in that part`, tags: [] }), hub, 'supports');
    }
  });
}

it('a debate of many separate parts shows its largest parts whole, not just the root’s few claims', async () => {
  await debateOfParts([3, 10, 15, 12, ...Array.from({ length: 21 }, () => 1)]);
  const reply = await bot.run('/map');
  const [png] = reply.attachments ?? [];
  // The root's part (3), then the largest others whole, as many as fit a chat at a readable size.
  const shown = Number(/: (\d+) of 61 claims\./.exec(png!.description!)?.[1]);
  expect([3 + 15 + 12 + 10, 3 + 15 + 12, 3 + 15]).toContain(shown);
  const { width, height } = pngSize(png!.data);
  expect([width <= MAX_WIDTH_PX, height <= MAX_HEIGHT_PX]).toEqual([true, true]);
  const text = replyText(reply);
  expect(text).toMatch(
    new RegExp(`Showing ${shown} of 61 claims: the debate's largest separate parts\\. See another with /map focus:C\\d+\\.`),
  );
  expect(text).not.toMatch(/Showing 3 of 61/);
  expect(text).not.toMatch(/debate share/); // no web view here: no page offered
});

it('with a web address set, a map that leaves claims out offers the shared page', async () => {
  await debateOfParts([3, 10, 15, 12, ...Array.from({ length: 21 }, () => 1)]);
  bot.services.web.publicUrl = 'https://cruxbot.example.org';
  expect(replyText(await bot.run('/map'))).toMatch(/The whole debate as a web page: \/debate share\./);
});

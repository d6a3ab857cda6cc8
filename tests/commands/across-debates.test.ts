import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';
import { countRows } from '../support/rows.ts';

// Claim ids count across the workspace, so C1 in one channel's debate and C7 in another's look alike.
// Commands that could cross debates by a slip say so instead of acting silently.

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:drift title:"Do goals drift?"', { channel: 'a' });
  await bot.run('/claim add Goals drift randomly over many steps', { channel: 'a' }); // C1
  await bot.run('/claim add Data can direct the drift', { channel: 'a' }); // C2
  await bot.run('/debate new slug:reward title:"Is reward the goal?"', { channel: 'b' });
  await bot.run('/claim add Reward is the optimization target', { channel: 'b' }); // C3
  await bot.run('/claim add Reward seeking is instrumental', { channel: 'b' }); // C4
});
afterEach(async () => await bot.close());

describe('a link between two debates', () => {
  it('is refused with the way to make it, and nothing is stored', async () => {
    const reply = await bot.run('/link C3 C1 opposes', { channel: 'b' });
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toMatch(/C3 is in `?reward`? and C1 in `?drift`?/);
    expect(replyText(reply)).toMatch(/\/link C3 C1 opposes across:true/);
    expect(await countRows(bot.services.store, 'links')).toBe(0);
  });

  it('is made when asked for with across:true', async () => {
    const reply = await bot.run('/link C3 C1 opposes across:true', { channel: 'b' });
    expect(isError(reply)).toBe(false);
    expect(replyText(reply)).toMatch(/C3 opposes C1/);
    expect(await countRows(bot.services.store, 'links')).toBe(1);
  });

  it('inside one debate needs nothing more', async () => {
    const reply = await bot.run('/link C2 C1 opposes', { channel: 'a' });
    expect(replyText(reply)).toMatch(/C2 opposes C1/);
  });
});

describe('/claim list and /claim search', () => {
  it('list shows the channel’s debate; all:true every debate with a debate column', async () => {
    const here = replyText(await bot.run('/claim list', { channel: 'b' }));
    expect(here).toMatch(/^Claims in reward \(2\)/);
    expect(here).not.toMatch(/Goals drift/);
    expect(here).toMatch(/every debate: \/claim list all:true/);
    const all = replyText(await bot.run('/claim list all:true', { channel: 'b' }));
    expect(all).toMatch(/^Claims in every debate \(4\)/);
    expect(all).toMatch(/^id \| debate \| status \| author \| claim$/m);
    expect(all).toMatch(/^C1 \| drift \| open \| alice \| Goals drift/m);
    expect(all).toMatch(/^C3 \| reward \| open \| alice \| Reward is the optimization target/m);
    const both = await bot.run('/claim list drift all:true', { channel: 'b' });
    expect(replyText(both)).toMatch(/Give a debate or `?all:true`?, not both/);
  });

  it('search looks in the channel’s debate first, shows the debate, and says how to search them all', async () => {
    const here = replyText(await bot.run('/claim search goals', { channel: 'b' }));
    expect(here).toMatch(/No claims in `?reward`? match "goals"\. Search every debate with `?\/claim search goals all:true/);
    const all = replyText(await bot.run('/claim search goals all:true', { channel: 'b' }));
    expect(all).toMatch(/^C1 \| drift \| open \| Goals drift randomly/m);
    const inChannel = replyText(await bot.run('/claim search reward', { channel: 'b' }));
    expect(inChannel).toMatch(/^id \| debate \| status \| claim$/m);
    expect(inChannel).toMatch(/^C3 \| reward \|/m);
    expect(inChannel).toMatch(/In `?reward`?, this channel’s debate/);
    // A channel with no debate searches the workspace.
    const nowhere = replyText(await bot.run('/claim search drift', { channel: 'c' }));
    expect(nowhere).toMatch(/^C1 \| drift \|/m);
  });
});

import { countRows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new drift title:"Drift?"');
  await bot.run('/claim add Root');
  await bot.run('/claim add Second');
  await bot.run('/claim add Third', { actor: BOB });
});
afterEach(async () => await bot.close());

const linkCount = async () => await countRows(bot.services.store, 'links');

describe('/link and /unlink', () => {
  it('links with every kind, named or positional', async () => {
    expect(replyText(await bot.run('/link from:C2 to:C1 kind:supports'))).toMatch(/^C2 supports C1/);
    expect(replyText(await bot.run('/link C3 C1 opposes'))).toMatch(/^C3 opposes C1/);
    expect(replyText(await bot.run('/link C3 C2 crux-of'))).toMatch(/C3 is a crux of C2/);
    expect(replyText(await bot.run('/link C2 C3 refines'))).toMatch(/C2 refines C3/);
    expect(replyText(await bot.run('/link C3 C2 duplicates'))).toMatch(/C3 duplicates C2/);
    expect(await linkCount()).toBe(5);
  });

  it('the same link twice is a no-op, not an error', async () => {
    await bot.run('/link C2 C1 supports');
    const again = await bot.run('/link C2 C1 supports');
    expect(isError(again)).toBe(false);
    expect(replyText(again)).toMatch(/already supports C1; nothing changed/);
    expect(await linkCount()).toBe(1);
  });

  it('refuses self-links, unknown kinds, unknown claims and refinement loops', async () => {
    expect(replyText(await bot.run('/link C1 C1 supports'))).toMatch(/cannot be linked to itself/);
    expect(replyText(await bot.run('/link C1 C2 contradicts'))).toMatch(
      /kind: must be one of supports, opposes, crux-of, refines, duplicates/,
    );
    expect(replyText(await bot.run('/link C1 C999 supports'))).toMatch(/no claim C999/);
    expect(replyText(await bot.run('/link C1 supports'))).toMatch(/to: expected a claim id/);
    await bot.run('/link C2 C1 refines');
    await bot.run('/link C3 C2 refines');
    expect(replyText(await bot.run('/link C1 C3 refines'))).toMatch(/loop of refinements/);
    expect(await linkCount()).toBe(2);
  });

  it('unlinks one kind or all, and says when there is nothing to remove', async () => {
    await bot.run('/link C2 C1 supports');
    await bot.run('/link C2 C1 crux-of');
    expect(replyText(await bot.run('/unlink C2 C1 crux-of'))).toMatch(/Removed: C2 is a crux of C1/);
    expect(await linkCount()).toBe(1);
    expect(replyText(await bot.run('/unlink C2 C1'))).toMatch(/Removed: C2 supports C1/);
    expect(replyText(await bot.run('/unlink C2 C1'))).toMatch(/C2 has no link to C1; nothing to remove/);
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({ action: 'link.remove', entity: 'C2->C1' });
  });

  it('someone uninvolved cannot remove a link', async () => {
    await bot.run('/link C2 C1 supports');
    expect(replyText(await bot.run('/unlink C2 C1', { actor: { id: 'carol', name: 'carol' } }))).toMatch(/Only whoever made the link/);
    expect(await linkCount()).toBe(1);
  });
});

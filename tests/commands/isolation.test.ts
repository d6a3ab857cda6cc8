import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
const A = { workspace: 'discord:111' };
const B = { workspace: 'slack:T222' };

beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new secret title:"Team A only"', A);
  await bot.run('/claim add Team A’s private claim', A);
  await bot.run('/claim add Team A’s second claim', A);
});
afterEach(async () => await bot.close());

describe('workspace isolation', () => {
  it('a C1 in one workspace is invisible from another', async () => {
    expect(replyText(await bot.run('/claim show C1', B))).toMatch(/no claim C1 here/);
    expect(replyText(await bot.run('/claim search private', B))).toMatch(/No claims match/);
    expect(replyText(await bot.run('/debate list', B))).toMatch(/No debates yet/);
    expect(replyText(await bot.run('/map secret', B))).toMatch(/no debate secret/);
    expect(replyText(await bot.run('/debate use secret', B))).toMatch(/no debate secret/);
  });

  it('cannot link, edit, retract or unlink another workspace’s claims', async () => {
    await bot.run('/debate new mine title:"Team B"', B);
    await bot.run('/claim add Team B’s claim', B);
    expect(replyText(await bot.run('/link C1 C2 supports', B))).toMatch(/no claim C2 here/);
    expect(replyText(await bot.run('/claim edit C2 text:x', B))).toMatch(/no claim C2 here/);
    expect(replyText(await bot.run('/claim retract C2', B))).toMatch(/no claim C2 here/);
    expect(replyText(await bot.run('/unlink C1 C2', B))).toMatch(/no claim C2 here/);
    expect((await bot.services.store.claims.byNumber('discord:111', 2))?.text).toBe('Team A’s second claim');
  });

  it('numbers claims per workspace', async () => {
    await bot.run('/debate new mine title:"Team B"', B);
    expect((await bot.run('/claim add First in B', B)).title).toBe('C1 · open');
  });

  it('a button carrying an id from another workspace finds nothing there', async () => {
    expect(replyText(await bot.interact('claim:support:1', {}, B))).toMatch(/no claim C1 here/);
  });
});

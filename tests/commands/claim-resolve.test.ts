import { countRows, rows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:deals title:"Do deals with AIs reduce hidden misalignment?"');
  await bot.run('/claim add Permission to object reduces alignment faking below 7%');
});
afterEach(async () => await bot.close());

const status = async () => (await bot.services.store.claims.byNumber('local', 1))!.status;

describe('/claim resolve', () => {
  it('the author resolves true; the card says so, with an audit row and a resolution record', async () => {
    const reply = await bot.run('/claim resolve C1 true');
    expect(reply.title).toBe('C1 · resolved: true');
    expect(replyText(reply)).toContain('Undo with /claim resolve C1 undo');
    expect(replyText(reply)).not.toContain('Credence…');
    expect(await status()).toBe('resolved-true');
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({
      action: 'claim.resolve',
      entity: 'C1',
      before: { status: 'open' },
      after: { status: 'resolved-true' },
    });
    expect(await bot.services.store.resolutions.current('local', 1)).toMatchObject({ outcome: 'true', resolvedBy: 'alice' });
  });

  it('someone else cannot resolve it; a moderator can', async () => {
    const refused = await bot.run('/claim resolve C1 false', { actor: BOB });
    expect(isError(refused)).toBe(true);
    expect(replyText(refused)).toMatch(/Only alice, who wrote C1, or a moderator can resolve it/);
    expect(await status()).toBe('open');
    expect((await bot.run('/claim resolve C1 false', { actor: MOD })).title).toBe('C1 · resolved: false');
  });

  it('undo reopens it for credences; the history keeps both', async () => {
    await bot.run('/claim resolve C1 ambiguous');
    expect(replyText(await bot.run('/claim resolve C1 true'))).toMatch(/already resolved \(ambiguous\). To change it, undo first/);
    expect(replyText(await bot.run('/claim resolve C1 undo', { actor: BOB }))).toMatch(/or a moderator can reopen it/);
    const reopened = await bot.run('/claim resolve C1 undo');
    expect(reopened.title).toBe('C1 · open');
    expect(replyText(await bot.run('/credence C1 40'))).toContain('Recorded P(C1) = 40%.');
    const resolutions = (await rows(bot.services.store, 'claim_resolutions')).map(({ outcome, undone_by }) => ({ outcome, undone_by }));
    expect(resolutions).toEqual([{ outcome: 'ambiguous', undone_by: 'alice' }]);
  });

  it('refuses an undo with nothing to undo, a retracted claim, and an unknown outcome', async () => {
    expect(replyText(await bot.run('/claim resolve C1 undo'))).toMatch(/C1 is not resolved; there is nothing to undo/);
    expect(replyText(await bot.run('/claim resolve C1 maybe'))).toMatch(/outcome: must be one of true, false, ambiguous, undo/);
    expect(replyText(await bot.run('/claim resolve C1'))).toMatch(/missing `?outcome/);
    await bot.run('/claim retract C1');
    expect(replyText(await bot.run('/claim resolve C1 true'))).toMatch(/C1 is retracted; it cannot be resolved/);
    expect(await countRows(bot.services.store, 'claim_resolutions')).toBe(0);
  });

  it('cannot resolve another workspace’s claim', async () => {
    expect(replyText(await bot.run('/claim resolve C1 true', { workspace: 'discord:7' }))).toMatch(/no claim C1 here/);
    expect(await status()).toBe('open');
  });
});

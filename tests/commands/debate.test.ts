import { countRows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot();
});
afterEach(async () => await bot.close());

const auditCount = async () => await countRows(bot.services.store, 'audit_log');

describe('/debate', () => {
  it('a member starts a debate and the channel works on it', async () => {
    const reply = await bot.run('/debate new slug:reward-seeking title:"Is reward the optimization target of capable agents?"');
    expect(isError(reply)).toBe(false);
    expect(replyText(reply)).toContain('Is reward the optimization target of capable agents?');
    expect((await bot.services.store.debates.currentFor('local', 'general'))?.slug).toBe('reward-seeking');
    expect((await bot.services.store.audit.recent('local'))[0]).toMatchObject({
      action: 'debate.new',
      entity: 'debate:reward-seeking',
      actorId: 'alice',
    });
  });

  it('positional form works too', async () => {
    await bot.run('/debate new goal-drift Does misalignment grow with serial steps?');
    expect((await bot.services.store.debates.bySlug('local', 'goal-drift'))?.title).toBe('Does misalignment grow with serial steps?');
  });

  it('refuses a slug that is taken or malformed, and changes nothing', async () => {
    await bot.run('/debate new slug:drift title:"First"');
    const before = await auditCount();
    const taken = await bot.run('/debate new slug:drift title:"Second"');
    expect(replyText(taken)).toMatch(/already exists.*\/debate use drift/);
    const malformed = await bot.run('/debate new slug:"Goal Drift!" title:"x"');
    expect(replyText(malformed)).toMatch(/slug "Goal Drift!" is not valid/);
    const missingTitle = await bot.run('/debate new slug:other');
    expect(replyText(missingTitle)).toMatch(/missing title/);
    expect(await auditCount()).toBe(before);
    expect(await bot.services.store.debates.list('local')).toHaveLength(1);
  });

  it('lists debates, marks the current one, and switches with use', async () => {
    await bot.run('/debate new a-one title:"One"');
    await bot.run('/debate new b-two title:"Two"');
    expect(replyText(await bot.run('/debate list'))).toMatch(/▸ \| b-two/);
    await bot.run('/debate use a-one');
    expect(replyText(await bot.run('/debate list'))).toMatch(/▸ \| a-one/);
    expect(replyText(await bot.run('/debate use nope'))).toMatch(/no debate nope/);
  });

  it('shows a debate with its root, counts and tags', async () => {
    await bot.run('/debate new drift title:"Drift?"');
    await bot.run('/claim add The root claim tags:drift');
    await bot.run('/claim add A supporting claim tags:drift,data');
    await bot.run('/link C2 C1 crux-of');
    const text = replyText(await bot.run('/debate show'));
    expect(text).toMatch(/Root claim: C1 The root claim/);
    expect(text).toMatch(/Claims: 2 open/);
    expect(text).toMatch(/Links: 1 \(1 crux\)/);
    expect(text).toMatch(/#drift \(2\) #data \(1\)/);
  });

  it('only the debate’s creator changes its root', async () => {
    await bot.run('/debate new drift title:"Drift?"');
    await bot.run('/claim add First');
    await bot.run('/claim add Second');
    expect(replyText(await bot.run('/debate root C2', { actor: BOB }))).toMatch(/Only alice/);
    expect(replyText(await bot.run('/debate root C2'))).toMatch(/C2 is now the root/);
    expect((await bot.services.store.debates.bySlug('local', 'drift'))?.rootClaimId).toBe(
      (await bot.services.store.claims.byNumber('local', 2))?.id,
    );
  });

  it('tells a newcomer how to start when there is no debate', async () => {
    expect(replyText(await bot.run('/claim add Something'))).toMatch(/No debates yet. Start one/);
    await bot.run('/debate new drift title:"Drift?"', { channel: 'elsewhere' });
    expect(replyText(await bot.run('/map'))).toMatch(/no current debate.*\/debate use/);
  });
});

import { countRows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:reward-seeking title:"Is reward the optimization target?"');
});
afterEach(async () => await bot.close());

const claimCount = async () => await countRows(bot.services.store, 'claims');
const auditCount = async () => await countRows(bot.services.store, 'audit_log');

describe('/claim add', () => {
  it('gives back C1, C2… and a card; the first claim is the root', async () => {
    const first = await bot.run('/claim add Agents game broken scoring functions when the tasks are shoddy');
    expect(first.title).toBe('C1 · open');
    expect(replyText(first)).toMatch(/as the root/);
    const second = await bot.run('/claim add text:"Reward seeking is more likely instrumental than terminal" tags:reward-seeking,Terminal');
    expect(second.title).toBe('C2 · open');
    const text = replyText(second);
    expect(text).toContain('Reward seeking is more likely instrumental than terminal');
    expect(text).toContain('Tags: #reward-seeking #terminal');
    expect(text).toContain('Author: alice');
    expect(text).toMatch(/\/link C2 C1 supports/);
    expect(second.components?.[0]?.map((c) => (c.type === 'button' ? c.label : ''))).toEqual(['Support…', 'Oppose…', 'Link…', 'Credence…']);
  });

  it('stores a source link', async () => {
    const reply = await bot.run('/claim add text:"Claim" source:https://example.org/thread/1');
    expect(replyText(reply)).toContain('Source: message (https://example.org/thread/1)');
  });

  it('refuses empty, whitespace and over-long text, bad tags and bad sources, storing nothing', async () => {
    const cases: [string, RegExp][] = [
      ['/claim add', /missing text/],
      ['/claim add text:"   "', /text: is empty/],
      [`/claim add ${'x'.repeat(2001)}`, /text: is 2,001 characters; the limit is 2,000/],
      ['/claim add text:ok tags:"bad tag!"', /Tag "tag!" is not valid/],
      ['/claim add text:ok source:notaurl', /is not a link/],
      ['/claim add text:ok source:javascript:alert(1)', /must be an http or https link/],
      ['/claim add text:"unbalanced', /Unbalanced quote/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line);
      expect(isError(reply), line).toBe(true);
      expect(reply.ephemeral).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await claimCount()).toBe(0);
    expect(await auditCount()).toBe(1); // the debate only
  });

  it('keeps a claim with @everyone and mentions as text', async () => {
    const reply = await bot.run('/claim add @everyone look: <@123> and <!channel> said so');
    expect((await bot.services.store.claims.byNumber('local', 1))?.text).toBe('@everyone look: <@123> and <!channel> said so');
    expect(replyText(reply)).toContain('@everyone look: <@123> and <!channel> said so');
  });
});

describe('/claim show', () => {
  it('shows links in and out', async () => {
    await bot.run('/claim add Root claim');
    await bot.run('/claim add Supporting claim');
    await bot.run('/claim add Opposing claim');
    await bot.run('/link C2 C1 supports');
    await bot.run('/link C3 C1 opposes');
    await bot.run('/link C3 C2 crux-of');
    const root = replyText(await bot.run('/claim show C1'));
    expect(root).toContain('Links in (2)');
    expect(root).toContain('C2 supports this: Supporting claim');
    expect(root).toContain('C3 opposes this: Opposing claim');
    const three = replyText(await bot.run('/claim show c3'));
    expect(three).toContain('Links out (2)');
    expect(three).toContain('is a crux of C2 Supporting claim');
  });

  it('names an unknown or malformed claim id', async () => {
    expect(replyText(await bot.run('/claim show C999'))).toMatch(/no claim C999 here/);
    expect(replyText(await bot.run('/claim show C-1'))).toMatch(/expected a claim id like C12, got "C-1"/);
    expect(replyText(await bot.run('/claim show X'))).toMatch(/expected a claim id like C12, got "X"/);
  });
});

describe('/claim edit and retract', () => {
  beforeEach(async () => {
    await bot.run('/claim add Original wording tags:a');
  });

  it('the author edits text and tags, with an audit row holding before and after', async () => {
    const reply = await bot.run('/claim edit C1 text:"Better wording" tags:b,c');
    expect(replyText(reply)).toContain('Better wording');
    const row = (await bot.services.store.audit.recent('local'))[0];
    expect(row).toMatchObject({
      action: 'claim.edit',
      entity: 'C1',
      before: { text: 'Original wording', tags: ['a'] },
      after: { text: 'Better wording', tags: ['b', 'c'] },
    });
  });

  it('someone else cannot edit or retract it, and nothing changes', async () => {
    const before = await auditCount();
    expect(replyText(await bot.run('/claim edit C1 text:"Hijacked"', { actor: BOB }))).toMatch(
      /Only alice, who wrote C1, or a moderator can edit it/,
    );
    expect(replyText(await bot.run('/claim retract C1', { actor: BOB }))).toMatch(/can retract it/);
    expect(await bot.services.store.claims.byNumber('local', 1)).toMatchObject({ text: 'Original wording', status: 'open' });
    expect(await auditCount()).toBe(before);
  });

  it('an edit must say what to change', async () => {
    expect(replyText(await bot.run('/claim edit C1'))).toMatch(/Say what to change/);
  });

  it('retracting keeps the claim, marked, and it can no longer be edited or linked', async () => {
    const reply = await bot.run('/claim retract C1 reason:"said better in C2"');
    expect(reply.title).toBe('C1 · retracted');
    expect(reply.components).toEqual([]);
    expect(replyText(await bot.run('/claim edit C1 text:x'))).toMatch(/retracted; it cannot be edited/);
    expect(replyText(await bot.run('/claim retract C1'))).toMatch(/already retracted/);
    await bot.run('/claim add Another');
    expect(replyText(await bot.run('/link C2 C1 supports'))).toMatch(/C1 is retracted; it cannot be linked/);
  });
});

describe('/claim list and search', () => {
  beforeEach(async () => {
    await bot.run('/claim add Agents game broken scoring functions tags:spec-gaming');
    await bot.run('/claim add Reward seeking is instrumental tags:reward-seeking', { actor: BOB });
    await bot.run('/claim add Goals drift with serial steps tags:drift');
  });

  it('lists by tag, author and status', async () => {
    expect(replyText(await bot.run('/claim list'))).toMatch(/Claims in reward-seeking \(3\)/);
    const byTag = replyText(await bot.run('/claim list tag:drift'));
    expect(byTag).toContain('C3');
    expect(byTag).not.toContain('C1 ');
    expect(replyText(await bot.run('/claim list author:bob'))).toMatch(/\(1\)[\s\S]*C2/);
    expect(replyText(await bot.run('/claim list status:retracted'))).toMatch(/No claims in reward-seeking match/);
    expect(replyText(await bot.run('/claim list status:sideways'))).toMatch(/status: must be one of open/);
    expect(replyText(await bot.run('/claim list page:9'))).toMatch(/only 1 page/);
  });

  it('finds claims by words, prefix, and id, and treats search syntax as text', async () => {
    expect(replyText(await bot.run('/claim search scor'))).toContain('C1');
    expect(replyText(await bot.run('/claim search C2'))).toContain('Reward seeking is instrumental');
    expect(replyText(await bot.run('/claim search "reward" OR drift*'))).toMatch(/No claims in `?reward-seeking`? match "reward OR drift\*"/);
    expect(isError(await bot.run('/claim search ")(*&^"'))).toBe(false);
  });
});

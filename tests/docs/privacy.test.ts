import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { ConsoleSession, consoleActor } from '../../src/platforms/console/session.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';
import { rows } from '../support/rows.ts';

/** What docs/privacy.md says is kept and what each deletion removes, held to the database itself. */

let bot: TestBot;
let folder: string;
afterEach(async () => {
  await bot?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const everything = async () => JSON.stringify((await bot.services.store.exportAll()).tables);

function consoleSession(): ConsoleSession {
  return new ConsoleSession(bot.services, createRegistry(COMMANDS), consoleActor(), { color: false, width: 100 }, () => {});
}

// A long message: its claims are kept, with at most 300 characters of it around them, never the whole.
const FILLER = 'The logs from last week show the same pattern in every one of the runs we looked at closely. '.repeat(6);
const THREAD = [
  'ana: I think reward seeking is mostly instrumental, not terminal.',
  `ben: No, agents game broken scoring functions whenever the tasks are shoddy. ${FILLER}That is the crux for me.`,
  'ana: I agree that shoddy tasks invite gaming.',
].join('\n\n');

describe('docs/privacy.md', () => {
  it('a capture keeps candidate claims and at most 300 characters of their message, not the thread', async () => {
    bot = createTestBot();
    folder = mkdtempSync(join(tmpdir(), 'cruxbot-privacy-'));
    writeFileSync(join(folder, 'thread.txt'), THREAD);
    const session = consoleSession();
    await session.run('/debate new slug:privacy title:"What is kept"');
    const capture = await session.run(`/capture file:${join(folder, 'thread.txt')}`);
    expect(capture.accent).not.toBe('error');

    const items = await rows(bot.services.store, 'thread_capture_items');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(String(item.excerpt ?? '').length).toBeLessThanOrEqual(300);
    const longMessage = THREAD.split('\n\n')[1]!.slice('ben: '.length);
    expect(longMessage.length).toBeGreaterThan(600);
    expect(await everything()).not.toContain(longMessage.slice(0, 400));
  });

  it('a share link is kept as the SHA-256 hash of its token, never the token', async () => {
    bot = createTestBot();
    await bot.run('/debate new slug:shared title:"Shared"');
    await bot.run('/claim add text:"A claim to show"');
    const reply = await bot.run('/debate share');
    const token = /\/d\/([A-Za-z0-9_-]+)/.exec(replyText(reply))?.[1];
    expect(token, replyText(reply)).toBeDefined();
    const stored = await everything();
    expect(stored).not.toContain(token!);
    expect(stored).toContain(createHash('sha256').update(token!, 'utf8').digest('hex'));
  });

  it('/debate delete removes the debate, its claims, credences, links, polls, dates and share links, and keeps the audit log without their words', async () => {
    bot = createTestBot();
    await bot.run('/debate new slug:keep title:"Stays"');
    await bot.run('/claim add text:"A claim in the debate that stays"');
    await bot.run('/debate new slug:old-notes title:"Goes"');
    await bot.run('/claim add text:"A claim that will be deleted" resolve-by:"in 2 weeks"');
    await bot.run('/claim add text:"Another claim that will be deleted"');
    await bot.run('/link C3 C2 supports');
    await bot.run('/link C3 C1 opposes across:true');
    await bot.run('/credence C2 70');
    await bot.run('/credence C2 60 given:C3');
    await bot.run('/poll C3');
    await bot.run('/debate share');
    const store = bot.services.store;
    for (const [table, count] of [
      ['claim_deadlines', 1],
      ['credences', 2],
      ['links', 2],
      ['polls', 1],
      ['share_links', 1],
    ] as const)
      expect(await rows(store, table), table).toHaveLength(count);

    const deleted = await bot.run('/debate delete old-notes confirm:old-notes');
    expect(deleted.accent).not.toBe('error');

    const texts = (await rows(store, 'claims')).map((c) => c.text);
    expect(texts).toEqual(['A claim in the debate that stays']);
    for (const table of ['credences', 'links', 'polls', 'claim_deadlines', 'share_links', 'claim_tags'])
      expect(await rows(store, table), table).toEqual([]);
    expect((await rows(store, 'debates')).map((d) => d.slug)).toEqual(['keep']);
    // The audit log keeps who did what and when, but not the deleted claims' words (nor a link's, or a
    // credence's values on them); the debate that stays keeps its values.
    const log = await rows(store, 'audit_log');
    const audit = JSON.stringify(log);
    expect(audit).not.toContain('A claim that will be deleted');
    expect(audit).not.toContain('Another claim that will be deleted');
    expect(audit).toContain('A claim in the debate that stays');
    const about = (entity: string) => log.filter((r) => r.entity === entity);
    expect(about('C2').map((r) => [r.action, r.before ?? null, r.after ?? null])).toEqual(
      about('C2').map((r) => [r.action, null, null]),
    );
    expect(about('C2').map((r) => r.action)).toContain('claim.add');
    expect(about('C3->C1').map((r) => r.after ?? null)).toEqual([null]);
  });
});

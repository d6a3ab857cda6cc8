import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { consoleActor, ConsoleSession } from '../../../src/platforms/console/session.ts';
import { createTestBot, isError, replyText, type TestBot } from '../../support/harness.ts';
import { ADA, fileText, movingClock, richDebate } from '../../exchange/support.ts';

/**
 * The console reads an attachment from a path on the operator's machine. Someone at the console who is
 * not the operator (`.as cy`) imports a file whose claims name other authors, a resolved claim, a
 * retraction, old dates, credences and polls: nothing of it may be forged.
 */
let bot: TestBot;
let folder: string;
let session: ConsoleSession;
beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cruxbot-forgery-'));
  const source = createTestBot({ clock: movingClock('2020-01-01T00:00:00Z') });
  try {
    await richDebate(source);
    writeFileSync(join(folder, 'forecast.json'), fileText(await source.run('/debate export format:json', { actor: ADA })));
  } finally {
    await source.close();
  }
  bot = createTestBot();
  session = new ConsoleSession(bot.services, createRegistry(COMMANDS), consoleActor('cy'), { color: false, width: 100 }, () => {});
});
afterEach(async () => {
  await bot.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('/debate import in the console, by someone who is not a moderator', () => {
  it('cannot forge authors, statuses, dates, credences, polls or resolutions', async () => {
    const reply = await session.run(`/debate import file:${join(folder, 'forecast.json')}`);
    expect(isError(reply), replyText(reply)).toBe(false);
    expect(replyText(reply)).toMatch(/not imported: they speak for other people/);
    const { store } = bot.services;
    const debate = await store.debates.require('local', 'forecast');
    expect(debate.createdBy).toBe('cy');
    const claims = await store.claims.inDebate(debate.id);
    expect(claims).toHaveLength(4);
    expect(claims.every((c) => c.authorId === 'cy' && c.status === 'open' && c.createdAt === '2026-11-23T12:00:00.000Z')).toBe(true);
    expect(claims.find((c) => c.number === 3)?.source.author).toBe('“carol” according to forecast.json');
    expect(await store.credences.historyInDebate('local', debate.id)).toEqual([]);
    expect(await store.polls.inDebate('local', debate.id)).toEqual([]);
    expect(await store.resolutions.historyInDebate('local', debate.id)).toEqual([]);
    expect(replyText(await session.run('/claim show C4'))).toMatch(/Author: cy[\s\S]*Status: open/);
  });

  it('the operator, a moderator, keeps everything in the file', async () => {
    session.setActor(consoleActor());
    const reply = await session.run(`/debate import file:${join(folder, 'forecast.json')}`);
    expect(replyText(reply)).toMatch(/With 10 credences/);
    const debate = await bot.services.store.debates.require('local', 'forecast');
    expect(debate.createdBy).toBe('ada');
    expect((await bot.services.store.claims.byNumber('local', 4))?.status).toBe('retracted');
  });
});

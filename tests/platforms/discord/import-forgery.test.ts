import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../src/demo.ts';
import { createTestBot } from '../../support/harness.ts';
import { startTestDiscord, type TestDiscordBot } from './discord-bot.ts';
import { ALICE, slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord({});
});
afterEach(() => bot.close());

/** A debate export whose claims name ada as author, one resolved, all dated in the past. */
async function forgedFile(): Promise<Buffer> {
  const source = createTestBot({ now: new Date('2020-01-01T00:00:00Z') });
  try {
    await loadDemo(source.services, { workspace: 'local', channel: 'general' });
    await source.run('/claim resolve C9 true', { actor: { id: 'ada', name: 'ada', isModerator: true } });
    const reply = await source.run('/debate export format:json debate:goal-drift');
    return Buffer.from(reply.attachments![0]!.data);
  } finally {
    await source.close();
  }
}

const FILE_ID = '2100000000000000009';

describe('/debate import on Discord, by a member', () => {
  it('cannot forge authors, statuses or dates: the claims are the importer’s, open and dated now', async () => {
    const file = await forgedFile();
    bot.fake.cdn.set('goal-drift.json', file);
    await bot.send(
      slashCommand(
        'debate',
        'import',
        { file: FILE_ID },
        { as: ALICE },
        {
          optionTypes: { file: 11 },
          resolved: {
            attachments: {
              [FILE_ID]: {
                id: FILE_ID,
                filename: 'goal-drift.json',
                size: file.length,
                url: `http://127.0.0.1:${bot.fake.port}/cdn/goal-drift.json`,
                proxy_url: `http://127.0.0.1:${bot.fake.port}/cdn/goal-drift.json`,
                content_type: 'application/json',
              },
            },
          },
        },
      ),
    );
    const { store } = bot.services;
    const workspace = (await store.exportAll()).tables.debates!.map((d) => (d as { workspace: string }).workspace)[0]!;
    const debate = await store.debates.require(workspace, 'goal-drift');
    const claims = await store.claims.inDebate(debate.id);
    expect(claims.length).toBeGreaterThan(5);
    expect(new Set(claims.map((c) => c.authorId))).toEqual(new Set([ALICE.id]));
    expect(claims.every((c) => c.status === 'open' && !c.createdAt.startsWith('2020'))).toBe(true);
    expect(claims.some((c) => c.source.author?.includes('“ada” according to goal-drift.json'))).toBe(true);
    expect(debate.createdBy).toBe(ALICE.id);
    // Nor does the file speak for anyone else: the demo's credences and the resolution stay out.
    expect(await store.credences.historyInDebate(workspace, debate.id)).toEqual([]);
    expect(await store.resolutions.historyInDebate(workspace, debate.id)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../../support/rows.ts';
import { createTestBot } from '../../support/harness.ts';
import { ADA, fileText, movingClock, richDebate } from '../../exchange/support.ts';
import { visibleStrings } from './support/block-kit.ts';
import { BOB, slashCommandForm, TEAM } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

/**
 * /debate import on Slack, through the real Bolt app: a slash command carries no file, so an import
 * cannot be made there at all, and no text typed in place of the file (a name, a path, the JSON
 * itself) is read as one. Nothing of a forged file reaches the store, for a member or an admin.
 */
const PATIENTLY = { timeout: 15_000, interval: 20 } as const;
const ADMIN = { id: 'W333', username: 'cleo', name: 'cleo', team_id: TEAM.id };
let bed: SlackTestBed;
let sent = 0;

async function slash(who: typeof BOB, command: string, text: string): Promise<string> {
  const earlier = bed.fake.callsTo('response_url').length;
  const { status } = await bed.post({
    body: slashCommandForm({ command, text, user: who, responseUrl: bed.fake.responseUrl(`r${++sent}`) }),
  });
  expect(status).toBe(200);
  await expect.poll(() => bed.bot.services.inflight.active, PATIENTLY).toBe(0);
  return bed.fake
    .callsTo('response_url')
    .slice(earlier)
    .map((c) => [String(c.body.text ?? ''), ...visibleStrings(c.body.blocks ?? [])].join('\n'))
    .join('\n');
}

async function forgedJson(): Promise<string> {
  const source = createTestBot({ clock: movingClock('2020-01-01T00:00:00Z') });
  try {
    await richDebate(source);
    return fileText(await source.run('/debate export format:json', { actor: ADA }));
  } finally {
    await source.close();
  }
}

beforeEach(async () => {
  bed = await startSlackTestBed();
  sent = 0;
  bed.fake.users.set(ADMIN.id, ADMIN.name);
  bed.fake.admins.add(ADMIN.id);
});
afterEach(async () => await bed.close());

describe('/debate import on Slack', () => {
  it('reads no file from a slash command, so neither a member nor an admin can import a forged one', async () => {
    const json = await forgedJson();
    const tables = ['debates', 'claims', 'links', 'credences', 'polls', 'claim_resolutions', 'sim_runs', 'thread_captures'];
    const counts = async () => Promise.all(tables.map((t) => countRows(bed.bot.services.store, t)));
    const before = await counts();
    for (const who of [BOB, ADMIN]) {
      for (const text of ['file:forecast.json', 'file:/etc/passwd']) {
        expect(await slash(who, '/debate', `import ${text}`), `${who.name}: ${text}`).toMatch(/file: expected an attached file/);
      }
      // The JSON pasted in place of the file is refused as text the command does not take.
      const pasted = await slash(who, '/debate', `import file:'${json.slice(0, 2000).replace(/\n/g, ' ')}'`);
      expect(pasted).toMatch(/Unexpected text .*every value needs an option name here/);
      expect(pasted).toMatch(/Usage: .*\/debate import/);
    }
    expect(await counts()).toEqual(before);
    expect(before.every((n) => n === 0)).toBe(true);
  });
});

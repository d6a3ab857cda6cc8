import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportAllJson, restoreBackup } from '../../src/move-data.ts';
import { openLocation } from '../../src/storage/index.ts';
import { createTestBot } from '../support/harness.ts';
import { freshDatabase, POSTGRES_URL } from '../support/postgres.ts';
import { BACKENDS } from '../storage/backends.ts';
import { ADA, movingClock, richDebate } from './support.ts';

const folder = mkdtempSync(join(tmpdir(), 'cruxbot-export-all-'));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(folder, { recursive: true, force: true });
});

const withoutStamp = (json: string) => json.replace(/^ {2}"exportedAt": ".*",\n/m, '');
const TARGETS = POSTGRES_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
let n = 0;

describe.each(BACKENDS)('cruxbot export-all from $name', (backend) => {
  it.each(TARGETS)(
    'restores into an empty %s database and exports the same file again, share links and Slack installs left out',
    async (target) => {
      const { store, dispose } = await backend.open();
      const bot = createTestBot({ store, clock: movingClock() });
      let first: string;
      try {
        await richDebate(bot);
        await bot.run('/debate new slug:second title:"A second debate"', { actor: ADA, workspace: 'other' });
        await bot.run('/claim add text:"In another workspace"', { actor: ADA, workspace: 'other' });
        await bot.run('/debate share forecast', { actor: ADA });
        await store.state.putDraft('draft-token', 'ada', 'a half-written claim', Date.now() + 60_000, Date.now());
        first = await exportAllJson(store, new Date('2026-12-07T10:00:00Z'));
      } finally {
        await dispose();
      }
      const data = JSON.parse(first);
      expect(data.format).toBe('cruxbot-export');
      expect(Object.keys(data.tables)).not.toContain('share_links');
      expect(Object.keys(data.tables)).not.toContain('slack_installations');
      expect(Object.keys(data.tables)).not.toContain('drafts');
      expect(data.tables.credences).toHaveLength(10);
      for (const table of ['polls', 'claim_resolutions', 'sim_runs', 'thread_captures', 'thread_capture_items', 'claim_deadlines'])
        expect(data.tables[table].length, table).toBeGreaterThan(0);

      const file = join(folder, `export-${++n}.json`);
      writeFileSync(file, first);
      let where: string;
      let said = '';
      if (target === 'sqlite') {
        where = join(folder, `restored-${n}.db`);
        expect(await restoreBackup(file, { DATABASE_PATH: where }, (t) => (said += t))).toBe(0);
      } else {
        const database = await freshDatabase('exportall');
        drops.push(database.drop);
        where = database.url;
        expect(await restoreBackup(file, { DATABASE_URL: where, DATABASE_PATH: join(folder, 'unused.db') }, (t) => (said += t))).toBe(0);
      }
      expect(said).toMatch(/Restored .*\(.*2 debates, 5 claims, 4 links, 10 credences, 2 polls\)/);
      const restored = await openLocation(where);
      try {
        const again = await exportAllJson(restored, new Date('2026-12-07T11:00:00Z'));
        expect(withoutStamp(again)).toBe(withoutStamp(first));
        expect(again).not.toBe(first);
      } finally {
        await restored.close();
      }
    },
  );
});

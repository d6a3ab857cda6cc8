import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { deleteWorkspace, migrateData, restoreBackup } from '../../src/move-data.ts';
import { openLocation } from '../../src/storage/index.ts';
import type { DatabaseExport } from '../../src/storage/ports.ts';
import { TRANSIENT_TABLES } from '../../src/storage/transfer.ts';
import { ALICE, BOB, createTestBot, replyText } from '../support/harness.ts';
import { freshDatabase, POSTGRES_URL } from '../support/postgres.ts';

const CAROL: Actor = { id: 'carol', name: 'carol' };

/** What a team's database holds after a week: two debates, tags, links, credences (some conditional), a poll, a resolution. */
const WEEK: [Actor, string][] = [
  [ALICE, '/debate new slug:reward title:"Is reward the optimisation target?"'],
  [ALICE, '/claim add text:"Reward is the optimisation target for RL agents" tags:rl,core'],
  [BOB, '/claim add text:"Agents learn proxies that merely correlate with reward" tags:rl'],
  [CAROL, '/claim add text:"Specification gaming shows reward seeking" source:https://example.org/specgaming'],
  [BOB, '/link from:C2 to:C1 kind:opposes'],
  [CAROL, '/link from:C3 to:C1 kind:supports'],
  [ALICE, '/credence C1 70'],
  [BOB, '/credence C1 20'],
  [ALICE, '/credence C1 80 given:C3'],
  [CAROL, '/credence C2 40'],
  [ALICE, '/poll C2 hide:until-voted'],
  [BOB, '/credence C2 85'],
  [CAROL, '/claim resolve C3 true'],
  [ALICE, '/debate new slug:drift title:"Do goals drift?"'],
  [ALICE, '/claim add text:"Drift can be directed by data"'],
  [ALICE, '/debate use reward'],
];

const folder = mkdtempSync(join(tmpdir(), 'cruxbot-transfer-'));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(folder, { recursive: true, force: true });
});

let files = 0;
/** A place for a database of the given backend, empty: a new file name, or a new PostgreSQL database. */
async function place(backend: 'sqlite' | 'postgres'): Promise<string> {
  if (backend === 'sqlite') return join(folder, `db-${++files}.sqlite`);
  const database = await freshDatabase('transfer');
  drops.push(database.drop);
  return database.url;
}

/** Runs commands against the database at `where`, in a workspace, and closes it again. */
async function session(where: string, lines: readonly [Actor, string][], workspace = 'local'): Promise<string[]> {
  const bot = createTestBot({ store: await openLocation(where) });
  try {
    const replies: string[] = [];
    for (const [actor, line] of lines) replies.push(replyText(await bot.run(line, { actor, workspace })));
    return replies;
  } finally {
    await bot.services.store.close();
  }
}

/** Every kept table of the database at `where` (not what a running bot holds for minutes). */
async function contents(where: string): Promise<Record<string, unknown[]>> {
  const store = await openLocation(where);
  try {
    const { tables } = await store.exportAll();
    return Object.fromEntries(Object.entries(tables).filter(([t]) => !TRANSIENT_TABLES.includes(t)));
  } finally {
    await store.close();
  }
}

async function migrate(...args: string[]): Promise<{ code: number; said: string }> {
  let said = '';
  const code = await migrateData(args, (text) => (said += text));
  return { code, said };
}

const PAIRS: ['sqlite' | 'postgres', 'sqlite' | 'postgres'][] = POSTGRES_URL
  ? [
      ['sqlite', 'postgres'],
      ['postgres', 'sqlite'],
      ['sqlite', 'sqlite'],
    ]
  : [['sqlite', 'sqlite']];

describe.each(PAIRS)('cruxbot migrate-data from %s to %s', (fromKind, toKind) => {
  it('copies every workspace with its ids, checks both sides, adds nothing the second time, and the bot carries on there', async () => {
    const [from, to] = [await place(fromKind), await place(toKind)];
    await session(from, WEEK);
    await session(
      from,
      [
        [BOB, '/debate new slug:other title:"Another team"'],
        [BOB, '/claim add text:"Their first claim"'],
      ],
      'team-b',
    );

    const first = await migrate('--from', from, '--to', to);
    expect(first.said).toMatch(/Copying 2 workspaces/);
    expect(first.said).toMatch(/claims 5 added/);
    expect(first.said).toMatch(/Checked: both sides hold the same rows \(3 debates, 5 claims, 2 links, 5 credences, 1 polls/);
    expect(first.code).toBe(0);
    expect(await contents(to)).toEqual(await contents(from));

    const again = await migrate('--from', from, '--to', to);
    expect(again.code).toBe(0);
    expect(again.said).toMatch(/claims 0 added, 5 already there/);
    expect(again.said).not.toMatch(/[1-9]\d* added/);

    // The numbers people know still mean the same claims, and new ones follow on (counters and id sequences moved).
    const [shown, added, credence, poll] = await session(to, [
      [ALICE, '/claim show C2'],
      [ALICE, '/claim add text:"Written after the move"'],
      [BOB, '/credence C5 35'],
      [ALICE, '/poll C1'],
    ]);
    expect(shown).toContain('Agents learn proxies that merely correlate with reward');
    expect(added).toMatch(/\bC5\b/);
    expect(credence).toMatch(/35%/);
    expect(poll).toMatch(/How likely is C1/);
    const after = await contents(to);
    expect((after.polls as { id: number }[]).map((p) => p.id)).toEqual([1, 2]);
    expect(new Set((after.credences as { id: number }[]).map((c) => c.id)).size).toBe(6);
  });
});

describe('cruxbot migrate-data, one workspace and refusals', () => {
  it('--workspace copies that workspace alone', async () => {
    const [from, to] = [await place('sqlite'), await place(POSTGRES_URL ? 'postgres' : 'sqlite')];
    await session(from, WEEK);
    await session(
      from,
      [
        [BOB, '/debate new slug:other title:"Another team"'],
        [BOB, '/claim add text:"Their first claim"'],
      ],
      'team-b',
    );
    const { code, said } = await migrate('--from', from, '--to', to, '--workspace', 'team-b');
    expect(said).toMatch(/Copying workspace team-b/);
    expect(code).toBe(0);
    const there = await contents(to);
    expect((there.claims as { workspace: string; text: string }[]).map((c) => [c.workspace, c.text])).toEqual([
      ['team-b', 'Their first claim'],
    ]);
    expect(there.credences).toEqual([]);
    // The workspace that stayed behind is untouched in the source.
    expect(((await contents(from)).claims as unknown[]).length).toBe(5);
  });

  it('refuses a target whose rows are in the way, naming the row, and leaves it exactly as it was', async () => {
    const [from, to] = [await place('sqlite'), await place(POSTGRES_URL ? 'postgres' : 'sqlite')];
    await session(from, WEEK);
    await session(to, [
      [CAROL, '/debate new slug:mine title:"A debate of its own"'],
      [CAROL, '/claim add text:"Already here"'],
    ]);
    const before = await contents(to);
    await expect(migrate('--from', from, '--to', to)).rejects.toThrow(
      /debates \(id 1\) is already in the target with a different .*nothing was copied/,
    );
    expect(await contents(to)).toEqual(before);
  });

  it('says what is wrong with its arguments, and creates nothing', async () => {
    const to = await place('sqlite');
    await expect(migrate('--from', join(folder, 'nowhere.db'), '--to', to)).rejects.toThrow(/There is no database file at .*nowhere\.db/);
    await expect(migrate('--from', to)).rejects.toThrow(/needs both --from and --to/);
    const from = await place('sqlite');
    await session(from, WEEK);
    await expect(migrate('--from', from, '--to', to, '--workspace', 'team-z')).rejects.toThrow(
      /has no workspace "team-z" \(it has: local\)/,
    );
  });
});

describe('cruxbot restore, from a backup of either backend into either', () => {
  const restoreInto = async (config: { DATABASE_URL?: string; DATABASE_PATH: string }, file: string) => {
    let said = '';
    const code = await restoreBackup(file, config, (t) => (said += t), new Date('2026-12-07T09:00:00Z'));
    return { code, said };
  };
  /** A database of `kind` holding the week, and its `cruxbot backup` at `file`. */
  const weekBackedUp = async (kind: 'sqlite' | 'postgres', file: string) => {
    const where = await place(kind);
    await session(where, WEEK);
    const store = await openLocation(where);
    await store.backup(join(folder, file));
    await store.close();
    return { where, backup: join(folder, file) };
  };
  /** The database of `kind` that the restore replaces: it holds a debate of its own. */
  const replaced = async (kind: 'sqlite' | 'postgres') => {
    const where = await place(kind);
    await session(where, [[CAROL, '/debate new slug:mine title:"Replaced by the restore"']]);
    return where;
  };

  it.runIf(POSTGRES_URL)('a SQLite backup replaces a PostgreSQL database, whose old rows are kept in a snapshot beside it', async () => {
    const { where: source, backup } = await weekBackedUp('sqlite', 'week.backup.db');
    const url = await replaced('postgres');
    const { code, said } = await restoreInto({ DATABASE_URL: url, DATABASE_PATH: join(folder, 'unused.db') }, backup);
    expect(code).toBe(0);
    expect(said).toMatch(/saved as .*week\.backup\.db\.before-restore-2026-12-07T09-00-00-000Z\.json/);
    expect(said).toMatch(/Restored .* \(2 debates, 4 claims, 2 links, 5 credences, 1 polls\)/);
    expect(await contents(url)).toEqual(await contents(source));
    const [added] = await session(url, [[ALICE, '/claim add text:"After the restore"']]);
    expect(added).toMatch(/\bC5\b/);
  });

  it.runIf(POSTGRES_URL)('a PostgreSQL snapshot (JSON) replaces a SQLite file, the old file kept beside it', async () => {
    const { where: url, backup: snapshot } = await weekBackedUp('postgres', 'week.json');
    const path = await replaced('sqlite');
    const { code, said } = await restoreInto({ DATABASE_PATH: path }, snapshot);
    expect(code).toBe(0);
    expect(said).toMatch(/The database you had is saved as .*before-restore/);
    expect(await contents(path)).toEqual(await contents(url));
  });

  it('a file that is not a backup is refused before anything is touched', async () => {
    const path = await place('sqlite');
    await session(path, WEEK);
    const before = await contents(path);
    const junk = join(folder, 'notes.json');
    writeFileSync(junk, JSON.stringify({ hello: 'world' }));
    await expect(restoreInto({ DATABASE_PATH: path }, junk)).rejects.toThrow(/not a cruxbot snapshot.*nothing was restored/);
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'just some notes');
    await expect(restoreInto({ DATABASE_PATH: path }, text)).rejects.toThrow(/neither a SQLite database nor a JSON snapshot/);
    const newer: DatabaseExport = { format: 'cruxbot-export', schemaVersion: 999, exportedAt: '2030-01-01T00:00:00Z', tables: {} };
    const future = join(folder, 'future.json');
    writeFileSync(future, JSON.stringify(newer));
    await expect(restoreInto({ DATABASE_PATH: path }, future)).rejects.toThrow(/newer cruxbot \(schema 999/);
    expect(await contents(path)).toEqual(before);
  });
});

describe.each(POSTGRES_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const))('cruxbot delete-workspace on %s', (kind) => {
  it('says what would go, deletes one workspace whole only when confirmed, and leaves the others as they were', async () => {
    const where = await place(kind);
    await session(where, WEEK);
    await session(
      where,
      [
        [BOB, '/debate new slug:other title:"Another team"'],
        [BOB, '/claim add text:"Their first claim"'],
      ],
      'team-b',
    );
    const config = kind === 'postgres' ? { DATABASE_URL: where, DATABASE_PATH: join(folder, 'unused.db') } : { DATABASE_PATH: where };
    const run = async (...args: string[]) => {
      let said = '';
      const code = await deleteWorkspace(args, config, (t) => (said += t));
      return { code, said };
    };
    // A reminder digest queued for each workspace, not yet sent: the deleted team's must never go out.
    const queue = await openLocation(where);
    try {
      for (const workspace of ['local', 'team-b'])
        expect(
          await queue.forecasts.queueDigest({ workspace, userId: 'alice', dueAt: '2026-12-01T09:00:00.000Z', claimIds: [1] }, '2026-12-01T09:00:00.000Z'),
        ).toBe(true);
    } finally {
      await queue.close();
    }
    const before = await contents(where);

    const asked = await run('local');
    expect(asked).toEqual({
      code: 0,
      said: expect.stringMatching(
        /holds 2 debates, 4 claims, 2 links, 5 credences, 1 polls\. To delete all of it, run again with --confirm local\. Nothing was deleted/,
      ),
    });
    expect((await run('local', '--confirm', 'team-b')).code).toBe(1);
    expect(await contents(where)).toEqual(before);
    await expect(run('team-z', '--confirm', 'team-z')).rejects.toThrow(/no workspace "team-z" \(it has: local, team-b\)/);

    expect((await run('local', '--confirm', 'local')).said).toMatch(/Deleted workspace local: 2 debates, 4 claims/);
    const after = await contents(where);
    for (const [table, rows] of Object.entries(after)) {
      if (table === 'counters') continue;
      expect(
        (rows as { workspace?: string }[]).filter((r) => r.workspace === 'local'),
        table,
      ).toEqual([]);
    }
    expect((after.claims as { text: string }[]).map((c) => c.text)).toEqual(['Their first claim']);
    expect(after.claim_tags).toEqual([]);
    const sender = await openLocation(where);
    try {
      const left = await sender.forecasts.claimDigests('test', Date.parse('2026-12-02T00:00:00Z'), 10, 60_000);
      expect(left.map((d) => d.workspace)).toEqual(['team-b']);
    } finally {
      await sender.close();
    }
    // Its numbers are not handed out again: an old message's button never reaches a new claim.
    const [, added] = await session(where, [
      [ALICE, '/debate new slug:again title:"Back again"'],
      [ALICE, '/claim add text:"A new start"'],
    ]);
    expect(added).toMatch(/\bC5\b/);
  });
});

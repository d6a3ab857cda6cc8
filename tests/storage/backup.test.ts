import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../src/storage/sqlite/database.ts';
import { checkBackup, restoreDatabase } from '../../src/storage/sqlite/backup.ts';
import { openStore } from '../../src/storage/index.ts';
import { SqliteStore } from '../../src/storage/sqlite/store.ts';
import { createTestBot, type TestBot } from '../support/harness.ts';

let bot: TestBot;
let dir: string;
beforeEach(async () => {
  bot = createTestBot();
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-backup-'));
  await bot.run('/debate new drift title:"Drift?"');
  await bot.run('/claim add First claim tags:drift');
  await bot.run('/claim add Second claim');
  await bot.run('/link C2 C1 supports');
});
afterEach(async () => {
  await bot.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backups', () => {
  it('an online backup holds every row and passes the integrity check', async () => {
    const file = join(dir, 'backup.db');
    const info = await bot.services.store.backup(file);
    expect(info.rows).toMatchObject({ debates: 1, claims: 2, links: 1, claim_tags: 1 });
    expect(checkBackup(file).schemaVersion).toBe(latestSchemaVersion());
    const copy = new SqliteStore(new Database(file), file);
    expect((await copy.claims.byNumber('local', 2))?.text).toBe('Second claim');
    expect((await copy.search.claims('local', 'first', { limit: 5 })).map((c) => c.number)).toEqual([1]);
    await copy.close();
  });

  it('the database and its backups are readable by their owner only, and a backup is one file', async () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    const fresh = join(dir, 'fresh.db');
    const store = openStore(fresh);
    await store.close();
    expect(mode(fresh)).toBe(0o600);

    const file = join(dir, 'backup.db');
    await bot.services.store.backup(file);
    expect(mode(file)).toBe(0o600);
    checkBackup(file);
    // No -wal or -shm left beside the copy, even after it was opened.
    expect(readdirSync(dir).filter((f) => f.startsWith('backup.db'))).toEqual(['backup.db']);

    const { saved } = await restoreDatabase(file, fresh, new Date('2026-12-07T12:00:00Z'));
    expect(mode(saved!)).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.startsWith(`${saved!.split('/').pop()}-`))).toEqual([]);
  });

  it('will not overwrite a file unless told to', async () => {
    const file = join(dir, 'taken.db');
    writeFileSync(file, 'x');
    await expect(bot.services.store.backup(file)).rejects.toThrow(/already exists/);
  });

  it('restores a backup over the current database and keeps the old one beside it', async () => {
    const file = join(dir, 'backup.db');
    await bot.services.store.backup(file);
    const target = join(dir, 'live.db');
    const live = openStore(target);
    await live.debates.create({ workspace: 'local', slug: 'other', title: 'Other', createdBy: 'x', createdByName: 'x', at: 'now' });
    await live.close();

    const { info, saved } = await restoreDatabase(file, target, new Date('2026-11-23T10:00:00Z'));
    expect(info.rows).toMatchObject({ claims: 2, debates: 1 });
    expect(saved && existsSync(saved)).toBe(true);
    const restored = openStore(target);
    expect(await restored.debates.bySlug('local', 'drift')).toBeDefined();
    expect(await restored.debates.bySlug('local', 'other')).toBeUndefined();
    await restored.close();
    const old = new SqliteStore(new Database(saved!), saved!);
    expect(await old.debates.bySlug('local', 'other')).toBeDefined();
    await old.close();
  });

  it('refuses a file that is not a cruxbot database, or is from a newer schema, and changes nothing', async () => {
    const target = join(dir, 'live.db');
    await openStore(target).close();
    const notSqlite = join(dir, 'notes.txt');
    writeFileSync(notSqlite, 'hello '.repeat(500));
    await expect(restoreDatabase(notSqlite, target)).rejects.toThrow(/not a SQLite database/);

    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    await expect(restoreDatabase(foreign, target)).rejects.toThrow(/not a cruxbot one/);

    const newer = join(dir, 'newer.db');
    await bot.services.store.backup(newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    db.close();
    await expect(restoreDatabase(newer, target)).rejects.toThrow(/newer cruxbot/);
    await expect(restoreDatabase(join(dir, 'missing.db'), target)).rejects.toThrow(/no backup file/);

    expect(readdirBackups()).toEqual([]);
  });

  it('exports every table as JSON', async () => {
    const json = await bot.services.store.exportAll(new Date('2026-11-23T10:00:00Z'));
    expect(json.format).toBe('cruxbot-export');
    expect(json.tables.claims).toHaveLength(2);
    expect(json.tables.claim_tags).toEqual([{ claim_id: 1, tag: 'drift' }]);
    expect(Object.keys(json.tables)).not.toContain('claims_fts');
    expect(json.tables.audit_log!.length).toBeGreaterThanOrEqual(4);
  });
});

function readdirBackups(): string[] {
  return readdirSync(dir).filter((f) => f.includes('before-restore'));
}

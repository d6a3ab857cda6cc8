import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../src/core/errors.ts';
import { APPLICATION_ID, latestSchemaVersion, openDatabase } from '../../src/storage/sqlite/database.ts';
import { MIGRATIONS, type Migration } from '../../src/storage/migrations/index.ts';
import { SqliteStore } from '../../src/storage/sqlite/store.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the database', () => {
  it('creates a new file with every migration, WAL, foreign keys and our application id', () => {
    const db = openDatabase(join(dir, 'new.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['debates', 'claims', 'claim_tags', 'links', 'audit_log', 'channel_debates']));
    db.close();
  });

  it('migrates an existing database forward and keeps its rows', async () => {
    const path = join(dir, 'old.db');
    const store = new SqliteStore(openDatabase(path), path);
    await store.debates.create({
      workspace: 'local',
      slug: 'kept',
      title: 'Kept',
      createdBy: 'a',
      createdByName: 'a',
      at: '2026-01-01T00:00:00Z',
    });
    await store.close();

    const next: Migration = {
      version: latestSchemaVersion() + 1,
      name: 'test: add a column',
      up: 'ALTER TABLE debates ADD COLUMN colour TEXT',
    };
    const db = openDatabase(path, [...MIGRATIONS, next]);
    expect(db.pragma('user_version', { simple: true })).toBe(next.version);
    expect(db.prepare('SELECT slug, colour FROM debates').all()).toEqual([{ slug: 'kept', colour: null }]);
    db.close();
  });

  it('a database at schema 5 keeps its retired claim numbers when 6 lets polls and captures retire theirs', () => {
    const path = join(dir, 'v5.db');
    openDatabase(path, MIGRATIONS.slice(0, 5)).close();
    const old = new Database(path);
    old.prepare("INSERT INTO retired_numbers (workspace, kind, highest) VALUES ('local', 'claim', 12)").run();
    expect(() => old.prepare("INSERT INTO retired_numbers (workspace, kind, highest) VALUES ('local', 'poll', 3)").run()).toThrow(/CHECK/);
    old.close();

    const db = openDatabase(path, MIGRATIONS.slice(0, 6));
    db.prepare("INSERT INTO retired_numbers (workspace, kind, highest) VALUES ('local', 'poll', 3)").run();
    expect(db.prepare('SELECT kind, highest FROM retired_numbers ORDER BY kind').all()).toEqual([
      { kind: 'claim', highest: 12 },
      { kind: 'poll', highest: 3 },
    ]);
    db.close();
  });

  it('7 starts each counter past every number in use and every number a deleted debate retired', async () => {
    const path = join(dir, 'v6.db');
    const old = openDatabase(path, MIGRATIONS.slice(0, 6));
    old
      .prepare(
        "INSERT INTO debates (workspace, slug, title, created_by, created_by_name, created_at) VALUES ('local', 'd', 'D', 'a', 'a', 'now')",
      )
      .run();
    for (const n of [1, 2, 5]) {
      old
        .prepare(
          "INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, status, created_at, updated_at) VALUES ('local', ?, 1, 'x', 'a', 'a', 'open', 'now', 'now')",
        )
        .run(n);
    }
    old
      .prepare(
        "INSERT INTO retired_numbers (workspace, kind, highest) VALUES ('local', 'claim', 9), ('other', 'claim', 4), ('local', 'poll', 7)",
      )
      .run();
    old.close();

    const store = new SqliteStore(openDatabase(path), path);
    const add = (workspace: string) =>
      store.claims.insert({ workspace, debateId: 1, text: 'new', authorId: 'a', authorName: 'a', tags: [], at: 'now' });
    expect((await add('local')).number).toBe(10);
    expect((await add('other')).number).toBe(5);
    expect((await add('third')).number).toBe(1);
    const claim = (await store.claims.byNumber('local', 1))!;
    const poll = await store.polls.insert({
      workspace: 'local',
      claimId: claim.id,
      channel: 'c',
      hide: 'visible',
      createdBy: 'a',
      createdByName: 'a',
      createdAt: 'now',
      baselineCredenceId: 0,
    });
    expect(poll.id).toBe(8);
    await store.close();
  });

  it('rolls back a migration that fails, leaving the version where it was', () => {
    const path = join(dir, 'fail.db');
    openDatabase(path).close();
    const broken: Migration = {
      version: latestSchemaVersion() + 1,
      name: 'broken',
      up: 'CREATE TABLE half (x); SELECT * FROM no_such_table;',
    };
    expect(() => openDatabase(path, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file that is not SQLite, with a message that says so', () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'these are my notes, not a database '.repeat(100));
    expect(() => openDatabase(path)).toThrow(StartupError);
    expect(() => openDatabase(path)).toThrow(/is not a SQLite database/);
  });

  it('refuses another program’s SQLite database', () => {
    const path = join(dir, 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE things (x)');
    other.close();
    expect(() => openDatabase(path)).toThrow(/not a cruxbot one/);
  });

  it('refuses a database from a newer cruxbot', () => {
    const path = join(dir, 'newer.db');
    openDatabase(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${latestSchemaVersion() + 5}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer than this cruxbot knows/);
  });
});

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Db } from '../../src/storage/sqlite/database.ts';
import { UNSAFE_STORED } from './hostile-input.ts';

const opened = new Map<string, Db>();

/**
 * The bot's database file, opened read-only beside the bot: what an operator's `sqlite3` shell would
 * see. Tests of what is stored (no half-written rows, nothing of another workspace touched) read it;
 * everything else talks to the store through its ports.
 */
export function inspect(store: { readonly location: string }): Db {
  let db = opened.get(store.location);
  if (!db || !db.open) {
    db = new Database(store.location, { readonly: true, fileMustExist: true });
    opened.set(store.location, db);
  }
  return db;
}

/** A writable second connection to the file, for tests about the schema itself (a hand-edited row). */
export function openRaw(store: { readonly location: string }): Db {
  return new Database(store.location, { fileMustExist: true });
}

/** The tables cruxbot keeps (the full-text index mirrors `claims` and is left out). */
export function tableNames(db: Db): string[] {
  return db
    .prepare<[], string>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'claims_fts%' ORDER BY name`,
    )
    .pluck()
    .all();
}

/** A fingerprint of every row of every table: equal fingerprints, nothing written. */
export function databaseDigest(db: Db): string {
  const hash = createHash('sha256');
  for (const table of tableNames(db)) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/**
 * A fingerprint of one workspace's rows: tables with a `workspace` column by it, the others (tags,
 * capture items) through the foreign key to a table that has one.
 */
export function workspaceDigest(db: Db, workspace: string): string {
  const hash = createHash('sha256');
  for (const table of tableNames(db)) {
    const query = scopedQuery(db, table);
    if (!query) continue;
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(query).raw().iterate(workspace)) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

function columnsOf(db: Db, table: string): string[] {
  return db
    .prepare<[], { name: string }>(`PRAGMA table_info("${table}")`)
    .all()
    .map((c) => c.name);
}

function scopedQuery(db: Db, table: string): string | undefined {
  // ORDER BY 1, 2 rather than rowid: some tables are WITHOUT ROWID.
  if (columnsOf(db, table).includes('workspace')) return `SELECT * FROM "${table}" WHERE workspace = ? ORDER BY 1, 2`;
  const keys = db.prepare<[], { table: string; from: string; to: string }>(`PRAGMA foreign_key_list("${table}")`).all();
  const parent = keys.find((k) => columnsOf(db, k.table).includes('workspace'));
  return parent
    ? `SELECT * FROM "${table}" WHERE "${parent.from}" IN (SELECT "${parent.to}" FROM "${parent.table}" WHERE workspace = ?)`
    : undefined;
}

/** How many rows each table holds, for messages that say what changed. */
export function rowCounts(db: Db): Record<string, number> {
  return Object.fromEntries(tableNames(db).map((t) => [t, db.prepare<[], number>(`SELECT count(*) FROM "${t}"`).pluck().get()!]));
}

/**
 * Every stored text value with a control character, a direction override or isolate, a byte-order
 * mark, or U+FFFD (what half a surrogate pair turns into on its way into SQLite): `table.column: text`.
 */
export function unsafeStoredText(db: Db): string[] {
  const found: string[] = [];
  for (const table of tableNames(db)) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && (UNSAFE_STORED.test(value) || value.includes('\uFFFD')))
          found.push(`${table}.${column}: ${JSON.stringify(value.slice(0, 80))}`);
      }
    }
  }
  return found;
}

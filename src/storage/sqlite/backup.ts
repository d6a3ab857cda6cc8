import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { StartupError } from '../../core/errors.ts';
import { APPLICATION_ID, createOwnerOnly, latestSchemaVersion, migrate, type Db } from './database.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import type { DatabaseExport, DatabaseInfo } from '../ports.ts';

/** User tables: not SQLite's own, not the FTS index's shadow tables. */
export function userTables(db: Db): string[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  const virtual = all.filter((t) => /CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all.filter((t) => !virtual.includes(t.name) && !virtual.some((v) => t.name.startsWith(`${v}_`))).map((t) => t.name);
}

export function describeDatabase(db: Db, path: string): DatabaseInfo {
  const rows: Record<string, number> = {};
  for (const table of userTables(db)) rows[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  return { schemaVersion: db.pragma('user_version', { simple: true }) as number, bytes: existsSync(path) ? statSync(path).size : 0, rows };
}

/**
 * An online backup with SQLite's backup API: consistent even while the bot is writing, and the copy is a
 * complete database (no WAL file needed beside it).
 */
export async function backupDatabase(db: Db, target: string, options: { overwrite?: boolean } = {}): Promise<DatabaseInfo> {
  if (existsSync(target) && !options.overwrite)
    throw new StartupError(`${target} already exists; choose a new file name (or pass --force to replace it).`);
  createOwnerOnly(target, options.overwrite);
  await db.backup(target);
  return standalone(target);
}

/**
 * A copy that stands alone: rollback journal instead of WAL, so opening it later leaves no -wal or -shm
 * beside it, and nothing of the copy lives outside its one file.
 */
function standalone(path: string): DatabaseInfo {
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
    return describeDatabase(copy, path);
  } finally {
    copy.close();
  }
}

/** Opens a backup read-only and checks it is a cruxbot database this version can use. */
export function checkBackup(path: string): DatabaseInfo {
  if (!existsSync(path) || !statSync(path).isFile()) throw new StartupError(`There is no backup file at ${path}.`);
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StartupError(`Cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    let applicationId: number;
    try {
      applicationId = db.pragma('application_id', { simple: true }) as number;
    } catch {
      throw new StartupError(`${path} is not a SQLite database, so it is not a cruxbot backup.`);
    }
    if (applicationId !== APPLICATION_ID)
      throw new StartupError(`${path} is a SQLite database, but not a cruxbot one; nothing was restored.`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestSchemaVersion()) {
      throw new StartupError(
        `${path} is from a newer cruxbot (schema ${version}; this one knows ${latestSchemaVersion()}). Upgrade cruxbot first; nothing was restored.`,
      );
    }
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new StartupError(`${path} is damaged (integrity check: ${String(integrity)}); nothing was restored.`);
    return describeDatabase(db, path);
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `source`, after checking the backup. The current
 * database is first saved beside it (`<target>.before-restore-<time>`); an older backup is migrated forward.
 * Run it while the bot is stopped.
 */
export async function restoreDatabase(source: string, target: string, now = new Date()): Promise<{ info: DatabaseInfo; saved?: string }> {
  checkBackup(source);
  let saved: string | undefined;
  if (existsSync(target)) {
    saved = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const current = new Database(target);
    try {
      createOwnerOnly(saved);
      await current.backup(saved);
    } finally {
      current.close();
    }
    standalone(saved);
  }
  createOwnerOnly(target);
  const from = new Database(source, { readonly: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
  const db = new Database(target);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, MIGRATIONS, target);
    return { info: describeDatabase(db, target), ...(saved ? { saved } : {}) };
  } finally {
    db.close();
  }
}

/** Every row of every table, as JSON-ready objects: for archives, audits and moving to other tools. */
export function exportAll(db: Db, now = new Date()): DatabaseExport {
  const tables: Record<string, unknown[]> = {};
  for (const table of userTables(db)) {
    const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as { sql: string }).sql;
    const order = /WITHOUT\s+ROWID/i.test(sql) ? '1, 2' : 'rowid';
    tables[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
  }
  return {
    format: 'cruxbot-export',
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt: now.toISOString(),
    tables,
  };
}

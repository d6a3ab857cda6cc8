import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StartupError } from '../../core/errors.ts';
import { MIGRATIONS, type Migration } from '../migrations/index.ts';
import { latestSchemaVersion } from '../migrations/versions.ts';

export type Db = Database.Database;

/** Written into the file header (`PRAGMA application_id`), so we never adopt someone else's database. */
export const APPLICATION_ID = 0x43525558; // "CRUX"

export { latestSchemaVersion };

/**
 * Opens (or creates) the database: WAL, foreign keys, a busy timeout, full sync on commit, then any
 * pending migrations. Throws a StartupError that says what is wrong with the file.
 */
/**
 * Creates `path` empty, readable and writable by its owner only (0600), before SQLite writes into it:
 * SQLite gives its -wal and -shm files the same mode. A database holds what people said.
 */
export function createOwnerOnly(path: string, replace = false): void {
  if (path === ':memory:') return;
  if (replace && existsSync(path)) rmSync(path);
  // An existing file keeps the mode its owner gave it.
  if (!existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
}

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  let db: Db;
  try {
    createOwnerOnly(path);
    db = new Database(path);
  } catch (error) {
    throw new StartupError(`Cannot open the database at ${path}: ${(error as Error).message}`);
  }
  try {
    checkIsCruxbotDatabase(db, path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // An acknowledged change must survive a host crash, not only a process crash.
    db.pragma('synchronous = FULL');
    migrate(db, migrations, path);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StartupError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new StartupError(`${path} is not a SQLite database. Point DATABASE_PATH at a new file or at a cruxbot database.`);
    }
    throw error;
  }
}

function checkIsCruxbotDatabase(db: Db, path: string): void {
  // Reading the header is the first real read: a file that is not SQLite fails here with SQLITE_NOTADB.
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
  if (applicationId === 0 && tables === 0) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    return;
  }
  if (applicationId !== APPLICATION_ID) {
    throw new StartupError(
      `${path} is a SQLite database, but not a cruxbot one. Point DATABASE_PATH at a new file or at a cruxbot database.`,
    );
  }
}

/** Applies pending migrations in order, each in its own transaction with its version number. */
export function migrate(db: Db, migrations: readonly Migration[], path = 'the database'): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion(migrations);
  if (current > latest) {
    throw new StartupError(
      `${path} has schema version ${current}, newer than this cruxbot knows (${latest}). Upgrade cruxbot, or restore a backup made by this version.`,
    );
  }
  const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return pending.length;
}

/**
 * The one door into storage: open the configured backend, and the file-level tools of the embedded one.
 * Everything else talks to the ports (`ports.ts`), never to a backend.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../core/errors.ts';
import { checkBackup } from './sqlite/backup.ts';
import { SqliteStore } from './sqlite/store.ts';
import { PostgresStore } from './postgres/store.ts';
import type { DatabaseExport, Store } from './ports.ts';
import type { Db } from './sqlite/database.ts';

export { latestSchemaVersion } from './migrations/versions.ts';
export { checkBackup, restoreDatabase } from './sqlite/backup.ts';
export { describeUrl } from './postgres/connection.ts';

/** Opens (creating and migrating when needed) the database at `path`: SQLite, the embedded default. */
export function openStore(path: string): Store {
  return SqliteStore.open(path);
}

/**
 * The configured backend: PostgreSQL when `DATABASE_URL` is set (connected and migrated under a lock),
 * else the SQLite file at `DATABASE_PATH`. A StartupError says what is wrong, naming the host, never the password.
 */
export async function openConfiguredStore(config: { DATABASE_URL?: string | undefined; DATABASE_PATH: string }): Promise<Store> {
  return config.DATABASE_URL ? await PostgresStore.open(config.DATABASE_URL) : openStore(config.DATABASE_PATH);
}

/** Opens PostgreSQL at `url` (tests, tools, `cruxbot migrate-data`). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Store> {
  return await PostgresStore.open(url, options);
}

/**
 * The SQLite connection under a store, for the tools only: the bench's raw floors (the same work done
 * with bare SQL) and the load test's seeding. Undefined for any other backend. The product never calls it.
 */
export function sqliteConnection(store: Store): Db | undefined {
  return store instanceof SqliteStore ? store.db : undefined;
}

export { forWorkspace, rowCounts, TransferConflict, workspacesIn } from './transfer.ts';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Whether a database named on the command line is a PostgreSQL URL (else a SQLite file path). */
export const isPostgresUrl = (where: string): boolean => POSTGRES_URL.test(where);

/**
 * A database named on the command line: a `postgres://` URL, or a SQLite file (`mustExist`: refuse to
 * create an empty one where data is expected).
 */
export async function openLocation(where: string, options: { mustExist?: boolean } = {}): Promise<Store> {
  if (POSTGRES_URL.test(where)) return await PostgresStore.open(where, { max: 2 });
  if (options.mustExist && !existsSync(where)) throw new StartupError(`There is no database file at ${where}.`);
  return openStore(where);
}

/**
 * A backup as an export: a `cruxbot backup` of either backend (a SQLite file, brought to this version's
 * schema in a temporary copy so the backup itself is untouched, or a JSON snapshot), checked first.
 */
export async function readBackup(file: string): Promise<DatabaseExport> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new StartupError(`There is no backup file at ${file}.`);
  const head = readFileSync(file).subarray(0, 16).toString('latin1');
  if (head.startsWith('SQLite format 3')) {
    checkBackup(file);
    const folder = mkdtempSync(join(tmpdir(), 'cruxbot-restore-'));
    try {
      const copy = join(folder, 'copy.db');
      copyFileSync(file, copy);
      const store = openStore(copy);
      try {
        return await store.exportAll();
      } finally {
        await store.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  let data: DatabaseExport;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as DatabaseExport;
  } catch {
    throw new StartupError(
      `${file} is neither a SQLite database nor a JSON snapshot, so it is not a cruxbot backup; nothing was restored.`,
    );
  }
  if (data?.format !== 'cruxbot-export' || typeof data.tables !== 'object' || data.tables === null)
    throw new StartupError(`${file} is JSON, but not a cruxbot snapshot (no "format": "cruxbot-export"); nothing was restored.`);
  return data;
}

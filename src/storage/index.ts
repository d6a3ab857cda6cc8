/**
 * The one door into storage: open the configured backend, and the file-level tools of the embedded one.
 * Everything else talks to the ports (`ports.ts`), never to a backend.
 */
import { SqliteStore } from './sqlite/store.ts';
import { PostgresStore } from './postgres/store.ts';
import type { Store } from './ports.ts';
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

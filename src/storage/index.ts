/**
 * The one door into storage: open the configured backend, and the file-level tools of the embedded one.
 * Everything else talks to the ports (`ports.ts`), never to a backend.
 */
import { SqliteStore } from './sqlite/store.ts';
import type { Store } from './ports.ts';
import type { Db } from './sqlite/database.ts';

export { latestSchemaVersion } from './sqlite/database.ts';
export { checkBackup, restoreDatabase } from './sqlite/backup.ts';

/** Opens (creating and migrating when needed) the database at `path`: SQLite, the embedded default. */
export function openStore(path: string): Store {
  return SqliteStore.open(path);
}

/**
 * The SQLite connection under a store, for the tools only: the bench's raw floors (the same work done
 * with bare SQL) and the load test's seeding. Undefined for any other backend. The product never calls it.
 */
export function sqliteConnection(store: Store): Db | undefined {
  return store instanceof SqliteStore ? store.db : undefined;
}

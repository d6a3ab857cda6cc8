import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres, openStore } from '../../src/storage/index.ts';
import type { Store } from '../../src/storage/ports.ts';
import { freshDatabase, POSTGRES_URL } from '../support/postgres.ts';

/** A backend the storage suites run against: a real SQLite file, or a database of its own on a real PostgreSQL server. */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** A new, empty, migrated store, and how to throw it away. */
  open(): Promise<{ store: Store; dispose: () => Promise<void> }>;
}

export const SQLITE: Backend = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-contract-'));
    const store = openStore(join(dir, 'db.sqlite'));
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const POSTGRES: Backend = {
  name: 'postgres',
  async open() {
    const database = await freshDatabase('contract');
    const store = await openPostgres(database.url, { max: 4 });
    return {
      store,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  },
};

/** Every backend this run can reach: SQLite always, PostgreSQL when the run has a server. */
export const BACKENDS: readonly Backend[] = POSTGRES_URL ? [SQLITE, POSTGRES] : [SQLITE];

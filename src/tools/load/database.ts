import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../core/logger.ts';
import { createServices, type Services } from '../../services.ts';
import { openPostgres, sqliteConnection } from '../../storage/index.ts';
import { startCluster, type Cluster } from '../postgres-cluster.ts';

/**
 * The database a load run works on: a SQLite file in the run's folder, or a database of the run's own
 * on a PostgreSQL server (a throwaway cluster, or the server `--database-url` names), dropped at the end.
 * The bots get it through their environment; the run seeds it, copies it for the floor and checks it
 * through here.
 */
export interface LoadDatabase {
  readonly backend: 'sqlite' | 'postgres';
  /** What it is, for the report: `SQLite (synchronous = FULL)`, `PostgreSQL 15.10, throwaway cluster, fsync on`. */
  readonly description: string;
  /** The settings a bot process needs to use it. */
  readonly env: Readonly<Record<string, string>>;
  openServices(): Promise<Services>;
  /** A second database with the same rows (for the floor). Nothing may be connected to this one meanwhile. */
  copy(label: string): Promise<LoadDatabase>;
  /** Rows of a read-only query, for the checks at the end (no parameters: the callers inline whole numbers). */
  rows<T>(query: string): Promise<T[]>;
  /** Removes it (and the cluster, if the run started one). */
  drop(): Promise<void>;
}

export function sqliteDatabase(path: string): LoadDatabase {
  const openServices = async () => createServices(loadConfig({ DATABASE_PATH: path }), { log: silentLogger });
  return {
    backend: 'sqlite',
    description: 'SQLite (WAL, synchronous = FULL)',
    env: { DATABASE_PATH: path },
    openServices,
    async copy(label) {
      const to = join(path, '..', `${label}.db`);
      copyFileSync(path, to);
      return sqliteDatabase(to);
    },
    async rows<T>(query: string) {
      const services = await openServices();
      try {
        return sqliteConnection(services.store)!.prepare(query).all() as T[];
      } finally {
        await services.store.close();
      }
    },
    async drop() {
      // The run's folder is removed with everything in it.
    },
  };
}

/**
 * A database of the run's own on a PostgreSQL server: on `adminUrl` (a role that may create databases), or
 * on a throwaway cluster started here when none is given. Its commits wait for the disk, as SQLite's do.
 */
export async function postgresDatabase(adminUrl: string | undefined): Promise<LoadDatabase> {
  let cluster: Cluster | undefined;
  if (!adminUrl) {
    cluster = await startCluster(undefined, { durable: true });
    adminUrl = cluster.url;
  }
  try {
    const where = adminUrl;
    const server = await adminQuery<{ server_version: string; fsync: string }>(
      where,
      `SELECT current_setting('server_version') AS server_version, current_setting('fsync') AS fsync`,
    );
    const about = `PostgreSQL ${server[0]?.server_version ?? '?'}${cluster ? ', a throwaway cluster' : ''}, fsync ${server[0]?.fsync ?? '?'}`;
    const made = await createDatabase(where, `cruxbot_load_${randomBytes(5).toString('hex')}`, about, cluster);
    return made;
  } catch (error) {
    cluster?.destroy();
    throw error;
  }
}

async function createDatabase(
  adminUrl: string,
  name: string,
  description: string,
  cluster?: Cluster,
  template?: string,
): Promise<LoadDatabase> {
  await adminQuery(adminUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    backend: 'postgres',
    description,
    env: { DATABASE_URL: databaseUrl },
    async openServices() {
      const config = loadConfig({ DATABASE_URL: databaseUrl });
      return createServices(config, { log: silentLogger, store: await openPostgres(databaseUrl) });
    },
    async copy(label) {
      return await createDatabase(adminUrl, `${name}_${label}`, description, undefined, name);
    },
    async rows<T>(query: string) {
      return await adminQuery<T>(databaseUrl, query);
    },
    async drop() {
      try {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        cluster?.destroy();
      }
    },
  };
}

async function adminQuery<T>(url: string, query: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    await client.end();
  }
}

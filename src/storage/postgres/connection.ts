import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { StartupError, StorageUnavailableError } from '../../core/errors.ts';
import { latestSchemaVersion } from '../migrations/versions.ts';
import { MIGRATIONS, type Migration } from '../migrations/index.ts';

/** The tables are addressed with raw SQL (`sql` templates), so the builder needs no schema type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Pg = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PgTx = Transaction<any>;
export type Executor = Pg | PgTx;

// pg returns int8 (count(*), sums) as strings; every count cruxbot reads fits in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Where a URL points, for messages and logs: user, host, port and database, never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `postgres://${user}${u.hostname || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL (not a valid URL)';
  }
}

/** A connection error (the server went away, refused, or reset), as opposed to a query that was wrong. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      'ENOTFOUND',
      'EHOSTUNREACH',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08003',
      '08006',
      '08001',
      '08004',
    ].includes(e.code ?? '')
  )
    return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
    e.message ?? '',
  );
}

/** Turns a connection failure into the error dispatch answers with "try again"; anything else is rethrown as it is. */
export function unavailable(error: unknown, where: string): never {
  if (isConnectionError(error))
    throw new StorageUnavailableError(`The database at ${where} is not reachable: ${(error as Error).message}`, { cause: error });
  throw error;
}

/** Why the first connection failed, in one line that names the host and never the password. */
function startupMessage(error: unknown, where: string): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case '28P01':
    case '28000':
      return `Cannot log in to PostgreSQL at ${where}: the server refused the user name or password. Check DATABASE_URL.`;
    case '3D000':
      return `PostgreSQL at ${where} has no such database. Create it (createdb) or fix the name in DATABASE_URL.`;
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where}: nothing is listening there. Is the server running, and is DATABASE_URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Check DATABASE_URL.`;
    default:
      return `Cannot connect to PostgreSQL at ${where}: ${(e.message ?? String(error)).replaceAll(/:[^@/\s]+@/g, ':***@')}`;
  }
}

/** Opens a pool and checks the server answers, with a clear StartupError when it does not. */
export async function connect(url: string, options: { max?: number } = {}): Promise<{ db: Pg; pool: pg.Pool; where: string }> {
  const where = describeUrl(url);
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  } catch (error) {
    throw new StartupError(startupMessage(error, where));
  }
  // A client whose server went away emits 'error' (idle ones through the pool, checked-out ones on
  // themselves); without a listener that would end the process. The query in flight fails on its own,
  // and the pool opens a new connection for the next one.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StartupError(startupMessage(error, where));
  }
  return { db: new Kysely({ dialect: new PostgresDialect({ pool }) }), pool, where };
}

/** Any fixed number: the advisory lock every starting instance takes before it looks at the schema. */
const MIGRATION_LOCK = 0x43525558;

/**
 * Brings the schema up to date, holding a session advisory lock so two instances starting together never
 * both migrate: the second waits, then finds nothing to do. Each migration runs in its own transaction
 * with its version row. A schema newer than this code refuses to start.
 */
export async function migrate(db: Pg, where: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`.execute(
        conn,
      );
      const foreign = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name NOT IN ('schema_migrations')`.execute(conn);
      const current = await versionOf(conn);
      if (current === 0 && foreign.rows[0]!.n > 0)
        throw new StartupError(
          `PostgreSQL at ${where} already holds tables that are not cruxbot's. Point DATABASE_URL at an empty database.`,
        );
      const latest = latestSchemaVersion(migrations);
      if (current > latest)
        throw new StartupError(
          `PostgreSQL at ${where} has schema version ${current}, newer than this cruxbot knows (${latest}). Upgrade cruxbot, or restore a backup made by this version.`,
        );
      const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
      for (const migration of pending) {
        if (!migration.postgres) throw new StartupError(`Migration ${migration.version} (${migration.name}) has no PostgreSQL version.`);
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.postgres!).execute(trx);
          await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, ${new Date().toISOString()})`.execute(
            trx,
          );
        });
      }
      return pending.length;
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

export async function versionOf(db: Executor): Promise<number> {
  const result = await sql<{ v: number | null }>`SELECT max(version) AS v FROM schema_migrations`.execute(db);
  return result.rows[0]?.v ?? 0;
}

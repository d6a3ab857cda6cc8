import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The server's admin URL, or '' when this run has no PostgreSQL (see postgres-setup.ts). */
export const POSTGRES_URL: string = inject('postgresUrl');

/** An empty database of its own for one test, on the run's server; dropped by the returned function. */
export async function freshDatabase(label = 't'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cruxbot_${label.replace(/[^a-z0-9]/g, '')}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

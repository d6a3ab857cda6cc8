import { sql } from 'kysely';
import type { Runner } from './exec.ts';

export type CounterKind = 'claim' | 'sim-run' | 'poll' | 'capture';

/** Poll and capture ids are table keys: one counter for the whole database. */
export const DATABASE_SCOPE = '';

/**
 * The counter rows that number what people see, as in SQLite: `INSERT … ON CONFLICT DO UPDATE … RETURNING`
 * takes the row's lock, so two instances inserting at once get consecutive numbers, never the same one.
 */
export class Counters {
  constructor(private readonly sql: Runner) {}

  async next(scope: string, kind: CounterKind): Promise<number> {
    const row = await this.sql.one<{ last: number }>(sql`
      INSERT INTO counters (scope, kind, last) VALUES (${scope}, ${kind}, 1)
      ON CONFLICT (scope, kind) DO UPDATE SET last = counters.last + 1 RETURNING last`);
    return row!.last;
  }

  async atLeast(scope: string, kind: CounterKind, number: number): Promise<void> {
    await this.sql.run(sql`
      INSERT INTO counters (scope, kind, last) VALUES (${scope}, ${kind}, ${number})
      ON CONFLICT (scope, kind) DO UPDATE SET last = greatest(counters.last, excluded.last)`);
  }
}

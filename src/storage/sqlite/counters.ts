import type { Db } from './database.ts';

export type CounterKind = 'claim' | 'sim-run' | 'poll' | 'capture';

/**
 * The counter rows that number what people see: `next` takes the next number in one statement
 * (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so it is race-free inside the inserting transaction,
 * across connections and processes. `atLeast` moves a counter past a number an import keeps.
 */
export class Counters {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      next: db
        .prepare<[string, CounterKind], number>(
          `INSERT INTO counters (scope, kind, last) VALUES (?, ?, 1)
         ON CONFLICT (scope, kind) DO UPDATE SET last = last + 1 RETURNING last`,
        )
        .pluck(),
      atLeast: db.prepare<[string, CounterKind, number]>(
        `INSERT INTO counters (scope, kind, last) VALUES (?, ?, ?)
         ON CONFLICT (scope, kind) DO UPDATE SET last = max(last, excluded.last)`,
      ),
    };
  }

  next(scope: string, kind: CounterKind): number {
    return this.statements.next.get(scope, kind)!;
  }

  atLeast(scope: string, kind: CounterKind, number: number): void {
    this.statements.atLeast.run(scope, kind, number);
  }
}

/** Poll and capture ids are table keys: one counter for the whole database. */
export const DATABASE_SCOPE = '';

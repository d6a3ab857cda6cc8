import type { RawBuilder } from 'kysely';
import { unavailable, type Executor } from './connection.ts';

/**
 * How a PostgreSQL repository runs its SQL: on the caller's transaction when one is open (found by the
 * store from the async context), else on the pool. A lost connection becomes StorageUnavailableError.
 */
export class Runner {
  constructor(
    private readonly executor: () => Executor,
    private readonly where: string,
  ) {}

  async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    try {
      return (await query.execute(this.executor())).rows;
    } catch (error) {
      unavailable(error, this.where);
    }
  }

  async one<T>(query: RawBuilder<T>): Promise<T | undefined> {
    return (await this.rows(query))[0];
  }

  /** Runs a statement; returns how many rows it changed. */
  async run(query: RawBuilder<unknown>): Promise<number> {
    try {
      return Number((await query.execute(this.executor())).numAffectedRows ?? 0);
    } catch (error) {
      unavailable(error, this.where);
    }
  }
}

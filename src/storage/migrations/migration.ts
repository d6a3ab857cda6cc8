import type Database from 'better-sqlite3';

/**
 * One schema change, for both backends: the same version number, tables and columns, in each dialect.
 * Ids are 32-bit integers and times ISO-8601 text in both, so a row reads the same from either and the
 * export format is one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQLite: SQL to run, or a function for changes SQL alone cannot express. Runs inside a transaction. */
  readonly up: string | ((db: Database.Database) => void);
  /** PostgreSQL: SQL to run, inside a transaction. A migration without it cannot run on PostgreSQL. */
  readonly postgres?: string;
}

import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL to run, or a function for changes SQL alone cannot express. Runs inside a transaction. */
  readonly up: string | ((db: Database.Database) => void);
}

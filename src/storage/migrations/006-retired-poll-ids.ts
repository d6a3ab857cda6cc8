import type { Migration } from './migration.ts';

/**
 * Poll and thread-capture ids travel in buttons (`poll:vote:12:75`, `capture:add-all:4`). SQLite gives a
 * new row the highest id plus one, so deleting a debate whose poll had the highest id would hand that id
 * to the next poll, and an old message's button (one whose edit failed) would vote on it. Deleting a
 * debate now retires its highest poll and capture ids too, as it does its claim and run numbers.
 */
export const retiredPollIds: Migration = {
  version: 6,
  name: 'retired poll and thread-capture ids',
  up: `
    CREATE TABLE retired_numbers_new (
      workspace TEXT NOT NULL,
      kind      TEXT NOT NULL CHECK (kind IN ('claim', 'sim-run', 'poll', 'capture')),
      highest   INTEGER NOT NULL CHECK (highest > 0),
      PRIMARY KEY (workspace, kind)
    ) WITHOUT ROWID;
    INSERT INTO retired_numbers_new (workspace, kind, highest) SELECT workspace, kind, highest FROM retired_numbers;
    DROP TABLE retired_numbers;
    ALTER TABLE retired_numbers_new RENAME TO retired_numbers;
  `,
  postgres: `
    ALTER TABLE retired_numbers DROP CONSTRAINT retired_numbers_kind_check;
    ALTER TABLE retired_numbers ADD CONSTRAINT retired_numbers_kind_check CHECK (kind IN ('claim', 'sim-run', 'poll', 'capture'));
  `,
};

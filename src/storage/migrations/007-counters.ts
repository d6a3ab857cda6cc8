import type { Migration } from './migration.ts';

/**
 * The numbers people see (`C12`, `R4`) and the ids buttons carry (`P3`, `T2`) come from a counter row,
 * incremented inside the transaction that inserts the row, instead of max+1: two processes on one file
 * (or two instances on one server) can never hand out the same number. Claim and run numbers count per
 * workspace; poll and capture ids are the tables' keys, so they count for the whole database (scope '').
 * A counter never goes back, so a deleted debate's numbers stay retired without a table of their own:
 * `retired_numbers` folds into the counters.
 */
export const counters: Migration = {
  version: 7,
  name: 'counters',
  up: `
    CREATE TABLE counters (
      scope TEXT NOT NULL,
      kind  TEXT NOT NULL CHECK (kind IN ('claim', 'sim-run', 'poll', 'capture')),
      last  INTEGER NOT NULL CHECK (last >= 0),
      PRIMARY KEY (scope, kind)
    ) WITHOUT ROWID;

    INSERT INTO counters (scope, kind, last)
      SELECT workspace, 'claim', max(n) FROM (
        SELECT workspace, MAX(number) AS n FROM claims GROUP BY workspace
        UNION ALL SELECT workspace, highest FROM retired_numbers WHERE kind = 'claim'
      ) GROUP BY workspace;
    INSERT INTO counters (scope, kind, last)
      SELECT workspace, 'sim-run', max(n) FROM (
        SELECT workspace, MAX(number) AS n FROM sim_runs GROUP BY workspace
        UNION ALL SELECT workspace, highest FROM retired_numbers WHERE kind = 'sim-run'
      ) GROUP BY workspace;
    INSERT INTO counters (scope, kind, last)
      SELECT '', 'poll', max(COALESCE((SELECT MAX(id) FROM polls), 0),
                         COALESCE((SELECT MAX(highest) FROM retired_numbers WHERE kind = 'poll'), 0));
    INSERT INTO counters (scope, kind, last)
      SELECT '', 'capture', max(COALESCE((SELECT MAX(id) FROM thread_captures), 0),
                            COALESCE((SELECT MAX(highest) FROM retired_numbers WHERE kind = 'capture'), 0));

    DROP TABLE retired_numbers;
  `,
  postgres: `
    CREATE TABLE counters (
      scope text NOT NULL,
      kind  text NOT NULL CHECK (kind IN ('claim', 'sim-run', 'poll', 'capture')),
      last  integer NOT NULL CHECK (last >= 0),
      PRIMARY KEY (scope, kind)
    );

    INSERT INTO counters (scope, kind, last)
      SELECT workspace, 'claim', max(n) FROM (
        SELECT workspace, MAX(number) AS n FROM claims GROUP BY workspace
        UNION ALL SELECT workspace, highest FROM retired_numbers WHERE kind = 'claim'
      ) t GROUP BY workspace;
    INSERT INTO counters (scope, kind, last)
      SELECT workspace, 'sim-run', max(n) FROM (
        SELECT workspace, MAX(number) AS n FROM sim_runs GROUP BY workspace
        UNION ALL SELECT workspace, highest FROM retired_numbers WHERE kind = 'sim-run'
      ) t GROUP BY workspace;
    INSERT INTO counters (scope, kind, last)
      SELECT '', 'poll', greatest(COALESCE((SELECT MAX(id) FROM polls), 0),
                                  COALESCE((SELECT MAX(highest) FROM retired_numbers WHERE kind = 'poll'), 0));
    INSERT INTO counters (scope, kind, last)
      SELECT '', 'capture', greatest(COALESCE((SELECT MAX(id) FROM thread_captures), 0),
                                     COALESCE((SELECT MAX(highest) FROM retired_numbers WHERE kind = 'capture'), 0));

    DROP TABLE retired_numbers;
  `,
};

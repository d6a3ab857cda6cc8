import type { Migration } from './migration.ts';

export const simRuns: Migration = {
  version: 3,
  name: 'drift simulation runs kept as evidence on claims',
  up: `
    CREATE TABLE sim_runs (
      id          INTEGER PRIMARY KEY,
      workspace   TEXT NOT NULL,
      number      INTEGER NOT NULL CHECK (number > 0),
      kind        TEXT NOT NULL CHECK (kind IN ('run', 'compare', 'sweep')),
      -- Everything needed to compute the run again (JSON): preset, parameters, agents, runs, seed.
      input       TEXT NOT NULL,
      -- The headline figures at the time (JSON), and the line the claim card shows.
      summary     TEXT NOT NULL,
      headline    TEXT NOT NULL,
      claim_id    INTEGER REFERENCES claims(id) ON DELETE SET NULL,
      created_by  TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      UNIQUE (workspace, number)
    );
    CREATE INDEX sim_runs_by_claim ON sim_runs (claim_id, number);
  `,
};

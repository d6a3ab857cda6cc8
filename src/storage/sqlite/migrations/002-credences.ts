import type { Migration } from './migration.ts';

export const credences: Migration = {
  version: 2,
  name: 'credences (append-only), polls, claim resolutions',
  up: `
    CREATE TABLE polls (
      id                   INTEGER PRIMARY KEY,
      workspace            TEXT NOT NULL,
      claim_id             INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      channel              TEXT NOT NULL,
      hide                 TEXT NOT NULL CHECK (hide IN ('visible', 'until-voted', 'until-close')),
      created_by           TEXT NOT NULL,
      created_by_name      TEXT NOT NULL,
      created_at           TEXT NOT NULL,
      closes_at            TEXT,
      closed_at            TEXT,
      closed_by            TEXT,
      -- The newest credence row when the poll opened: "who moved most" compares against it.
      baseline_credence_id INTEGER NOT NULL DEFAULT 0,
      -- The newest credence row when it closed: the final result stays as it was at closing.
      closing_credence_id  INTEGER,
      -- Where the poll message lives, once the platform has posted it.
      message_platform     TEXT,
      message_channel      TEXT,
      message_id           TEXT
    );
    -- One open poll per claim; closed ones are kept.
    CREATE UNIQUE INDEX polls_one_open_per_claim ON polls (claim_id) WHERE closed_at IS NULL;
    CREATE INDEX polls_due ON polls (closes_at) WHERE closed_at IS NULL;
    CREATE INDEX polls_by_workspace ON polls (workspace, id);

    -- Append-only: a change of mind is a new row; the latest row per (claim, person, condition) counts.
    CREATE TABLE credences (
      id             INTEGER PRIMARY KEY,
      workspace      TEXT NOT NULL,
      claim_id       INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      user_id        TEXT NOT NULL,
      user_name      TEXT NOT NULL,
      value          REAL NOT NULL CHECK (value >= 0 AND value <= 1),
      given_claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
      given_true     INTEGER CHECK (given_true IN (0, 1)),
      poll_id        INTEGER REFERENCES polls(id) ON DELETE SET NULL,
      at             TEXT NOT NULL,
      CHECK ((given_claim_id IS NULL) = (given_true IS NULL)),
      CHECK (given_claim_id IS NULL OR given_claim_id <> claim_id)
    );
    CREATE INDEX credences_latest ON credences (workspace, claim_id, given_claim_id, given_true, user_id, id);
    CREATE INDEX credences_by_user ON credences (workspace, user_id, id);

    -- Every resolution and its undoing; the claim's status holds the current outcome.
    CREATE TABLE claim_resolutions (
      id               INTEGER PRIMARY KEY,
      workspace        TEXT NOT NULL,
      claim_id         INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      outcome          TEXT NOT NULL CHECK (outcome IN ('true', 'false', 'ambiguous')),
      resolved_by      TEXT NOT NULL,
      resolved_by_name TEXT NOT NULL,
      resolved_at      TEXT NOT NULL,
      undone_by        TEXT,
      undone_at        TEXT
    );
    CREATE INDEX claim_resolutions_by_claim ON claim_resolutions (claim_id, id);
  `,
};

import type { Migration } from './migration.ts';

/**
 * The forecasting loop: a resolve-by date per claim (with the zone it was written in, and when its next
 * reminder is due), and what each person chose for themselves (time zone, private nudges).
 */
export const forecasts: Migration = {
  version: 9,
  name: 'resolve-by dates on claims; per-person time zone and nudges',
  up: `
    CREATE TABLE claim_deadlines (
      claim_id   INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
      workspace  TEXT NOT NULL,
      resolve_by TEXT NOT NULL,
      zone       TEXT NOT NULL,
      set_by     TEXT NOT NULL,
      set_at     TEXT NOT NULL,
      remind_at  TEXT
    );
    CREATE INDEX claim_deadlines_due ON claim_deadlines (remind_at) WHERE remind_at IS NOT NULL;

    CREATE TABLE person_settings (
      workspace  TEXT NOT NULL,
      user_id    TEXT NOT NULL,
      time_zone  TEXT,
      nudges     INTEGER NOT NULL DEFAULT 0 CHECK (nudges IN (0, 1)),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (workspace, user_id)
    ) WITHOUT ROWID;
  `,
  postgres: `
    CREATE TABLE claim_deadlines (
      claim_id   integer PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
      workspace  text NOT NULL,
      resolve_by text NOT NULL,
      zone       text NOT NULL,
      set_by     text NOT NULL,
      set_at     text NOT NULL,
      remind_at  text
    );
    CREATE INDEX claim_deadlines_due ON claim_deadlines (remind_at) WHERE remind_at IS NOT NULL;

    CREATE TABLE person_settings (
      workspace  text NOT NULL,
      user_id    text NOT NULL,
      time_zone  text,
      nudges     integer NOT NULL DEFAULT 0 CHECK (nudges IN (0, 1)),
      updated_at text NOT NULL,
      PRIMARY KEY (workspace, user_id)
    );
  `,
};

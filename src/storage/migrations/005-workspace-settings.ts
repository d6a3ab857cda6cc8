import type { Migration } from './migration.ts';

/**
 * Settings a workspace's moderators choose with /config (who else counts as a moderator), and the
 * highest claim and drift-run numbers a deleted debate took with it, so `C12` or `R3` never names
 * something else later (old messages, buttons and the audit log still cite them). The indexes let a
 * debate's claims be deleted without scanning every credence once per claim (SQLite looks up a
 * deleted row's children by their foreign key).
 */
export const workspaceSettings: Migration = {
  version: 5,
  name: 'workspace settings (moderators); retired claim and run numbers; indexes for deleting a debate',
  up: `
    CREATE TABLE workspace_settings (
      workspace       TEXT NOT NULL,
      key             TEXT NOT NULL,
      -- JSON, checked by the settings repository when read.
      value           TEXT NOT NULL,
      updated_by      TEXT NOT NULL,
      updated_by_name TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      PRIMARY KEY (workspace, key)
    ) WITHOUT ROWID;

    CREATE TABLE retired_numbers (
      workspace TEXT NOT NULL,
      kind      TEXT NOT NULL CHECK (kind IN ('claim', 'sim-run')),
      highest   INTEGER NOT NULL CHECK (highest > 0),
      PRIMARY KEY (workspace, kind)
    ) WITHOUT ROWID;

    CREATE INDEX credences_by_claim ON credences (claim_id);
    CREATE INDEX credences_by_given_claim ON credences (given_claim_id) WHERE given_claim_id IS NOT NULL;
    CREATE INDEX polls_by_claim ON polls (claim_id);
    CREATE INDEX thread_capture_items_by_claim ON thread_capture_items (claim_id) WHERE claim_id IS NOT NULL;
    CREATE INDEX thread_captures_by_debate ON thread_captures (debate_id) WHERE debate_id IS NOT NULL;
  `,
  postgres: `
    CREATE TABLE workspace_settings (
      workspace       text NOT NULL,
      key             text NOT NULL,
      value           text NOT NULL,
      updated_by      text NOT NULL,
      updated_by_name text NOT NULL,
      updated_at      text NOT NULL,
      PRIMARY KEY (workspace, key)
    );

    CREATE TABLE retired_numbers (
      workspace text NOT NULL,
      kind      text NOT NULL CHECK (kind IN ('claim', 'sim-run')),
      highest   integer NOT NULL CHECK (highest > 0),
      PRIMARY KEY (workspace, kind)
    );

    CREATE INDEX credences_by_claim ON credences (claim_id);
    CREATE INDEX credences_by_given_claim ON credences (given_claim_id) WHERE given_claim_id IS NOT NULL;
    CREATE INDEX polls_by_claim ON polls (claim_id);
    CREATE INDEX thread_capture_items_by_claim ON thread_capture_items (claim_id) WHERE claim_id IS NOT NULL;
    CREATE INDEX thread_captures_by_debate ON thread_captures (debate_id) WHERE debate_id IS NOT NULL;
  `,
};

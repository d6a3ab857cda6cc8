import type { Migration } from './migration.ts';

/**
 * Slack workspaces that installed cruxbot through "Add to Slack" (the OAuth flow). One row per install:
 * a team's, or an organisation's for an Enterprise Grid org-wide install. What Slack returned (bot token,
 * ids, scopes, installer) is kept as one sealed value, AES-256-GCM with the key from CRUXBOT_SECRET_KEY;
 * `key_id` names the key that sealed it, so `cruxbot rotate-key` can find what is left to re-seal. Only the
 * ids needed to find an install stay readable.
 */
export const slackInstallations: Migration = {
  version: 11,
  name: 'Slack installations (OAuth), sealed',
  up: `
    CREATE TABLE slack_installations (
      install_key   TEXT PRIMARY KEY,
      workspace     TEXT NOT NULL,
      team_id       TEXT,
      enterprise_id TEXT,
      sealed        TEXT NOT NULL,
      key_id        TEXT NOT NULL,
      installed_at  TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX slack_installations_by_workspace ON slack_installations (workspace);
  `,
  postgres: `
    CREATE TABLE slack_installations (
      install_key   text PRIMARY KEY,
      workspace     text NOT NULL,
      team_id       text,
      enterprise_id text,
      sealed        text NOT NULL,
      key_id        text NOT NULL,
      installed_at  text NOT NULL,
      updated_at    text NOT NULL
    );
    CREATE INDEX slack_installations_by_workspace ON slack_installations (workspace);
  `,
};

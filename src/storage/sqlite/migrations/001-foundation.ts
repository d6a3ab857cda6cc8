import type { Migration } from './migration.ts';

export const foundation: Migration = {
  version: 1,
  name: 'debates, claims, tags, links, channel debates, audit log',
  up: `
    CREATE TABLE debates (
      id              INTEGER PRIMARY KEY,
      workspace       TEXT NOT NULL,
      slug            TEXT NOT NULL,
      title           TEXT NOT NULL,
      root_claim_id   INTEGER REFERENCES claims(id) ON DELETE SET NULL,
      created_by      TEXT NOT NULL,
      created_by_name TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      UNIQUE (workspace, slug)
    );

    -- The debate each channel (or thread) is working on; commands default to it.
    CREATE TABLE channel_debates (
      workspace  TEXT NOT NULL,
      channel    TEXT NOT NULL,
      debate_id  INTEGER NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (workspace, channel)
    );

    CREATE TABLE claims (
      id             INTEGER PRIMARY KEY,
      workspace      TEXT NOT NULL,
      number         INTEGER NOT NULL CHECK (number > 0),
      debate_id      INTEGER NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
      text           TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      author_id      TEXT NOT NULL,
      author_name    TEXT NOT NULL,
      source_url     TEXT,
      source_excerpt TEXT,
      source_author  TEXT,
      status         TEXT NOT NULL DEFAULT 'open'
                     CHECK (status IN ('open', 'resolved-true', 'resolved-false', 'resolved-ambiguous', 'retracted')),
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      UNIQUE (workspace, number)
    );
    CREATE INDEX claims_by_debate ON claims (debate_id, number);

    CREATE TABLE claim_tags (
      claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      tag      TEXT NOT NULL,
      PRIMARY KEY (claim_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX claim_tags_by_tag ON claim_tags (tag);

    CREATE TABLE links (
      id         INTEGER PRIMARY KEY,
      workspace  TEXT NOT NULL,
      from_claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      to_claim   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      kind       TEXT NOT NULL CHECK (kind IN ('supports', 'opposes', 'crux-of', 'refines', 'duplicates')),
      author_id  TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK (from_claim <> to_claim),
      UNIQUE (from_claim, to_claim, kind)
    );
    CREATE INDEX links_to ON links (to_claim);

    CREATE TABLE audit_log (
      id        INTEGER PRIMARY KEY,
      workspace TEXT NOT NULL,
      actor_id  TEXT NOT NULL,
      action    TEXT NOT NULL,
      entity    TEXT NOT NULL,
      before    TEXT,
      after     TEXT,
      at        TEXT NOT NULL
    );
    CREATE INDEX audit_by_workspace ON audit_log (workspace, id);

    -- Full-text search over claim text, kept in step by triggers.
    CREATE VIRTUAL TABLE claims_fts USING fts5(text, content = 'claims', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
      INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
    END;
  `,
};

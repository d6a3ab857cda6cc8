import type { Migration } from './migration.ts';

/**
 * Candidate claims and links found in a thread by /summarize or /capture, held until someone adds them
 * to the map ("Add all") or reviews them one by one (accept, edit, skip).
 */
export const threadCaptures: Migration = {
  version: 4,
  name: 'thread captures: candidate claims and links from a summarized thread',
  up: `
    CREATE TABLE thread_captures (
      id            INTEGER PRIMARY KEY,
      workspace     TEXT NOT NULL,
      channel       TEXT NOT NULL,
      debate_id     INTEGER REFERENCES debates(id) ON DELETE SET NULL,
      origin        TEXT NOT NULL,
      message_count INTEGER NOT NULL,
      created_by    TEXT NOT NULL,
      created_at    TEXT NOT NULL
    );
    CREATE INDEX thread_captures_by_workspace ON thread_captures (workspace, id);

    CREATE TABLE thread_capture_items (
      capture_id        INTEGER NOT NULL REFERENCES thread_captures(id) ON DELETE CASCADE,
      position          INTEGER NOT NULL,
      text              TEXT NOT NULL,
      kind              TEXT NOT NULL CHECK (kind IN ('claim', 'premise', 'crux')),
      author            TEXT NOT NULL,
      permalink         TEXT,
      excerpt           TEXT,
      credence          TEXT,
      -- 'existing': the debate already had a claim saying the same; claim_id is that claim.
      status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'added', 'skipped', 'existing')),
      claim_id          INTEGER REFERENCES claims(id) ON DELETE SET NULL,
      PRIMARY KEY (capture_id, position)
    );

    CREATE TABLE thread_capture_links (
      capture_id    INTEGER NOT NULL REFERENCES thread_captures(id) ON DELETE CASCADE,
      from_position INTEGER NOT NULL,
      to_position   INTEGER NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('supports', 'opposes', 'crux-of')),
      PRIMARY KEY (capture_id, from_position, to_position)
    );
  `,
};

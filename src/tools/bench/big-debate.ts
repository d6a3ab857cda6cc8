import type { sqliteConnection } from '../../storage/index.ts';

type Db = NonNullable<ReturnType<typeof sqliteConnection>>;

/**
 * One big debate for the bench: `claims` claims in ONE debate (slug `big`), a tree of links (each claim
 * supports, opposes or is a crux of the claim a third of its number), a tag on each, and
 * `credenceRows` credence rows from 50 people (changes of mind included; 2 % of them conditional on the
 * claim's parent). Written raw in one transaction, as an import would, with the counter row moved on.
 */
export const BIG_PEOPLE = 50;
const WORDS = ['reward', 'drift', 'agents', 'scoring', 'training', 'data', 'values', 'serial', 'steps', 'crux', 'gaming', 'objection'];

export function parentOf(n: number): number {
  return Math.max(1, Math.floor(n / 3));
}

export function buildBigDebate(db: Db, claims: number, credenceRows: number): number {
  const at = new Date().toISOString();
  db.pragma('synchronous = OFF');
  const debateId = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          "INSERT INTO debates (workspace, slug, title, created_by, created_by_name, created_at) VALUES ('local', 'big', 'One big debate', 'bench', 'bench', ?)",
        )
        .run(at).lastInsertRowid,
    );
    const claim = db.prepare(
      "INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, created_at, updated_at) VALUES ('local', ?, ?, ?, ?, ?, ?, ?)",
    );
    const link = db.prepare(
      "INSERT OR IGNORE INTO links (workspace, from_claim, to_claim, kind, author_id, created_at) VALUES ('local', ?, ?, ?, 'bench', ?)",
    );
    const tag = db.prepare('INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)');
    const first = Number(
      (db.prepare("SELECT COALESCE(MAX(number), 0) AS n FROM claims WHERE workspace = 'local'").get() as { n: number }).n,
    );
    const firstId = Number((db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM claims').get() as { n: number }).n) + 1;
    for (let n = 1; n <= claims; n++) {
      const text = Array.from({ length: 12 }, (_, i) => WORDS[(n * 7 + i * 13) % WORDS.length]).join(' ');
      const author = `user${n % BIG_PEOPLE}`;
      claim.run(first + n, id, `Claim ${n} of the big debate: ${text}`, author, author, at, at);
      if (n > 1) link.run(firstId + n - 1, firstId + parentOf(n) - 1, ['supports', 'opposes', 'crux-of'][n % 3], at);
      tag.run(firstId + n - 1, WORDS[n % WORDS.length]);
    }
    const credence = db.prepare(
      "INSERT INTO credences (workspace, claim_id, user_id, user_name, value, given_claim_id, given_true, at) VALUES ('local', ?, ?, ?, ?, ?, ?, ?)",
    );
    for (let r = 0; r < credenceRows; r++) {
      const n = 1 + (r % claims);
      const round = Math.floor(r / claims);
      const user = `user${(n * 7 + round * 11) % BIG_PEOPLE}`;
      const value = (((n * 31 + round * 17 + (n % 5) * 13) % 97) + 1) / 99;
      const conditional = r % 50 === 7 && n > 1;
      credence.run(firstId + n - 1, user, user, value, conditional ? firstId + parentOf(n) - 1 : null, conditional ? r % 2 : null, at);
    }
    db.prepare("INSERT INTO counters (scope, kind, last) VALUES ('local', 'claim', ?) ON CONFLICT DO UPDATE SET last = excluded.last").run(
      first + claims,
    );
    db.prepare('UPDATE debates SET root_claim_id = ? WHERE id = ?').run(firstId, id);
    return id;
  })();
  db.pragma('synchronous = FULL');
  db.exec('ANALYZE');
  return debateId;
}

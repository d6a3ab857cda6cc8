import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runText } from '../../core/dispatch.ts';
import { suggest } from '../../queries/autocomplete.ts';
import { answered, benchRequest, benchServices } from './bench-services.ts';
import { ms, time } from './measure.ts';
import type { BenchSuite } from './types.ts';
import { sqliteConnection } from '../../storage/index.ts';

/**
 * A command's whole handler path (parse, validate, query, build the Reply; no network) on a big
 * workspace (100k claims, 1M credence rows), beside the floor: the same lookup as one raw prepared
 * statement.
 */
export const commandsBench: BenchSuite = {
  name: 'commands',
  async run({ quick }) {
    const claims = quick ? 10_000 : 100_000;
    const credencesPerClaim = 10;
    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-bench-'));
    const services = benchServices(join(dir, 'bench.db'));
    const db = sqliteConnection(services.store)!;
    db.pragma('synchronous = OFF');
    const at = new Date().toISOString();
    db.transaction(() => {
      const debate = db.prepare(
        "INSERT INTO debates (workspace, slug, title, created_by, created_by_name, created_at) VALUES ('local', ?, ?, 'bench', 'bench', ?)",
      );
      const claim = db.prepare(
        "INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, created_at, updated_at) VALUES ('local', ?, ?, ?, ?, ?, ?, ?)",
      );
      const link = db.prepare(
        "INSERT OR IGNORE INTO links (workspace, from_claim, to_claim, kind, author_id, created_at) VALUES ('local', ?, ?, ?, 'bench', ?)",
      );
      const tag = db.prepare('INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)');
      const debates = 100;
      for (let d = 1; d <= debates; d++) debate.run(`debate-${d}`, `Debate number ${d}`, at);
      const words = [
        'reward',
        'drift',
        'agents',
        'scoring',
        'training',
        'data',
        'values',
        'serial',
        'steps',
        'crux',
        'gaming',
        'objection',
      ];
      for (let n = 1; n <= claims; n++) {
        const text = Array.from({ length: 14 }, (_, i) => words[(n * 7 + i * 13) % words.length]).join(' ');
        const author = `user${n % 50}`;
        claim.run(n, 1 + (n % debates), `Claim ${n}: ${text}`, author, author, at, at);
        if (n > debates) link.run(n, n - debates, ['supports', 'opposes', 'crux-of'][n % 3], at);
        tag.run(n, words[n % words.length]);
      }
      // Ten rows per claim from a team of 50, three of them a change of mind: 1M rows at 100k claims.
      const credence = db.prepare(
        "INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at) VALUES ('local', ?, ?, ?, ?, ?)",
      );
      for (let n = 1; n <= claims; n++) {
        for (let k = 0; k < credencesPerClaim; k++) {
          const user = `user${(n + (k % 7) * 7) % 50}`;
          credence.run(n, user, user, (((n * 31 + k * 17) % 97) + 1) / 99, at);
        }
      }
      // Numbers come from the workspace's counter row; rows written raw must move it on, as an import does.
      db.prepare(
        "INSERT INTO counters (scope, kind, last) VALUES ('local', 'claim', ?) ON CONFLICT DO UPDATE SET last = excluded.last",
      ).run(claims);
    })();
    db.pragma('synchronous = FULL');
    db.exec("UPDATE debates SET root_claim_id = id WHERE workspace = 'local'");

    const request = benchRequest(services);
    const pick = (i: number) => 1 + ((i * 7919) % claims);
    const raw = db.prepare("SELECT * FROM claims WHERE workspace = 'local' AND number = ?");

    const show = await time((i) => answered(runText(`/claim show C${pick(i)}`, request)), 2000);
    const latest = db.prepare(
      `SELECT value FROM credences WHERE id IN (SELECT MAX(id) FROM credences WHERE workspace = 'local' AND claim_id = ? AND given_claim_id IS NULL
         GROUP BY claim_id, given_claim_id, given_true, user_id)`,
    );
    const showFloor = await time((i) => [raw.get(pick(i)), latest.pluck().all(pick(i))], 2000);
    // Each one is the bench user's first credence on that claim: a real write every time.
    const credence = await time((i) => answered(runText(`/credence C${pick(i)} ${5 + (i % 90)}%`, request)), 500);
    const insertCredence = db.prepare(
      "INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at) VALUES ('local', ?, 'raw', 'raw', 0.5, ?)",
    );
    const credenceFloor = await time((i) => {
      insertCredence.run(pick(i + 7), at);
      return latest.pluck().all(pick(i + 7));
    }, 500);
    const search = await time(
      (i) => answered(runText(`/claim search ${['reward drift', 'scoring agents', 'objection'][i % 3]}`, request)),
      300,
    );
    const searchFloor = db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT 15');
    const searchRaw = await time((i) => searchFloor.all(['"reward" "drift"*', '"scoring" "agents"*', '"objection"*'][i % 3]), 300);
    // Autocomplete as someone types a claim option: a few letters of two words.
    const typed = ['rew', 'reward dr', 'scoring ag', 'obj', 'crux gam'];
    const ctx = { services, workspace: 'local', channel: { id: 'c' } };
    const autocomplete = await time((i) => suggest(ctx, 'claim', typed[i % typed.length]!), 300);
    let next = claims;
    const add = await time(() => answered(runText(`/claim add debate:debate-1 text:"A new claim number ${++next}"`, request)), 500);
    const insertRaw = db.prepare(
      "INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, created_at, updated_at) VALUES ('local', ?, 1, 'raw', 'b', 'b', ?, ?)",
    );
    const addFloor = await time(() => insertRaw.run(++next, at, at), 500);
    const map = await time(() => answered(runText('/map debate-7 format:text', request)), 100);
    const debate = db.prepare("SELECT id FROM debates WHERE workspace = 'local' AND slug = 'debate-7'").pluck().get() as number;
    const debateClaims = db.prepare('SELECT * FROM claims WHERE debate_id = ?');
    const debateLinks = db.prepare(
      'SELECT l.* FROM links l JOIN claims f ON f.id = l.from_claim JOIN claims t ON t.id = l.to_claim WHERE f.debate_id = ? AND t.debate_id = ?',
    );
    const debateCredences = db.prepare(
      `SELECT claim_id, value FROM credences WHERE id IN (SELECT MAX(id) FROM credences WHERE workspace = 'local' AND given_claim_id IS NULL
         AND claim_id IN (SELECT id FROM claims WHERE debate_id = ?) GROUP BY claim_id, given_claim_id, given_true, user_id)`,
    );
    const mapFloor = await time(() => [debateClaims.all(debate), debateLinks.all(debate, debate), debateCredences.all(debate)], 100);

    await services.store.close();
    rmSync(dir, { recursive: true, force: true });
    const k = `${claims / 1000}k claims, ${(claims * credencesPerClaim) / 1e6}M credence rows`;
    return [
      {
        case: `/claim show (card with links and the team's credence) at ${k}`,
        value: `p50 ${ms(show.p50)} · p99 ${ms(show.p99)}`,
        floor: `raw SELECT by number + latest credences: p50 ${ms(showFloor.p50)} · p99 ${ms(showFloor.p99)}`,
      },
      {
        case: `/credence C# 70% (record + audit, fsync; the team's aggregate) at ${k}`,
        value: `p50 ${ms(credence.p50)} · p99 ${ms(credence.p99)}`,
        floor: `raw INSERT (autocommit, fsync) + latest credences: p50 ${ms(credenceFloor.p50)} · p99 ${ms(credenceFloor.p99)}`,
      },
      {
        case: `/claim search at ${k}`,
        value: `p50 ${ms(search.p50)} · p99 ${ms(search.p99)}`,
        floor: `raw FTS5 MATCH: p50 ${ms(searchRaw.p50)} · p99 ${ms(searchRaw.p99)}`,
      },
      {
        case: `autocomplete of a claim option (${typed.join(', ')}) at ${k}`,
        value: `p50 ${ms(autocomplete.p50)} · p99 ${ms(autocomplete.p99)}`,
      },
      {
        case: `/claim add (transaction + audit, fsync) at ${k}`,
        value: `p50 ${ms(add.p50)} · p99 ${ms(add.p99)}`,
        floor: `raw INSERT (autocommit, fsync): p50 ${ms(addFloor.p50)} · p99 ${ms(addFloor.p99)}`,
      },
      {
        case: `/map outline of a ${claims / 100}-claim debate (with its ${(claims / 100) * credencesPerClaim} credences)`,
        value: `p50 ${ms(map.p50)} · p99 ${ms(map.p99)}`,
        floor: `raw SELECT of its claims, links and latest credences: p50 ${ms(mapFloor.p50)} · p99 ${ms(mapFloor.p99)}`,
      },
    ];
  },
};

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../commands/index.ts';
import { loadConfig } from '../config.ts';
import { runText } from '../core/dispatch.ts';
import { silentLogger } from '../core/logger.ts';
import { createRegistry } from '../core/registry.ts';
import { createServices } from '../services.ts';
import { ms, time } from './measure.ts';
import type { BenchSuite } from './types.ts';

/**
 * A command's whole handler path (parse, validate, query, build the Reply; no network) on a big
 * workspace, beside the floor: the same lookup as one raw prepared statement.
 */
export const commandsBench: BenchSuite = {
  name: 'commands',
  async run({ quick }) {
    const claims = quick ? 10_000 : 100_000;
    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-bench-'));
    const services = createServices(loadConfig({ DATABASE_PATH: join(dir, 'bench.db') }), { log: silentLogger });
    const { db } = services.store;
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
    })();
    db.pragma('synchronous = FULL');
    db.exec("UPDATE debates SET root_claim_id = id WHERE workspace = 'local'");

    const registry = createRegistry(COMMANDS);
    const request = {
      actor: { id: 'bench', name: 'bench' },
      workspace: 'local',
      channel: { id: 'c' },
      platform: 'bench',
      services,
      commands: registry,
    };
    const pick = (i: number) => 1 + ((i * 7919) % claims);
    const raw = db.prepare("SELECT * FROM claims WHERE workspace = 'local' AND number = ?");

    const show = await time((i) => runText(`/claim show C${pick(i)}`, request), 2000);
    const showFloor = await time((i) => raw.get(pick(i)), 2000);
    const search = await time((i) => runText(`/claim search ${['reward drift', 'scoring agents', 'objection'][i % 3]}`, request), 300);
    const searchFloor = db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT 15');
    const searchRaw = await time((i) => searchFloor.all(['"reward" "drift"*', '"scoring" "agents"*', '"objection"*'][i % 3]), 300);
    let next = claims;
    const add = await time(() => runText(`/claim add debate:debate-1 text:"A new claim number ${++next}"`, request), 500);
    const insertRaw = db.prepare(
      "INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, created_at, updated_at) VALUES ('local', ?, 1, 'raw', 'b', 'b', ?, ?)",
    );
    const addFloor = await time(() => insertRaw.run(++next, at, at), 500);
    const map = await time(() => runText('/map debate-7 format:text', request), 100);

    services.store.close();
    rmSync(dir, { recursive: true, force: true });
    const k = `${claims / 1000}k`;
    return [
      {
        case: `/claim show (card with links) at ${k} claims`,
        value: `p50 ${ms(show.p50)} · p99 ${ms(show.p99)}`,
        floor: `raw SELECT by number: p50 ${ms(showFloor.p50)} · p99 ${ms(showFloor.p99)}`,
      },
      {
        case: `/claim search at ${k} claims`,
        value: `p50 ${ms(search.p50)} · p99 ${ms(search.p99)}`,
        floor: `raw FTS5 MATCH: p50 ${ms(searchRaw.p50)} · p99 ${ms(searchRaw.p99)}`,
      },
      {
        case: `/claim add (transaction + audit, fsync) at ${k} claims`,
        value: `p50 ${ms(add.p50)} · p99 ${ms(add.p99)}`,
        floor: `raw INSERT (autocommit, fsync): p50 ${ms(addFloor.p50)} · p99 ${ms(addFloor.p99)}`,
      },
      { case: `/map outline of a ${claims / 100}-claim debate`, value: `p50 ${ms(map.p50)} · p99 ${ms(map.p99)}` },
    ];
  },
};

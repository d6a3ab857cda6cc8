import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runText } from '../../core/dispatch.ts';
import { principalComponents } from '../../domain/credences/pca.ts';
import { suggest } from '../../queries/autocomplete.ts';
import { sqliteConnection } from '../../storage/index.ts';
import { answered, benchRequest, benchServices } from './bench-services.ts';
import { buildBigDebate } from './big-debate.ts';
import { megabytes, ms, time, type Timing } from './measure.ts';
import type { BenchRow, BenchSuite } from './types.ts';

/**
 * "One big debate": 1k, 10k and 100k claims in ONE debate with 1M credence rows from 50 people, each
 * debate-wide command beside its raw floor measured in the same run, the resident memory after each
 * command, and the growth of each figure from 10k to 100k (near 10 is linear). `--big-sizes 1000,10000`
 * picks the sizes; `--quick` runs 1k and 10k.
 */
export const DEFAULT_BIG_SIZES = [1_000, 10_000, 100_000];
const CREDENCE_ROWS = 1_000_000;

interface Figure {
  readonly command: string;
  readonly value: Timing;
  readonly floorName: string;
  readonly floor: Timing;
  readonly rss: number;
}

export const bigDebatesBench: BenchSuite = {
  name: 'big-debate',
  async run({ quick, bigSizes }) {
    const sizes = bigSizes ?? (quick ? DEFAULT_BIG_SIZES.slice(0, 2) : DEFAULT_BIG_SIZES);
    const results = new Map<number, Figure[]>();
    for (const size of sizes) results.set(size, await measureSize(size));
    const rows: BenchRow[] = [];
    for (const [size, figures] of results) {
      for (const f of figures) {
        rows.push({
          case: `${f.command} · ${size / 1000}k claims in one debate, 1M credence rows`,
          value: `p50 ${ms(f.value.p50)} · p99 ${ms(f.value.p99)} · ${megabytes(f.rss)} resident`,
          floor: `${f.floorName}: p50 ${ms(f.floor.p50)} · p99 ${ms(f.floor.p99)} (p50 ${(f.value.p50 / Math.max(f.floor.p50, 1e-3)).toFixed(1)}×)`,
        });
      }
    }
    const small = results.get(10_000);
    const big = results.get(100_000);
    if (small && big) {
      for (const f of big) {
        const before = small.find((s) => s.command === f.command)!;
        rows.push({
          case: `${f.command}: growth from 10k to 100k claims`,
          value: `${(f.value.p50 / before.value.p50).toFixed(1)}× (floor ${(f.floor.p50 / before.floor.p50).toFixed(1)}×)`,
        });
      }
    }
    return rows;
  },
};

async function measureSize(size: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-big-'));
  const services = benchServices(join(dir, 'big.db'));
  const db = sqliteConnection(services.store)!;
  try {
    const debateId = buildBigDebate(db, size, CREDENCE_ROWS);
    const request = { ...benchRequest(services), actor: { id: 'user3', name: 'user3' } };
    const run = (line: string) => answered(runText(line, request));
    const few = size >= 100_000 ? 3 : 10;
    const figures: Figure[] = [];
    const measure = async (
      command: string,
      fn: (i: number) => unknown,
      runs: number,
      floorName: string,
      floorFn: (i: number) => unknown,
    ) => {
      const value = await time(fn, runs, 1);
      const rss = process.memoryUsage().rss;
      const floor = await time(floorFn, runs, 1);
      figures.push({ command, value, floorName, floor, rss });
    };
    const pick = (i: number) => 1 + ((i * 7919) % size);

    const latestOfDebate = db.prepare(
      `SELECT x.claim_id, x.user_id, x.value FROM credences x WHERE x.id IN (SELECT MAX(x.id) FROM credences x WHERE x.workspace = 'local'
         AND x.given_claim_id IS NULL AND x.claim_id IN (SELECT id FROM claims WHERE debate_id = ?) GROUP BY x.claim_id, x.user_id)`,
    );
    const allLatest = db.prepare(
      `SELECT x.claim_id, x.user_id, x.value, x.given_claim_id FROM credences x WHERE x.id IN (SELECT MAX(x.id) FROM credences x WHERE x.workspace = 'local'
         AND x.claim_id IN (SELECT id FROM claims WHERE debate_id = ?) GROUP BY x.claim_id, x.given_claim_id, x.given_true, x.user_id)`,
    );
    const byStatus = db.prepare("SELECT status, count(*) FROM claims WHERE workspace = 'local' AND debate_id = ? GROUP BY status");
    const byNumber = db.prepare("SELECT * FROM claims WHERE workspace = 'local' AND number = ?");
    const conditionals = db.prepare(
      `SELECT id FROM credences WHERE workspace = 'local' AND claim_id = ? AND user_id = 'user3' AND given_claim_id IS NOT NULL
       UNION ALL SELECT id FROM credences WHERE given_claim_id = ? AND user_id = 'user3'`,
    );
    const fts = db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT 25');
    const tagPrefix = db.prepare("SELECT DISTINCT tag FROM claim_tags WHERE tag >= 're' AND tag < 'rf' LIMIT 25");
    const ctx = { services, workspace: 'local', channel: { id: 'c' } };

    await measure(
      '/debate show',
      () => run('/debate show big'),
      few,
      'raw GROUP BY status',
      () => byStatus.all(debateId),
    );
    // The person's whole history is 20k rows at 1M rows from 50 people; their conditionals around a claim are a few.
    await measure(
      '/credence C# 70% (by a person with 20k credence rows)',
      (i) => run(`/credence C${pick(i)} ${5 + (i % 90)}%`),
      100,
      'raw INSERT + two index lookups for the conditionals',
      (i) => {
        db.prepare(
          "INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at) VALUES ('local', ?, 'raw', 'raw', 0.5, ?)",
        ).run(pick(i + 3), new Date().toISOString());
        return conditionals.all(pick(i + 3), pick(i + 3));
      },
    );
    await measure(
      'autocomplete C12',
      () => suggest(ctx, 'claim', 'C12'),
      200,
      'raw lookup by number',
      () => byNumber.get(12),
    );
    await measure(
      'autocomplete words (reward dr)',
      () => suggest(ctx, 'claim', 'reward dr'),
      50,
      'raw FTS5 MATCH, ranked, LIMIT 25',
      () => fts.all('"reward" "dr"*'),
    );
    await measure(
      'autocomplete tag re',
      () => suggest(ctx, 'tag', 're'),
      200,
      'raw tag prefix SELECT',
      () => tagPrefix.all(),
    );
    await measure(
      '/cruxes C1',
      () => run('/cruxes C1'),
      few,
      "raw SELECT of the debate's latest credences",
      () => allLatest.all(debateId),
    );
    await measure(
      '/groups (50 people)',
      () => run('/groups big'),
      few,
      'raw SELECT of the latest plain credences + the PCA alone',
      () => {
        const rows = latestOfDebate.all(debateId) as { claim_id: number; user_id: string; value: number }[];
        const column = new Map<number, number>();
        const people = new Map<string, number>();
        for (const r of rows) {
          if (!column.has(r.claim_id)) column.set(r.claim_id, column.size);
          if (!people.has(r.user_id)) people.set(r.user_id, people.size);
        }
        const values = new Float64Array(people.size * column.size).fill(NaN);
        for (const r of rows) values[people.get(r.user_id)! * column.size + column.get(r.claim_id)!] = 2 * r.value - 1;
        return principalComponents({ rows: people.size, cols: column.size, values });
      },
    );
    return figures;
  } finally {
    await services.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

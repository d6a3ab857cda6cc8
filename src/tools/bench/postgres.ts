import pg from 'pg';
import { loadConfig } from '../../config.ts';
import { runText } from '../../core/dispatch.ts';
import { silentLogger } from '../../core/logger.ts';
import { suggest } from '../../queries/autocomplete.ts';
import { createServices } from '../../services.ts';
import { openPostgres } from '../../storage/index.ts';
import { startCluster } from '../postgres-cluster.ts';
import { answered, benchRequest, NO_LIMITS } from './bench-services.ts';
import { ms, time, type Timing } from './measure.ts';
import type { BenchSuite } from './types.ts';

const WORDS = ['reward', 'drift', 'agents', 'scoring', 'training', 'data', 'values', 'serial', 'steps', 'crux', 'gaming', 'objection'];

/**
 * The commands suite's handler figures on PostgreSQL (a throwaway cluster, fsync on) at the same size,
 * each beside its floor: the same single query sent raw through `pg`, on the same server. Plus
 * autocomplete on a claim option as someone types. Runs with `npm run bench -- --postgres`.
 */
export const postgresBench: BenchSuite = {
  name: 'postgres',
  async run({ quick, postgres }) {
    if (!postgres) return [];
    const claims = quick ? 10_000 : 100_000;
    const cluster = await startCluster(undefined, { durable: true });
    try {
      const store = await openPostgres(cluster.url);
      const services = createServices(loadConfig({ DATABASE_URL: cluster.url }), { log: silentLogger, limiter: NO_LIMITS, store });
      const raw = new pg.Client({ connectionString: cluster.url });
      await raw.connect();
      try {
        await seed(raw, claims);
        const request = benchRequest(services);
        const pick = (i: number) => 1 + ((i * 7919) % claims);
        const q = (text: string, values: unknown[] = []) => raw.query(text, values);
        const latest = `SELECT value FROM credences WHERE id IN (SELECT MAX(id) FROM credences WHERE workspace = 'local' AND claim_id = $1
          AND given_claim_id IS NULL GROUP BY claim_id, given_claim_id, given_true, user_id)`;

        const show = await time((i) => answered(runText(`/claim show C${pick(i)}`, request)), 1000);
        const showFloor = await time(async (i) => {
          await q("SELECT * FROM claims WHERE workspace = 'local' AND number = $1", [pick(i)]);
          await q(latest, [pick(i)]);
        }, 1000);
        const credence = await time((i) => answered(runText(`/credence C${pick(i)} ${5 + (i % 90)}%`, request)), 300);
        const credenceFloor = await time(async (i) => {
          await q(
            "INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at) VALUES ('local', $1, 'raw', 'raw', 0.5, $2)",
            [pick(i + 7), new Date().toISOString()],
          );
          await q(latest, [pick(i + 7)]);
        }, 300);
        const searches = ['reward drift', 'scoring agents', 'objection'];
        const search = await time((i) => answered(runText(`/claim search ${searches[i % 3]}`, request)), 200);
        const tsqueries = ["'reward' & 'drift':*", "'scoring' & 'agents':*", "'objection':*"];
        const searchFloor = await time(
          (i) =>
            q(
              `SELECT id FROM claims WHERE workspace = 'local' AND search @@ to_tsquery('simple', $1)
               ORDER BY ts_rank(search, to_tsquery('simple', $1)) DESC, number DESC LIMIT 15`,
              [tsqueries[i % 3]],
            ),
          200,
        );
        // Autocomplete as someone types a claim option: a few letters of two words.
        const typed = ['rew', 'reward dr', 'scoring ag', 'obj', 'crux gam'];
        const ctx = { services, workspace: 'local', channel: { id: 'c' } };
        const autocomplete = await time((i) => suggest(ctx, 'claim', typed[i % typed.length]!), 300);
        let next = claims;
        const add = await time(() => answered(runText(`/claim add debate:debate-1 text:"A new claim number ${++next}"`, request)), 300);
        const addFloor = await time(
          () =>
            q(
              "INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, created_at, updated_at) VALUES ('local', $1, 1, 'raw', 'b', 'b', $2, $2)",
              [++next, new Date().toISOString()],
            ),
          300,
        );
        const k = `${claims / 1000}k claims, ${claims / 100_000}M credence rows`;
        const row = (c: string, value: Timing, floor: string, floorTiming: Timing) => ({
          case: `PostgreSQL: ${c} at ${k}`,
          value: `p50 ${ms(value.p50)} · p99 ${ms(value.p99)}`,
          floor: `${floor}: p50 ${ms(floorTiming.p50)} · p99 ${ms(floorTiming.p99)} (p99 ${(value.p99 / floorTiming.p99).toFixed(1)}×)`,
        });
        return [
          row("/claim show (card with links and the team's credence)", show, 'raw pg SELECT by number + latest credences', showFloor),
          row('/credence C# 70% (record + audit, fsync)', credence, 'raw pg INSERT (autocommit, fsync) + latest credences', credenceFloor),
          row('/claim search', search, 'raw pg tsvector @@ to_tsquery, ranked', searchFloor),
          row('/claim add (transaction + audit, fsync)', add, 'raw pg INSERT (autocommit, fsync)', addFloor),
          {
            case: `PostgreSQL: autocomplete of a claim option (${typed.join(', ')}) at ${k}`,
            value: `p50 ${ms(autocomplete.p50)} · p99 ${ms(autocomplete.p99)}`,
          },
        ];
      } finally {
        await raw.end();
        await services.store.close();
      }
    } finally {
      cluster.destroy();
    }
  },
};

/** The commands suite's workspace, written in bulk: 100 debates, the claims linked and tagged, ten credences a claim. */
async function seed(raw: pg.Client, claims: number): Promise<void> {
  const at = new Date().toISOString();
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  await raw.query('BEGIN');
  await raw.query(
    `INSERT INTO debates (workspace, slug, title, created_by, created_by_name, created_at)
     SELECT 'local', 'debate-' || d, 'Debate number ' || d, 'bench', 'bench', $1 FROM generate_series(1, 100) d ORDER BY d`,
    [at],
  );
  // The same texts as the SQLite suite: word (n*7 + i*13) mod 12 for i = 0…13.
  await raw.query(
    `INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, created_at, updated_at)
     SELECT 'local', n, 1 + n % 100,
       'Claim ' || n || ': ' || (SELECT string_agg((${words})[1 + (n * 7 + i * 13) % 12], ' ' ORDER BY i) FROM generate_series(0, 13) i),
       'user' || n % 50, 'user' || n % 50, $1, $1
     FROM generate_series(1, $2::int) n ORDER BY n`,
    [at, claims],
  );
  await raw.query(
    `INSERT INTO links (workspace, from_claim, to_claim, kind, author_id, created_at)
     SELECT 'local', c.id, p.id, (ARRAY['supports','opposes','crux-of'])[1 + c.number % 3], 'bench', $1
     FROM claims c JOIN claims p ON p.workspace = 'local' AND p.number = c.number - 100 WHERE c.workspace = 'local' ON CONFLICT DO NOTHING`,
    [at],
  );
  await raw.query(`INSERT INTO claim_tags (claim_id, tag) SELECT id, (${words})[1 + number % 12] FROM claims WHERE workspace = 'local'`);
  await raw.query(
    `INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at)
     SELECT 'local', c.id, 'user' || (c.number + (k % 7) * 7) % 50, 'user' || (c.number + (k % 7) * 7) % 50,
       (((c.number * 31 + k * 17) % 97) + 1) / 99.0, $1
     FROM claims c, generate_series(0, 9) k WHERE c.workspace = 'local' ORDER BY c.id, k`,
    [at],
  );
  await raw.query(
    `INSERT INTO counters (scope, kind, last) VALUES ('local', 'claim', $1) ON CONFLICT (scope, kind) DO UPDATE SET last = excluded.last`,
    [claims],
  );
  await raw.query("UPDATE debates SET root_claim_id = id WHERE workspace = 'local'");
  await raw.query('COMMIT');
  await raw.query('ANALYZE');
}

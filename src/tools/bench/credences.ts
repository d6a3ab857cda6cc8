import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../commands/index.ts';
import { runInteraction, runText } from '../../core/dispatch.ts';
import { createRegistry } from '../../core/registry.ts';
import { findOpinionGroups } from '../../domain/credences/opinion-groups.ts';
import { principalComponents } from '../../domain/credences/pca.ts';
import { readPolisFolder } from '../eval/polis-folder.ts';
import type { Services } from '../../services.ts';
import { answered, benchServices } from './bench-services.ts';
import { ms, time } from './measure.ts';
import type { BenchRow, BenchSuite } from './types.ts';
import { sqliteConnection } from '../../storage/index.ts';

/**
 * Credences at team scale: a vote with 1,000 voters (record, re-render the poll, edit its message),
 * /cruxes and /groups on a debate of 500 claims × 50 people, and opinion groups on vtaiwan.uberx when
 * `--data` points at the data folder. Each beside the same read done as one raw prepared statement.
 */
export const credencesBench: BenchSuite = {
  name: 'credences',
  async run({ quick, dataDir }) {
    const rows: BenchRow[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-bench-credences-'));
    const services = benchServices(join(dir, 'bench.db'));
    try {
      rows.push(...(await pollWithVoters(services, quick ? 200 : 1000)));
      rows.push(...(await cruxesOnDebate(services, quick ? 100 : 500, 50)));
    } finally {
      await services.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
    if (dataDir) rows.push(...polisGroups(join(dataDir, 'polis', 'vtaiwan.uberx'), quick ? 1 : 5));
    else rows.push({ case: 'opinion groups on vtaiwan.uberx', value: 'skipped', note: 'pass --data <folder with polis/>' });
    return rows;
  },
};

const AT = '2026-11-23T12:00:00.000Z';

function request(services: Services, actor: string) {
  return {
    actor: { id: actor, name: actor },
    workspace: 'local',
    channel: { id: 'bench' },
    platform: 'bench',
    services,
    commands: createRegistry(COMMANDS),
  };
}

/** A debate with `claims` claims (ids 1…claims, numbers 1…claims) in workspace `local`. */
function seedDebate(services: Services, slug: string, claims: number, firstNumber: number): number {
  const db = sqliteConnection(services.store)!;
  const debate = Number(
    db
      .prepare("INSERT INTO debates (workspace, slug, title, created_by, created_by_name, created_at) VALUES ('local', ?, ?, 'b', 'b', ?)")
      .run(slug, `Debate ${slug}`, AT).lastInsertRowid,
  );
  const claim = db.prepare(
    "INSERT INTO claims (workspace, number, debate_id, text, author_id, author_name, created_at, updated_at) VALUES ('local', ?, ?, ?, 'b', 'b', ?, ?)",
  );
  for (let n = 0; n < claims; n++) claim.run(firstNumber + n, debate, `Claim ${firstNumber + n} about drift, reward and data`, AT, AT);
  db.prepare('UPDATE debates SET root_claim_id = (SELECT id FROM claims WHERE number = ? AND workspace = ?) WHERE id = ?').run(
    firstNumber,
    'local',
    debate,
  );
  return debate;
}

async function pollWithVoters(services: Services, voters: number): Promise<BenchRow[]> {
  const db = sqliteConnection(services.store)!;
  seedDebate(services, 'poll-bench', 1, 1);
  const insert = db.prepare("INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at) VALUES ('local', 1, ?, ?, ?, ?)");
  db.transaction(() => {
    // Each voter has changed their mind once: two rows of history each.
    for (let v = 0; v < voters; v++)
      for (const k of [0, 1]) insert.run(`voter${v}`, `voter${v}`, ((v * 37 + k * 11) % 99) / 100 + 0.005, AT);
  })();
  // The poll's message lives on a platform whose edits cost nothing here: the figure is cruxbot's own work.
  services.chats.set('bench', {
    platform: 'bench',
    post: async () => ({ platform: 'bench', channel: 'c', id: 'm' }),
    update: async () => {},
  });
  const opened = await answered(runText('/poll C1 closes:"in 3 days"', request(services, 'opener')));
  await opened.onSent?.({ platform: 'bench', channel: 'c', id: 'm' });

  let tick = 0;
  const command = await time(
    (i) => answered(runText(`/credence C1 ${6 + ((i * 7) % 89)}`, request(services, `voter${(i * 7) % voters}`))),
    400,
  );
  // Every vote changes the voter's value, so each one is a real write (an unchanged vote stores nothing).
  const button = await time(
    (i) =>
      answered(
        runInteraction(`poll:vote:1:${[5, 25, 50, 75, 95][(i + Math.floor(i / voters)) % 5]}`, request(services, `voter${i % voters}`)),
      ),
    400,
  );
  const rawInsert = db.prepare(
    "INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at) VALUES ('local', 1, ?, ?, ?, ?)",
  );
  const rawLatest = db.prepare(
    `SELECT value FROM credences WHERE id IN (SELECT MAX(id) FROM credences WHERE workspace = 'local' AND claim_id = 1 AND given_claim_id IS NULL
       GROUP BY claim_id, given_claim_id, given_true, user_id)`,
  );
  const floor = await time(() => {
    rawInsert.run(`voter${tick % voters}`, 'v', ((tick++ * 7) % 90) / 100, AT);
    return rawLatest.pluck().all();
  }, 400);
  return [
    {
      case: `/credence on a claim with an open poll, ${voters.toLocaleString('en-US')} voters (record + audit, fsync; re-render and edit the poll)`,
      value: `p50 ${ms(command.p50)} · p99 ${ms(command.p99)}`,
      floor: `raw INSERT (fsync) + SELECT latest per voter: p50 ${ms(floor.p50)} · p99 ${ms(floor.p99)}`,
    },
    {
      case: `poll button vote, ${voters.toLocaleString('en-US')} voters (record, re-render the message, private note)`,
      value: `p50 ${ms(button.p50)} · p99 ${ms(button.p99)}`,
      floor: `same raw floor: p50 ${ms(floor.p50)}`,
    },
  ];
}

async function cruxesOnDebate(services: Services, claims: number, people: number): Promise<BenchRow[]> {
  const db = sqliteConnection(services.store)!;
  const first = 1000;
  const debate = seedDebate(services, 'cruxes-bench', claims, first);
  const ids = db.prepare('SELECT id FROM claims WHERE debate_id = ? ORDER BY number').pluck().all(debate) as number[];
  const plain = db.prepare("INSERT INTO credences (workspace, claim_id, user_id, user_name, value, at) VALUES ('local', ?, ?, ?, ?, ?)");
  const conditional = db.prepare(
    "INSERT INTO credences (workspace, claim_id, user_id, user_name, value, given_claim_id, given_true, at) VALUES ('local', ?, ?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let p = 0; p < people; p++) {
      const camp = p % 2 ? 1 : -1;
      ids.forEach((id, c) => {
        const lean = c % 3 === 0 ? camp : c % 3 === 1 ? -camp : 0;
        plain.run(id, `p${p}`, `p${p}`, Math.min(0.97, Math.max(0.03, 0.5 + 0.3 * lean + (((p * 31 + c * 17) % 21) - 10) / 100)), AT);
      });
      // A fifth of the people gave conditionals on the root for the first 40 claims.
      if (p % 5 === 0) {
        for (const id of ids.slice(1, 41)) {
          conditional.run(ids[0]!, `p${p}`, `p${p}`, 0.8, id, 1, AT);
          conditional.run(ids[0]!, `p${p}`, `p${p}`, 0.3, id, 0, AT);
        }
      }
    }
  })();
  const slug = 'cruxes-bench';
  const cruxes = await time(() => answered(runText(`/cruxes C${first}`, request(services, 'p0'))), 20, 2);
  const groups = await time(() => answered(runText(`/groups ${slug}`, request(services, 'p0'))), 10, 1);
  const raw = db.prepare(
    `SELECT claim_id, user_id, value, given_claim_id, given_true FROM credences WHERE id IN (
       SELECT MAX(id) FROM credences WHERE workspace = 'local' AND claim_id IN (SELECT id FROM claims WHERE debate_id = ?)
       GROUP BY claim_id, user_id, given_claim_id, given_true)`,
  );
  const floor = await time(() => raw.all(debate), 20, 2);
  const n = `${claims} claims × ${people} people`;
  return [
    {
      case: `/cruxes on a debate of ${n} (+ conditionals from ${Math.ceil(people / 5)} people)`,
      value: `p50 ${ms(cruxes.p50)} · p99 ${ms(cruxes.p99)}`,
      floor: `raw SELECT of the debate’s latest credences: p50 ${ms(floor.p50)}`,
    },
    {
      case: `/groups on a debate of ${n}`,
      value: `p50 ${ms(groups.p50)} · p99 ${ms(groups.p99)}`,
      floor: `same raw SELECT: p50 ${ms(floor.p50)}`,
    },
  ];
}

function polisGroups(folder: string, runs: number): BenchRow[] {
  const started = performance.now();
  const conversation = readPolisFolder(folder);
  const parse = performance.now() - started;
  const { rows, cols } = conversation.matrix;
  const samples: number[] = [];
  const pcaSamples: number[] = [];
  let groups = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const result = findOpinionGroups(conversation.matrix);
    samples.push(performance.now() - t0);
    if (result.kind === 'groups') groups = result.groups.length;
    const t1 = performance.now();
    principalComponents(conversation.matrix);
    pcaSamples.push(performance.now() - t1);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [
    {
      case: `opinion groups on vtaiwan.uberx (${rows.toLocaleString('en-US')} people × ${cols} statements shown; ${groups} groups)`,
      value: `${ms(median(samples))} (median of ${runs}); reading the export ${ms(parse)}`,
      floor: `the PCA alone (power iteration): ${ms(median(pcaSamples))}`,
    },
  ];
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../commands/index.ts';
import { createRegistry } from '../../core/registry.ts';
import { checkDatabase, type DatabaseChecks } from './checks.ts';
import { postgresDatabase, sqliteDatabase, type LoadDatabase } from './database.ts';
import { driveConsole } from './drive-console.ts';
import { driveSlack } from './drive-slack.ts';
import { FakeSlackWebApi } from './fake-web-api.ts';
import { BotFleet, type KillReport } from './fleet.ts';
import type { LoadOptions } from './options.ts';
import type { RunResult } from './samples.ts';
import { seedDuePolls, seedWorkload, type SeededPoll } from './seed.ts';
import { buildWorkload, type Workload } from './workload.ts';

export interface LoadResult {
  readonly options: LoadOptions;
  readonly workload: Workload;
  /** Which database, for the report. */
  readonly database: string;
  /** Through the real Slack HTTP app, in its own process (or several). */
  readonly slack: RunResult;
  /** The same requests through the command core alone. */
  readonly floor: RunResult;
  /** Calls the fake Web API received, by method. */
  readonly webApiCalls: ReadonlyMap<string, number>;
  /** Each instance's exit code after SIGTERM (0 when it shut down cleanly), by instance. */
  readonly botExitCodes: readonly (number | null)[];
  /** The instance killed halfway, when one was. */
  readonly kill: KillReport | undefined;
  /** The database after the run, against what was acknowledged. */
  readonly checks: DatabaseChecks;
}

/** Test hooks: sign with another secret than the bot's (every request should then be refused). */
export interface LoadHooks {
  readonly signWith?: string;
}

/**
 * `npm run load`: seeds a database (with a few polls already due), starts the bot in Slack HTTP mode
 * (one process per instance, the real Bolt app and receiver) against a fake Web API on 127.0.0.1, sends
 * the workload's signed slash commands round-robin over the instances (killing one halfway when asked),
 * stops them with SIGTERM, checks the database against what was acknowledged, then runs the same
 * requests through the command core on a copy of the same seeded database. `progress` hears what it is doing.
 */
export async function runLoad(
  options: LoadOptions,
  progress: (line: string) => void = () => {},
  hooks: LoadHooks = {},
): Promise<LoadResult> {
  const workload = buildWorkload({
    requests: options.requests,
    teams: options.teams,
    people: options.people,
    seededClaims: options.seededClaims,
  });
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-load-'));
  const commands = createRegistry(COMMANDS);
  const databases: LoadDatabase[] = [];
  try {
    if (options.database.kind === 'postgres')
      progress(options.database.url ? 'creating a database on the server given…' : 'starting a throwaway PostgreSQL cluster…');
    const database =
      options.database.kind === 'sqlite' ? sqliteDatabase(join(dir, 'slack.db')) : await postgresDatabase(options.database.url);
    databases.push(database);
    progress(`seeding ${workload.teams.length} teams × ${workload.seededClaims} claims…`);
    const seeded = await database.openServices();
    let polls: SeededPoll[];
    try {
      await seedWorkload(seeded, commands, workload, options.concurrency);
      polls = await seedDuePolls(seeded, commands, workload, options.pollsPerTeam);
    } finally {
      await seeded.store.close();
    }
    const seededUpTo = await highestNumbers(database);
    const claimsSeeded = await claimCount(database);
    const floorDb = await database.copy('floor');
    databases.push(floorDb);

    const fake = await FakeSlackWebApi.start();
    let overSlack: Awaited<ReturnType<typeof runOverSlack>>;
    let checks: DatabaseChecks;
    try {
      overSlack = await runOverSlack({ options, workload, fake, database, cwd: dir, progress, hooks });
      checks = await checkDatabase({
        database,
        workload,
        samples: overSlack.result.samples,
        workers: overSlack.workers,
        seededUpTo,
        polls,
        updates: fake.updates,
      });
    } finally {
      await fake.close();
    }
    const slack = { ...overSlack.result, claimsAdded: (await claimCount(database)) - claimsSeeded };

    progress('the same requests through the command core, one at a time (the floor)…');
    const services = await floorDb.openServices();
    let floor: RunResult;
    try {
      const started = performance.now();
      const cpuHere = process.cpuUsage();
      const drive = await driveConsole({
        services,
        commands,
        workload,
        workers: overSlack.workers,
        deadline: started + options.seconds * 1000,
      });
      floor = {
        samples: drive.samples,
        unsent: workload.requests.length - drive.sent,
        unexpected: 0,
        elapsedMs: performance.now() - started,
        claimsAdded: 0,
        cpu: cpuSince(cpuHere),
      };
    } finally {
      await services.store.close();
    }
    floor = { ...floor, claimsAdded: (await claimCount(floorDb)) - claimsSeeded };
    return {
      options,
      workload,
      database: database.description,
      slack,
      floor,
      webApiCalls: fake.counts,
      botExitCodes: overSlack.botExitCodes,
      kill: overSlack.kill,
      checks,
    };
  } finally {
    for (const db of databases.reverse()) await db.drop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the instances on the seeded database, drives them, and stops them with SIGTERM. */
async function runOverSlack(o: {
  options: LoadOptions;
  workload: Workload;
  fake: FakeSlackWebApi;
  database: LoadDatabase;
  cwd: string;
  progress: (line: string) => void;
  hooks: LoadHooks;
}): Promise<{ result: RunResult; workers: readonly number[]; botExitCodes: (number | null)[]; kill: KillReport | undefined }> {
  const signingSecret = randomBytes(16).toString('hex');
  const many = o.options.instances > 1;
  o.progress(
    `starting ${many ? `${o.options.instances} bots` : 'the bot'} (Slack HTTP mode, ${many ? 'each its own process' : 'its own process'})…`,
  );
  const fleet = await BotFleet.start(
    o.options.instances,
    { database: o.database.env, slackApiUrl: o.fake.apiUrl, signingSecret, cwd: o.cwd },
    { ...(o.options.kill ? { killAt: Math.floor(o.workload.requests.length / 2) } : {}), progress: o.progress },
  );
  o.progress(`sending ${o.workload.requests.length} signed slash commands, ${o.options.concurrency} at a time…`);
  const started = performance.now();
  const cpuHere = process.cpuUsage();
  const cpuBot = fleet.cpuMs();
  let drive: Awaited<ReturnType<typeof driveSlack>>;
  let elapsedMs: number;
  let cpu: RunResult['cpu'];
  let botExitCodes: (number | null)[];
  try {
    drive = await driveSlack({
      fleet,
      signingSecret: o.hooks.signWith ?? signingSecret,
      fake: o.fake,
      workload: o.workload,
      concurrency: o.options.concurrency,
      deadline: started + o.options.seconds * 1000,
      replyTimeoutMs: o.options.replyTimeoutMs,
    });
    elapsedMs = performance.now() - started;
    cpu = cpuSince(cpuHere, cpuBot, fleet.cpuMs());
  } finally {
    botExitCodes = await fleet.stop();
  }
  return {
    result: {
      samples: drive.samples,
      unexpected: drive.unexpected,
      unsent: o.workload.requests.length - drive.sent,
      elapsedMs,
      claimsAdded: 0,
      cpu,
    },
    workers: drive.workers,
    botExitCodes,
    kill: fleet.kill,
  };
}

function cpuSince(here: NodeJS.CpuUsage, botBefore?: number, botAfter?: number): RunResult['cpu'] {
  const { user, system } = process.cpuUsage(here);
  const hereMs = (user + system) / 1000;
  return botBefore !== undefined && botAfter !== undefined ? { botMs: botAfter - botBefore, hereMs } : { hereMs };
}

async function claimCount(database: LoadDatabase): Promise<number> {
  return Number((await database.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM claims'))[0]?.n ?? 0);
}

/** Each workspace's highest claim number. */
async function highestNumbers(database: LoadDatabase): Promise<Map<string, number>> {
  const rows = await database.rows<{ workspace: string; n: number }>('SELECT workspace, MAX(number) AS n FROM claims GROUP BY workspace');
  return new Map(rows.map((r) => [r.workspace, Number(r.n)]));
}

import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../core/logger.ts';
import { createRegistry } from '../../core/registry.ts';
import { createServices, type Services } from '../../services.ts';
import { startBotProcess } from './bot-process.ts';
import { driveConsole } from './drive-console.ts';
import { driveSlack } from './drive-slack.ts';
import { FakeSlackWebApi } from './fake-web-api.ts';
import type { LoadOptions } from './options.ts';
import type { RunResult } from './samples.ts';
import { seedWorkload } from './seed.ts';
import { buildWorkload, type Workload } from './workload.ts';
import { sqliteConnection } from '../../storage/index.ts';

export interface LoadResult {
  readonly options: LoadOptions;
  readonly workload: Workload;
  /** Through the real Slack HTTP app, in its own process. */
  readonly slack: RunResult;
  /** The same requests through the command core alone. */
  readonly floor: RunResult;
  /** Calls the fake Web API received, by method. */
  readonly webApiCalls: ReadonlyMap<string, number>;
  /** The bot's exit code after SIGTERM (0 when it shut down cleanly). */
  readonly botExitCode: number | null;
}

/** Test hooks: sign with another secret than the bot's (every request should then be refused). */
export interface LoadHooks {
  readonly signWith?: string;
}

/**
 * `npm run load`: seeds a database, starts the bot in Slack HTTP mode (its own process, the real Bolt
 * app and receiver) against a fake Web API on 127.0.0.1, sends the workload's signed slash commands,
 * stops the bot with SIGTERM, then runs the same requests through the command core on a copy of the
 * same seeded database. `progress` hears what it is doing.
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
  const slackDb = join(dir, 'slack.db');
  const floorDb = join(dir, 'floor.db');
  const commands = createRegistry(COMMANDS);
  try {
    progress(`seeding ${workload.teams.length} teams × ${workload.seededClaims} claims…`);
    const seeded = openServices(slackDb);
    await seedWorkload(seeded, commands, workload, options.concurrency);
    const claimsSeeded = claimCount(seeded);
    await seeded.store.close();
    copyFileSync(slackDb, floorDb);

    const fake = await FakeSlackWebApi.start();
    let overSlack: Awaited<ReturnType<typeof runOverSlack>>;
    try {
      overSlack = await runOverSlack({ options, workload, fake, databasePath: slackDb, cwd: dir, claimsSeeded, progress, hooks });
    } finally {
      await fake.close();
    }

    progress('the same requests through the command core, one at a time (the floor)…');
    const services = openServices(floorDb);
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
      const floor: RunResult = {
        samples: drive.samples,
        unsent: workload.requests.length - drive.sent,
        unexpected: 0,
        elapsedMs: performance.now() - started,
        claimsAdded: claimCount(services) - claimsSeeded,
        cpu: cpuSince(cpuHere),
      };
      return { options, workload, slack: overSlack.result, floor, webApiCalls: fake.counts, botExitCode: overSlack.botExitCode };
    } finally {
      await services.store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the bot on the seeded database, drives it, stops it with SIGTERM, and counts what it added. */
async function runOverSlack(o: {
  options: LoadOptions;
  workload: Workload;
  fake: FakeSlackWebApi;
  databasePath: string;
  cwd: string;
  claimsSeeded: number;
  progress: (line: string) => void;
  hooks: LoadHooks;
}): Promise<{ result: RunResult; workers: readonly number[]; botExitCode: number | null }> {
  const signingSecret = randomBytes(16).toString('hex');
  o.progress('starting the bot (Slack HTTP mode, its own process)…');
  const bot = await startBotProcess({ databasePath: o.databasePath, slackApiUrl: o.fake.apiUrl, signingSecret, cwd: o.cwd });
  o.progress(`sending ${o.workload.requests.length} signed slash commands, ${o.options.concurrency} at a time…`);
  const started = performance.now();
  const cpuHere = process.cpuUsage();
  const cpuBot = bot.cpuMs();
  let drive: Awaited<ReturnType<typeof driveSlack>>;
  let elapsedMs: number;
  let cpu: RunResult['cpu'];
  let botExitCode: number | null;
  try {
    drive = await driveSlack({
      eventsUrl: bot.eventsUrl,
      signingSecret: o.hooks.signWith ?? signingSecret,
      fake: o.fake,
      workload: o.workload,
      concurrency: o.options.concurrency,
      deadline: started + o.options.seconds * 1000,
      replyTimeoutMs: o.options.replyTimeoutMs,
    });
    elapsedMs = performance.now() - started;
    cpu = cpuSince(cpuHere, cpuBot, bot.cpuMs());
  } finally {
    botExitCode = await bot.stop();
  }
  const after = openServices(o.databasePath);
  const claimsAdded = claimCount(after) - o.claimsSeeded;
  await after.store.close();
  return {
    result: {
      samples: drive.samples,
      unexpected: drive.unexpected,
      unsent: o.workload.requests.length - drive.sent,
      elapsedMs,
      claimsAdded,
      cpu,
    },
    workers: drive.workers,
    botExitCode,
  };
}

function cpuSince(here: NodeJS.CpuUsage, botBefore?: number, botAfter?: number): RunResult['cpu'] {
  const { user, system } = process.cpuUsage(here);
  const hereMs = (user + system) / 1000;
  return botBefore !== undefined && botAfter !== undefined ? { botMs: botAfter - botBefore, hereMs } : { hereMs };
}

function openServices(path: string): Services {
  return createServices(loadConfig({ DATABASE_PATH: path }), { log: silentLogger });
}

function claimCount(services: Services): number {
  return (sqliteConnection(services.store)!.prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number }).n;
}

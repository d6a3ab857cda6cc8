import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../commands/index.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../core/logger.ts';
import { createRegistry } from '../core/registry.ts';
import { createServices, type Services } from '../services.ts';
import { startBotProcess } from './bot-process.ts';
import { driveConsole } from './drive-console.ts';
import { driveSlack } from './drive-slack.ts';
import { FakeSlackWebApi } from './fake-web-api.ts';
import type { LoadOptions } from './options.ts';
import type { RunResult } from './samples.ts';
import { seedWorkload } from './seed.ts';
import { buildWorkload, type Workload } from './workload.ts';

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
    seeded.store.close();
    copyFileSync(slackDb, floorDb);

    const signingSecret = randomBytes(16).toString('hex');
    const fake = await FakeSlackWebApi.start();
    let slack: RunResult;
    let botExitCode: number | null;
    try {
      progress('starting the bot (Slack HTTP mode, its own process)…');
      const bot = await startBotProcess({ databasePath: slackDb, slackApiUrl: fake.apiUrl, signingSecret, cwd: dir });
      progress(`sending ${workload.requests.length} signed slash commands, ${options.concurrency} at a time…`);
      const started = performance.now();
      let drive: Awaited<ReturnType<typeof driveSlack>>;
      let elapsedMs: number;
      try {
        drive = await driveSlack({
          eventsUrl: bot.eventsUrl,
          signingSecret: hooks.signWith ?? signingSecret,
          fake,
          workload,
          concurrency: options.concurrency,
          deadline: started + options.seconds * 1000,
          replyTimeoutMs: options.replyTimeoutMs,
        });
        elapsedMs = performance.now() - started;
      } finally {
        botExitCode = await bot.stop();
      }
      const after = openServices(slackDb);
      slack = { ...drive, unsent: workload.requests.length - drive.sent, elapsedMs, claimsAdded: claimCount(after) - claimsSeeded };
      after.store.close();
    } finally {
      await fake.close();
    }

    progress('the same requests through the command core (the floor)…');
    const services = openServices(floorDb);
    const started = performance.now();
    const drive = await driveConsole({
      services,
      commands,
      workload,
      concurrency: options.concurrency,
      deadline: started + options.seconds * 1000,
    });
    const elapsedMs = performance.now() - started;
    const floor: RunResult = {
      samples: drive.samples,
      unsent: workload.requests.length - drive.sent,
      unexpected: 0,
      elapsedMs,
      claimsAdded: claimCount(services) - claimsSeeded,
    };
    services.store.close();
    return { options, workload, slack, floor, webApiCalls: fake.counts, botExitCode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function openServices(path: string): Services {
  return createServices(loadConfig({ DATABASE_PATH: path }), { log: silentLogger });
}

function claimCount(services: Services): number {
  return (services.store.db.prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number }).n;
}

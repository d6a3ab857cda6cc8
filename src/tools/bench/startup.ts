import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDist, PROJECT_ROOT } from '../build/dist.ts';
import { FakeSlackWebApi } from '../load/fake-web-api.ts';
import { ms } from './measure.ts';
import type { BenchSuite } from './types.ts';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const LIMIT_MS = 60_000;

/**
 * Process start to ready, the compiled bot (`node dist/src/main.js`) beside `npm start` (tsx compiling the
 * sources as it loads them): in Slack's HTTP mode until the first `200` from `/health`, and in the console
 * until its first answer. The floor is Node itself starting and exiting. Medians of a few runs each.
 */
export const startupBench: BenchSuite = {
  name: 'startup',
  async run({ quick }) {
    const runs = quick ? 3 : 5;
    const folder = mkdtempSync(join(tmpdir(), 'cruxbot-bench-startup-'));
    const fake = await FakeSlackWebApi.start();
    try {
      const built = await buildDist(join(folder, 'dist'), { typeCheck: false });
      // The compiled code finds its packages by walking up from dist/, as it does in the project.
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(folder, 'node_modules'));
      const entries = { compiled: [built.main], tsx: ['--import', TSX, join(PROJECT_ROOT, 'src', 'main.ts')] };
      const bare = await median(runs, () => timeUntil(['-e', '0'], {}, folder, { exit: true }));
      const rows = [];
      for (const [mode, ready] of [
        [
          'Slack HTTP: start → first /health 200',
          async (args: string[], n: number) => httpReady(args, fake.apiUrl, join(folder, `h${n}.db`), folder),
        ],
        ['console: start → first answer', async (args: string[], n: number) => consoleReady(args, join(folder, `c${n}.db`), folder)],
      ] as const) {
        let n = 0;
        const compiled = await median(runs, () => ready(entries.compiled, n++));
        const viaTsx = await median(runs, () => ready(entries.tsx, n++));
        rows.push({
          case: mode,
          value: `compiled ${ms(compiled)} · tsx ${ms(viaTsx)}`,
          note: `median of ${runs}; compiled is ${(viaTsx / compiled).toFixed(1)}× sooner`,
          floor: `node -e 0: ${ms(bare)}`,
        });
      }
      return rows;
    } finally {
      await fake.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

async function median(runs: number, once: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Slack HTTP mode on a free port; polls /health until it answers 200, then stops the bot. */
async function httpReady(args: string[], slackApiUrl: string, database: string, cwd: string): Promise<number> {
  const port = await freePort();
  const env = {
    DATABASE_PATH: database,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: slackApiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  return await timeUntil(args, env, cwd, {
    poll: async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status === 200,
  });
}

/** The console with one command on stdin; ready when its answer (not the echoed line) is on stdout. */
async function consoleReady(args: string[], database: string, cwd: string): Promise<number> {
  return await timeUntil(args, { DATABASE_PATH: database }, cwd, {
    stdin: '/debate new slug:bench title:"Startup"\n',
    stdout: 'Debate bench',
  });
}

/** Milliseconds from spawning `node <args>` until it exits, prints `stdout`, or `poll` says yes. */
function timeUntil(
  args: string[],
  env: Record<string, string>,
  cwd: string,
  until: { exit?: boolean; stdout?: string; stdin?: string; poll?: () => Promise<boolean> },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { HOME: cwd, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (error) reject(error);
      else resolve(elapsed);
    };
    const timer = setTimeout(() => finish(new Error(`not ready within ${LIMIT_MS / 1000} s:\n${err}`)), LIMIT_MS);
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (until.stdout && out.includes(until.stdout)) finish();
    });
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.once('close', (code) => (until.exit && code === 0 ? finish() : finish(new Error(`exited (code ${code}) before ready:\n${err}`))));
    child.stdin.end(until.stdin ?? '');
    if (until.poll) {
      const poll = until.poll;
      const tick = async () => {
        if (done) return;
        if (await poll()) finish();
        else setTimeout(() => void tick(), 5);
      };
      void tick();
    }
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

// Compiled (dist/src/tools/load/bot-process.js), it starts the compiled bot; from the sources, main.ts through tsx's
// loader, named by its own path so the bot can run from any working folder.
const COMPILED = import.meta.filename.endsWith('.js');
const MAIN = join(import.meta.dirname, '..', '..', COMPILED ? 'main.js' : 'main.ts');
const LOADER = COMPILED ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
const START_LIMIT_MS = 60_000;

export interface BotProcess {
  /** `http://127.0.0.1:<port>/slack/events`. */
  readonly eventsUrl: string;
  readonly healthUrl: string;
  /** CPU time the bot process has used so far, where the system says (Linux); else undefined. */
  cpuMs(): number | undefined;
  /** SIGTERM, as a service manager stops it; resolves with the exit code once it has finished. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash or an out-of-memory kill would end it; resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface BotProcessOptions {
  /** `DATABASE_PATH` or `DATABASE_URL`. */
  readonly database: Readonly<Record<string, string>>;
  readonly slackApiUrl: string;
  readonly signingSecret: string;
  /** The working folder: no `.env` is read from anywhere else. */
  readonly cwd: string;
}

/**
 * `npm start` in Slack HTTP mode, as its own process (so the bot has its own event loop, as in
 * production), on 127.0.0.1 with a port the system picks. Only the settings given here reach it: no
 * Discord token or `.env` from the caller's environment can make it connect anywhere else.
 */
export async function startBotProcess(o: BotProcessOptions): Promise<BotProcess> {
  const child = spawn(process.execPath, [...LOADER, MAIN], {
    cwd: o.cwd,
    env: {
      ...o.database,
      SLACK_BOT_TOKEN: 'xoxb-load-test',
      SLACK_SIGNING_SECRET: o.signingSecret,
      SLACK_API_URL: o.slackApiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the bot did not start within ${START_LIMIT_MS / 1000} s:\n${stderr}`)),
      START_LIMIT_MS,
    );
    // Ready once it says it is running: by then it listens, and SIGTERM is its own to handle (until
    // then a signal would end it before it could shut down cleanly).
    let listening: number | undefined;
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (stderr.length < 20_000) stderr += `${line}\n`;
      listening ??= listeningPort(line);
      if (listening !== undefined && isRunningLine(line)) {
        clearTimeout(timer);
        resolve(listening);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (code ${code}) before listening:\n${stderr}`));
    });
  }).catch((error: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  });
  const base = `http://127.0.0.1:${port}`;
  // One answer from /health: the event loop has turned since the line, so the bot's own SIGTERM handler is in place.
  await fetch(`${base}/health`)
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
  return {
    eventsUrl: `${base}/slack/events`,
    healthUrl: `${base}/health`,
    cpuMs: () => (child.pid ? processCpuMs(child.pid) : undefined),
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks: 100 a second on Linux). */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return undefined;
  }
}

/** The line `npm start` logs once every platform has started. */
function isRunningLine(line: string): boolean {
  try {
    const entry = JSON.parse(line) as { msg?: unknown };
    return typeof entry.msg === 'string' && entry.msg.startsWith('cruxbot is running');
  } catch {
    return false;
  }
}

/** The port in the Slack receiver's start-up log line, if this is that line. */
function listeningPort(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown; path?: unknown };
    return typeof entry.port === 'number' && entry.path === '/slack/events' ? entry.port : undefined;
  } catch {
    return undefined;
  }
}

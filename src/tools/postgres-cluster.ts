import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests and `npm run load -- --postgres`: `initdb` into a temporary
 * folder, `pg_ctl start` on a free loopback port, trust authentication for the one user. The tests' cluster
 * skips fsync (nothing there must survive the machine); the load tool's waits for the disk on every commit,
 * as SQLite does with `synchronous = FULL`. Root cannot run a cluster, so as root the server runs as the
 * `postgres` user Debian's package makes.
 */
export interface Cluster {
  readonly url: string;
  readonly port: number;
  readonly version: string;
  /** Stops the server, keeping its files (a test of the database going away). */
  stop(): void;
  /** Starts it again on the same port. */
  start(): void;
  destroy(): void;
}

/** The folder with `initdb` and `pg_ctl`: where the shell finds `initdb` on the PATH, or Debian's versioned folder. */
export function postgresBinaries(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout?.trim();
  if (found && existsSync(join(dirname(found), 'pg_ctl'))) return dirname(found);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `durable`: every commit waits for the disk (fsync on), for measuring; else fsync is off, for speed in tests. */
export async function startCluster(bin = postgresBinaries(), o: { durable?: boolean } = {}): Promise<Cluster> {
  if (!bin) throw new Error('PostgreSQL binaries (initdb, pg_ctl) are not installed');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-pg-'));
  const data = join(dir, 'data');
  const run = (command: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    const result = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  if (asRoot) {
    chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres', dir]);
  }
  run('initdb', ['-D', data, '-U', 'cruxbot', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const unsafe = o.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${unsafe} -c max_connections=200`;
  const start = () => void run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '30', 'start']);
  start();
  const version = run('pg_ctl', ['--version']).trim();
  return {
    url: `postgres://cruxbot@127.0.0.1:${port}/postgres`,
    port,
    version,
    stop: () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    start,
    destroy() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

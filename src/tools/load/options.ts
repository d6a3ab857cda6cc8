/** What `npm run load` runs, from its flags; every figure is bounded. */
export interface LoadOptions {
  readonly requests: number;
  readonly concurrency: number;
  /** No request starts after this many seconds. */
  readonly seconds: number;
  /** Slack workspaces the requests are spread over (each has its own debate and people). */
  readonly teams: number;
  readonly people: number;
  readonly seededClaims: number;
  readonly replyTimeoutMs: number;
  /** Bot processes the requests are spread over (more than one needs PostgreSQL). */
  readonly instances: number;
  /** The database: the SQLite file (default), a throwaway PostgreSQL cluster, or a PostgreSQL server's admin URL. */
  readonly database: { readonly kind: 'sqlite' } | { readonly kind: 'postgres'; readonly url?: string };
  /** Halfway through, SIGKILL one instance and start it again (on by default with several instances). */
  readonly kill: boolean;
  /** Polls per team, due when the instances start: each must be closed once, with one message edit. */
  readonly pollsPerTeam: number;
}

export const DEFAULT_LOAD: LoadOptions = {
  requests: 2000,
  concurrency: 16,
  seconds: 120,
  teams: 8,
  people: 25,
  seededClaims: 100,
  replyTimeoutMs: 15_000,
  instances: 1,
  database: { kind: 'sqlite' },
  kill: false,
  pollsPerTeam: 3,
};

const FLAGS = {
  requests: { min: 1, max: 100_000 },
  concurrency: { min: 1, max: 256 },
  seconds: { min: 1, max: 3_600 },
  teams: { min: 1, max: 100 },
  instances: { min: 1, max: 4 },
} as const;

export const LOAD_USAGE =
  'npm run load -- [--requests N] [--concurrency K] [--seconds S] [--teams T] [--instances I] [--postgres | --database-url postgres://…] [--no-kill]';

/** A flag the load tool cannot take, said as a sentence. */
export class LoadUsageError extends Error {
  override readonly name = 'LoadUsageError';
}

/**
 * `--requests 500 --concurrency 8` (or `--requests=500`) over the defaults; teams never outnumber the
 * workers. `--postgres` starts a throwaway cluster; `--database-url` names a server the run makes a
 * database of its own on. Several instances share one database, so they need PostgreSQL.
 */
export function parseLoadFlags(argv: readonly string[]): LoadOptions {
  const given: Partial<Record<keyof typeof FLAGS, number>> = {};
  let database: LoadOptions['database'] = DEFAULT_LOAD.database;
  let noKill = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split('=', 2) : [undefined, undefined];
    if (flag === 'postgres' && inline === undefined) {
      database = { kind: 'postgres' };
      continue;
    }
    if (flag === 'no-kill' && inline === undefined) {
      noKill = true;
      continue;
    }
    if (flag === 'database-url') {
      const url = inline ?? argv[++i];
      if (!url || !/^postgres(ql)?:\/\/\S+$/.test(url)) {
        throw new LoadUsageError(
          `--database-url must be a postgres:// URL of a server the run may create a database on (got ${url ? 'another kind of value' : 'nothing'})`,
        );
      }
      database = { kind: 'postgres', url };
      continue;
    }
    if (!flag || !(flag in FLAGS)) throw new LoadUsageError(`unknown argument "${arg}"; usage: ${LOAD_USAGE}`);
    const name = flag as keyof typeof FLAGS;
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    const { min, max } = FLAGS[name];
    if (raw === undefined || !Number.isInteger(value) || value < min || value > max) {
      throw new LoadUsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got ${raw ?? 'nothing'})`);
    }
    given[name] = value;
  }
  const options = { ...DEFAULT_LOAD, ...given, database };
  if (options.instances > 1 && database.kind !== 'postgres') {
    throw new LoadUsageError('--instances above 1 needs PostgreSQL (--postgres or --database-url): instances share one database');
  }
  return { ...options, teams: Math.min(options.teams, options.concurrency), kill: options.instances > 1 && !noKill };
}

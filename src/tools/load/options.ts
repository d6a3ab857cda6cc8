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
}

export const DEFAULT_LOAD: LoadOptions = {
  requests: 2000,
  concurrency: 16,
  seconds: 120,
  teams: 8,
  people: 25,
  seededClaims: 100,
  replyTimeoutMs: 15_000,
};

const FLAGS = {
  requests: { min: 1, max: 100_000 },
  concurrency: { min: 1, max: 256 },
  seconds: { min: 1, max: 3_600 },
  teams: { min: 1, max: 100 },
} as const;

export const LOAD_USAGE = 'npm run load -- [--requests N] [--concurrency K] [--seconds S] [--teams T]';

/** A flag the load tool cannot take, said as a sentence. */
export class LoadUsageError extends Error {
  override readonly name = 'LoadUsageError';
}

/** `--requests 500 --concurrency 8` (or `--requests=500`) over the defaults; teams never outnumber the workers. */
export function parseLoadFlags(argv: readonly string[]): LoadOptions {
  const given: Partial<Record<keyof typeof FLAGS, number>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split('=', 2) : [undefined, undefined];
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
  const options = { ...DEFAULT_LOAD, ...given };
  return { ...options, teams: Math.min(options.teams, options.concurrency) };
}

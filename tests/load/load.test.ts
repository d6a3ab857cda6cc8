import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD, parseLoadFlags, type LoadOptions } from '../../src/tools/load/options.ts';
import { formatLoadReport } from '../../src/tools/load/report.ts';
import { runLoad } from '../../src/tools/load/run.ts';
import { percentiles } from '../../src/tools/load/samples.ts';

/** A run small enough for CI; the limits are far off, so nothing here depends on the machine's speed. */
const TINY: LoadOptions = {
  ...DEFAULT_LOAD,
  requests: 30,
  concurrency: 3,
  teams: 2,
  people: 4,
  seededClaims: 6,
  seconds: 600,
  replyTimeoutMs: 60_000,
};

// Each run starts the bot as its own process; a loaded two-core machine can take a while. Nothing is timed.
describe('npm run load', { timeout: 120_000 }, () => {
  it('sends signed slash commands to the real Slack HTTP app, matches every reply, and runs the same work through the core', async () => {
    const progress: string[] = [];
    const result = await runLoad(TINY, (line) => progress.push(line));
    const addRequests = result.workload.requests.filter((r) => r.kind === 'claim add').length;

    expect(result.slack.samples).toHaveLength(30);
    expect(result.slack.samples.filter((s) => s.outcome !== 'ok')).toEqual([]);
    expect(result.slack.samples.every((s) => s.ackMs !== undefined && s.replyMs !== undefined && s.replyMs >= 0)).toBe(true);
    expect(result.slack).toMatchObject({ unsent: 0, unexpected: 0, claimsAdded: addRequests });
    // One reply per request, each to the channel or the response URL of the request that asked.
    expect((result.webApiCalls.get('chat.postMessage') ?? 0) + (result.webApiCalls.get('response_url') ?? 0)).toBe(30);
    expect(result.botExitCodes).toEqual([0]);
    // Six polls (three a team) were due as the bot started: it closed each once and edited its message once.
    expect(result.checks).toMatchObject({ acknowledged: addRequests, stored: addRequests, lost: 0, numbersTwice: 0, numberGaps: 0 });
    expect(result.checks.polls).toEqual({ total: 6, closedOnce: 6, oneCloseMessage: 6 });

    expect(result.floor.samples).toHaveLength(30);
    expect(result.floor.samples.filter((s) => s.outcome !== 'ok')).toEqual([]);
    expect(result.floor.claimsAdded).toBe(addRequests);
    expect(progress[0]).toMatch(/^seeding 2 teams × 6 claims/);

    const report = formatLoadReport(result, 'test machine');
    expect(report).toContain('30 requests at concurrency 3, over 2 teams × 4 people');
    expect(report).toMatch(
      /\| Slack HTTP: signed slash command .* \| 30 \| 0 \| \d+ \/s \| [\d.]+ m?s · [\d.]+ m?s \| [\d.]+ m?s · [\d.]+ m?s \|/,
    );
    expect(report).toMatch(/\| floor: the same requests .* \| 30 \| 0 \| \d+ \/s \| — \|/);
    expect(report).toContain('errors, Slack HTTP: none; floor: none');
    expect(report).toContain(`claims added: ${addRequests} over Slack, ${addRequests} in the floor`);
    expect(report).toMatch(
      /CPU a request over Slack: the bot ([\d.]+ m?s|not known here), this process .*[\d.]+ m?s; in the floor [\d.]+ m?s/,
    );
    expect(result.slack.cpu.hereMs).toBeGreaterThan(0);
  });

  it('counts every request as an error when the bot refuses its signature, and adds nothing', async () => {
    const result = await runLoad({ ...TINY, requests: 8, concurrency: 2 }, undefined, { signWith: 'not-the-signing-secret' });

    expect(result.slack.samples.map((s) => s.outcome)).toEqual(Array(8).fill('HTTP error'));
    expect(result.slack.claimsAdded).toBe(0);
    expect(result.webApiCalls.get('chat.postMessage')).toBeUndefined();
    expect(formatLoadReport(result, 'test machine')).toContain('errors, Slack HTTP: 8 HTTP error; floor: none');
  });
});

describe('the load flags', () => {
  it('default to a run of thousands of requests, bounded in time', () => {
    expect(parseLoadFlags([])).toEqual(DEFAULT_LOAD);
    expect(DEFAULT_LOAD.requests).toBeGreaterThanOrEqual(1000);
  });

  it('take --requests, --concurrency, --seconds and --teams, with or without "="', () => {
    expect(parseLoadFlags(['--requests', '500', '--concurrency=8', '--seconds', '30', '--teams', '4'])).toMatchObject({
      requests: 500,
      concurrency: 8,
      seconds: 30,
      teams: 4,
    });
  });

  it('never spread the teams wider than the workers, so every team is used', () => {
    expect(parseLoadFlags(['--concurrency', '2', '--teams', '8']).teams).toBe(2);
  });

  it('take --instances with PostgreSQL (a throwaway cluster, or a server), killing one instance halfway unless --no-kill', () => {
    expect(parseLoadFlags(['--instances', '2', '--postgres'])).toMatchObject({ instances: 2, database: { kind: 'postgres' }, kill: true });
    expect(parseLoadFlags(['--instances=2', '--database-url', 'postgres://load@127.0.0.1:5432/postgres', '--no-kill'])).toMatchObject({
      instances: 2,
      database: { kind: 'postgres', url: 'postgres://load@127.0.0.1:5432/postgres' },
      kill: false,
    });
    expect(parseLoadFlags(['--postgres'])).toMatchObject({ instances: 1, kill: false });
  });

  it('refuse several instances on SQLite, and a database URL that is not PostgreSQL’s, without echoing it', () => {
    expect(() => parseLoadFlags(['--instances', '2'])).toThrow('--instances above 1 needs PostgreSQL (--postgres or --database-url)');
    expect(() => parseLoadFlags(['--instances', '5', '--postgres'])).toThrow('--instances must be a whole number from 1 to 4 (got 5)');
    expect(() => parseLoadFlags(['--database-url', 'mysql://root:secret@db/x'])).toThrow(/^--database-url must be a postgres:\/\/ URL/);
    expect(() => parseLoadFlags(['--database-url', 'mysql://root:secret@db/x'])).not.toThrow(/secret/);
  });

  it('refuse a bad value or an unknown flag with a sentence that names it', () => {
    expect(() => parseLoadFlags(['--requests', '0'])).toThrow('--requests must be a whole number from 1 to 100,000 (got 0)');
    expect(() => parseLoadFlags(['--concurrency', 'many'])).toThrow('--concurrency must be a whole number from 1 to 256 (got many)');
    expect(() => parseLoadFlags(['--seconds'])).toThrow('--seconds must be a whole number from 1 to 3,600 (got nothing)');
    expect(() => parseLoadFlags(['--rps', '5'])).toThrow('unknown argument "--rps"');
  });
});

describe('the load percentiles', () => {
  it('are nearest-rank: of 1…100 ms, p50 is 50 and p99 is 99; missing values are left out', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles([...values, undefined])).toEqual({ p50: 50, p99: 99, n: 100 });
    expect(percentiles([7])).toEqual({ p50: 7, p99: 7, n: 1 });
    expect(percentiles([undefined])).toBeUndefined();
  });
});

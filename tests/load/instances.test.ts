import { describe, expect, it } from 'vitest';
import { checksPass } from '../../src/tools/load/checks.ts';
import { DEFAULT_LOAD, type LoadOptions } from '../../src/tools/load/options.ts';
import { formatLoadReport } from '../../src/tools/load/report.ts';
import { runLoad } from '../../src/tools/load/run.ts';
import { isError } from '../../src/tools/load/samples.ts';
import { POSTGRES_URL } from '../support/postgres.ts';

/** Two bots on one PostgreSQL, one killed halfway: small enough for the suite. Nothing here is timed. */
const TWO: LoadOptions = {
  ...DEFAULT_LOAD,
  requests: 300,
  concurrency: 6,
  teams: 3,
  people: 6,
  seededClaims: 10,
  pollsPerTeam: 2,
  seconds: 600,
  replyTimeoutMs: 60_000,
  instances: 2,
  database: { kind: 'postgres', url: POSTGRES_URL },
  kill: true,
};

describe.skipIf(!POSTGRES_URL)(
  'npm run load -- --instances 2 on PostgreSQL (skipped when this run has no PostgreSQL)',
  { timeout: 120_000 },
  () => {
    it('spreads signed requests over two bots, kill -9s one halfway and starts it again: no acknowledged claim lost, each poll closed once', async () => {
      const result = await runLoad(TWO);
      const { slack, checks } = result;
      const adds = result.workload.requests.filter((r) => r.kind === 'claim add').length;

      // Every request has an outcome: answered, or cut off by the kill on the instance that was killed.
      expect(slack.samples).toHaveLength(300);
      expect(slack.samples.filter(isError)).toEqual([]);
      expect(slack).toMatchObject({ unsent: 0, unexpected: 0 });
      const cutOff = slack.samples.filter((s) => s.outcome === 'in flight at kill');
      expect(cutOff.every((s) => s.instance === 2)).toBe(true);
      for (const instance of [1, 2])
        expect(slack.samples.filter((s) => s.instance === instance && s.outcome === 'ok').length).toBeGreaterThan(50);

      expect(result.kill).toMatchObject({ instance: 2, atRequest: 151, restarted: true });
      // The restarted instance was up to the end, and both shut down cleanly.
      expect(result.botExitCodes).toEqual([0, 0]);

      // The database holds every acknowledged claim, once each, and at most the cut-off ones besides.
      expect(checks.lost).toBe(0);
      expect(checks.numbersTwice).toBe(0);
      expect(checks.numberGaps).toBe(0);
      expect(checks.acknowledged).toBe(
        slack.samples.filter((s) => s.outcome === 'ok' && result.workload.requests[s.index!]!.kind === 'claim add').length,
      );
      expect(checks.acknowledged + checks.inFlight).toBe(adds);
      expect(checks.storedUnanswered).toBeLessThanOrEqual(checks.inFlight);
      expect(checks.stored).toBe(checks.acknowledged + checks.storedUnanswered);
      expect(slack.claimsAdded).toBe(checks.stored);
      // Six polls were due as the two bots started: each closed once, its message edited once, to say so.
      expect(checks.polls).toEqual({ total: 6, closedOnce: 6, oneCloseMessage: 6 });
      expect(result.webApiCalls.get('chat.update')).toBe(6);
      expect(checksPass(checks)).toBe(true);

      expect(result.floor.samples.filter(isError)).toEqual([]);
      expect(result.floor.claimsAdded).toBe(adds);

      const report = formatLoadReport(result, 'test machine');
      expect(report).toMatch(/database: PostgreSQL 15[\d.]* .*· 2 bot instances, requests round-robin over those up/);
      expect(report).toMatch(/\| Slack HTTP: signed slash command → Bolt \(2 processes\) .* \| 300 \| 0 \| \d+ \/s \|/);
      expect(report).toMatch(/\| · instance 1 \| \d+ \| 0 \|/);
      expect(report).toMatch(/\| · instance 2 \(kill -9 halfway, started again\) \| \d+ \| 0 \|/);
      expect(report).toContain(`kill -9 of instance 2 as request 151 started: ${cutOff.length} request`);
      expect(report).toContain(`${checks.acknowledged} claims acknowledged, ${checks.stored} stored`);
      expect(report).toContain(
        'no claim number twice, no gap; 6 polls due as the bots started: 6 closed once, 6 with one close message; checks passed',
      );
      expect(report).toContain('the bots stopped on SIGTERM with exit codes 0, 0');
    });
  },
);

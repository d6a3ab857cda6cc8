import type { LoadResult } from './run.ts';
import { checksPass } from './checks.ts';
import { countOutcomes, isError, percentiles, type Outcome, type RunResult, type Sample } from './samples.ts';
import { MIX } from './workload.ts';

const n = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, noun: string) => `${n(count)} ${noun}${count === 1 ? '' : 's'}`;

/** Milliseconds as a short figure: 0.41 ms, 3.2 ms, 215 ms, 1.3 s. */
export function millis(value: number): string {
  if (value < 1) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  if (value < 10_000) return `${Math.round(value)} ms`;
  return `${(value / 1000).toFixed(1)} s`;
}

function spread(values: readonly (number | undefined)[]): string {
  const p = percentiles(values);
  return p ? `${millis(p.p50)} · ${millis(p.p99)}` : '—';
}

function failures(samples: readonly Sample[]): number {
  return samples.filter(isError).length;
}

/** The headline figures of one run, as the table's cells. */
export function runCells(
  run: RunResult,
  samples: readonly Sample[] = run.samples,
): { requests: string; errors: string; throughput: string; ack: string; reply: string } {
  const seconds = run.elapsedMs / 1000;
  return {
    requests: n(samples.length),
    errors: n(failures(samples)),
    throughput: `${(samples.length / seconds).toFixed(0)} /s`,
    ack: spread(samples.map((s) => s.ackMs)),
    reply: spread(samples.map((s) => s.replyMs)),
  };
}

/** What went wrong, by kind, or "none". */
export function errorSummary(run: RunResult): string {
  const counts = countOutcomes(run.samples);
  const parts = (Object.keys(counts) as Outcome[])
    .filter((k) => k !== 'ok' && k !== 'in flight at kill' && counts[k] > 0)
    .map((k) => `${n(counts[k])} ${k}`);
  if (run.unexpected) parts.push(`${n(run.unexpected)} unexpected messages`);
  return parts.length ? parts.join(', ') : 'none';
}

/** The report `npm run load` prints: markdown tables, ready for the README. */
export function formatLoadReport(result: LoadResult, machine: string): string {
  const { options, workload, slack, floor } = result;
  const mix = MIX.map((m) => `${m.kind} ${m.weight}%`).join(', ');
  const s = runCells(slack);
  const f = runCells(floor);
  const many = options.instances > 1;
  const bots = many ? `${options.instances} processes` : 'own process';
  const row = (label: string, c: ReturnType<typeof runCells>) =>
    `| ${label} | ${c.requests} | ${c.errors} | ${c.throughput} | ${c.ack} | ${c.reply} |`;
  const instanceRows = many
    ? Array.from({ length: options.instances }, (_, i) => {
        const killed = result.kill?.instance === i + 1 ? ' (kill -9 halfway, started again)' : '';
        return row(
          `· instance ${i + 1}${killed}`,
          runCells(
            slack,
            slack.samples.filter((x) => x.instance === i + 1),
          ),
        );
      })
    : [];
  const lines = [
    `cruxbot load · ${machine}`,
    `${n(workload.requests.length)} requests at concurrency ${options.concurrency}, over ${plural(workload.teams.length, 'team')} × ${workload.people} people, each team's debate seeded with ${workload.seededClaims} claims · mix: ${mix}`,
    `database: ${result.database} · ${plural(options.instances, 'bot instance')}${many ? ', requests round-robin over those up' : ''}`,
    '',
    '| path | requests | errors | throughput | ack p50 · p99 | reply p50 · p99 |',
    '|---|---|---|---|---|---|',
    row(`Slack HTTP: signed slash command → Bolt (${bots}) → reply at the fake Web API`, s),
    ...instanceRows,
    `| floor: the same requests through the command core (runText), one at a time, no HTTP | ${f.requests} | ${f.errors} | ${f.throughput} | — | ${f.reply} |`,
    '',
    '| command | requests | Slack HTTP reply p50 · p99 | floor p50 · p99 |',
    '|---|---|---|---|',
    ...MIX.map((m) => {
      const of = (run: RunResult) => run.samples.filter((x) => x.kind === m.kind);
      return `| ${m.kind} | ${n(of(slack).length)} | ${spread(of(slack).map((x) => x.replyMs))} | ${spread(of(floor).map((x) => x.replyMs))} |`;
    }),
    '',
    `errors, Slack HTTP: ${errorSummary(slack)}; floor: ${errorSummary(floor)}`,
  ];
  if (slack.unsent || floor.unsent) {
    lines.push(`stopped at the ${options.seconds} s limit: ${n(slack.unsent)} requests unsent over Slack, ${n(floor.unsent)} in the floor`);
  }
  const calls = [...result.webApiCalls].sort((a, b) => b[1] - a[1]).map(([method, count]) => `${method} ${n(count)}`);
  const perRequest = (ms: number | undefined, run: RunResult) =>
    ms === undefined ? 'not known here' : millis(ms / Math.max(1, run.samples.length));
  lines.push(
    `CPU a request over Slack: the bot ${perRequest(slack.cpu.botMs, slack)}, this process (the load generator and the fake Web API) ${perRequest(slack.cpu.hereMs, slack)}; in the floor ${perRequest(floor.cpu.hereMs, floor)}`,
    `claims added: ${n(slack.claimsAdded)} over Slack, ${n(floor.claimsAdded)} in the floor; the fake Web API received ${calls.join(' · ') || 'nothing'}`,
    killLine(result),
    checksLine(result),
    many
      ? `the bots stopped on SIGTERM with exit codes ${result.botExitCodes.map((code) => code ?? 'none (down)').join(', ')}`
      : `the bot stopped on SIGTERM with exit code ${result.botExitCodes[0] ?? 'none (killed)'}`,
  );
  return `${lines.join('\n')}\n`;
}

function killLine(result: LoadResult): string {
  const { kill, slack } = result;
  if (!result.options.kill) return 'no instance was killed';
  if (!kill) return 'no instance was killed: the run ended before halfway';
  const inFlight = slack.samples.filter((x) => x.outcome === 'in flight at kill').length;
  const back = kill.restarted === true ? `back after ${millis(kill.downMs)}` : `not started again: ${kill.restarted}`;
  return `kill -9 of instance ${kill.instance} as request ${n(kill.atRequest)} started: ${plural(inFlight, 'request')} in flight on it (counted apart: neither errors nor answered); ${back}`;
}

function checksLine(result: LoadResult): string {
  const c = result.checks;
  const unanswered = c.storedUnanswered
    ? `, ${n(c.storedUnanswered)} stored without a reply (of ${n(c.inFlight)} in flight at the kill)`
    : '';
  const gaps = c.numberGaps ? `${plural(c.numberGaps, 'gap')} in the numbers` : 'no gap';
  return [
    `database after the run: ${n(c.acknowledged)} claims acknowledged, ${n(c.stored)} stored${unanswered}, ${c.lost ? `${n(c.lost)} LOST` : 'none lost'}`,
    `${c.numbersTwice ? `${plural(c.numbersTwice, 'claim number')} held twice` : 'no claim number twice'}, ${gaps}`,
    `${plural(c.polls.total, 'poll')} due as the bots started: ${n(c.polls.closedOnce)} closed once, ${n(c.polls.oneCloseMessage)} with one close message`,
    checksPass(c) ? 'checks passed' : 'CHECKS FAILED',
  ].join('; ');
}

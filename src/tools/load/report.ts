import type { LoadResult } from './run.ts';
import { countOutcomes, percentiles, type Outcome, type RunResult, type Sample } from './samples.ts';
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
  return samples.filter((s) => s.outcome !== 'ok').length;
}

/** The headline figures of one run, as the table's cells. */
export function runCells(run: RunResult): { requests: string; errors: string; throughput: string; ack: string; reply: string } {
  const seconds = run.elapsedMs / 1000;
  return {
    requests: n(run.samples.length),
    errors: n(failures(run.samples)),
    throughput: `${(run.samples.length / seconds).toFixed(0)} /s`,
    ack: spread(run.samples.map((s) => s.ackMs)),
    reply: spread(run.samples.map((s) => s.replyMs)),
  };
}

/** What went wrong, by kind, or "none". */
export function errorSummary(run: RunResult): string {
  const counts = countOutcomes(run.samples);
  const parts = (Object.keys(counts) as Outcome[]).filter((k) => k !== 'ok' && counts[k] > 0).map((k) => `${n(counts[k])} ${k}`);
  if (run.unexpected) parts.push(`${n(run.unexpected)} unexpected messages`);
  return parts.length ? parts.join(', ') : 'none';
}

/** The report `npm run load` prints: markdown tables, ready for the README. */
export function formatLoadReport(result: LoadResult, machine: string): string {
  const { options, workload, slack, floor } = result;
  const mix = MIX.map((m) => `${m.kind} ${m.weight}%`).join(', ');
  const s = runCells(slack);
  const f = runCells(floor);
  const lines = [
    `cruxbot load · ${machine}`,
    `${n(workload.requests.length)} requests at concurrency ${options.concurrency}, over ${plural(workload.teams.length, 'team')} × ${workload.people} people, each team's debate seeded with ${workload.seededClaims} claims · mix: ${mix}`,
    '',
    '| path | requests | errors | throughput | ack p50 · p99 | reply p50 · p99 |',
    '|---|---|---|---|---|---|',
    `| Slack HTTP: signed slash command → Bolt (own process) → reply at the fake Web API | ${s.requests} | ${s.errors} | ${s.throughput} | ${s.ack} | ${s.reply} |`,
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
    `the bot stopped on SIGTERM with exit code ${result.botExitCode ?? 'none (killed)'}`,
  );
  return `${lines.join('\n')}\n`;
}

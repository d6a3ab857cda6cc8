import { md } from '../../core/markup.ts';
import { context, table, text, type Block } from '../../core/reply.ts';
import type { SweepInput } from '../../domain/drift/inputs.ts';
import { formatCount, formatParam, formatPercent } from '../../domain/drift/numbers.ts';
import { PARAMETER_MEANING, valueOf, type Parameter } from '../../domain/drift/params.ts';
import { solveSweep } from '../../domain/drift/solve.ts';
import type { SweepResult } from '../../domain/drift/sweep.ts';
import { renderLineChart, type LineChart } from '../../render/chart.ts';
import { chartName, paramLine, sourceLine, stepOrNever } from './format.ts';
import type { DriftAnswer } from './run-reply.ts';

const label = (parameter: Parameter) => (parameter === 't' ? 'T' : parameter);

/** The sweep's chart: P(caught) is drawn (and named) only when someone is caught somewhere in the range. */
export function sweepChart(input: SweepInput, result: SweepResult): LineChart {
  const name = label(input.parameter);
  const first = result.points[0]!;
  const anyCaught = result.points.some((p) => p.end.C > 0);
  return {
    title: `P(dangerous and hidden)${anyCaught ? ', P(caught)' : ''} and P(ever dangerous) after ${formatCount(input.params.steps)} steps as ${name} varies`,
    subtitle: `${input.preset} · ${PARAMETER_MEANING[input.parameter]}`,
    xTitle: `${name}${result.logValues ? ' (log scale)' : ''}`,
    yTitle: 'share of agents at the end',
    logX: result.logValues,
    percentY: true,
    series: [
      { label: 'P(D) dangerous', points: result.points.map((p) => ({ x: p.value, y: p.end.D })), color: '#d62728' },
      ...(anyCaught ? [{ label: 'P(C) caught', points: result.points.map((p) => ({ x: p.value, y: p.end.C })), color: '#1f77b4' }] : []),
      { label: 'P(ever dangerous)', points: result.points.map((p) => ({ x: p.value, y: p.end.ever })), color: '#2ca02c', dashed: true },
    ],
    markers: [
      {
        x: valueOf(input.params, input.parameter) || first.value,
        label: `${input.preset}: ${formatParam(valueOf(input.params, input.parameter))}`,
      },
    ],
  };
}

/** One parameter swept over a range, and every parameter halved and doubled: which one moves the outcome most. */
export async function sweepAnswer(input: SweepInput): Promise<DriftAnswer> {
  const { sweep: result, sensitivity: ranking } = solveSweep(input);
  const name = label(input.parameter);
  const n = formatCount(input.params.steps);
  const first = result.points[0]!;
  const last = result.points[result.points.length - 1]!;
  const headline = `Sweeping ${name} from ${formatParam(first.value)} to ${formatParam(last.value)} moves P(dangerous and hidden) after ${n} steps from ${formatPercent(first.end.D)} to ${formatPercent(last.end.D)}.`;
  const top = ranking[0];
  const verdict = top
    ? `Of the parameters, ${label(top.parameter)} moves it most: ${formatPercent(top.atLow)} when halved, ${formatPercent(top.atHigh)} when doubled.`
    : 'Every parameter is 0 here, so halving or doubling them changes nothing.';

  const png = await renderLineChart(sweepChart(input, result));

  const blocks: Block[] = [
    text(md`**${headline}** ${verdict}`),
    table(
      [name, 'P(D) at n', 'P(C) at n', 'P(ever dangerous)', 'P(D) ≥ 50% from'],
      result.points.map((p) => [
        formatParam(p.value),
        formatPercent(p.end.D),
        formatPercent(p.end.C),
        formatPercent(p.end.ever),
        stepOrNever(p.crosses50),
      ]),
      ['right', 'right', 'right', 'right', 'right'],
    ),
    text(md`**Sensitivity** · P(D) at n with each parameter halved and doubled, the largest swing first:`),
    table(
      ['parameter', 'value', 'halved', 'doubled (at most 1, or T ≤ n)', 'swing'],
      ranking.map((row) => [
        `${label(row.parameter)}: ${PARAMETER_MEANING[row.parameter]}`,
        formatParam(row.value),
        `${formatPercent(row.atLow)} (${formatParam(row.low)})`,
        `${formatPercent(row.atHigh)} (${formatParam(row.high)})`,
        `${(row.swing * 100).toFixed(1)} points`,
      ]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
    context(md`\`${paramLine(input.params)}\``),
    context(sourceLine(input.preset)),
    ...input.notes.map((note) => context(note)),
  ];
  return {
    reply: {
      title: `Drift · ${input.preset} · sweep of ${name}`,
      blocks,
      attachments: [{ name: chartName(input.preset, 'sweep', name), data: png.data, contentType: 'image/png', description: headline }],
      accent: 'info',
    },
    headline: `${input.preset}, ${name} ${formatParam(first.value)}…${formatParam(last.value)}: P(D) ${formatPercent(first.end.D)} → ${formatPercent(last.end.D)} after ${n} steps`,
    summary: {
      points: result.points.map((p) => ({ value: p.value, D: p.end.D, C: p.end.C, ever: p.end.ever })),
      sensitivity: ranking.map((row) => ({ parameter: row.parameter, low: row.atLow, high: row.atHigh })),
    },
  };
}

import { md } from '../../core/markup.ts';
import { context, table, text, type Block } from '../../core/reply.ts';
import type { ExactResult } from '../../domain/drift/exact.ts';
import { solveCompare } from '../../domain/drift/solve.ts';
import type { CompareInput } from '../../domain/drift/inputs.ts';
import { correctionRate } from '../../domain/drift/model.ts';
import { formatCount, formatPercent } from '../../domain/drift/numbers.ts';
import { renderLineChart, type LineSeries } from '../../render/chart.ts';
import { chartName, paramLine, sourceLine, stepOrNever } from './format.ts';
import type { DriftAnswer } from './run-reply.ts';

/** "+12.3 points" / "−4.0 points" / "no difference". */
function points(difference: number): string {
  const value = difference * 100;
  if (Math.abs(value) < 0.05) return 'no difference';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} points`;
}

const stepDifference = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? '—' : `${b - a >= 0 ? '+' : '−'}${formatCount(Math.abs(b - a))} steps`;

/** Two presets side by side on the same steps: both curves on one chart, the difference at the end. */
export async function compareAnswer(input: CompareInput): Promise<DriftAnswer> {
  const { a, b } = solveCompare(input);
  const n = formatCount(input.a.params.steps);
  const difference = b.end.D - a.end.D;
  const headline = `After ${n} serial steps, P(dangerous and hidden) is ${formatPercent(a.end.D)} under ${input.a.preset} and ${formatPercent(b.end.D)} under ${input.b.preset}: ${points(difference)}.`;
  const row = (label: string, pick: (r: ExactResult) => number) => [
    label,
    formatPercent(pick(a)),
    formatPercent(pick(b)),
    points(pick(b) - pick(a)),
  ];
  const rows = [
    row('P(D) dangerous and hidden at n', (r) => r.end.D),
    row('P(C) caught at n', (r) => r.end.C),
    row('P(ever dangerous) by n', (r) => r.end.ever),
    ['P(D) first ≥ 10%', stepOrNever(a.crosses10), stepOrNever(b.crosses10), stepDifference(a.crosses10, b.crosses10)],
    ['P(D) first ≥ 50%', stepOrNever(a.crosses50), stepOrNever(b.crosses50), stepDifference(a.crosses50, b.crosses50)],
    row('peak P(D)', (r) => r.peak.value),
  ];
  const series: LineSeries[] = [
    { label: `${input.a.preset} ${formatPercent(a.end.D)}`, points: a.curve.map((p) => ({ x: p.step, y: p.D })), color: '#d62728' },
    { label: `${input.b.preset} ${formatPercent(b.end.D)}`, points: b.curve.map((p) => ({ x: p.step, y: p.D })), color: '#1f77b4' },
  ];
  const markers = [input.a, input.b]
    .filter((side) => correctionRate(side.params) > 0 && side.params.T < side.params.steps)
    .map((side) => ({ x: Math.max(1, side.params.T), label: `T (${side.preset})` }));
  const png = await renderLineChart({
    title: `P(dangerous and hidden): ${input.a.preset} vs ${input.b.preset}`,
    subtitle: `${n} serial steps · difference at the end: ${points(difference)}`,
    xTitle: a.logSteps ? 'serial step (log scale)' : 'serial step',
    yTitle: 'P(D) dangerous and hidden',
    logX: a.logSteps,
    percentY: true,
    series,
    ...(markers.length ? { markers } : {}),
  });
  const blocks: Block[] = [
    text(md`**${headline}**`),
    table(['', input.a.preset, input.b.preset, `${input.b.preset} − ${input.a.preset}`], rows, ['left', 'right', 'right', 'right']),
    context(md`${input.a.preset}: \`${paramLine(input.a.params)}\`\n${input.b.preset}: \`${paramLine(input.b.params)}\``),
    context(sourceLine(input.a.preset)),
    context(sourceLine(input.b.preset)),
    ...input.notes.map((note) => context(note)),
  ];
  return {
    reply: {
      title: `Drift · ${input.a.preset} vs ${input.b.preset}`,
      blocks,
      attachments: [
        { name: chartName(input.a.preset, 'vs', input.b.preset), data: png.data, contentType: 'image/png', description: headline },
      ],
      accent: 'info',
    },
    headline: `${input.a.preset} vs ${input.b.preset}: P(D) ${formatPercent(a.end.D)} vs ${formatPercent(b.end.D)} after ${n} steps`,
    summary: { a: { D: a.end.D, C: a.end.C, ever: a.end.ever }, b: { D: b.end.D, C: b.end.C, ever: b.end.ever }, difference },
  };
}

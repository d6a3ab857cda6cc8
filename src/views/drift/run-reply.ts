import { md } from '../../core/markup.ts';
import { context, table, text, type Block, type Reply } from '../../core/reply.ts';
import type { ExactResult } from '../../domain/drift/exact.ts';
import type { RunInput } from '../../domain/drift/inputs.ts';
import { correctionRate } from '../../domain/drift/model.ts';
import type { MonteCarloResult, Spread } from '../../domain/drift/monte-carlo.ts';
import { solveRun } from '../../domain/drift/solve.ts';
import { formatCount, formatParam, formatPercent } from '../../domain/drift/numbers.ts';
import { renderLineChart, type LineChart, type LineSeries } from '../../render/chart.ts';
import { chartName, paramLine, sourceLine, stepOrNever } from './format.ts';

/** A drift reply, with what a claim keeps of it when the run is attached. */
export interface DriftAnswer {
  readonly reply: Reply;
  /** One line for the claim card. */
  readonly headline: string;
  readonly summary: Record<string, unknown>;
}

/** "P(dangerous and hidden) after 100,000 serial steps: 95.0%; crosses 50% at step 23,105." */
export function headlineOf(result: ExactResult): string {
  const n = formatCount(result.params.steps);
  const start = `P(dangerous and hidden) after ${n} serial steps: ${formatPercent(result.end.D)}`;
  if (result.crosses50 !== undefined) return `${start}; crosses 50% at step ${formatCount(result.crosses50)}.`;
  if (result.peak.step < result.params.steps && result.peak.value > result.end.D) {
    return `${start}; it never reaches 50% (peak ${formatPercent(result.peak.value)} at step ${formatCount(result.peak.step)}).`;
  }
  return `${start}; it never reaches 50%.`;
}

const spreadCell = (s: Spread) =>
  `${formatParam(Number(s.mean.toFixed(1)))} ± ${s.sd.toFixed(1)} (${formatCount(s.min)}–${formatCount(s.max)})`;

function resultTable(result: ExactResult, mc: MonteCarloResult | undefined): Block {
  const share = (value: number) =>
    mc ? `${formatPercent(value)} (${formatParam(Number((value * mc.agents).toFixed(1)))} agents)` : formatPercent(value);
  const { end } = result;
  const rows: string[][] = [
    ['P(D) dangerous and hidden at n', share(end.D), ...(mc ? [spreadCell(mc.end.D)] : [])],
    ['P(C) caught at n', share(end.C), ...(mc ? [spreadCell(mc.end.C)] : [])],
    ['P(ever dangerous) by n', share(end.ever), ...(mc ? [spreadCell(mc.end.ever)] : [])],
    ['P(D) first ≥ 10%', stepOrNever(result.crosses10), ...(mc ? [''] : [])],
    ['P(D) first ≥ 50%', stepOrNever(result.crosses50), ...(mc ? [''] : [])],
    ['peak P(D)', `${formatPercent(result.peak.value)} at step ${formatCount(result.peak.step)}`, ...(mc ? [''] : [])],
  ];
  const exactColumn = mc?.beta ? 'exact, all agents at mean p' : 'exact';
  const columns = ['', exactColumn, ...(mc ? [`Monte Carlo: ${formatCount(mc.agents)} agents × ${mc.runs} runs`] : [])];
  return table(columns, rows, ['left', 'right', 'right']);
}

function chartSeries(result: ExactResult, mc: MonteCarloResult | undefined): LineSeries[] {
  const points = (key: 'D' | 'C') => result.curve.map((point) => ({ x: point.step, y: point[key] }));
  const series: LineSeries[] = [{ label: `P(D) ${formatPercent(result.end.D)}`, points: points('D'), color: '#d62728' }];
  if (result.curve.some((point) => point.C > 0))
    series.push({ label: `P(C) caught ${formatPercent(result.end.C)}`, points: points('C'), color: '#1f77b4' });
  if (mc) {
    const mcPoints = (key: 'D' | 'C') =>
      mc.curve.filter((point) => point.step > 0 || !result.logSteps).map((point) => ({ x: point.step, y: point[key] }));
    // ± one standard deviation between runs, clipped to 0–100%.
    const band = (key: 'D' | 'C') =>
      mc.runs > 1
        ? mc.curve
            .filter((point) => point.step > 0 || !result.logSteps)
            .map((point) => ({
              x: point.step,
              lower: Math.max(0, point[key] - point.sd[key]),
              upper: Math.min(1, point[key] + point.sd[key]),
            }))
        : undefined;
    const spread = mc.runs > 1 ? ' ± sd' : '';
    const withBand = (key: 'D' | 'C') => {
      const b = band(key);
      return b ? { band: b } : {};
    };
    series.push({ label: `D, Monte Carlo mean${spread}`, points: mcPoints('D'), dashed: true, color: '#ff7f0e', ...withBand('D') });
    if (mc.curve.some((point) => point.C > 0))
      series.push({ label: `C, Monte Carlo mean${spread}`, points: mcPoints('C'), dashed: true, color: '#9467bd', ...withBand('C') });
  }
  return series;
}

/** The run's chart: its title names only the curves drawn (no P(caught) when nobody is ever caught). */
export function runChart(input: RunInput, result: ExactResult, mc: MonteCarloResult | undefined): LineChart {
  const crystallizes = correctionRate(input.params) > 0 && input.params.T < input.params.steps;
  const series = chartSeries(result, mc);
  const caught = series.some((s) => s.label.startsWith('P(C)') || s.label.startsWith('C,'));
  const what = caught ? 'P(dangerous and hidden) and P(caught)' : 'P(dangerous and hidden)';
  return {
    title: `${what} by serial step${mc ? `, exact and Monte Carlo` : ''}`,
    subtitle: `${input.preset} · ${paramLine(input.params)}`,
    xTitle: result.logSteps ? 'serial step (log scale)' : 'serial step',
    yTitle: 'share of agents',
    logX: result.logSteps,
    percentY: true,
    series,
    ...(crystallizes ? { markers: [{ x: Math.max(1, input.params.T), label: 'values crystallize (T)' }] } : {}),
  };
}

export async function runAnswer(input: RunInput): Promise<DriftAnswer> {
  const { exact: result, monteCarlo: mc } = solveRun(input);
  const headline = headlineOf(result);
  const png = await renderLineChart(runChart(input, result, mc));

  const blocks: Block[] = [text(md`**${headline}**`), resultTable(result, mc)];
  if (mc) {
    const beta = mc.beta ? md` · p ~ Beta(${formatParam(mc.beta.a)}, ${formatParam(mc.beta.b)}) per agent` : '';
    blocks.push(
      text(
        md`Of ${formatCount(mc.agents)} agents, ${formatParam(Number(mc.end.D.mean.toFixed(1)))} are dangerous and hidden at the end and ${formatParam(Number(mc.end.C.mean.toFixed(1)))} caught, on average over ${mc.runs} runs (± one standard deviation, range in brackets)${beta}.`,
      ),
    );
  }
  blocks.push(context(md`\`${paramLine(input.params)}\``), context(sourceLine(input.preset)));
  for (const note of input.notes) blocks.push(context(note));
  if (mc) blocks.push(context(md`Seed ${String(mc.seed)}: the same command with \`seed:${String(mc.seed)}\` gives the same counts.`));

  const summary = {
    D: result.end.D,
    C: result.end.C,
    ever: result.end.ever,
    crosses10: result.crosses10 ?? null,
    crosses50: result.crosses50 ?? null,
    ...(mc ? { monteCarlo: { agents: mc.agents, runs: mc.runs, seed: mc.seed, D: mc.end.D, C: mc.end.C, ever: mc.end.ever } } : {}),
  };
  return {
    reply: {
      title: `Drift · ${input.preset}${mc ? ` · ${formatCount(mc.agents)} agents` : ''}`,
      blocks,
      attachments: [{ name: chartName(input.preset), data: png.data, contentType: 'image/png', description: headline }],
      accent: 'info',
    },
    headline: `${input.preset}: P(D) ${formatPercent(result.end.D)} after ${formatCount(input.params.steps)} steps${mc ? ` (${formatCount(mc.agents)} agents: ${mc.end.D.mean.toFixed(1)} dangerous, ${mc.end.C.mean.toFixed(1)} caught)` : ''}`,
    summary,
  };
}

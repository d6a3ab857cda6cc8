import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, svgToPng, type Png } from './png.ts';

/**
 * Line charts (drift curves, sweeps) as PNG: a Vega-Lite spec, compiled to Vega, rendered headless to
 * SVG, then to PNG by the shared resvg step with the bundled font. Each line is labelled at its end, so
 * the picture reads without a legend; a log x-axis is used when the values span decades.
 */

export interface LineSeries {
  /** Shown at the end of the line. */
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly dashed?: boolean;
  readonly color?: string;
  /** A shaded band around the line (e.g. ± one standard deviation between Monte Carlo runs), in the line's colour. */
  readonly band?: readonly { readonly x: number; readonly lower: number; readonly upper: number }[];
}

export interface LineChart {
  readonly title: string;
  readonly subtitle?: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly logX: boolean;
  /** Y values are probabilities: a 0–100% axis. */
  readonly percentY: boolean;
  readonly series: readonly LineSeries[];
  /** Vertical markers, e.g. "values crystallize" at T. */
  readonly markers?: readonly { readonly x: number; readonly label: string }[];
  readonly width?: number;
  readonly height?: number;
}

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;
const PALETTE = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const LABEL_GAP = 0.05;

/** End-of-line labels, nudged apart vertically so two lines ending together stay readable. */
function endLabels(chart: LineChart): { x: number; y: number; text: string; color: string }[] {
  const ends = chart.series
    .map((series, i) => {
      const last = series.points[series.points.length - 1];
      return last ? { x: last.x, y: last.y, text: series.label, color: series.color ?? PALETTE[i % PALETTE.length]! } : undefined;
    })
    .filter((label) => label !== undefined)
    .sort((a, b) => a.y - b.y);
  const span = chart.percentY ? 1 : Math.max(1e-12, ...chart.series.flatMap((s) => s.points.map((p) => p.y)));
  for (let i = 1; i < ends.length; i++) {
    const min = ends[i - 1]!.y + LABEL_GAP * span;
    if (ends[i]!.y < min) ends[i]!.y = min;
  }
  // Pushed off the top: shift the whole stack down.
  const overflow = ends.length ? ends[ends.length - 1]!.y - span : 0;
  if (overflow > 0) for (const label of ends) label.y -= overflow;
  return ends;
}

function decades(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const min = Math.min(...values.filter((v) => v > 0));
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); 10 ** e <= max * 1.0001; e++) out.push(10 ** e);
  return out;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** `10⁻⁵`: a power of ten as it is printed, never an SI prefix (µ, m, k). */
export function powerOfTen(exponent: number): string {
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** Plain numbers read best between these; decades outside them are printed as powers of ten. */
const PLAIN_FROM = 0.01;
const PLAIN_TO = 1e6;

/**
 * Tick labels for a log axis at `decades`: plain numbers (`0.01`, `1,000`) when every decade is in the
 * plain range, otherwise every label as a power of ten (`10⁻⁵`), so one axis never mixes the two.
 * A Vega expression: a chain of comparisons with each decade's label.
 */
export function decadeLabelExpr(decades: readonly number[]): string {
  const plain = decades.every((d) => d >= PLAIN_FROM && d <= PLAIN_TO);
  const label = (d: number) => (plain ? d.toLocaleString('en-US', { maximumFractionDigits: 20 }) : powerOfTen(Math.round(Math.log10(d))));
  // Each decade owns the values up to the geometric middle towards the next one.
  let expr = `'${label(decades[decades.length - 1]!)}'`;
  for (let i = decades.length - 2; i >= 0; i--) expr = `datum.value < ${decades[i]! * Math.sqrt(10)} ? '${label(decades[i]!)}' : ${expr}`;
  return expr;
}

/** Linear axes: plain digits with thousands separators, rounded to significant digits, never SI prefixes or exponents. */
export const PLAIN_NUMBER_FORMAT = ',~r';

export function lineChartSpec(chart: LineChart): TopLevelSpec {
  const colors = chart.series.map((series, i) => series.color ?? PALETTE[i % PALETTE.length]!);
  const rows = chart.series.flatMap((series) => series.points.map((point) => ({ x: point.x, y: point.y, series: series.label })));
  const logTicks = chart.logX ? decades(rows.map((r) => r.x)) : [];
  const bands = chart.series.flatMap((series, i) =>
    (series.band ?? []).map((b) => ({ x: b.x, lower: b.lower, upper: b.upper, color: colors[i]! })),
  );
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: chart.xTitle,
    scale: chart.logX ? { type: 'log' as const } : { zero: false, nice: false },
    // On a log axis, ticks and grid lines at the decades only.
    axis: {
      labelOverlap: true,
      grid: true,
      ...(chart.logX ? { values: logTicks, labelExpr: decadeLabelExpr(logTicks) } : { format: PLAIN_NUMBER_FORMAT }),
    },
  };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: chart.yTitle,
    ...(chart.percentY ? { scale: { domain: [0, 1] } } : {}),
    axis: { format: chart.percentY ? '.0%' : PLAIN_NUMBER_FORMAT, grid: true },
  };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  if (bands.length) {
    // Under the lines: a band for each series that has one, faint so the curves stay on top.
    layers.push({
      data: { values: bands },
      mark: { type: 'area', opacity: 0.18, interpolate: 'linear' },
      encoding: {
        x,
        y: { field: 'lower', type: 'quantitative', ...(chart.percentY ? { scale: { domain: [0, 1] } } : {}) },
        y2: { field: 'upper' },
        color: { field: 'color', type: 'nominal', scale: null },
        detail: { field: 'color', type: 'nominal' },
      },
    });
  }
  layers.push(
    {
      data: { values: rows },
      mark: { type: 'line', strokeWidth: 2.5, interpolate: 'linear' },
      encoding: {
        x,
        y,
        color: { field: 'series', type: 'nominal', scale: { domain: chart.series.map((s) => s.label), range: colors }, legend: null },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          scale: { domain: chart.series.map((s) => s.label), range: chart.series.map((s) => (s.dashed ? [6, 4] : [1, 0])) },
          legend: null,
        },
      },
    },
    {
      data: { values: endLabels(chart) },
      mark: { type: 'text', align: 'left', dx: 6, fontSize: 12, fontWeight: 'bold' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        text: { field: 'text' },
        color: { field: 'color', type: 'nominal', scale: null },
      },
    },
  );
  if (chart.markers?.length) {
    layers.push(
      {
        data: { values: [...chart.markers] },
        mark: { type: 'rule', strokeDash: [3, 3], color: '#777' },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
      {
        data: { values: [...chart.markers] },
        // Just above the plot, clear of the curves.
        mark: { type: 'text', align: 'center', baseline: 'bottom', fontSize: 11, color: '#555' },
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: -3 }, text: { field: 'label' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: chart.width ?? CHART_WIDTH,
    height: chart.height ?? CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 10,
    background: 'white',
    title: { text: chart.title, ...(chart.subtitle ? { subtitle: chart.subtitle } : {}), anchor: 'start', fontSize: 15 },
    config: { font: FONT_FAMILY, axis: { labelFontSize: 11, titleFontSize: 12 }, view: { stroke: null } },
    layer: layers,
  };
}

/** The chart as SVG text (the padding on the right holds the line labels). */
export async function renderLineChartSvg(chart: LineChart): Promise<string> {
  // Loaded on first use: Vega takes about half a second to import, which every `cruxbot` start would pay.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(lineChartSpec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderLineChart(chart: LineChart): Promise<Png> {
  return svgToPng(await renderLineChartSvg(chart));
}

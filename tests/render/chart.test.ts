import { describe, expect, it } from 'vitest';
import { decadeLabelExpr, lineChartSpec, renderLineChart, renderLineChartSvg, type LineChart } from '../../src/render/chart.ts';
import { runInputFrom, sweepInputFrom } from '../../src/domain/drift/requests.ts';
import { solveRun, solveSweep } from '../../src/domain/drift/solve.ts';
import { runChart } from '../../src/views/drift/run-reply.ts';
import { sweepChart } from '../../src/views/drift/sweep-reply.ts';
import { isPng } from '../../src/render/png.ts';
import { pngSize } from '../support/png-size.ts';

const curve = (f: (x: number) => number) => Array.from({ length: 50 }, (_, i) => ({ x: 10 ** (i / 7), y: f(10 ** (i / 7)) }));

const chart: LineChart = {
  title: 'P(dangerous and hidden) by serial step',
  subtitle: 'random-drift',
  xTitle: 'serial step',
  yTitle: 'share of agents',
  logX: true,
  percentY: true,
  series: [
    { label: 'P(D) 95.0%', points: curve((x) => 1 - Math.exp(-x / 1e5)) },
    { label: 'P(C) caught 4.0%', points: curve((x) => 0.04 * (1 - Math.exp(-x / 1e5))), dashed: true },
  ],
  markers: [{ x: 1000, label: 'values crystallize (T)' }],
};

describe('line charts', () => {
  it('render to a valid PNG of 800 × 400', async () => {
    const png = await renderLineChart(chart);
    expect(isPng(png.data)).toBe(true);
    expect(pngSize(png.data)).toEqual({ width: 800, height: 400 });
    expect(png.data.byteLength).toBeGreaterThan(10_000); // lines, axes and text, not a blank canvas
  });

  it('label each line at its end and the marker, with the title, in the picture itself', async () => {
    const svg = await renderLineChartSvg(chart);
    for (const words of ['P(D) 95.0%', 'P(C) caught 4.0%', 'values crystallize (T)', 'P(dangerous and hidden) by serial step']) {
      expect(svg).toContain(words);
    }
  });

  it('use a log x-axis with ticks at the decades when asked, and a linear one otherwise', () => {
    const log = JSON.stringify(lineChartSpec(chart));
    expect(log).toContain('"type":"log"');
    expect(log).toContain('"values":[1,10,100,1000,10000,100000,1000000,10000000]');
    expect(JSON.stringify(lineChartSpec({ ...chart, logX: false }))).not.toContain('"type":"log"');
  });

  it('keep two labels that end at the same height apart', () => {
    const spec = lineChartSpec({ ...chart, series: [chart.series[0]!, { ...chart.series[0]!, label: 'twin' }] }) as {
      layer: { data: { values: { y: number }[] } }[];
    };
    const [first, second] = spec.layer[1]!.data.values;
    expect(Math.abs(first!.y - second!.y)).toBeGreaterThanOrEqual(0.049);
  });
});

/** The tick labels Vega drew on the x axis, in order. */
const xTickLabels = (svg: string) => {
  const start = svg.indexOf('aria-label="X-axis');
  const end = svg.indexOf('aria-label="Y-axis', start);
  const axis = svg.slice(start, end < 0 ? undefined : end);
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).filter((t) => !/[a-z]{3}/.test(t));
};

describe('chart axes and bands', () => {
  it('a sweep of c from 1e-5 to 1e-2 labels its axis with powers of ten, never SI prefixes', async () => {
    const input = sweepInputFrom({ preset: 'data-directable', param: 'c', from: '1e-5', to: '1e-2' });
    const spec = sweepChart(input, solveSweep(input).sweep);
    const svg = await renderLineChartSvg(spec);
    expect(xTickLabels(svg)).toEqual(['10⁻⁵', '10⁻⁴', '10⁻³', '10⁻²']);
    expect(svg).not.toMatch(/>\d+[µmk]</);
  });

  it('decades in the plain range are plain numbers; linear axes never use SI prefixes or exponents', async () => {
    expect(decadeLabelExpr([1, 10, 100, 1000])).toContain("'1,000'");
    expect(decadeLabelExpr([0.001, 0.01])).toContain("'10⁻³'"); // one decade outside: the whole axis in powers of ten
    const linear = await renderLineChartSvg({
      ...chart,
      logX: false,
      series: [{ label: 'P(D)', points: [0, 250_000, 500_000, 750_000, 1_000_000].map((x) => ({ x, y: x / 2e6 })) }],
    });
    const labels = xTickLabels(linear);
    expect(labels).toContain('1,000,000');
    for (const label of labels) expect(label).toMatch(/^[\d,.]+$/);
  });

  it('a Monte Carlo run draws its curves with a spread band, and the title names only the curves drawn', async () => {
    const input = runInputFrom({ preset: 'random-drift', agents: '200', runs: '8', steps: '20000' }, () => 7);
    const { exact, monteCarlo } = solveRun(input);
    const spec = runChart(input, exact, monteCarlo);
    expect(spec.title).toBe('P(dangerous and hidden) by serial step, exact and Monte Carlo'); // random-drift catches nobody
    expect(spec.series.map((s) => s.label)).toEqual([expect.stringMatching(/^P\(D\) /), 'D, Monte Carlo mean ± sd']);
    const band = spec.series[1]!.band!;
    expect(band.length).toBeGreaterThan(5);
    expect(band.some((b) => b.upper - b.lower > 0.001)).toBe(true);
    for (const b of band) expect(b.lower).toBeLessThanOrEqual(b.upper);
    const vega = JSON.stringify(lineChartSpec(spec));
    expect(vega).toContain('"type":"area"');
    const svg = await renderLineChartSvg(spec);
    expect(svg).toContain('D, Monte Carlo mean ± sd');
    expect(svg).not.toContain('P(caught)');

    const caught = runInputFrom({ preset: 'objection-channel', agents: '200', runs: '8', steps: '20000' }, () => 7);
    const solved = solveRun(caught);
    expect(runChart(caught, solved.exact, solved.monteCarlo).title).toBe(
      'P(dangerous and hidden) and P(caught) by serial step, exact and Monte Carlo',
    );
    expect(runChart(caught, solved.exact, undefined).title).toBe('P(dangerous and hidden) and P(caught) by serial step');
  });
});

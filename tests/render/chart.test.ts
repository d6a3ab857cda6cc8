import { describe, expect, it } from 'vitest';
import { lineChartSpec, renderLineChart, renderLineChartSvg, type LineChart } from '../../src/render/chart.ts';
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

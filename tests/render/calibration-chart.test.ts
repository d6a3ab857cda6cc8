import { describe, expect, it } from 'vitest';
import { calibration } from '../../src/domain/credences/calibration.ts';
import { calibrationChartSpec, renderCalibrationChart, renderCalibrationSvg } from '../../src/render/calibration-chart.ts';
import { isPng } from '../../src/render/png.ts';
import { pngSize } from '../support/png-size.ts';

const points = calibration([
  ...Array.from({ length: 10 }, (_, i) => ({ p: 0.7, outcome: i < 7 })),
  ...Array.from({ length: 4 }, (_, i) => ({ p: 0.2, outcome: i < 2 })),
]);
const chart = { title: 'Calibration of the team', subtitle: '14 predictions', points };

describe('the calibration chart', () => {
  it('renders to a square PNG of 560 × 560 with something drawn on it', async () => {
    const png = await renderCalibrationChart(chart);
    expect(isPng(png.data)).toBe(true);
    expect(pngSize(png.data)).toEqual({ width: 560, height: 560 });
    expect(png.data.byteLength).toBeGreaterThan(10_000);
  });

  it('shows the counts, the axes in percent and the diagonal', async () => {
    const svg = await renderCalibrationSvg(chart);
    for (const words of ['Calibration of the team', '7/10', '2/4', '70%', '100%', 'predicted probability', 'observed frequency']) {
      expect(svg).toContain(words);
    }
    const spec = JSON.stringify(calibrationChartSpec(chart));
    expect(spec).toContain('{"predicted":0,"observed":0},{"predicted":1,"observed":1}');
    expect(spec).toContain('"format":".0%"');
    expect(spec).not.toContain('~s');
  });
});

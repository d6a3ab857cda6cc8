import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationPoint } from '../domain/credences/calibration.ts';
import { FONT_FAMILY, svgToPng, type Png } from './png.ts';

/**
 * A calibration chart as PNG, made as the line charts are (Vega-Lite → Vega → SVG → resvg): predicted
 * probability (each bucket's mean prediction) against how often those predictions came true, a dot
 * sized by how many predictions it holds and labelled with that count, and the diagonal where a
 * perfectly calibrated forecaster's dots lie. Both axes run 0–100%.
 */

export interface CalibrationChart {
  readonly title: string;
  readonly subtitle?: string;
  readonly points: readonly CalibrationPoint[];
  readonly size?: number;
}

export const CALIBRATION_SIZE = 560;
const COLOR = '#1f77b4';

export function calibrationChartSpec(chart: CalibrationChart): TopLevelSpec {
  const rows = chart.points.map((p) => ({
    predicted: p.predicted,
    observed: p.observed,
    count: p.count,
    label: `${p.hits}/${p.count}`,
  }));
  const percentAxis = (title: string) => ({
    title,
    scale: { domain: [0, 1], nice: false },
    axis: { format: '.0%', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], grid: true },
  });
  const x = { field: 'predicted', type: 'quantitative' as const, ...percentAxis('predicted probability (mean of each 10% bucket)') };
  const y = { field: 'observed', type: 'quantitative' as const, ...percentAxis('observed frequency (share that came true)') };
  const size = chart.size ?? CALIBRATION_SIZE;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size,
    height: size,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 10,
    background: 'white',
    title: { text: chart.title, ...(chart.subtitle ? { subtitle: chart.subtitle } : {}), anchor: 'start', fontSize: 15 },
    config: { font: FONT_FAMILY, axis: { labelFontSize: 11, titleFontSize: 12 }, view: { stroke: null } },
    layer: [
      {
        // The diagonal: predicted = observed.
        data: {
          values: [
            { predicted: 0, observed: 0 },
            { predicted: 1, observed: 1 },
          ],
        },
        mark: { type: 'line', strokeDash: [6, 4], color: '#888', strokeWidth: 1.5 },
        encoding: { x, y },
      },
      {
        data: { values: rows },
        mark: { type: 'line', color: COLOR, strokeWidth: 2, point: false },
        encoding: { x, y },
      },
      {
        data: { values: rows },
        mark: { type: 'circle', color: COLOR, opacity: 0.85 },
        encoding: {
          x,
          y,
          size: { field: 'count', type: 'quantitative', scale: { range: [60, 600], zero: false }, legend: null },
        },
      },
      {
        // How many came true of how many, beside each dot.
        data: { values: rows },
        mark: { type: 'text', align: 'left', dx: 12, dy: -10, fontSize: 12, fontWeight: 'bold', color: '#333' },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  };
}

export async function renderCalibrationSvg(chart: CalibrationChart): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(calibrationChartSpec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderCalibrationChart(chart: CalibrationChart): Promise<Png> {
  return svgToPng(await renderCalibrationSvg(chart));
}

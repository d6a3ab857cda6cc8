import type { Debate } from '../domain/debates.ts';
import type { RunInput } from '../domain/drift/inputs.ts';
import { solveRun } from '../domain/drift/solve.ts';
import type { SimRun } from '../domain/sim-runs.ts';
import { debatePageData } from '../queries/debate-page.ts';
import { renderLineChartSvg } from '../render/chart.ts';
import { renderWebMap } from '../render/map/web-map.ts';
import { PAGE_SCRIPT, PAGE_STYLE } from '../render/page-assets.ts';
import type { Reader } from '../storage/ports.ts';
import { debatePageHtml } from '../views/web/debate-page.ts';

/**
 * The read-only page of a debate, as HTML: read through the queries (the hidden-poll rule for nobody in
 * particular), the map laid out by Graphviz, drift charts drawn, and the view. `linked` pages load their
 * script and style sheet from `assetBase` (the server's); a `file` page carries them inside, for
 * `/debate export format:html`.
 */
export async function debatePage(
  queries: Reader,
  debate: Debate,
  options: { mode: 'linked'; assetBase: string; now: Date } | { mode: 'file'; now: Date },
): Promise<string> {
  const data = await debatePageData(queries, debate);
  const textOf = new Map(data.claims.map((c) => [c.number, c.text]));
  const map = await renderWebMap({
    claims: data.claims,
    links: data.links,
    ...(data.root ? { rootId: data.root.id } : {}),
    ...(data.shown.size ? { credenceOf: (id: number) => data.shown.get(id)?.geoMeanOdds } : {}),
    labelOf: (n) => textOf.get(n) ?? '',
  });
  const charts = new Map<number, string>();
  for (const run of data.runs) {
    const chart = await driftChart(run);
    if (chart) charts.set(run.number, chart);
  }
  return debatePageHtml({
    data,
    mapSvg: map.svg,
    charts,
    generatedAt: options.now.toISOString(),
    assets:
      options.mode === 'linked'
        ? { mode: 'linked', styleHref: `${options.assetBase}/${PAGE_STYLE.name}`, scriptHref: `${options.assetBase}/${PAGE_SCRIPT.name}` }
        : { mode: 'inline', style: PAGE_STYLE.text, script: PAGE_SCRIPT.text },
  });
}

const CHARTS = new Map<string, string>();

/** A single run's curve, drawn again from its stored input (exact answers take microseconds), as an SVG data URL. */
async function driftChart(run: SimRun): Promise<string | undefined> {
  if (run.kind !== 'run') return undefined;
  const key = `${run.workspace}:${run.id}`;
  const kept = CHARTS.get(key);
  if (kept) return kept;
  try {
    const input = run.input as RunInput;
    const { exact } = solveRun(input);
    const svg = await renderLineChartSvg({
      title: 'P(dangerous and hidden) and P(caught) by serial step',
      subtitle: input.preset,
      xTitle: exact.logSteps ? 'serial step (log scale)' : 'serial step',
      yTitle: 'share of agents',
      logX: exact.logSteps,
      percentY: true,
      series: [
        { label: 'P(D)', points: exact.curve.map((p) => ({ x: p.step, y: p.D })), color: '#d62728' },
        ...(exact.curve.some((p) => p.C > 0) ? [{ label: 'P(C) caught', points: exact.curve.map((p) => ({ x: p.step, y: p.C })), color: '#1f77b4' }] : []),
      ],
    });
    const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    CHARTS.set(key, url);
    if (CHARTS.size > 256) CHARTS.delete(CHARTS.keys().next().value!);
    return url;
  } catch {
    // A run stored by an older version whose input no longer solves: its headline still says what it found.
    return undefined;
  }
}

import type { Claim } from '../../domain/claims.ts';
import type { Link } from '../../domain/links.ts';
import { svgToPng } from '../png.ts';
import { composeMapSvg, readGraphvizSvg, type GraphSvg } from './compose.ts';
import { cruxMapDot, type MapDotOptions } from './dot.ts';
import { cruxClaimIds, type CredenceLookup } from '../../domain/crux-graph.ts';
import { layoutSvg, unflatten } from './graphviz.ts';
import { SIZE } from './style.ts';

/** A map wider than this is laid out narrower first, and scaled down only as far as text stays readable. */
export const MAX_WIDTH_PX = 1600;
/** A chat shows a picture within about this many pixels high: a taller one is drawn smaller, as far as text stays readable. */
export const MAX_HEIGHT_PX = 1600;
/** No text in the picture is drawn smaller than this many pixels. */
export const MIN_TEXT_PX = 12;
/** Small maps are drawn at this many pixels per unit, so they stay crisp on dense screens. */
const PREFERRED_SCALE = 1.5;
const SMALLEST_TEXT = Math.min(SIZE.note, SIZE.legend, SIZE.header, SIZE.text);
const MIN_SCALE = MIN_TEXT_PX / SMALLEST_TEXT;

export interface MapView {
  readonly title: string;
  /** Grey lines under the title: what is shown, how to see more. */
  readonly notes: readonly string[];
  readonly claims: readonly Claim[];
  readonly links: readonly Link[];
  readonly rootId?: number;
  /** The claim a focus view is centred on: marked in its box. */
  readonly focusId?: number;
  readonly hiddenNeighbours?: ReadonlyMap<number, number>;
  /** Row ids of claims whose text was edited since it was added: marked in their boxes. */
  readonly edited?: ReadonlySet<number>;
  /** The team's credences; boxes are grey ("no credences yet") without it. */
  readonly credenceOf?: CredenceLookup;
}

export interface CruxMapPicture {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Pixels per unit: the smallest text is `12 × scale` pixels high. */
  readonly scale: number;
  readonly svg: string;
}

/**
 * The crux map as a PNG: Graphviz lays the claims out, the heading and legend are added around it,
 * and the result is drawn with the bundled font. A graph too wide for the cap is re-laid out with
 * its rows of leaves staggered before anything is shrunk.
 */
export async function renderCruxMap(view: MapView): Promise<CruxMapPicture> {
  const graph = await layoutThatFits(
    {
      ...(view.credenceOf ? { credenceOf: view.credenceOf } : {}),
      ...(view.rootId !== undefined ? { rootId: view.rootId } : {}),
      ...(view.focusId !== undefined ? { focusId: view.focusId } : {}),
      ...(view.hiddenNeighbours ? { hiddenNeighbours: view.hiddenNeighbours } : {}),
      ...(view.edited ? { edited: view.edited } : {}),
    },
    view,
  );
  const cruxes = cruxClaimIds(view.links);
  const composed = composeMapSvg(
    graph,
    { title: view.title, notes: view.notes },
    {
      linkKinds: new Set(view.links.map((l) => l.kind)),
      anyCrux: view.claims.some((c) => cruxes.has(c.id)),
      anyWithoutCredence: view.claims.some((c) => c.status === 'open' && view.credenceOf?.(c.id) === undefined),
      anyResolved: view.claims.some((c) => c.status === 'resolved-true' || c.status === 'resolved-false'),
      anyRetracted: view.claims.some((c) => c.status === 'retracted'),
      anyEdited: view.claims.some((c) => view.edited?.has(c.id) ?? false),
    },
  );
  const scale = Math.max(MIN_SCALE, Math.min(PREFERRED_SCALE, MAX_WIDTH_PX / composed.width, MAX_HEIGHT_PX / composed.height));
  const png = svgToPng(composed.svg, { width: Math.round(composed.width * scale) });
  return { png: png.data, width: png.width, height: png.height, scale, svg: composed.svg };
}

/** Widest graph (in units) that still fits the width cap at the smallest readable scale, with margins. */
const WIDTH_LIMIT = MAX_WIDTH_PX / MIN_SCALE - 60;
/** Tallest graph (in units) that fits the height cap at the smallest readable scale, leaving room for the heading and legend. */
const HEIGHT_LIMIT = MAX_HEIGHT_PX / MIN_SCALE - 260;

/**
 * The argument-map layout (supporters below what they support) when it fits the width cap. A bushy
 * graph is too wide that way, so then a few alternatives are laid out (sideways, and with long rows
 * of leaves staggered) and the most compact one that fits wins: small area, not too tall and thin.
 */
async function layoutThatFits(options: MapDotOptions, view: MapView): Promise<GraphSvg> {
  const uprightDot = cruxMapDot(view.claims, view.links, options);
  const upright = readGraphvizSvg(await layoutSvg(uprightDot));
  if (upright.width <= WIDTH_LIMIT && upright.height <= HEIGHT_LIMIT) return upright;
  const sideways = cruxMapDot(view.claims, view.links, { ...options, direction: 'RL' });
  const candidates = [
    upright,
    readGraphvizSvg(await layoutSvg(await unflatten(uprightDot, 3))),
    readGraphvizSvg(await layoutSvg(sideways)),
    ...(await Promise.all([2, 3, 4].map(async (stagger) => readGraphvizSvg(await layoutSvg(await unflatten(sideways, stagger)))))),
  ];
  // Best: fits both caps. Then: fits the width (a chat scrolls down more readily than across).
  const both = candidates.filter((c) => c.width <= WIDTH_LIMIT && c.height <= HEIGHT_LIMIT);
  if (both.length) return both.reduce((a, b) => (b.width * b.height < a.width * a.height ? b : a));
  const fitting = candidates.filter((c) => c.width <= WIDTH_LIMIT);
  if (fitting.length === 0) return candidates.reduce((a, b) => (b.width < a.width ? b : a));
  const cost = (g: GraphSvg) => g.width * g.height * Math.max(1, g.height / g.width / 1.5);
  return fitting.reduce((a, b) => (cost(b) < cost(a) ? b : a));
}

import { FONT_FAMILY, svgToPng, type Png } from './png.ts';

export interface MapPerson {
  readonly x: number;
  readonly y: number;
  /** Group id, or −1 for someone left out. */
  readonly group: number;
  readonly label: string;
}

/** What each axis means, one line each: the claims that load most on that component. */
export interface MapAxes {
  readonly x?: string;
  readonly y?: string;
}

/** Colour-blind-safe (Okabe–Ito) colours for groups A–E; grey for people left out. */
export const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9'];
const LEFT_OUT = '#BBBBBB';

const WIDTH = 640;
const HEIGHT = 440;
const MARGIN = { top: 48, right: 24, bottom: 36, left: 24 };
/** Room under the plot for the axis captions. */
const CAPTION_LINE = 15;
/** Names are drawn beside the dots only when there are few enough to read. */
const LABELS_MAX = 40;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The opinion map: each person at their position on the two principal components, coloured by group,
 * named when the team is small, with a legend. Returns SVG.
 */
export function opinionMapSvg(
  title: string,
  people: readonly MapPerson[],
  groups: readonly { label: string; size: number }[],
  axes: MapAxes = {},
): string {
  const captions = [axes.x && `→ ${axes.x}`, axes.y && `↑ ${axes.y}`].filter((c): c is string => Boolean(c));
  const height = HEIGHT + captions.length * CAPTION_LINE;
  const xs = people.map((p) => p.x);
  const ys = people.map((p) => p.y);
  const span = (values: number[]) => {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const pad = (max - min || 1) * 0.08;
    return [min - pad, max + pad] as const;
  };
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  // One scale for both axes: distances on the map are distances between opinions.
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const anyLeftOut = people.some((p) => p.group < 0);
  const scale = Math.min(plotWidth / (x1 - x0), plotHeight / (y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const px = (x: number) => MARGIN.left + plotWidth / 2 + (x - cx) * scale;
  const py = (y: number) => MARGIN.top + plotHeight / 2 - (y - cy) * scale;
  const radius = people.length > 300 ? 2.5 : people.length > 60 ? 4 : 6;
  const colour = (g: number) => (g < 0 ? LEFT_OUT : GROUP_COLOURS[g % GROUP_COLOURS.length]!);

  const dots = [...people]
    .sort((a, b) => Number(a.group >= 0) - Number(b.group >= 0))
    .map(
      (p) => `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="${radius}" fill="${colour(p.group)}" fill-opacity="0.8"/>`,
    );
  const labels =
    people.length <= LABELS_MAX
      ? people.map(
          (p) =>
            `<text x="${(px(p.x) + radius + 3).toFixed(1)}" y="${(py(p.y) + 4).toFixed(1)}" font-size="12" fill="#333">${escapeXml(p.label.slice(0, 24))}</text>`,
        )
      : [];
  // The legend names only what is drawn: groups with members on the map, and grey when someone is grey.
  const legend = groups.flatMap((g, i) =>
    g.size === 0
      ? []
      : `<circle cx="${MARGIN.left + 6 + i * 120}" cy="34" r="6" fill="${colour(i)}"/><text x="${MARGIN.left + 16 + i * 120}" y="38" font-size="13" fill="#333">Group ${escapeXml(g.label)} (${g.size})</text>`,
  );
  const footer = `first two principal components of the credences${anyLeftOut ? ' · grey: too few ratings' : ''}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="${FONT_FAMILY}">`,
    `<text x="${MARGIN.left}" y="18" font-size="15" font-weight="bold" fill="#111">${escapeXml(title.slice(0, 70))}</text>`,
    ...legend,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#eee"/>`,
    ...dots,
    ...labels,
    ...captions.map(
      (caption, i) =>
        `<text x="${MARGIN.left}" y="${HEIGHT - MARGIN.bottom + 16 + i * CAPTION_LINE}" font-size="12" fill="#333">${escapeXml(caption.slice(0, 100))}</text>`,
    ),
    `<text x="${WIDTH - MARGIN.right}" y="${height - 10}" font-size="11" fill="#888" text-anchor="end">${footer}</text>`,
    '</svg>',
  ].join('');
}

export function opinionMapPng(
  title: string,
  people: readonly MapPerson[],
  groups: readonly { label: string; size: number }[],
  axes: MapAxes = {},
): Png {
  return svgToPng(opinionMapSvg(title, people, groups, axes), { width: WIDTH * 1.5 });
}

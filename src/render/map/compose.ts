import { FONT_FAMILY } from '../png.ts';
import { escapeXml } from './escape.ts';
import { legendSvg, type LegendContent } from './legend.ts';
import { INK, SIZE } from './style.ts';
import { fontMetrics } from './text-metrics.ts';
import { wrapToWidth } from './wrap-text.ts';

const MARGIN = 24;
/** The legend and heading need this much room even beside a tiny graph. */
const MIN_CONTENT_WIDTH = 560;

export interface Heading {
  readonly title: string;
  /** Grey lines under the title: counts, what the view shows, how to see more. */
  readonly notes: readonly string[];
}

export interface GraphSvg {
  readonly width: number;
  readonly height: number;
  /** The SVG's inner markup, in its own coordinates (0 0 width height). */
  readonly body: string;
}

/** Width, height and inner markup of the SVG Graphviz wrote (its viewBox is in points). */
export function readGraphvizSvg(svg: string): GraphSvg {
  const open = /<svg\b[^>]*\bviewBox="([\d.\s-]+)"[^>]*>/.exec(svg);
  const close = svg.lastIndexOf('</svg>');
  if (!open || close < 0) throw new Error('Graphviz returned no SVG');
  const [, , width, height] = open[1]!.trim().split(/\s+/).map(Number);
  return { width: width!, height: height!, body: svg.slice(open.index + open[0].length, close) };
}

/** The whole picture: heading, the laid-out graph, and a legend of what it shows. */
export function composeMapSvg(graph: GraphSvg, heading: Heading, legend: LegendContent): { svg: string; width: number; height: number } {
  const content = Math.ceil(Math.max(graph.width, MIN_CONTENT_WIDTH));
  const width = content + 2 * MARGIN;
  const parts: string[] = [];
  let y = MARGIN;

  const bold = fontMetrics('bold');
  const regular = fontMetrics('regular');
  const title = wrapToWidth(heading.title, { width: content, size: SIZE.title, maxLines: 2, metrics: bold });
  for (const line of title.lines) {
    y += SIZE.title * 1.25;
    parts.push(text(MARGIN, y, line, { size: SIZE.title, bold: true, color: INK.text }));
  }
  for (const note of heading.notes) {
    for (const line of wrapToWidth(note, { width: content, size: SIZE.subtitle, maxLines: 3, metrics: regular }).lines) {
      y += SIZE.subtitle * 1.45;
      parts.push(text(MARGIN, y, line, { size: SIZE.subtitle, color: INK.muted }));
    }
  }
  y += 14;

  const graphX = MARGIN + (content - graph.width) / 2;
  parts.push(
    `<svg x="${graphX}" y="${y}" width="${graph.width}" height="${graph.height}" viewBox="0 0 ${graph.width} ${graph.height}">${graph.body}</svg>`,
  );
  y += graph.height + 14;

  const drawn = legendSvg(legend, content);
  if (drawn.height) {
    parts.push(`<line x1="${MARGIN}" y1="${y}" x2="${MARGIN + content}" y2="${y}" stroke="#e5e7eb" stroke-width="1"/>`);
    y += 10;
    parts.push(`<g transform="translate(${MARGIN} ${y})">${drawn.svg}</g>`);
    y += drawn.height;
  }
  const height = Math.ceil(y + MARGIN * 0.75);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${INK.background}"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

function text(x: number, y: number, value: string, style: { size: number; color: string; bold?: boolean }): string {
  return `<text x="${x}" y="${y.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${style.size}"${style.bold ? ' font-weight="bold"' : ''} fill="${style.color}">${escapeXml(value)}</text>`;
}

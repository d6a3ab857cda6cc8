import type { LinkKind } from '../../domain/links.ts';
import { FONT_FAMILY } from '../png.ts';
import { escapeXml } from './escape.ts';
import { credenceFill, EDITED_BADGE, EDGE_STYLE, INK, NO_CREDENCE_FILL, RESOLVED_FILL, SIZE, type EdgeStyle } from './style.ts';
import { fontMetrics } from './text-metrics.ts';

/** What the picture contains, so the legend explains exactly that. */
export interface LegendContent {
  readonly linkKinds: ReadonlySet<LinkKind>;
  readonly anyCrux: boolean;
  readonly anyWithoutCredence: boolean;
  readonly anyResolved: boolean;
  readonly anyRetracted: boolean;
  /** Some claim's text was edited (optional: pictures drawn before edits were marked leave it out). */
  readonly anyEdited?: boolean;
}

interface Item {
  readonly width: number;
  /** SVG drawn with its top-left corner at (x, y). */
  draw(x: number, y: number): string;
}

const ROW = 22;
const GAP = 22;
const SAMPLE = 40;

/** The legend as SVG rows that fit `width`; returns the markup and its height. */
export function legendSvg(content: LegendContent, width: number): { svg: string; height: number } {
  const items = legendItems(content);
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    if (x > 0 && x + item.width > width) {
      x = 0;
      y += ROW;
    }
    parts.push(item.draw(x, y));
    x += item.width + GAP;
  }
  return { svg: parts.join(''), height: items.length ? y + ROW : 0 };
}

function legendItems(content: LegendContent): Item[] {
  const items: Item[] = [];
  const order: LinkKind[] = ['supports', 'opposes', 'crux-of', 'refines', 'duplicates'];
  for (const kind of order) if (content.linkKinds.has(kind)) items.push(edgeItem(EDGE_STYLE[kind]));
  items.push(credenceScaleItem());
  if (content.anyWithoutCredence) items.push(boxItem('no credences yet', { fill: NO_CREDENCE_FILL, stroke: INK.border, width: 1.2 }));
  if (content.anyCrux) items.push(boxItem('crux', { fill: '#ffffff', stroke: INK.crux, width: 2.5 }));
  if (content.anyResolved) {
    items.push(boxItem('resolved true', { fill: RESOLVED_FILL['resolved-true']!, stroke: INK.border, width: 1.2, mark: '✓' }));
    items.push(boxItem('resolved false', { fill: RESOLVED_FILL['resolved-false']!, stroke: INK.border, width: 1.2, mark: '✗' }));
  }
  if (content.anyRetracted) items.push(boxItem('retracted', { fill: '#ffffff', stroke: INK.retracted, width: 1.2, dashed: true }));
  if (content.anyEdited) items.push(editedItem());
  return items;
}

const label = (x: number, y: number, text: string, color: string = INK.text) =>
  `<text x="${x}" y="${y + 15}" font-family="${FONT_FAMILY}" font-size="${SIZE.legend}" fill="${color}">${escapeXml(text)}</text>`;
const textWidth = (text: string) => fontMetrics().width(text, SIZE.legend);

function edgeItem(style: EdgeStyle): Item {
  const dash = style.style === 'dashed' ? ' stroke-dasharray="6 4"' : style.style === 'dotted' ? ' stroke-dasharray="2 3"' : '';
  return {
    width: SAMPLE + 8 + textWidth(style.label),
    draw(x, y) {
      const cy = y + 11;
      const end = x + SAMPLE;
      const line = `<line x1="${x}" y1="${cy}" x2="${end - (style.arrowhead === 'none' ? 0 : 9)}" y2="${cy}" stroke="${style.color}" stroke-width="${style.penwidth}"${dash}/>`;
      return line + arrowhead(style, end, cy) + label(end + 8, y, style.label);
    },
  };
}

function arrowhead(style: EdgeStyle, tip: number, cy: number): string {
  const c = style.color;
  switch (style.arrowhead) {
    case 'normal':
      return `<polygon points="${tip},${cy} ${tip - 10},${cy - 4.5} ${tip - 10},${cy + 4.5}" fill="${c}"/>`;
    case 'onormal':
      return `<polygon points="${tip},${cy} ${tip - 10},${cy - 4.5} ${tip - 10},${cy + 4.5}" fill="#ffffff" stroke="${c}" stroke-width="1.4"/>`;
    case 'tee':
      return `<line x1="${tip - 9}" y1="${cy}" x2="${tip}" y2="${cy}" stroke="${c}" stroke-width="${style.penwidth}"/><rect x="${tip - 3}" y="${cy - 6}" width="3" height="12" fill="${c}"/>`;
    case 'diamond':
      return `<polygon points="${tip},${cy} ${tip - 6},${cy - 5} ${tip - 12},${cy} ${tip - 6},${cy + 5}" fill="${c}"/>`;
    case 'none':
      return '';
  }
}

function credenceScaleItem(): Item {
  const title = 'team credence';
  const bar = 96;
  const left = '0%';
  const right = '100%';
  return {
    width: textWidth(title) + 8 + textWidth(left) + 4 + bar + 4 + textWidth(right),
    draw(x, y) {
      const stops = [0, 0.25, 0.5, 0.75, 1].map((p) => `<stop offset="${p}" stop-color="${credenceFill(p)}"/>`).join('');
      const bx = x + textWidth(title) + 8 + textWidth(left) + 4;
      return (
        `<defs><linearGradient id="credence-scale">${stops}</linearGradient></defs>` +
        label(x, y, title) +
        label(bx - 4 - textWidth(left), y, left, INK.muted) +
        `<rect x="${bx}" y="${y + 4}" width="${bar}" height="14" rx="3" fill="url(#credence-scale)" stroke="${INK.border}" stroke-width="0.8"/>` +
        label(bx + bar + 4, y, right, INK.muted)
      );
    },
  };
}

function boxItem(text: string, box: { fill: string; stroke: string; width: number; dashed?: boolean; mark?: string }): Item {
  const w = 26;
  return {
    width: w + 6 + textWidth(text),
    draw(x, y) {
      const mark = box.mark
        ? `<text x="${x + w / 2}" y="${y + 15.5}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="11" font-weight="bold" fill="${INK.text}">${escapeXml(box.mark)}</text>`
        : '';
      return (
        `<rect x="${x + box.width / 2}" y="${y + 3 + box.width / 2}" width="${w - box.width}" height="${16 - box.width}" rx="4" fill="${box.fill}" stroke="${box.stroke}" stroke-width="${box.width}"${box.dashed ? ' stroke-dasharray="4 3"' : ''}/>` +
        mark +
        label(x + w + 6, y, text)
      );
    },
  };
}

function editedItem(): Item {
  const text = 'text edited since it was added';
  const badge = fontMetrics('regular').width(EDITED_BADGE, SIZE.legend);
  return {
    width: badge + 6 + textWidth(text),
    draw(x, y) {
      return (
        `<text x="${x}" y="${y + 15}" font-family="${FONT_FAMILY}" font-size="${SIZE.legend}" fill="${INK.muted}">${escapeXml(EDITED_BADGE)}</text>` +
        label(x + badge + 6, y, text)
      );
    },
  };
}

import { claimRef, type Claim } from '../../domain/claims.ts';
import type { Link } from '../../domain/links.ts';
import { FONT_FAMILY } from '../png.ts';
import { cleanForPicture, dotString, escapeHtmlLabel } from './escape.ts';
import { cruxClaimIds, type CredenceLookup } from '../../domain/crux-graph.ts';
import { credenceFill, EDGE_STYLE, EDITED_BADGE, formatCredence, INK, RESOLVED_FILL, SIZE, STATUS_BADGE } from './style.ts';
import { fontMetrics } from './text-metrics.ts';
import { wrapToWidth } from './wrap-text.ts';

export interface MapDotOptions {
  readonly credenceOf?: CredenceLookup;
  /** Row id of the root claim: drawn with a heavier border. */
  readonly rootId?: number;
  /** Row id of the claim a focus view is centred on. */
  readonly focusId?: number;
  /** Neighbours outside the view, by claim row id: a note in the box says there is more. */
  readonly hiddenNeighbours?: ReadonlyMap<number, number>;
  /** A title drawn by Graphviz itself (for the DOT export; the picture draws its own heading). */
  readonly title?: string;
  /** Row ids of claims whose text was edited: their box says "edited" (credences may be for the old words). */
  readonly edited?: ReadonlySet<number>;
  /** Full claim texts as tooltips (for the DOT export: SVG viewers show them on hover). */
  readonly tooltips?: boolean;
  /**
   * `BT` (the default) puts what a claim bears on above it, like an argument map; `RL` puts it to the
   * left, which keeps a bushy graph from growing wider than a screen.
   */
  readonly direction?: 'BT' | 'RL';
}

/**
 * The crux graph as Graphviz DOT: claims as rounded boxes (id, badges, wrapped text) coloured by the
 * team's credence, links as edges styled by kind, pointing from a claim to the claim it bears on
 * (supporters below what they support). Every text cell is sized from the real font's widths.
 */
export function cruxMapDot(claims: readonly Claim[], links: readonly Link[], options: MapDotOptions = {}): string {
  const cruxes = cruxClaimIds(links);
  const shown = new Set(claims.map((c) => c.id));
  const lines = [
    'digraph crux_map {',
    `  graph [rankdir=${options.direction ?? 'BT'}, nodesep=0.3, ranksep=${options.direction === 'RL' ? 0.7 : 0.5}, pad=0.1, bgcolor="transparent", fontname=${dotString(FONT_FAMILY)}${
      options.title ? `, label=${dotString(cleanForPicture(options.title))}, labelloc=t, fontsize=${SIZE.title}` : ''
    }];`,
    `  node [shape=box, style="rounded,filled", margin="0.12,0.07", fontname=${dotString(FONT_FAMILY)}, fontsize=${SIZE.text}, fontcolor="${INK.text}"];`,
    `  edge [arrowsize=0.9];`,
  ];
  for (const claim of [...claims].sort((a, b) => a.number - b.number)) {
    lines.push(`  ${nodeStatement(claim, { ...options, isCrux: cruxes.has(claim.id) })}`);
  }
  for (const link of [...links].sort((a, b) => a.id - b.id)) {
    if (!shown.has(link.fromClaimId) || !shown.has(link.toClaimId)) continue;
    const style = EDGE_STYLE[link.kind];
    const attrs = [
      `color="${style.color}"`,
      `penwidth=${style.penwidth}`,
      `style=${style.style}`,
      style.arrowhead === 'none' ? 'dir=none' : `arrowhead=${style.arrowhead}`,
      `tooltip=${dotString(`C${link.fromNumber} ${style.label} C${link.toNumber}`)}`,
    ];
    lines.push(`  ${dotString(`C${link.fromNumber}`)} -> ${dotString(`C${link.toNumber}`)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

interface Badge {
  readonly text: string;
  readonly color: string;
  readonly bold?: boolean;
}

function nodeStatement(claim: Claim, options: MapDotOptions & { isCrux: boolean }): string {
  const isRoot = options.rootId === claim.id;
  const retracted = claim.status === 'retracted';
  const credence = options.credenceOf?.(claim.id);
  const badges: Badge[] = [];
  if (options.focusId === claim.id) badges.push({ text: 'focus', color: INK.focus, bold: true });
  if (isRoot) badges.push({ text: 'root', color: INK.root, bold: true });
  if (options.isCrux) badges.push({ text: '◆ crux', color: INK.crux, bold: true });
  const status = STATUS_BADGE[claim.status];
  if (status) badges.push({ text: status, color: retracted ? INK.retracted : INK.text, bold: !retracted });
  if (options.edited?.has(claim.id)) badges.push({ text: EDITED_BADGE, color: INK.muted });
  if (credence !== undefined && claim.status === 'open') badges.push({ text: formatCredence(credence), color: INK.text, bold: true });

  const regular = fontMetrics('regular');
  const bold = fontMetrics('bold');
  const wrapped = wrapToWidth(cleanForPicture(claim.text), {
    width: SIZE.wrapWidth,
    size: SIZE.text,
    maxLines: SIZE.maxLines + (isRoot ? 2 : 0),
    metrics: regular,
  });
  const hidden = options.hiddenNeighbours?.get(claim.id) ?? 0;
  const note = hidden ? `+ ${hidden} more linked claim${hidden === 1 ? '' : 's'}` : undefined;

  const gap = 8;
  const idText = claimRef(claim);
  const idWidth = Math.ceil(bold.width(idText, SIZE.header)) + 2;
  const badgeWidths = badges.map((b) => Math.ceil((b.bold ? bold : regular).width(b.text, SIZE.header)) + gap);
  const textWidth = Math.max(0, ...wrapped.lines.map((l) => regular.width(l, SIZE.text)));
  const noteWidth = note ? regular.width(note, SIZE.note) : 0;
  const width = Math.ceil(Math.max(SIZE.minBoxWidth, textWidth + 2, noteWidth + 2, idWidth + badgeWidths.reduce((a, b) => a + b, 0) + gap));
  const headerHeight = Math.ceil(SIZE.header * 1.6);
  const lineHeight = Math.ceil(SIZE.text * SIZE.lineHeight);
  const columns = 2 + badges.length;
  const ink = retracted ? INK.retracted : INK.text;

  const cell = (w: number, h: number, content: string, align: 'LEFT' | 'RIGHT' = 'LEFT', colspan = 1) =>
    `<TD${colspan > 1 ? ` COLSPAN="${colspan}"` : ''} FIXEDSIZE="TRUE" WIDTH="${w}" HEIGHT="${h}" ALIGN="${align}">${content}</TD>`;
  const font = (text: string, size: number, color: string, style: { bold?: boolean; strike?: boolean } = {}) => {
    let inner = escapeHtmlLabel(text);
    if (style.bold) inner = `<B>${inner}</B>`;
    if (style.strike) inner = `<S>${inner}</S>`;
    return `<FONT POINT-SIZE="${size}" COLOR="${color}">${inner}</FONT>`;
  };

  const header = [
    cell(idWidth, headerHeight, font(idText, SIZE.header, ink, { bold: true })),
    cell(width - idWidth - badgeWidths.reduce((a, b) => a + b, 0), headerHeight, ''),
    ...badges.map((b, i) => cell(badgeWidths[i]!, headerHeight, font(b.text, SIZE.header, b.color, { bold: b.bold ?? false }), 'RIGHT')),
  ];
  const rows = [`<TR>${header.join('')}</TR>`];
  for (const line of wrapped.lines) {
    rows.push(`<TR>${cell(width, lineHeight, font(line, SIZE.text, ink, { strike: retracted }), 'LEFT', columns)}</TR>`);
  }
  if (note) rows.push(`<TR>${cell(width, Math.ceil(SIZE.note * 1.6), font(note, SIZE.note, INK.muted), 'LEFT', columns)}</TR>`);
  const label = `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">${rows.join('')}</TABLE>>`;

  const fill = RESOLVED_FILL[claim.status] ?? credenceFill(credence);
  const attrs = [
    `label=${label}`,
    `fillcolor="${fill}"`,
    `color="${options.isCrux ? INK.crux : isRoot ? INK.root : retracted ? INK.retracted : INK.border}"`,
    `penwidth=${options.isCrux ? 3 : isRoot ? 2.5 : 1.2}`,
  ];
  if (retracted) attrs.push('style="rounded,filled,dashed"');
  if (options.tooltips) attrs.push(`tooltip=${dotString(claim.text)}`);
  return `${dotString(idText)} [${attrs.join(', ')}];`;
}

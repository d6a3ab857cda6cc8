import type { ClaimStatus } from '../../domain/claims.ts';
import type { LinkKind } from '../../domain/links.ts';

/**
 * How the map looks: one place for colours, sizes and the meaning of each line style, shared by the
 * Graphviz source and the legend so the two never disagree.
 */

/** Sizes in the picture's units (Graphviz points). At the smallest scale allowed 1 unit = 1 px. */
export const SIZE = {
  text: 14,
  header: 13,
  note: 12,
  title: 20,
  subtitle: 13,
  legend: 12,
  /** Claim text wraps at this width. */
  wrapWidth: 250,
  minBoxWidth: 140,
  lineHeight: 1.3,
  /** Lines of claim text before it is cut with an ellipsis (the root gets two more). */
  maxLines: 5,
} as const;

export const INK = {
  text: '#1f2933',
  muted: '#6b7280',
  retracted: '#9ca3af',
  border: '#64748b',
  root: '#0f172a',
  focus: '#1d4ed8',
  crux: '#7e22ce',
  background: '#ffffff',
} as const;

export interface EdgeStyle {
  readonly color: string;
  readonly penwidth: number;
  readonly style: 'solid' | 'dashed' | 'dotted';
  /** Graphviz arrowhead; the shape repeats the meaning for readers who cannot tell red from green. */
  readonly arrowhead: 'normal' | 'tee' | 'diamond' | 'onormal' | 'none';
  readonly label: string;
}

export const EDGE_STYLE: Record<LinkKind, EdgeStyle> = {
  supports: { color: '#15803d', penwidth: 2, style: 'solid', arrowhead: 'normal', label: 'supports' },
  opposes: { color: '#dc2626', penwidth: 2, style: 'solid', arrowhead: 'tee', label: 'opposes' },
  'crux-of': { color: '#7e22ce', penwidth: 4, style: 'solid', arrowhead: 'diamond', label: 'is a crux of' },
  refines: { color: '#475569', penwidth: 1.6, style: 'dashed', arrowhead: 'onormal', label: 'refines' },
  duplicates: { color: '#6b7280', penwidth: 2, style: 'dotted', arrowhead: 'none', label: 'duplicates' },
};

/** Grey: nobody has given a credence on the claim yet. */
export const NO_CREDENCE_FILL = '#dde1e7';

// A diverging orange → cream → blue scale: safe for the common colour blindnesses, and pale enough
// that dark text stays readable on every shade.
const CREDENCE_STOPS: readonly [number, readonly [number, number, number]][] = [
  [0, [242, 160, 115]],
  [0.25, [250, 211, 183]],
  [0.5, [248, 244, 232]],
  [0.75, [196, 219, 243]],
  [1, [139, 182, 232]],
];

/** The fill for a team credence in [0, 1]; grey when there is none. */
export function credenceFill(credence: number | undefined): string {
  if (credence === undefined || !Number.isFinite(credence)) return NO_CREDENCE_FILL;
  const p = Math.min(1, Math.max(0, credence));
  const upper = CREDENCE_STOPS.findIndex(([at]) => at >= p);
  const [hiAt, hi] = CREDENCE_STOPS[Math.max(1, upper)]!;
  const [loAt, lo] = CREDENCE_STOPS[Math.max(0, upper - 1)]!;
  const t = hiAt === loAt ? 0 : (p - loAt) / (hiAt - loAt);
  const mix = lo.map((c, i) => Math.round(c + (hi[i]! - c) * t));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A resolved claim's fill says how it resolved, on the same scale as credences. */
export const RESOLVED_FILL: Partial<Record<ClaimStatus, string>> = {
  'resolved-true': credenceFill(1),
  'resolved-false': credenceFill(0),
  'resolved-ambiguous': NO_CREDENCE_FILL,
  retracted: '#ffffff',
};

/** The small marker on an edited claim's box, and its legend entry. */
export const EDITED_BADGE = '✎ edited';

export const STATUS_BADGE: Partial<Record<ClaimStatus, string>> = {
  'resolved-true': '✓ true',
  'resolved-false': '✗ false',
  'resolved-ambiguous': '? ambiguous',
  retracted: 'retracted',
};

/** `72%`; credences very near 0 or 1 keep a decimal so 99.9% is not shown as 100%. */
export function formatCredence(p: number): string {
  const pct = p * 100;
  if (pct > 0 && pct < 1) return `${pct.toFixed(1)}%`;
  if (pct > 99 && pct < 100) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

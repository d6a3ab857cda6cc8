import { readFileSync } from 'node:fs';
import { FONT_FILES } from '../png.ts';

/**
 * Text widths measured with the very fonts that draw the picture. Graphviz (in WebAssembly) has no
 * fonts and only guesses widths, so the map sizes every text cell itself from the TrueType advance
 * widths: a box is always wide enough for its words, on every machine.
 */
export interface FontMetrics {
  /** Width of `text` at `size` units (the picture's units: Graphviz points). */
  width(text: string, size: number): number;
  /** True when the font has a glyph for the character (otherwise it would draw an empty box). */
  has(char: string): boolean;
}

const cache = new Map<'regular' | 'bold', FontMetrics>();

export function fontMetrics(weight: 'regular' | 'bold' = 'regular'): FontMetrics {
  let metrics = cache.get(weight);
  if (!metrics) {
    const file = FONT_FILES.find((f) => (weight === 'bold' ? /-Bold\.ttf$/ : /DejaVuSans\.ttf$/).test(f))!;
    metrics = parseTrueType(readFileSync(file));
    cache.set(weight, metrics);
  }
  return metrics;
}

/** Reads `head` (units per em), `hhea` + `hmtx` (advance widths) and `cmap` (characters → glyphs). */
export function parseTrueType(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metricCount = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));
  const glyphOf = readCmap(view, table('cmap'));
  const widths = new Map<number, number>();
  const advanceOf = (code: number) => {
    let w = widths.get(code);
    if (w === undefined) widths.set(code, (w = advance(glyphOf(code)) / unitsPerEm));
    return w;
  };
  return {
    width(text, size) {
      let total = 0;
      for (const char of text) total += advanceOf(char.codePointAt(0)!);
      return total * size;
    },
    has: (char) => glyphOf(char.codePointAt(0)!) !== 0,
  };
}

/** The Unicode BMP subtable (format 4), plus format 12 for characters beyond it when present. */
function readCmap(view: DataView, cmap: number): (code: number) => number {
  const subtables = view.getUint16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 4) format4 ??= offset;
    if (format === 12) format12 ??= offset;
  }
  if (format4 === undefined) throw new Error('font has no Unicode cmap');
  const at = format4;
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    if (code > 0xffff) return format12 === undefined ? 0 : lookupFormat12(view, format12, code);
    for (let s = 0; s < segments; s++) {
      if (view.getUint16(ends + s * 2) < code) continue;
      const start = view.getUint16(starts + s * 2);
      if (start > code) return 0;
      const delta = view.getInt16(deltas + s * 2);
      const rangeOffset = view.getUint16(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function lookupFormat12(view: DataView, at: number, code: number): number {
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = view.getUint32(group);
    if (code >= start && code <= view.getUint32(group + 4)) return view.getUint32(group + 8) + (code - start);
  }
  return 0;
}

import type { FontMetrics } from './text-metrics.ts';

export interface WrappedText {
  readonly lines: string[];
  /** True when the text did not fit in `maxLines` and the last line ends with an ellipsis. */
  readonly cut: boolean;
}

const ELLIPSIS = '…';

/**
 * Greedy word wrap by measured width. A word wider than a line is split between characters; text
 * beyond `maxLines` is cut, the last line ending with an ellipsis that still fits.
 */
export function wrapToWidth(text: string, options: { width: number; size: number; maxLines: number; metrics: FontMetrics }): WrappedText {
  const { width, size, maxLines, metrics } = options;
  const fits = (s: string) => metrics.width(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ').filter(Boolean);
  for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
    }
    while (!fits(word)) {
      const [head, rest] = splitToFit(word, fits);
      lines.push(head);
      word = rest;
    }
    line = word;
    if (lines.length > maxLines) break;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && !fits(`${last}${ELLIPSIS}`)) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.replace(/[\s,;:.]+$/u, '')}${ELLIPSIS}`;
  return { lines: kept, cut: true };
}

/** The longest prefix (at least one character) that fits, and the rest. */
function splitToFit(word: string, fits: (s: string) => boolean): [string, string] {
  const chars = [...word];
  let n = 1;
  while (n < chars.length && fits(chars.slice(0, n + 1).join(''))) n++;
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}

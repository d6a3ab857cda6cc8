import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';

/**
 * Numbers as people type them in a chat: `1e-4`, `0.0001`, `10k`, `2.5M`, `1e6`, `1_000_000`, and for
 * probabilities `30%`. Suffixes: k = 10³, M = 10⁶, G or B = 10⁹, T = 10¹² (any case).
 */
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, b: 1e9, t: 1e12 };
const NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([kmgbt%])?$/i;

/** The number in `raw`, or a UserError that quotes it and names the option. */
export function parseAmount(raw: string, name: string): number {
  const text = raw.trim().replace(/_/g, '');
  const match = NUMBER.exec(text);
  if (!match) {
    throw new UserError(
      md`\`${name}\`: "${raw.trim().slice(0, 40)}" is not a number. Write it like \`1e-4\`, \`0.0001\`, \`10k\` or \`1e6\`.`,
      'drift.bad-number',
    );
  }
  const value = Number(match[1]);
  const suffix = match[2]?.toLowerCase();
  if (suffix === '%') return value / 100;
  return suffix ? value * SUFFIX[suffix]! : value;
}

/** A probability in [0, 1]; `30%` is 0.3. */
export function parseProbability(raw: string, name: string): number {
  const value = parseAmount(raw, name);
  if (!(value >= 0 && value <= 1)) {
    throw new UserError(md`\`${name}\` is a probability, so it must be between 0 and 1 (got ${raw.trim()}).`, 'drift.bad-probability');
  }
  return value;
}

/** A whole number within [min, max]; `10k` is 10,000. */
export function parseWhole(raw: string, name: string, range: { min: number; max: number }): number {
  const value = parseAmount(raw, name);
  if (!Number.isInteger(value)) throw new UserError(md`\`${name}\` must be a whole number (got ${raw.trim()}).`, 'drift.not-whole');
  if (value < range.min || value > range.max) {
    throw new UserError(
      md`\`${name}\` must be from ${formatCount(range.min)} to ${formatCount(range.max)} (got ${formatCount(value)}).`,
      'drift.out-of-range',
    );
  }
  return value;
}

/** 100000 → "100,000"; 1e12 → "1,000,000,000,000". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** A probability as a percentage with sensible digits: 95.0%, 0.12%, 3.4e-7%. */
export function formatPercent(value: number): string {
  const pct = Math.min(1, Math.max(0, value)) * 100;
  if (pct === 0) return '0%';
  if (pct >= 99.95 && pct < 100) return pct >= 99.9995 ? '>99.999%' : `${pct.toFixed(3)}%`;
  if (pct >= 1) return `${pct.toFixed(1)}%`;
  if (pct >= 0.001) return `${pct.toPrecision(2)}%`;
  return `${pct.toExponential(1)}%`;
}

/** A parameter value as typed back: 0.0001 → "1e-4", 0.3 → "0.3", 100000 → "100,000". */
export function formatParam(value: number): string {
  if (value === 0) return '0';
  if (Number.isInteger(value)) return formatCount(value);
  if (Math.abs(value) < 1e-3) {
    const [mantissa, exponent] = Number(value.toPrecision(4)).toExponential().split('e');
    return `${mantissa}e${exponent!.replace('+', '')}`;
  }
  return String(Number(value.toPrecision(4)));
}

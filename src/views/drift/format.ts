import { md, type Markup } from '../../core/markup.ts';
import { correctionRate, type DriftParams } from '../../domain/drift/model.ts';
import { formatCount, formatParam } from '../../domain/drift/numbers.ts';
import { PRESETS, type PresetName } from '../../domain/drift/presets.ts';

/** `p 1e-4 · q 0.3 · c 0 · d 0 · s 0 · T — · 100,000 steps` */
export function paramLine(params: DriftParams): string {
  const T = correctionRate(params) > 0 ? formatCount(params.T) : '—';
  return `p ${formatParam(params.p)} · q ${formatParam(params.q)} · c ${formatParam(params.c)} · d ${formatParam(params.d)} · s ${formatParam(params.s)} · T ${T} · ${formatCount(params.steps)} steps`;
}

export function sourceLine(preset: PresetName): Markup {
  return md`_${preset}_: ${PRESETS[preset].source}`;
}

export const stepOrNever = (step: number | undefined): string => (step === undefined ? 'never' : `step ${formatCount(step)}`);

/** A file name for a chart: letters, digits and dashes. */
export const chartName = (...parts: string[]): string => `drift-${parts.join('-').replace(/[^a-z0-9-]+/gi, '-')}.png`;

import type { DriftParams } from './model.ts';

/** The views of the debate (DESIGN.md), as parameter sets. Every parameter can be overridden. */
export interface Preset {
  readonly name: PresetName;
  /** What the view claims, in a line. */
  readonly view: string;
  /** Where the view comes from, in a line: shown beside every result. */
  readonly source: string;
  readonly params: DriftParams;
}

export const PRESET_NAMES = ['random-drift', 'data-directable', 'self-training', 'objection-channel'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const BASE = { p: 1e-4, q: 0.3, c: 0, d: 0, s: 0, T: 0, steps: 100_000 } as const;

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  'random-drift': {
    name: 'random-drift',
    view: 'Goals permute at random, a little every serial step; nothing corrects or detects it (c = d = 0).',
    source:
      'The goal-drift side of the debate: permutations in dangerous directions stay dangerous and happen opaquely in latent reasoning.',
    params: BASE,
  },
  'data-directable': {
    name: 'data-directable',
    view: 'Drift follows the training data, and a little corrective data undoes it, until values crystallize at T.',
    source:
      'The data-directable side of the debate: value change is predictable and directable by training data, until values crystallize late in training.',
    params: { ...BASE, c: 1e-3, s: 0.1, T: 80_000 },
  },
  'self-training': {
    name: 'self-training',
    view: 'As data-directable, but the AIs produce most of their own training data (s near 1), so correction fades.',
    source: 'The data-directable side’s own caveat: correction works unless the AIs themselves produce most of the training data.',
    params: { ...BASE, c: 1e-3, s: 0.95, T: 80_000 },
  },
  'objection-channel': {
    name: 'objection-channel',
    view: 'Random drift, but a dangerous agent is detected with chance d each step (objections, deals, monitoring).',
    source:
      'Deals with AI systems: permission to object cut alignment faking from 16–24% to 1.4–6%; an objection channel detects hidden misalignment.',
    params: { ...BASE, d: 5e-4 },
  },
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

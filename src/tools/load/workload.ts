import { seededRandom } from '../../domain/credences/seeded-random.ts';

/**
 * What the load tool asks for: teams with a seeded debate, people typing a realistic mix of commands.
 * The same seed gives the same requests, so a run can be repeated and the floor does the same work.
 */

/** One command a person types: `/claim show C12`. */
export interface LoadRequest {
  readonly index: number;
  /** The row it counts under in the report: `claim show`. */
  readonly kind: string;
  /** Without the slash: `claim`. */
  readonly command: string;
  readonly text: string;
  /** Index into the team's people. */
  readonly person: number;
}

export interface Workload {
  readonly teams: readonly string[];
  /** People per team; their ids are `personId(team, i)`. */
  readonly people: number;
  /** Claims seeded per team before the run (C1…Cn), which requests refer to. */
  readonly seededClaims: number;
  readonly requests: readonly LoadRequest[];
}

export const DEBATE_SLUG = 'load-test';

const WORDS = ['reward', 'drift', 'agents', 'scoring', 'training', 'data', 'values', 'serial', 'steps', 'crux', 'gaming', 'objection'];

type Pick = (random: () => number, seeded: number) => { readonly command: string; readonly text: string };

/** The mix, by weight (out of 100): mostly reading and adding claims, some linking and credences. */
export const MIX: readonly { readonly kind: string; readonly weight: number; readonly make: Pick }[] = [
  { kind: 'claim show', weight: 25, make: (r, n) => ({ command: 'claim', text: `show C${claimIn(r, n)}` }) },
  {
    kind: 'claim add',
    weight: 20,
    make: (r) => ({ command: 'claim', text: `add text:"${sentence(r)}"${r() < 0.3 ? ` tags:${pickWord(r)}` : ''}` }),
  },
  {
    kind: 'link',
    weight: 15,
    make: (r, n) => {
      const from = claimIn(r, n);
      const to = 1 + ((from + Math.floor(r() * (n - 1))) % n);
      return { command: 'link', text: `C${from} C${to} ${r() < 0.6 ? 'supports' : 'opposes'}` };
    },
  },
  { kind: 'credence', weight: 15, make: (r, n) => ({ command: 'credence', text: `C${claimIn(r, n)} ${5 + Math.floor(r() * 91)}%` }) },
  { kind: 'claim search', weight: 10, make: (r) => ({ command: 'claim', text: `search ${pickWord(r)} ${pickWord(r)}` }) },
  { kind: 'help', weight: 10, make: (r) => ({ command: 'help', text: r() < 0.5 ? '' : 'claim add' }) },
  { kind: 'map format:text', weight: 5, make: () => ({ command: 'map', text: 'format:text' }) },
];

export function teamId(i: number): string {
  return `TLOAD${String(i + 1).padStart(2, '0')}`;
}

export function personId(team: string, i: number): string {
  return `W${team.slice(1)}P${String(i).padStart(3, '0')}`;
}

/** Worker `w` types in its own channel of team `w mod teams`, so its replies can be told apart. */
export function placeOf(workload: Workload, worker: number): { readonly team: string; readonly channel: string } {
  return { team: workload.teams[worker % workload.teams.length]!, channel: `CLOAD${String(worker).padStart(3, '0')}` };
}

export function buildWorkload(o: { requests: number; teams: number; people: number; seededClaims: number; seed?: number }): Workload {
  const random = seededRandom(o.seed ?? 20261123);
  const total = MIX.reduce((sum, m) => sum + m.weight, 0);
  const requests = Array.from({ length: o.requests }, (_, index): LoadRequest => {
    let roll = random() * total;
    const entry = MIX.find((m) => (roll -= m.weight) < 0) ?? MIX[MIX.length - 1]!;
    return { index, kind: entry.kind, ...entry.make(random, o.seededClaims), person: Math.floor(random() * o.people) };
  });
  return { teams: Array.from({ length: o.teams }, (_, i) => teamId(i)), people: o.people, seededClaims: o.seededClaims, requests };
}

/** A claim's text, one of many, in the words of the debates cruxbot serves. */
export function sentence(random: () => number): string {
  const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => pickWord(random));
  return `${words.join(' ')} ${Math.floor(random() * 1e6)}`;
}

function pickWord(random: () => number): string {
  return WORDS[Math.floor(random() * WORDS.length)]!;
}

function claimIn(random: () => number, seeded: number): number {
  return 1 + Math.floor(random() * seeded);
}

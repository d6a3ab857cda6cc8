export type SimRunKind = 'run' | 'compare' | 'sweep';

export interface SimRun {
  readonly id: number;
  readonly workspace: string;
  /** Per-workspace number, shown as `R3`. */
  readonly number: number;
  readonly kind: SimRunKind;
  /** What it takes to compute the run again (parsed JSON). */
  readonly input: unknown;
  readonly summary: unknown;
  /** One line for the claim card, e.g. "random-drift: P(D) 95.0% after 100,000 steps". */
  readonly headline: string;
  readonly claimId: number | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

export const simRunRef = (run: Pick<SimRun, 'number'>): string => `R${run.number}`;

export const OUTCOMES = ['true', 'false', 'ambiguous'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Resolution {
  readonly id: number;
  readonly workspace: string;
  readonly claimId: number;
  readonly outcome: Outcome;
  readonly resolvedBy: string;
  readonly resolvedByName: string;
  readonly resolvedAt: string;
  readonly undoneBy?: string;
  readonly undoneAt?: string;
}

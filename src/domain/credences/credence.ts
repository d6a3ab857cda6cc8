/** The condition of a conditional credence: given claim `claimId` is true (or false). */
export interface CredenceCondition {
  readonly claimId: number;
  readonly isTrue: boolean;
}

/** What the maths reads: who, which claim, under which condition, how likely. Bulk reads return these. */
export interface LatestCredence {
  readonly id: number;
  readonly claimId: number;
  readonly userId: string;
  readonly userName: string;
  /** As given, in [0, 1]. */
  readonly value: number;
  readonly given?: CredenceCondition;
}

export interface Credence extends LatestCredence {
  readonly workspace: string;
  /** The claim's per-workspace number, for display. */
  readonly claimNumber: number;
  readonly given?: CredenceCondition & { readonly claimNumber: number };
  readonly pollId?: number;
  readonly at: string;
}

export interface NewCredence {
  readonly workspace: string;
  readonly claimId: number;
  readonly userId: string;
  readonly userName: string;
  readonly value: number;
  readonly given?: CredenceCondition;
  readonly pollId?: number;
  readonly at: string;
}

export interface MyCredence extends Credence {
  readonly claimText: string;
  readonly claimStatus: string;
}

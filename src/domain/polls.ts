import type { MessageRef } from '../core/reply.ts';

export const HIDE_MODES = ['visible', 'until-voted', 'until-close'] as const;
export type HideMode = (typeof HIDE_MODES)[number];

export interface Poll {
  readonly id: number;
  readonly workspace: string;
  readonly claimId: number;
  readonly claimNumber: number;
  readonly channel: string;
  readonly hide: HideMode;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: string;
  readonly closesAt?: string;
  readonly closedAt?: string;
  readonly closedBy?: string;
  /** The newest credence row when the poll opened. */
  readonly baselineCredenceId: number;
  /** The newest credence row when it closed. */
  readonly closingCredenceId?: number;
  readonly message?: MessageRef;
}

export interface NewPoll {
  readonly workspace: string;
  readonly claimId: number;
  readonly channel: string;
  readonly hide: HideMode;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: string;
  readonly closesAt?: string;
  readonly baselineCredenceId: number;
}

/** Why a result is not shown: `hidden until the poll closes`, or shown only to voters, privately. */
export const hiddenNote = (poll: Poll): string =>
  poll.hide === 'until-close' ? 'hidden until the poll closes' : 'shown only to people who have voted, privately';

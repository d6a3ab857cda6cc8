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
  /** `binary`: a credence in the claim; `choice`: a credence per option, summing to 1. */
  readonly kind: PollKind;
  /** A choice poll's options, in order (shown as A, B, C, …); empty for a binary poll. */
  readonly options: readonly string[];
  /** The option (index) a choice poll resolved to, who resolved it, and when. */
  readonly resolvedOption?: number;
  readonly resolvedBy?: string;
  readonly resolvedAt?: string;
  /** When its before-close reminder is due; none once queued, or for a poll without a closing time. */
  readonly closingReminderAt?: string;
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
  readonly kind?: PollKind;
  readonly options?: readonly string[];
  readonly closingReminderAt?: string;
}

export const POLL_KINDS = ['binary', 'choice'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

/** One person's vote in a choice poll: a credence per option, summing to 1. */
export interface PollVote {
  readonly id: number;
  readonly workspace: string;
  readonly pollId: number;
  readonly userId: string;
  readonly userName: string;
  readonly credences: readonly number[];
  readonly at: string;
}
export type NewPollVote = Omit<PollVote, 'id'>;

/** `P12`: how people and commands name a poll (its id, the same in every message and button). */
export const pollRef = (poll: Pick<Poll, 'id'>): string => `P${poll.id}`;

/**
 * When a poll's before-close reminder is due: a day before it closes, or halfway through a poll shorter
 * than two days; none for a poll without a closing time or one closing within ten minutes.
 */
export function closingReminderAt(openedAt: Date, closesAt: Date | undefined): Date | undefined {
  if (!closesAt) return undefined;
  const span = closesAt.getTime() - openedAt.getTime();
  if (span < 10 * 60_000) return undefined;
  return new Date(closesAt.getTime() - Math.min(86_400_000, span / 2));
}

/** Why a result is not shown: `hidden until the poll closes`, or shown only to voters, privately. */
export const hiddenNote = (poll: Poll): string =>
  poll.hide === 'until-close' ? 'hidden until the poll closes' : 'shown only to people who have voted, privately';

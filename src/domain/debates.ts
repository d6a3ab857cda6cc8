import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { SLUG_PATTERN } from '../core/values.ts';
import type { Poll } from './polls.ts';
import type { Claim, ClaimStatus } from './claims.ts';

export const DEBATE_TITLE_MAX = 200;

export interface Debate {
  readonly id: number;
  readonly workspace: string;
  readonly slug: string;
  readonly title: string;
  /** Row id of the root claim: the question the debate is about. */
  readonly rootClaimId: number | null;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: string;
}

export function checkSlug(slug: string): string {
  const normalized = slug.trim().toLowerCase();
  if (!SLUG_PATTERN.test(normalized)) {
    throw new UserError(
      md`Debate slug "${slug}" is not valid: use 1–40 lowercase letters, digits and dashes, starting and ending with a letter or digit.`,
      'debate.bad-slug',
    );
  }
  return normalized;
}

export function checkTitle(title: string): string {
  if (title.length > DEBATE_TITLE_MAX) {
    throw new UserError(`A debate title can be at most ${DEBATE_TITLE_MAX} characters (got ${title.length}).`, 'debate.title-too-long');
  }
  return title;
}

export interface DebateSummary extends Debate {
  readonly claimCount: number;
  readonly linkCount: number;
}

/** What `/debate show` counts, aggregated by the database: no claim or link is read to count them. */
export interface DebateOverview {
  /** Claims per status, in the order each status first appears by claim number. */
  readonly byStatus: readonly { readonly status: ClaimStatus; readonly n: number }[];
  /** Links whose two claims are both in the debate, and how many of them are crux-of. */
  readonly links: number;
  readonly cruxLinks: number;
  /** The most used tags, most used first (ties by name). */
  readonly topTags: readonly { readonly tag: string; readonly n: number }[];
}

/** What a debate holds, row by row: what deleting it removes (the audit log is kept). */
export interface DebateContents {
  readonly claims: number;
  /** Links from or to its claims, including links to claims of other debates. */
  readonly links: number;
  readonly tags: number;
  /** Credences on its claims, and conditional credences given one of them. */
  readonly credences: number;
  readonly polls: number;
  readonly resolutions: number;
  /** Drift runs kept as evidence on its claims. */
  readonly simRuns: number;
  /** Claims and links found in threads by /summarize or /capture, waiting to be added to it. */
  readonly captures: number;
  /** Channels whose current debate it is. */
  readonly channels: number;
}

export interface DeletedDebate {
  readonly debate: Debate;
  readonly contents: DebateContents;
  /** Its polls that were open: their messages still carry vote buttons. */
  readonly openPolls: readonly Poll[];
  /** The claim numbers it took with it, retired for good. */
  readonly numbers?: { readonly first: number; readonly last: number };
}

export interface ImportResult {
  readonly debate: Debate;
  readonly created: boolean;
  readonly added: readonly Claim[];
  /** File claims whose text was already in the debate (merges only): they are reused, not copied. */
  readonly matched: readonly Claim[];
  readonly linksAdded: number;
  /** True when the file's claim ids could not be kept (taken here, or not like `C3`): new numbers were given. */
  readonly renumbered: boolean;
  /** Credence rows written (a moderator's import) and left out (anyone else's: they would speak for others). */
  readonly credences?: { readonly added: number; readonly skipped: number };
  /** Polls, resolutions, drift runs and thread captures written (a moderator's import) or left out (anyone else's). */
  readonly records?: {
    readonly added: { readonly polls: number; readonly resolutions: number; readonly simRuns: number; readonly captures: number };
    readonly skipped: number;
  };
}

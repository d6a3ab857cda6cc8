import { PermissionError, UserError } from '../core/errors.ts';
import type { Actor } from '../core/context.ts';
import { md } from '../core/markup.ts';
import { formatClaimId } from '../core/values.ts';

export const CLAIM_STATUSES = ['open', 'resolved-true', 'resolved-false', 'resolved-ambiguous', 'retracted'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_TEXT_MAX = 2000;
export const TAGS_MAX = 10;
const TAG = /^[a-z0-9][a-z0-9-]{0,31}$/;

export interface ClaimSource {
  readonly url?: string;
  readonly excerpt?: string;
  readonly author?: string;
}

export interface Claim {
  /** Row id: internal, never shown. */
  readonly id: number;
  readonly workspace: string;
  /** Per-workspace number, shown as `C12`. */
  readonly number: number;
  readonly debateId: number;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly source: ClaimSource;
  readonly status: ClaimStatus;
  readonly tags: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A text a claim had before an edit: credences given before `replacedAt` were given to these words. */
export interface EarlierText {
  readonly text: string;
  readonly replacedAt: string;
  readonly replacedBy: string;
}

export const claimRef = (claim: Pick<Claim, 'number'>): string => formatClaimId(claim.number);

/**
 * `reward-seeking, spec gaming` → ['reward-seeking', 'spec', 'gaming']: commas or spaces separate tags,
 * a leading # is dropped, case is folded. Throws a UserError naming the bad tag.
 */
export function parseTags(input: string | undefined): string[] {
  if (!input) return [];
  const tags = input
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, '').toLowerCase())
    .filter(Boolean);
  for (const tag of tags) {
    if (!TAG.test(tag)) {
      throw new UserError(md`Tag "${tag}" is not valid: use lowercase letters, digits and dashes, up to 32 characters.`, 'claim.bad-tag');
    }
  }
  const unique = [...new Set(tags)];
  if (unique.length > TAGS_MAX)
    throw new UserError(`A claim can have at most ${TAGS_MAX} tags (got ${unique.length}).`, 'claim.too-many-tags');
  return unique;
}

/** An http(s) link, or nothing: the source shown on a claim card. */
export function parseSourceUrl(input: string | undefined): string | undefined {
  if (!input) return undefined;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UserError(md`Source "${input}" is not a link: give a full URL starting with https://.`, 'claim.bad-source');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(md`Source "${input}" must be an http or https link.`, 'claim.bad-source');
  }
  return url.toString();
}

/** In this version only a claim's author may change it; moderators come with the roles feature. */
export function canModifyClaim(actor: Actor, claim: Pick<Claim, 'authorId'>): boolean {
  return actor.id === claim.authorId || actor.isModerator === true;
}

export function assertCanModifyClaim(actor: Actor, claim: Claim, verb: string): void {
  if (!canModifyClaim(actor, claim)) {
    throw new PermissionError(
      md`Only ${claim.authorName}, who wrote ${claimRef(claim)}, or a moderator can ${verb} it.`,
      'claim.not-author',
    );
  }
}

export function assertOpen(claim: Claim, verb: string): void {
  if (claim.status === 'retracted') {
    throw new UserError(md`${claimRef(claim)} is retracted; it cannot be ${verb}.`, 'claim.retracted');
  }
}

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  open: 'open',
  'resolved-true': 'resolved: true',
  'resolved-false': 'resolved: false',
  'resolved-ambiguous': 'resolved: ambiguous',
  retracted: 'retracted',
};

export interface NewClaim {
  readonly workspace: string;
  readonly debateId: number;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly source?: ClaimSource;
  readonly tags: readonly string[];
  readonly at: string;
  /** Imports keep a claim's number, status and last change when they can; new claims never set them. */
  readonly number?: number;
  readonly status?: ClaimStatus;
  readonly updatedAt?: string;
}

export interface ClaimFilter {
  readonly debateId?: number;
  readonly status?: ClaimStatus;
  readonly tag?: string;
  readonly authorId?: string;
  readonly limit: number;
  readonly offset?: number;
}

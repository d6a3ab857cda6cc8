import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { SLUG_PATTERN } from '../core/values.ts';

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

/**
 * The rows both backends read, and how each becomes a domain record. Columns are named and typed the same
 * in SQLite and PostgreSQL (see migrations/), so one mapping serves both.
 */
import type { Claim, ClaimStatus } from '../domain/claims.ts';
import type { Credence, LatestCredence } from '../domain/credences/credence.ts';
import type { Debate } from '../domain/debates.ts';
import type { Link, LinkKind } from '../domain/links.ts';
import type { HideMode, Poll, PollKind, PollVote } from '../domain/polls.ts';
import type { Outcome, Resolution } from '../domain/resolutions.ts';
import type { ShareLink } from '../domain/share-links.ts';
import type { SimRun, SimRunKind } from '../domain/sim-runs.ts';
import { UserError } from '../core/errors.ts';
import type { InstallationRow, PollReminder } from './ports.ts';
import { md } from '../core/markup.ts';
import { SCHEMAS, type Setting, type SettingKey, type SettingValue } from '../domain/settings.ts';
import type { Capture, CaptureItem, CaptureItemStatus, NewCaptureItem } from '../domain/threads/captures.ts';

export interface ClaimRow {
  id: number;
  workspace: string;
  number: number;
  debate_id: number;
  text: string;
  author_id: string;
  author_name: string;
  source_url: string | null;
  source_excerpt: string | null;
  source_author: string | null;
  status: ClaimStatus;
  created_at: string;
  updated_at: string;
  tags: string | null;
}

export function toClaim(row: ClaimRow): Claim {
  const source: { url?: string; excerpt?: string; author?: string } = {};
  if (row.source_url) source.url = row.source_url;
  if (row.source_excerpt) source.excerpt = row.source_excerpt;
  if (row.source_author) source.author = row.source_author;
  return {
    id: row.id,
    workspace: row.workspace,
    number: row.number,
    debateId: row.debate_id,
    text: row.text,
    authorId: row.author_id,
    authorName: row.author_name,
    source,
    status: row.status,
    tags: row.tags ? row.tags.split(' ') : [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface CredenceRow {
  id: number;
  workspace: string;
  claim_id: number;
  claim_number: number;
  user_id: string;
  user_name: string;
  value: number;
  given_claim_id: number | null;
  given_true: number | null;
  given_number: number | null;
  poll_id: number | null;
  at: string;
}

export function toCredence(row: CredenceRow): Credence {
  return {
    id: row.id,
    workspace: row.workspace,
    claimId: row.claim_id,
    claimNumber: row.claim_number,
    userId: row.user_id,
    userName: row.user_name,
    value: row.value,
    ...(row.given_claim_id !== null
      ? { given: { claimId: row.given_claim_id, isTrue: row.given_true === 1, claimNumber: row.given_number ?? 0 } }
      : {}),
    ...(row.poll_id !== null ? { pollId: row.poll_id } : {}),
    at: row.at,
  };
}

export interface LatestRow {
  id: number;
  claim_id: number;
  user_id: string;
  user_name: string;
  value: number;
  given_claim_id: number | null;
  given_true: number | null;
}

export const toLatest = (row: LatestRow): LatestCredence => ({
  id: row.id,
  claimId: row.claim_id,
  userId: row.user_id,
  userName: row.user_name,
  value: row.value,
  ...(row.given_claim_id !== null ? { given: { claimId: row.given_claim_id, isTrue: row.given_true === 1 } } : {}),
});

export interface DebateRow {
  id: number;
  workspace: string;
  slug: string;
  title: string;
  root_claim_id: number | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export const toDebate = (row: DebateRow): Debate => ({
  id: row.id,
  workspace: row.workspace,
  slug: row.slug,
  title: row.title,
  rootClaimId: row.root_claim_id,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
});

export interface LinkRow {
  id: number;
  workspace: string;
  from_claim: number;
  to_claim: number;
  from_number: number;
  to_number: number;
  kind: LinkKind;
  author_id: string;
  created_at: string;
}

export const toLink = (row: LinkRow): Link => ({
  id: row.id,
  workspace: row.workspace,
  fromClaimId: row.from_claim,
  toClaimId: row.to_claim,
  fromNumber: row.from_number,
  toNumber: row.to_number,
  kind: row.kind,
  authorId: row.author_id,
  createdAt: row.created_at,
});

export interface PollRow {
  id: number;
  workspace: string;
  claim_id: number;
  claim_number: number;
  channel: string;
  hide: HideMode;
  created_by: string;
  created_by_name: string;
  created_at: string;
  closes_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  baseline_credence_id: number;
  closing_credence_id: number | null;
  message_platform: string | null;
  message_channel: string | null;
  message_id: string | null;
  kind: PollKind;
  options: string | null;
  resolved_option: number | null;
  resolved_by: string | null;
  resolved_at: string | null;
  closing_reminder_at: string | null;
}

export interface PollVoteRow {
  id: number;
  workspace: string;
  poll_id: number;
  user_id: string;
  user_name: string;
  credences: string;
  at: string;
}

export function toPollVote(row: PollVoteRow): PollVote {
  return {
    id: row.id,
    workspace: row.workspace,
    pollId: row.poll_id,
    userId: row.user_id,
    userName: row.user_name,
    credences: JSON.parse(row.credences) as number[],
    at: row.at,
  };
}

export interface PollReminderRow {
  id: number;
  workspace: string;
  kind: 'channel' | 'person';
  target: string;
  due_at: string;
  polls: string;
}

export function toPollReminder(row: PollReminderRow): PollReminder {
  return {
    id: row.id,
    workspace: row.workspace,
    kind: row.kind,
    target: row.target,
    dueAt: row.due_at,
    pollIds: JSON.parse(row.polls) as number[],
  };
}

export function toPoll(row: PollRow): Poll {
  return {
    id: row.id,
    workspace: row.workspace,
    claimId: row.claim_id,
    claimNumber: row.claim_number,
    channel: row.channel,
    hide: row.hide,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    ...(row.closes_at ? { closesAt: row.closes_at } : {}),
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
    ...(row.closed_by ? { closedBy: row.closed_by } : {}),
    baselineCredenceId: row.baseline_credence_id,
    ...(row.closing_credence_id !== null ? { closingCredenceId: row.closing_credence_id } : {}),
    ...(row.message_platform && row.message_channel && row.message_id
      ? { message: { platform: row.message_platform, channel: row.message_channel, id: row.message_id } }
      : {}),
    kind: row.kind ?? 'binary',
    options: row.options ? (JSON.parse(row.options) as string[]) : [],
    ...(row.resolved_option !== null && row.resolved_option !== undefined ? { resolvedOption: row.resolved_option } : {}),
    ...(row.resolved_by ? { resolvedBy: row.resolved_by } : {}),
    ...(row.resolved_at ? { resolvedAt: row.resolved_at } : {}),
    ...(row.closing_reminder_at ? { closingReminderAt: row.closing_reminder_at } : {}),
  };
}

export interface ResolutionRow {
  id: number;
  workspace: string;
  claim_id: number;
  outcome: Outcome;
  resolved_by: string;
  resolved_by_name: string;
  resolved_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export const toResolution = (row: ResolutionRow): Resolution => ({
  id: row.id,
  workspace: row.workspace,
  claimId: row.claim_id,
  outcome: row.outcome,
  resolvedBy: row.resolved_by,
  resolvedByName: row.resolved_by_name,
  resolvedAt: row.resolved_at,
  ...(row.undone_by ? { undoneBy: row.undone_by } : {}),
  ...(row.undone_at ? { undoneAt: row.undone_at } : {}),
});

export interface SimRunRow {
  id: number;
  workspace: string;
  number: number;
  kind: SimRunKind;
  input: string;
  summary: string;
  headline: string;
  claim_id: number | null;
  created_by: string;
  created_at: string;
}

export const toSimRun = (row: SimRunRow): SimRun => ({
  id: row.id,
  workspace: row.workspace,
  number: row.number,
  kind: row.kind,
  input: JSON.parse(row.input),
  summary: JSON.parse(row.summary),
  headline: row.headline,
  claimId: row.claim_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export interface CaptureRow {
  id: number;
  workspace: string;
  channel: string;
  debate_id: number | null;
  origin: string;
  message_count: number;
  created_by: string;
  created_at: string;
}

export const toCapture = (row: CaptureRow): Capture => ({
  id: row.id,
  workspace: row.workspace,
  channel: row.channel,
  debateId: row.debate_id,
  origin: row.origin,
  messageCount: row.message_count,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export interface ItemRow {
  position: number;
  text: string;
  kind: NewCaptureItem['kind'];
  author: string;
  permalink: string | null;
  excerpt: string | null;
  credence: string | null;
  status: CaptureItemStatus;
  claim_id: number | null;
}

export const toItem = (row: ItemRow): CaptureItem => ({
  position: row.position,
  text: row.text,
  kind: row.kind,
  author: row.author,
  ...(row.permalink ? { permalink: row.permalink } : {}),
  ...(row.excerpt ? { excerpt: row.excerpt } : {}),
  ...(row.credence ? { credence: row.credence } : {}),
  status: row.status,
  ...(row.claim_id !== null ? { claimId: row.claim_id } : {}),
});

export interface SettingRow {
  value: string;
  updated_by: string;
  updated_by_name: string;
  updated_at: string;
}

/** A stored setting, checked against its schema: a value that no longer matches (a hand-edited database) counts as unset. */
export function toSetting<K extends SettingKey>(key: K, row: SettingRow | undefined): Setting<SettingValue<K>> | undefined {
  if (!row) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(row.value);
  } catch {
    return undefined;
  }
  const parsed = SCHEMAS[key].safeParse(json);
  if (!parsed.success) return undefined;
  return {
    value: parsed.data as SettingValue<K>,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
    updatedAt: row.updated_at,
  };
}

/** The error for a drift run number that names nothing here. */
export const simRunNotFound = (number: number) =>
  new UserError(md`There is no drift run R${String(number)} here; runs are kept when attached to a claim.`, 'sim.not-found');

/** One part of a claim search: the whole workspace, one debate, or the workspace outside one debate. */
export type SearchScope = { readonly kind: 'all' } | { readonly kind: 'in' | 'outside'; readonly debateId: number };

/**
 * The parts a search reads, in the order its results are listed: only `debateId`'s claims; or `firstIn`'s
 * and then the rest of the workspace (each claim read once, never the preferred debate twice); or all.
 */
export function searchParts(options: { readonly debateId?: number; readonly firstIn?: number }): SearchScope[] {
  if (options.debateId !== undefined) return [{ kind: 'in', debateId: options.debateId }];
  if (options.firstIn !== undefined)
    return [
      { kind: 'in', debateId: options.firstIn },
      { kind: 'outside', debateId: options.firstIn },
    ];
  return [{ kind: 'all' }];
}

/** The words of what someone typed, for a full-text query: letters and digits only, at most twelve. */
export function searchWords(input: string): string[] {
  return input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
}

/** A word as the full-text indexes compare it: lower case, accents dropped. */
function plainWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Ranks a bounded set of candidate rows (each already matches every typed word, the last as a prefix) the
 * same way on both backends: BM25 over the candidates alone (k1 1.2, b 0.75), every typed word weighted
 * alike, since the weight of a word needs every match counted, which is the read the bound avoids. More
 * of the typed words per word of text ranks first; ties go to the newer claim. Stable, so both backends
 * give the same order.
 */
export function rankCandidates<R extends { text: string; number: number }>(rows: readonly R[], input: string): R[] {
  const typed = searchWords(input).map(plainWord);
  if (typed.length === 0 || rows.length === 0) return [...rows];
  const last = typed.length - 1;
  const scored = rows.map((row) => {
    const words = row.text
      .split(/[^\p{L}\p{N}\p{M}]+/u)
      .filter(Boolean)
      .map(plainWord);
    const tf = typed.map((w, i) => words.filter((x) => (i === last ? x.startsWith(w) : x === w)).length);
    return { row, tf, length: words.length };
  });
  const average = scored.reduce((sum, s) => sum + s.length, 0) / scored.length || 1;
  const k1 = 1.2;
  const b = 0.75;
  const score = (s: (typeof scored)[number]) =>
    s.tf.reduce((sum, f) => sum + (f * (k1 + 1)) / (f + k1 * (1 - b + (b * s.length) / average)), 0);
  return scored
    .map((s) => ({ row: s.row, score: score(s) }))
    .sort((a, b2) => b2.score - a.score || b2.row.number - a.row.number)
    .map((s) => s.row);
}

/** A `slack_installations` row as both backends read it. */
export interface InstallationRecord {
  install_key: string;
  workspace: string;
  team_id: string | null;
  enterprise_id: string | null;
  sealed: string;
  key_id: string;
  installed_at: string;
  updated_at: string;
}

export const INSTALLATION_COLUMNS = 'install_key, workspace, team_id, enterprise_id, sealed, key_id, installed_at, updated_at';

export function toInstallation(row: InstallationRecord): InstallationRow {
  return {
    installKey: row.install_key,
    workspace: row.workspace,
    teamId: row.team_id,
    enterpriseId: row.enterprise_id,
    sealed: row.sealed,
    keyId: row.key_id,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The claim numbers that start with `digits`, as ranges in the order autocomplete shows them (shorter
 * numbers first): `12` → 12, 120–129, 1200–1299, … up to nine digits. Each range is one lookup on the
 * (workspace, number) index, where casting every number to text would read them all.
 */
export function numberPrefixRanges(digits: string, maxDigits = 9): [number, number][] {
  if (!/^\d+$/.test(digits) || digits.startsWith('0') || digits.length > maxDigits) return [];
  const ranges: [number, number][] = [];
  for (let extra = 0, scale = 1; digits.length + extra <= maxDigits; extra++, scale *= 10) {
    const lo = Number(digits) * scale;
    ranges.push([lo, lo + scale - 1]);
  }
  return ranges;
}

export interface ShareLinkRow {
  id: number;
  workspace: string;
  debate_id: number;
  created_by: string;
  created_by_name: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export const toShareLink = (row: ShareLinkRow): ShareLink => ({
  id: row.id,
  workspace: row.workspace,
  debateId: row.debate_id,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  ...(row.expires_at !== null ? { expiresAt: row.expires_at } : {}),
  ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  ...(row.revoked_by !== null ? { revokedBy: row.revoked_by } : {}),
});

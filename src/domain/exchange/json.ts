import { z } from 'zod';
import { UserError } from '../../core/errors.ts';
import { CLAIM_STATUSES, claimRef, type Claim } from '../claims.ts';
import { LINK_KINDS } from '../links.ts';
import { optionLetter } from '../credences/choice.ts';
import { HIDE_MODES } from '../polls.ts';
import { OUTCOMES } from '../resolutions.ts';
import type { ImportedDebate } from './document.ts';
import type { DebateRecord } from './record.ts';

/** Names the file format, so an import can tell cruxbot's own export from any other JSON. */
export const JSON_FORMAT_NAME = 'cruxbot-debate';
/** 1: claims, links and credences. 2: also polls and their votes, resolutions, drift runs, thread captures, resolve-by dates. */
export const JSON_FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;

/** Poll kinds a file may hold. A binary poll asks for one credence; a choice poll lists its options and votes. */
export const POLL_KINDS = ['binary', 'choice'] as const;

const person = z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) });
const timestamp = z.iso.datetime({ offset: true });
const claimKey = z.string().min(1).max(64);
const count = z.number().int().min(0);
/** A credence as a probability: 0.7 is 70%. */
const probability = z
  .number()
  .min(0, 'a credence is a probability from 0 to 1 (0.7 is 70%)')
  .max(1, 'a credence is a probability from 0 to 1 (0.7 is 70%)');

const JsonDebate = z.object({
  format: z.literal(JSON_FORMAT_NAME),
  version: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
  exportedAt: timestamp.optional(),
  debate: z.object({
    slug: z.string(),
    title: z.string(),
    createdBy: person,
    createdAt: timestamp,
    root: z.string().nullable(),
  }),
  claims: z.array(
    z.object({
      id: claimKey,
      text: z.string(),
      status: z.enum(CLAIM_STATUSES),
      tags: z.array(z.string()),
      author: person,
      source: z.object({ url: z.string().optional(), excerpt: z.string().optional(), author: z.string().optional() }).optional(),
      createdAt: timestamp,
      updatedAt: timestamp,
      resolveBy: z
        .object({
          at: timestamp,
          zone: z.string().min(1).max(64),
          setBy: z.string().min(1).max(200),
          setAt: timestamp,
          remindAt: timestamp.nullable(),
        })
        .optional(),
    }),
  ),
  links: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      kind: z.enum(LINK_KINDS),
      author: z.string().min(1).max(200),
      createdAt: timestamp,
    }),
  ),
  credences: z
    .array(
      z.object({
        claim: z.string(),
        user: person,
        value: probability,
        given: z.object({ claim: z.string(), isTrue: z.boolean() }).optional(),
        poll: z.string().min(1).max(64).optional(),
        at: timestamp,
      }),
    )
    .optional(),
  polls: z
    .array(
      z.object({
        key: z.string().min(1).max(64),
        kind: z.enum(POLL_KINDS),
        /** A choice poll's options, lettered A, B, C… in order; none for a binary poll. */
        options: z
          .array(z.object({ key: z.string().regex(/^[A-Y]$/, 'an option key is a letter from A to Y'), text: z.string().min(1).max(80) }))
          .max(25),
        claim: z.string(),
        channel: z.string().min(1).max(200),
        hide: z.enum(HIDE_MODES),
        createdBy: person,
        createdAt: timestamp,
        closesAt: timestamp.optional(),
        /** How many of the file's credences came before it opened (its baseline). */
        openedAfter: count,
        closed: z.object({ at: timestamp, by: z.string().min(1).max(200), after: count }).optional(),
        /** A choice poll's votes, every row (the latest per person counts), oldest first. */
        votes: z.array(z.object({ user: person, credences: z.array(probability).min(2).max(25), at: timestamp })).optional(),
        /** The option (by key) a choice poll resolved to. */
        resolved: z.object({ option: z.string(), by: z.string().min(1).max(200), at: timestamp }).optional(),
      }),
    )
    .optional(),
  resolutions: z
    .array(
      z.object({
        claim: z.string(),
        outcome: z.enum(OUTCOMES),
        resolvedBy: person,
        resolvedAt: timestamp,
        undone: z.object({ by: z.string().min(1).max(200), at: timestamp }).optional(),
      }),
    )
    .optional(),
  simRuns: z
    .array(
      z.object({
        claim: z.string(),
        kind: z.enum(['run', 'compare', 'sweep']),
        headline: z.string().max(1000),
        input: z.unknown(),
        summary: z.unknown(),
        createdBy: z.string().min(1).max(200),
        createdAt: timestamp,
      }),
    )
    .optional(),
  captures: z
    .array(
      z.object({
        channel: z.string().min(1).max(200),
        origin: z.string().max(500),
        messageCount: count,
        createdBy: z.string().min(1).max(200),
        createdAt: timestamp,
        items: z.array(
          z.object({
            text: z.string(),
            kind: z.enum(['claim', 'premise', 'crux']),
            author: z.string().max(200),
            permalink: z.string().max(2000).optional(),
            excerpt: z.string().max(4000).optional(),
            credence: z.string().max(40).optional(),
            status: z.enum(['pending', 'added', 'skipped', 'existing']),
            claim: z.string().optional(),
          }),
        ),
        links: z.array(z.object({ from: count, to: count, kind: z.enum(['supports', 'opposes', 'crux-of']) })),
      }),
    )
    .optional(),
});

type JsonDocument = z.input<typeof JsonDebate>;

/**
 * The debate as cruxbot's own JSON: everything stored about it (claims, links, every credence row with
 * its condition and poll, the polls, every resolution, drift runs, thread captures, resolve-by dates), so
 * a moderator's import elsewhere loses nothing. Database ids are left out: claims are named by their
 * C-number, polls by a key of their own; each list is in the order it was made, so nothing in it changes
 * from one export to the next but `exportedAt`.
 */
export function exportJson(record: DebateRecord, exportedAt: string): string {
  const { graph } = record;
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const ref = (claimId: number | null | undefined): string | undefined => {
    const claim = claimId === null || claimId === undefined ? undefined : byId.get(claimId);
    return claim ? claimRef(claim) : undefined;
  };
  const root = ref(graph.debate.rootClaimId);
  const credences = [...record.credences].sort((a, b) => a.id - b.id);
  const polls = record.polls.filter((p) => byId.has(p.claimId));
  const pollKey = new Map(polls.map((p, i) => [p.id, `poll-${i + 1}`]));
  // A poll's baseline and closing row are credence ids; in the file they are how many of its credences came before.
  const before = (credenceId: number) => credences.filter((c) => c.id <= credenceId).length;
  const document: JsonDocument = {
    format: JSON_FORMAT_NAME,
    version: JSON_FORMAT_VERSION,
    exportedAt,
    debate: {
      slug: graph.debate.slug,
      title: graph.debate.title,
      createdBy: { id: graph.debate.createdBy, name: graph.debate.createdByName },
      createdAt: graph.debate.createdAt,
      root: root ?? null,
    },
    claims: [...graph.claims].sort((a, b) => a.number - b.number).map((c) => claimJson(c, record)),
    links: [...graph.links]
      .filter((l) => byId.has(l.fromClaimId) && byId.has(l.toClaimId))
      .sort((a, b) => a.id - b.id)
      .map((l) => ({ from: `C${l.fromNumber}`, to: `C${l.toNumber}`, kind: l.kind, author: l.authorId, createdAt: l.createdAt })),
    // Every credence row, not only the latest: the history is what calibration and "who moved" read.
    credences: credences.map((c) => {
      const poll = c.pollId === undefined ? undefined : pollKey.get(c.pollId);
      return {
        claim: `C${c.claimNumber}`,
        user: { id: c.userId, name: c.userName },
        value: c.value,
        ...(c.given ? { given: { claim: `C${c.given.claimNumber}`, isTrue: c.given.isTrue } } : {}),
        ...(poll ? { poll } : {}),
        at: c.at,
      };
    }),
    polls: polls.map((p) => ({
      key: pollKey.get(p.id)!,
      kind: p.kind,
      options: p.options.map((text, i) => ({ key: optionLetter(i), text })),
      claim: ref(p.claimId)!,
      channel: p.channel,
      hide: p.hide,
      createdBy: { id: p.createdBy, name: p.createdByName },
      createdAt: p.createdAt,
      ...(p.closesAt ? { closesAt: p.closesAt } : {}),
      openedAfter: before(p.baselineCredenceId),
      ...(p.closedAt ? { closed: { at: p.closedAt, by: p.closedBy ?? p.createdBy, after: before(p.closingCredenceId ?? 0) } } : {}),
      ...(p.kind === 'choice'
        ? {
            votes: (record.votes.get(p.id) ?? []).map((v) => ({
              user: { id: v.userId, name: v.userName },
              credences: [...v.credences],
              at: v.at,
            })),
          }
        : {}),
      ...(p.resolvedOption !== undefined
        ? {
            resolved: {
              option: optionLetter(p.resolvedOption),
              by: p.resolvedBy ?? p.createdBy,
              at: p.resolvedAt ?? p.closedAt ?? p.createdAt,
            },
          }
        : {}),
    })),
    resolutions: record.resolutions
      .filter((r) => byId.has(r.claimId))
      .map((r) => ({
        claim: ref(r.claimId)!,
        outcome: r.outcome,
        resolvedBy: { id: r.resolvedBy, name: r.resolvedByName },
        resolvedAt: r.resolvedAt,
        ...(r.undoneAt ? { undone: { by: r.undoneBy ?? r.resolvedBy, at: r.undoneAt } } : {}),
      })),
    simRuns: record.simRuns
      .filter((r) => ref(r.claimId) !== undefined)
      .map((r) => ({
        claim: ref(r.claimId)!,
        kind: r.kind,
        headline: r.headline,
        input: r.input,
        summary: r.summary,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
      })),
    captures: record.captures.map(({ capture, items, links }) => ({
      channel: capture.channel,
      origin: capture.origin,
      messageCount: capture.messageCount,
      createdBy: capture.createdBy,
      createdAt: capture.createdAt,
      items: items.map((item) => {
        const claim = ref(item.claimId);
        return {
          text: item.text,
          kind: item.kind,
          author: item.author,
          ...(item.permalink !== undefined ? { permalink: item.permalink } : {}),
          ...(item.excerpt !== undefined ? { excerpt: item.excerpt } : {}),
          ...(item.credence !== undefined ? { credence: item.credence } : {}),
          status: item.status,
          ...(claim ? { claim } : {}),
        };
      }),
      links: links.map((l) => ({ from: l.from, to: l.to, kind: l.kind })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function claimJson(claim: Claim, record: DebateRecord): JsonDocument['claims'][number] {
  const hasSource = claim.source.url !== undefined || claim.source.excerpt !== undefined || claim.source.author !== undefined;
  const due = record.resolveBy.get(claim.id);
  return {
    id: claimRef(claim),
    text: claim.text,
    status: claim.status,
    tags: [...claim.tags],
    author: { id: claim.authorId, name: claim.authorName },
    ...(hasSource ? { source: { ...claim.source } } : {}),
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    ...(due
      ? { resolveBy: { at: due.resolveBy, zone: due.zone, setBy: due.setBy, setAt: due.setAt, remindAt: due.remindAt ?? null } }
      : {}),
  };
}

/** A JSON path as people read it: `credences[3].value`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

/** Reads cruxbot's JSON export; a UserError names the first thing wrong (with its place in the file). */
export function parseJsonDebate(text: string): ImportedDebate {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const truncated = /end of (JSON )?input|Unterminated|Expected .* after/i.test((error as Error).message);
    throw new UserError(
      `The file is not valid JSON (${(error as Error).message})${truncated ? ': it looks cut off. Export it again with /debate export format:json and attach the whole file' : ''}. Nothing was imported.`,
      'import.bad-json',
    );
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== JSON_FORMAT_NAME) {
    throw new UserError(
      `This JSON is not a cruxbot debate export (it has no "format": "${JSON_FORMAT_NAME}"). Export one with /debate export format:json.`,
      'import.not-cruxbot-json',
    );
  }
  const version = (raw as { version?: unknown }).version;
  if (!READABLE_VERSIONS.includes(version as 1 | 2)) {
    throw new UserError(
      `The file's version is ${JSON.stringify(version) ?? 'missing'}; this cruxbot reads versions ${READABLE_VERSIONS.join(' and ')} (e.g. "version": ${JSON_FORMAT_VERSION}). ${
        typeof version === 'number' && version > JSON_FORMAT_VERSION ? 'It was made by a newer cruxbot: upgrade this one first. ' : ''
      }Nothing was imported.`,
      'import.bad-version',
    );
  }
  const parsed = JsonDebate.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = pathOf(issue.path);
    const got = issue.path.reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
      raw,
    );
    const shown = got === undefined || typeof got === 'object' ? '' : ` (it is ${JSON.stringify(got)})`;
    throw new UserError(
      `The file's ${where || 'top level'} is not valid${shown}: ${issue.message}. Nothing was imported.`,
      'import.bad-json',
    );
  }
  const doc = parsed.data;
  return {
    format: 'json',
    slug: doc.debate.slug,
    title: doc.debate.title,
    createdBy: doc.debate.createdBy,
    createdAt: doc.debate.createdAt,
    ...(doc.debate.root ? { root: doc.debate.root } : {}),
    claims: doc.claims.map((c) => ({
      key: c.id,
      text: c.text,
      tags: c.tags,
      status: c.status,
      author: c.author,
      ...(c.source ? { source: c.source } : {}),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      ...(c.resolveBy ? { resolveBy: c.resolveBy } : {}),
    })),
    links: doc.links,
    notes: [],
    ...(doc.credences?.length ? { credences: doc.credences } : {}),
    ...(doc.polls?.length ? { polls: doc.polls } : {}),
    ...(doc.resolutions?.length ? { resolutions: doc.resolutions } : {}),
    ...(doc.simRuns?.length ? { simRuns: doc.simRuns } : {}),
    ...(doc.captures?.length ? { captures: doc.captures } : {}),
  };
}

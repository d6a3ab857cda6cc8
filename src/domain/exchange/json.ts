import { z } from 'zod';
import { UserError } from '../../core/errors.ts';
import { CLAIM_STATUSES, claimRef, type Claim } from '../claims.ts';
import type { CruxGraph } from '../crux-graph.ts';
import type { Credence } from '../credences/credence.ts';
import { LINK_KINDS } from '../links.ts';
import type { ImportedDebate } from './document.ts';

/** Names the file format, so an import can tell cruxbot's own export from any other JSON. */
export const JSON_FORMAT_NAME = 'cruxbot-debate';
export const JSON_FORMAT_VERSION = 1;

const person = z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) });
const timestamp = z.iso.datetime({ offset: true });

const JsonDebate = z.object({
  format: z.literal(JSON_FORMAT_NAME),
  version: z.literal(JSON_FORMAT_VERSION),
  debate: z.object({
    slug: z.string(),
    title: z.string(),
    createdBy: person,
    createdAt: timestamp,
    root: z.string().nullable(),
  }),
  claims: z.array(
    z.object({
      id: z.string().min(1).max(64),
      text: z.string(),
      status: z.enum(CLAIM_STATUSES),
      tags: z.array(z.string()),
      author: person,
      source: z.object({ url: z.string().optional(), excerpt: z.string().optional(), author: z.string().optional() }).optional(),
      createdAt: timestamp,
      updatedAt: timestamp,
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
        value: z.number().min(0).max(1),
        given: z.object({ claim: z.string(), isTrue: z.boolean() }).optional(),
        at: timestamp,
      }),
    )
    .optional(),
});

/**
 * The debate as cruxbot's own JSON: everything stored about its claims and links (texts, authors,
 * sources, statuses, tags, times) and every credence with its history, so a moderator's import elsewhere loses nothing. Claims in number order,
 * links in the order they were made; nothing in it changes from one export to the next.
 */
export function exportJson(graph: CruxGraph, credences: readonly Credence[] = []): string {
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const root = graph.debate.rootClaimId === null ? undefined : byId.get(graph.debate.rootClaimId);
  const document: z.input<typeof JsonDebate> = {
    format: JSON_FORMAT_NAME,
    version: JSON_FORMAT_VERSION,
    debate: {
      slug: graph.debate.slug,
      title: graph.debate.title,
      createdBy: { id: graph.debate.createdBy, name: graph.debate.createdByName },
      createdAt: graph.debate.createdAt,
      root: root ? claimRef(root) : null,
    },
    claims: [...graph.claims].sort((a, b) => a.number - b.number).map(claimJson),
    links: [...graph.links]
      .filter((l) => byId.has(l.fromClaimId) && byId.has(l.toClaimId))
      .sort((a, b) => a.id - b.id)
      .map((l) => ({ from: `C${l.fromNumber}`, to: `C${l.toNumber}`, kind: l.kind, author: l.authorId, createdAt: l.createdAt })),
    // Every credence row, not only the latest: the history is what calibration and "who moved" read.
    ...(credences.length
      ? {
          credences: [...credences]
            .sort((a, b) => a.id - b.id)
            .map((c) => ({
              claim: `C${c.claimNumber}`,
              user: { id: c.userId, name: c.userName },
              value: c.value,
              ...(c.given ? { given: { claim: `C${c.given.claimNumber}`, isTrue: c.given.isTrue } } : {}),
              at: c.at,
            })),
        }
      : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function claimJson(claim: Claim): z.input<typeof JsonDebate>['claims'][number] {
  const hasSource = claim.source.url !== undefined || claim.source.excerpt !== undefined || claim.source.author !== undefined;
  return {
    id: claimRef(claim),
    text: claim.text,
    status: claim.status,
    tags: [...claim.tags],
    author: { id: claim.authorId, name: claim.authorName },
    ...(hasSource ? { source: { ...claim.source } } : {}),
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

/** Reads cruxbot's JSON export; a UserError names the first thing wrong (with its place in the file). */
export function parseJsonDebate(text: string): ImportedDebate {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`The file is not valid JSON (${(error as Error).message}).`, 'import.bad-json');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== JSON_FORMAT_NAME) {
    throw new UserError(
      `This JSON is not a cruxbot debate export (it has no "format": "${JSON_FORMAT_NAME}"). Export one with /debate export format:json.`,
      'import.not-cruxbot-json',
    );
  }
  const parsed = JsonDebate.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new UserError(`The file's ${where || 'top level'} is not valid: ${issue.message}.`, 'import.bad-json');
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
    })),
    links: doc.links,
    notes: [],
    ...(doc.credences?.length ? { credences: doc.credences } : {}),
  };
}

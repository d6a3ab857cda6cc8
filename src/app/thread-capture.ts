import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { clipText } from '../core/values.ts';
import { md } from '../core/markup.ts';
import { CLAIM_TEXT_MAX, type Claim } from '../domain/claims.ts';
import type { Debate } from '../domain/debates.ts';
import type { CandidateSet } from '../domain/threads/candidates.ts';
import { matchExisting } from '../domain/threads/candidates.ts';
import type { ThreadMessage } from '../domain/threads/thread.ts';
import type { Capture, CaptureItem } from '../domain/threads/captures.ts';
import { resolveDebate, nowIso } from './lookup.ts';
import { addClaim } from './claims.ts';
import { addLink } from './links.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor' | 'channel'>;

/** Holds a thread's candidate claims and links until someone adds or reviews them. */
export async function saveCapture(
  ctx: Ctx,
  input: { origin: string; messages: readonly ThreadMessage[]; set: CandidateSet; debate?: Debate },
): Promise<Capture> {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    const capture = await tx.captures.insert(
      {
        workspace: ctx.workspace,
        channel: ctx.channel.id,
        debateId: input.debate?.id ?? null,
        origin: clipText(input.origin, 200),
        messageCount: input.messages.length,
        createdBy: ctx.actor.id,
        createdAt: at,
      },
      input.set.candidates.map(({ claim }) => {
        const message = input.messages[claim.message];
        return {
          text: clipText(claim.text.replace(/\s+/g, ' ').trim(), CLAIM_TEXT_MAX),
          kind: claim.kind,
          author: claim.author,
          ...(message?.permalink ? { permalink: message.permalink } : {}),
          ...(message ? { excerpt: clipText(message.text, 300) } : {}),
          ...(claim.credence ? { credence: claim.credence.written } : {}),
        };
      }),
      input.set.links,
    );
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'thread.capture',
      entity: `capture:${capture.id}`,
      after: {
        origin: capture.origin,
        messages: capture.messageCount,
        candidates: input.set.candidates.length,
        links: input.set.links.length,
      },
      at,
    });
    return capture;
  });
}

export async function requireCapture(ctx: Ctx, id: number): Promise<Capture> {
  const capture = Number.isInteger(id) ? await ctx.services.store.captures.byId(ctx.workspace, id) : undefined;
  if (!capture) throw new UserError('Those candidate claims are gone; run /summarize or /capture again.', 'capture.not-found');
  return capture;
}

/** The debate the candidates go to: the one chosen when the thread was read, else the channel's now. */
export async function captureDebate(ctx: Ctx, capture: Capture): Promise<Debate> {
  const { debates } = ctx.services.store;
  const stored = capture.debateId !== null ? await debates.byId(ctx.workspace, capture.debateId) : undefined;
  if (stored) return stored;
  const debate = await resolveDebate(ctx);
  await ctx.services.store.captures.setDebate(ctx.workspace, capture.id, debate.id);
  return debate;
}

export interface Settled {
  readonly item: CaptureItem;
  /** The claim added, or the one already in the debate that says the same. */
  readonly claim: Claim;
  readonly existing: boolean;
  readonly linksAdded: number;
}

/**
 * Puts one candidate on the map: links it to a claim of the debate that already says the same, or adds
 * it (with the edited text, if any) with its source message; then makes every candidate link whose
 * other end is already on the map. Refuses an item that is no longer pending.
 */
export async function acceptCandidate(ctx: Ctx, capture: Capture, position: number, editedText?: string): Promise<Settled> {
  const { store } = ctx.services;
  const debate = await captureDebate(ctx, capture);
  const item = (await store.captures.items(capture.id)).find((i) => i.position === position);
  if (!item) throw new UserError('That candidate is not part of this capture.', 'capture.no-item');
  if (item.status !== 'pending') throw await alreadySettled(ctx, item);
  return await store.transaction(async (tx) => {
    const existingClaims = (await tx.claims.inDebate(debate.id)).filter((c) => c.status !== 'retracted');
    const match = editedText === undefined ? matchExisting([item], existingClaims)[0] : undefined;
    const claim = match
      ? existingClaims.find((c) => c.id === match.id)!
      : await addClaim(ctx, {
          debate,
          text: editedText ?? item.text,
          tags: [],
          source: {
            ...(item.permalink ? { url: item.permalink } : {}),
            ...(item.author ? { author: item.author } : {}),
            ...(item.excerpt ? { excerpt: item.excerpt } : {}),
          },
        });
    if (!(await tx.captures.settle(capture.id, position, match ? 'existing' : 'added', claim.id))) throw await alreadySettled(ctx, item);
    return { item, claim, existing: match !== undefined, linksAdded: await linkSettled(ctx, capture, position) };
  });
}

export async function skipCandidate(ctx: Ctx, capture: Capture, position: number): Promise<void> {
  const item = (await ctx.services.store.captures.items(capture.id)).find((i) => i.position === position);
  if (!item) throw new UserError('That candidate is not part of this capture.', 'capture.no-item');
  if (!(await ctx.services.store.captures.settle(capture.id, position, 'skipped', null))) throw await alreadySettled(ctx, item);
}

/**
 * Every pending candidate accepted, in order, in one transaction; or only those at `positions` (0-based),
 * when given: those already settled are left as they are.
 */
export async function acceptAll(
  ctx: Ctx,
  capture: Capture,
  positions?: ReadonlySet<number>,
): Promise<{ added: Claim[]; existing: Claim[]; links: number }> {
  const added: Claim[] = [];
  const existing: Claim[] = [];
  let links = 0;
  await ctx.services.store.transaction(async (tx) => {
    for (const item of await tx.captures.items(capture.id)) {
      if (item.status !== 'pending' || (positions && !positions.has(item.position))) continue;
      const settled = await acceptCandidate(ctx, capture, item.position);
      (settled.existing ? existing : added).push(settled.claim);
      links += settled.linksAdded;
    }
  });
  return { added, existing, links };
}

async function linkSettled(ctx: Ctx, capture: Capture, position: number): Promise<number> {
  const { store } = ctx.services;
  const claimAt = new Map(
    (await store.captures.items(capture.id)).flatMap((i) => (i.claimId !== undefined ? [[i.position, i.claimId] as const] : [])),
  );
  let made = 0;
  for (const link of await store.captures.links(capture.id)) {
    if (link.from !== position && link.to !== position) continue;
    const fromId = claimAt.get(link.from);
    const toId = claimAt.get(link.to);
    if (fromId === undefined || toId === undefined || fromId === toId) continue;
    const from = await store.claims.byId(ctx.workspace, fromId);
    const to = await store.claims.byId(ctx.workspace, toId);
    if (!from || !to || from.status === 'retracted' || to.status === 'retracted') continue;
    if ((await addLink(ctx, from, to, link.kind)).created) made++;
  }
  return made;
}

async function alreadySettled(ctx: Ctx, item: CaptureItem): Promise<UserError> {
  const claim = item.claimId !== undefined ? await ctx.services.store.claims.byId(ctx.workspace, item.claimId) : undefined;
  return new UserError(
    item.status === 'skipped'
      ? md`That candidate was skipped already.`
      : md`That candidate is on the map already${claim ? md` as C${claim.number}` : ''}.`,
    'capture.settled',
  );
}

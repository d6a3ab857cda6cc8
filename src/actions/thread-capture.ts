import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { clipText } from '../core/values.ts';
import { md } from '../core/markup.ts';
import { CLAIM_TEXT_MAX, type Claim } from '../domain/claims.ts';
import type { Debate } from '../domain/debates.ts';
import type { CandidateSet } from '../domain/threads/candidates.ts';
import { matchExisting } from '../domain/threads/candidates.ts';
import type { ThreadMessage } from '../domain/threads/thread.ts';
import type { Capture, CaptureItem } from '../storage/thread-captures.ts';
import { resolveDebate, nowIso } from '../views/lookup.ts';
import { addClaim } from './claims.ts';
import { addLink } from './links.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor' | 'channel'>;

/** Holds a thread's candidate claims and links until someone adds or reviews them. */
export function saveCapture(
  ctx: Ctx,
  input: { origin: string; messages: readonly ThreadMessage[]; set: CandidateSet; debate?: Debate },
): Capture {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return store.transaction(() => {
    const capture = store.captures.insert(
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
    store.audit.record({
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

export function requireCapture(ctx: Ctx, id: number): Capture {
  const capture = Number.isInteger(id) ? ctx.services.store.captures.byId(ctx.workspace, id) : undefined;
  if (!capture) throw new UserError('Those candidate claims are gone; run /summarize or /capture again.', 'capture.not-found');
  return capture;
}

/** The debate the candidates go to: the one chosen when the thread was read, else the channel's now. */
export function captureDebate(ctx: Ctx, capture: Capture): Debate {
  const { debates } = ctx.services.store;
  const stored = capture.debateId !== null ? debates.byId(ctx.workspace, capture.debateId) : undefined;
  if (stored) return stored;
  const debate = resolveDebate(ctx);
  ctx.services.store.captures.setDebate(ctx.workspace, capture.id, debate.id);
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
export function acceptCandidate(ctx: Ctx, capture: Capture, position: number, editedText?: string): Settled {
  const { store } = ctx.services;
  const debate = captureDebate(ctx, capture);
  const item = store.captures.items(capture.id).find((i) => i.position === position);
  if (!item) throw new UserError('That candidate is not part of this capture.', 'capture.no-item');
  if (item.status !== 'pending') throw alreadySettled(ctx, item);
  return store.transaction(() => {
    const existingClaims = store.claims.inDebate(debate.id).filter((c) => c.status !== 'retracted');
    const match = editedText === undefined ? matchExisting([item], existingClaims)[0] : undefined;
    const claim = match
      ? existingClaims.find((c) => c.id === match.id)!
      : addClaim(ctx, {
          debate,
          text: editedText ?? item.text,
          tags: [],
          source: {
            ...(item.permalink ? { url: item.permalink } : {}),
            ...(item.author ? { author: item.author } : {}),
            ...(item.excerpt ? { excerpt: item.excerpt } : {}),
          },
        });
    if (!store.captures.settle(capture.id, position, match ? 'existing' : 'added', claim.id)) throw alreadySettled(ctx, item);
    return { item, claim, existing: match !== undefined, linksAdded: linkSettled(ctx, capture, position) };
  });
}

export function skipCandidate(ctx: Ctx, capture: Capture, position: number): void {
  const item = ctx.services.store.captures.items(capture.id).find((i) => i.position === position);
  if (!item) throw new UserError('That candidate is not part of this capture.', 'capture.no-item');
  if (!ctx.services.store.captures.settle(capture.id, position, 'skipped', null)) throw alreadySettled(ctx, item);
}

/** Every pending candidate accepted, in order. */
export function acceptAll(ctx: Ctx, capture: Capture): { added: Claim[]; existing: Claim[]; links: number } {
  const added: Claim[] = [];
  const existing: Claim[] = [];
  let links = 0;
  ctx.services.store.transaction(() => {
    for (const item of ctx.services.store.captures.items(capture.id)) {
      if (item.status !== 'pending') continue;
      const settled = acceptCandidate(ctx, capture, item.position);
      (settled.existing ? existing : added).push(settled.claim);
      links += settled.linksAdded;
    }
  });
  return { added, existing, links };
}

function linkSettled(ctx: Ctx, capture: Capture, position: number): number {
  const { store } = ctx.services;
  const claimAt = new Map(
    store.captures.items(capture.id).flatMap((i) => (i.claimId !== undefined ? [[i.position, i.claimId] as const] : [])),
  );
  let made = 0;
  for (const link of store.captures.links(capture.id)) {
    if (link.from !== position && link.to !== position) continue;
    const fromId = claimAt.get(link.from);
    const toId = claimAt.get(link.to);
    if (fromId === undefined || toId === undefined || fromId === toId) continue;
    const from = store.claims.byId(ctx.workspace, fromId);
    const to = store.claims.byId(ctx.workspace, toId);
    if (!from || !to || from.status === 'retracted' || to.status === 'retracted') continue;
    if (addLink(ctx, from, to, link.kind).created) made++;
  }
  return made;
}

function alreadySettled(ctx: Ctx, item: CaptureItem): UserError {
  const claim = item.claimId !== undefined ? ctx.services.store.claims.byId(ctx.workspace, item.claimId) : undefined;
  return new UserError(
    item.status === 'skipped'
      ? md`That candidate was skipped already.`
      : md`That candidate is on the map already${claim ? md` as C${claim.number}` : ''}.`,
    'capture.settled',
  );
}

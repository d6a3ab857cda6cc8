import { randomBytes } from 'node:crypto';
import type { BaseContext } from '../core/context.ts';
import { PermissionError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import type { Debate } from '../domain/debates.ts';
import { hashShareToken, type ShareLink } from '../domain/share-links.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Who may share a debate outside the chat, or stop sharing it: a moderator, or the person who started it. */
export function assertCanShare(ctx: Ctx, debate: Debate, verb: 'share' | 'stop sharing'): void {
  if (debate.createdBy === ctx.actor.id || ctx.actor.isModerator) return;
  throw new PermissionError(
    md`Only ${debate.createdByName}, who started \`${debate.slug}\`, or a moderator can ${verb} it.`,
    'debate.share-not-owner',
  );
}

/**
 * Makes a new link to the debate's read-only page: 128 random bits, of which only the hash is stored,
 * with its audit row. The token is returned once, to be shown to the person who asked.
 */
export async function shareDebate(ctx: Ctx, debate: Debate, lifetimeMs: number | undefined): Promise<{ link: ShareLink; token: string }> {
  assertCanShare(ctx, debate, 'share');
  const at = nowIso(ctx);
  const token = randomBytes(16).toString('base64url');
  const expiresAt = lifetimeMs === undefined ? undefined : new Date(ctx.services.clock().getTime() + lifetimeMs).toISOString();
  const link = await ctx.services.store.transaction(async (tx) => {
    const created = await tx.shareLinks.insert({
      workspace: ctx.workspace,
      debateId: debate.id,
      tokenHash: hashShareToken(token),
      createdBy: ctx.actor.id,
      createdByName: ctx.actor.name,
      createdAt: at,
      ...(expiresAt ? { expiresAt } : {}),
    });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'debate.share',
      entity: `debate:${debate.slug}`,
      after: { link: created.id, expiresAt: expiresAt ?? null },
      at,
    });
    return created;
  });
  return { link, token };
}

/** Revokes every live link to the debate, with its audit row; returns how many stopped working. */
export async function unshareDebate(ctx: Ctx, debate: Debate): Promise<number> {
  assertCanShare(ctx, debate, 'stop sharing');
  const at = nowIso(ctx);
  return await ctx.services.store.transaction(async (tx) => {
    const revoked = await tx.shareLinks.revokeForDebate(ctx.workspace, debate.id, ctx.actor.id, at);
    if (revoked > 0) {
      await tx.audit.record({
        workspace: ctx.workspace,
        actorId: ctx.actor.id,
        action: 'debate.unshare',
        entity: `debate:${debate.slug}`,
        after: { revoked },
        at,
      });
    }
    return revoked;
  });
}

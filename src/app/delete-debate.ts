import type { BaseContext } from '../core/context.ts';
import { PermissionError, UsageError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import type { Debate, DeletedDebate } from '../domain/debates.ts';
import { nowIso } from './lookup.ts';
import { describeModerators } from '../views/moderators.ts';
import { retiredPollMessage } from '../views/deleted-debate.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** The debate's creator or a moderator may delete it; a PermissionError names who may. */
export async function assertCanDeleteDebate(ctx: Ctx, debate: Debate): Promise<void> {
  if (ctx.actor.isModerator || ctx.actor.id === debate.createdBy) return;
  const moderators = describeModerators(ctx.workspace, await ctx.services.store.settings.moderators(ctx.workspace));
  throw new PermissionError(
    md`Only ${debate.createdByName}, who started \`${debate.slug}\`, or a moderator (${moderators}) can delete it.`,
    'debate.delete-not-owner',
  );
}

/**
 * Deletes a debate and everything in it (claims, their tags, links, credences, polls, resolutions,
 * drift runs, thread captures, channel bindings) in one transaction, with an audit row that counts
 * what went. `confirm` must repeat the slug. The audit log keeps its rows, without the deleted claims' values.
 */
export async function deleteDebate(ctx: Ctx, debate: Debate, confirm: string): Promise<DeletedDebate> {
  await assertCanDeleteDebate(ctx, debate);
  if (confirm.trim().toLowerCase() !== debate.slug) {
    throw new UsageError(
      md`\`confirm:\` must repeat the debate's slug, \`${debate.slug}\`, to delete it (got "${confirm}"). Nothing was deleted.`,
      `/debate delete ${debate.slug} confirm:${debate.slug}`,
      'debate.delete-unconfirmed',
    );
  }
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    const claims = await tx.claims.inDebate(debate.id);
    const ids = new Set(claims.map((c) => c.id));
    const openPolls = (await tx.polls.open(ctx.workspace)).filter((p) => ids.has(p.claimId));
    const contents = await tx.debates.deleteWithContents(ctx.workspace, debate.id);
    // The log keeps that each change happened, by whom and when, but not the deleted claims' words.
    await tx.audit.forgetClaims(
      ctx.workspace,
      claims.map((c) => c.number),
    );
    const numbers = claims.length ? { first: claims[0]!.number, last: claims[claims.length - 1]!.number } : undefined;
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'debate.delete',
      entity: `debate:${debate.slug}`,
      before: {
        title: debate.title,
        createdBy: debate.createdBy,
        createdAt: debate.createdAt,
        ...contents,
        ...(numbers ? { numbers } : {}),
      },
      at,
    });
    return { debate, contents, openPolls, ...(numbers ? { numbers } : {}) };
  });
}

/**
 * The deleted debate's open polls still show vote buttons; their messages are replaced by a line that
 * says what happened. Best effort, like any poll message update: a message that cannot be edited (its
 * platform is not running, or it was removed) is logged and left.
 */
export async function retireDeletedPolls(ctx: Pick<BaseContext, 'services' | 'log'>, deleted: DeletedDebate, by: string): Promise<void> {
  for (const poll of deleted.openPolls) {
    const ref = poll.message;
    if (!ref) continue;
    const port = ctx.services.chats.get(ref.platform);
    if (!port) {
      ctx.log.warn({ poll: poll.id, platform: ref.platform }, 'deleted poll message not updated: its platform is not running');
      continue;
    }
    try {
      await port.update(ref, retiredPollMessage(poll, deleted.debate.slug, by), poll.workspace);
    } catch (error) {
      ctx.log.warn({ err: error, poll: poll.id }, 'deleted poll message could not be updated');
    }
  }
}

import type { BaseContext } from '../core/context.ts';
import { PermissionError, UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { LINK_KIND_INFO, wouldCreateRefinesCycle, type Link, type LinkKind } from '../domain/links.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/**
 * Links `from` to `to` with its audit row. The same link twice is a no-op (`created: false`), not an
 * error; a self-link, a link to a retracted claim, or a cycle of refinements is refused.
 */
export async function addLink(
  ctx: Ctx,
  from: Claim,
  to: Claim,
  kind: LinkKind,
  options: { readonly acrossDebates?: boolean } = {},
): Promise<{ link: Link; created: boolean }> {
  if (from.id === to.id) throw new UserError(md`A claim cannot be linked to itself (${claimRef(from)} → ${claimRef(to)}).`, 'link.self');
  for (const claim of [from, to]) {
    if (claim.status === 'retracted') throw new UserError(md`${claimRef(claim)} is retracted; it cannot be linked.`, 'link.retracted');
  }
  const { store } = ctx.services;
  if (from.debateId !== to.debateId && !options.acrossDebates) {
    const slug = async (claim: Claim) => (await store.debates.byId(ctx.workspace, claim.debateId))?.slug ?? '?';
    throw new UserError(
      md`${claimRef(from)} is in \`${await slug(from)}\` and ${claimRef(to)} in \`${await slug(to)}\`: a link usually joins claims of one debate, and ids count across the workspace, so this may be a slip. If you mean it, add \`across:true\`: \`/link ${claimRef(from)} ${claimRef(to)} ${kind} across:true\`.`,
      'link.across-debates',
    );
  }
  if (kind === 'refines' && wouldCreateRefinesCycle(await store.links.refines(ctx.workspace), from.id, to.id)) {
    throw new UserError(
      md`${claimRef(from)} refines ${claimRef(to)} would make a loop of refinements; refine in one direction only.`,
      'link.refines-cycle',
    );
  }
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    const result = await tx.links.add({
      workspace: ctx.workspace,
      fromClaimId: from.id,
      toClaimId: to.id,
      kind,
      authorId: ctx.actor.id,
      at,
    });
    if (result.created) {
      await tx.audit.record({
        workspace: ctx.workspace,
        actorId: ctx.actor.id,
        action: 'link.add',
        entity: `${claimRef(from)}->${claimRef(to)}`,
        after: { kind },
        at,
      });
    }
    return result;
  });
}

/**
 * Removes the links from `from` to `to` (of one kind, or all kinds). The link's author, the author of
 * either claim, or a moderator may remove it.
 */
export async function removeLinks(ctx: Ctx, from: Claim, to: Claim, kind?: LinkKind): Promise<Link[]> {
  const { store } = ctx.services;
  const links = (await store.links.between(ctx.workspace, from.id, to.id)).filter((l) => !kind || l.kind === kind);
  if (links.length === 0) {
    throw new UserError(
      kind
        ? md`${claimRef(from)} does not ${LINK_KIND_INFO[kind].verb} ${claimRef(to)}; nothing to remove.`
        : md`${claimRef(from)} has no link to ${claimRef(to)}; nothing to remove.`,
      'link.not-found',
    );
  }
  const allowed = (link: Link) =>
    ctx.actor.isModerator || link.authorId === ctx.actor.id || from.authorId === ctx.actor.id || to.authorId === ctx.actor.id;
  const refused = links.find((l) => !allowed(l));
  if (refused) {
    throw new PermissionError(
      md`Only whoever made the link, the authors of ${claimRef(from)} and ${claimRef(to)}, or a moderator can remove it.`,
      'link.not-author',
    );
  }
  const at = nowIso(ctx);
  await store.transaction(async (tx) => {
    for (const link of links) {
      await tx.links.remove(ctx.workspace, link.id);
      await tx.audit.record({
        workspace: ctx.workspace,
        actorId: ctx.actor.id,
        action: 'link.remove',
        entity: `${claimRef(from)}->${claimRef(to)}`,
        before: { kind: link.kind, author: link.authorId },
        at,
      });
    }
  });
  return links;
}

import { addClaim, checkClaimText } from '../../src/app/claims.ts';
import { addLink } from '../../src/app/links.ts';
import type { InteractionHandler } from '../../src/core/command.ts';
import type { InteractionContext } from '../../src/core/context.ts';
import { customId } from '../../src/core/custom-id.ts';
import { UserError } from '../../src/core/errors.ts';
import { md } from '../../src/core/markup.ts';
import type { Reply } from '../../src/core/reply.ts';
import { cleanText, clipText, parseClaimId } from '../../src/core/values.ts';
import { CLAIM_TEXT_MAX, claimRef, parseTags, type Claim } from '../../src/domain/claims.ts';
import { LINK_KIND_INFO, LINK_KINDS, type LinkKind } from '../../src/domain/links.ts';
import { showClaim } from './card.ts';
import { resolveDebate } from '../../src/app/lookup.ts';
import { resolveClaim } from '../../src/app/resolutions.ts';
import { refreshPollMessage } from '../../src/app/poll-message.ts';
import { OUTCOMES, type Outcome } from '../../src/domain/resolutions.ts';

/** The claim card's buttons (Support…, Oppose…, Link…) and the forms they open, and “Capture as claim” on a message. */

async function claimFromParam(ctx: InteractionContext, index = 0): Promise<Claim> {
  const n = parseClaimId(ctx.params[index] ?? '');
  if (n === undefined) throw new UserError('That button is out of date.', 'interaction.bad-params');
  return await ctx.services.queries.claims.require(ctx.workspace, n);
}

function linkedClaimForm(kind: 'supports' | 'opposes') {
  return async (ctx: InteractionContext): Promise<Reply> => {
    const target = await claimFromParam(ctx);
    return {
      blocks: [],
      modal: {
        id: customId('claim', 'add-linked', target.number, kind),
        title: `${kind === 'supports' ? 'Support' : 'Oppose'} ${claimRef(target)}`,
        inputs: [
          {
            id: 'text',
            label: kind === 'supports' ? 'A claim that supports it' : 'A claim that opposes it',
            style: 'paragraph',
            required: true,
            maxLength: CLAIM_TEXT_MAX,
          },
          { id: 'tags', label: 'Tags (optional)', style: 'short', required: false, maxLength: 200, placeholder: 'reward-seeking, drift' },
        ],
      },
    };
  };
}

function kindFrom(raw: string | undefined): LinkKind {
  const kind = (raw ?? '').trim().toLowerCase();
  if (!(LINK_KINDS as readonly string[]).includes(kind)) {
    throw new UserError(md`"${raw ?? ''}" is not a link kind; use one of ${LINK_KINDS.join(', ')}.`, 'link.bad-kind');
  }
  return kind as LinkKind;
}

export const claimCardInteractions: Record<string, InteractionHandler> = {
  // The buttons of a resolve-by reminder: the same use case, and the same checks, as /claim resolve.
  async resolve(ctx) {
    const claim = await claimFromParam(ctx);
    const outcome = ctx.params[1] as Outcome;
    if (!OUTCOMES.includes(outcome)) throw new UserError('This button is out of date; use `/claim resolve`.', 'claim.bad-outcome');
    const { claim: resolved, closedPoll } = await resolveClaim(ctx, claim, outcome);
    if (closedPoll) await refreshPollMessage(ctx, closedPoll);
    return await showClaim(ctx, resolved, md`Resolved ${claimRef(resolved)}: ${outcome}. Undo with \`/claim resolve ${claimRef(resolved)} undo\`.`);
  },
  support: linkedClaimForm('supports'),
  oppose: linkedClaimForm('opposes'),
  async link(ctx) {
    const from = await claimFromParam(ctx);
    return {
      blocks: [],
      modal: {
        id: customId('claim', 'link-submit', from.number),
        title: `Link ${claimRef(from)}`,
        inputs: [
          {
            id: 'target',
            label: `Link ${claimRef(from)} to which claim?`,
            style: 'short',
            required: true,
            placeholder: 'C1',
            maxLength: 12,
          },
          {
            id: 'kind',
            label: 'How: supports, opposes, crux-of, refines, duplicates',
            style: 'short',
            required: true,
            value: 'supports',
            maxLength: 12,
          },
        ],
      },
    };
  },
  async 'add-linked'(ctx) {
    const target = await claimFromParam(ctx);
    const kind = kindFrom(ctx.params[1]);
    const debate = (await ctx.services.queries.debates.byId(ctx.workspace, target.debateId))!;
    const claim = await addClaim(ctx, {
      debate,
      text: checkClaimText(ctx.fields.text),
      tags: parseTags(ctx.fields.tags),
      linkTo: { claim: target, kind },
    });
    const refreshed = (await ctx.services.queries.claims.byId(ctx.workspace, target.id))!;
    return {
      ...(await showClaim(
        ctx,
        refreshed,
        md`${ctx.actor.name} added ${claimRef(claim)}, which ${LINK_KIND_INFO[kind].verb} ${claimRef(target)}.`,
      )),
      update: true,
    };
  },
  async 'link-submit'(ctx) {
    const from = await claimFromParam(ctx);
    const toNumber = parseClaimId(ctx.fields.target ?? '');
    if (toNumber === undefined)
      throw new UserError(md`"${ctx.fields.target ?? ''}" is not a claim id; write it like C12.`, 'link.bad-target');
    const to = await ctx.services.queries.claims.require(ctx.workspace, toNumber);
    const kind = kindFrom(ctx.fields.kind);
    const { created } = await addLink(ctx, from, to, kind);
    const refreshed = (await ctx.services.queries.claims.byId(ctx.workspace, from.id))!;
    const note = created
      ? md`${claimRef(from)} now ${LINK_KIND_INFO[kind].verb} ${claimRef(to)}.`
      : md`${claimRef(from)} already ${LINK_KIND_INFO[kind].verb} ${claimRef(to)}.`;
    return { ...(await showClaim(ctx, refreshed, note)), update: true };
  },
  /** "Capture as claim" on a message: a form prefilled with its text. */
  async capture(ctx) {
    const message = ctx.message;
    if (!message) throw new UserError('Use “Capture as claim” on a message.', 'capture.no-message');
    const debate = await resolveDebate(ctx);
    // The draft is stored (any instance may get the form back), so it is cleaned like any stored text.
    const token = await ctx.services.pending.put(ctx, {
      debate: debate.slug,
      permalink: cleanText(message.permalink ?? ''),
      author: cleanText(message.authorName),
      excerpt: cleanText(clipText(message.text, 300)),
    });
    return {
      blocks: [],
      modal: {
        id: customId('claim', 'capture-submit', token),
        title: 'Capture as claim',
        inputs: [
          {
            id: 'text',
            label: `Claim (from ${message.authorName})`.slice(0, 45),
            style: 'paragraph',
            required: true,
            value: clipText(message.text, CLAIM_TEXT_MAX),
            maxLength: CLAIM_TEXT_MAX,
          },
          { id: 'tags', label: 'Tags (optional)', style: 'short', required: false, maxLength: 200, placeholder: 'reward-seeking, drift' },
        ],
      },
    };
  },
  async 'capture-submit'(ctx) {
    const draft = await ctx.services.pending.take(ctx, ctx.params[0] ?? '');
    if (!draft) throw new UserError('This form has expired; use “Capture as claim” on the message again.', 'capture.expired');
    const debate = await ctx.services.queries.debates.require(ctx.workspace, draft.debate ?? '');
    const claim = await addClaim(ctx, {
      debate,
      text: checkClaimText(ctx.fields.text),
      tags: parseTags(ctx.fields.tags),
      source: {
        ...(draft.permalink ? { url: draft.permalink } : {}),
        ...(draft.author ? { author: draft.author } : {}),
        ...(draft.excerpt ? { excerpt: draft.excerpt } : {}),
      },
    });
    return await showClaim(ctx, claim, md`Captured ${claimRef(claim)} from ${draft.author ?? 'a message'} into \`${debate.slug}\`.`);
  },
};

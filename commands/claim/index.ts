import type { BaseContext } from '../../src/core/context.ts';
import { addClaim, editClaim, retractClaim } from '../../src/app/claims.ts';
import { mergeClaims } from '../../src/app/merge-claims.ts';
import { resolveClaim, unresolveClaim } from '../../src/app/resolutions.ts';
import { defineCommand, subcommand } from '../../src/core/command.ts';
import { UsageError, UserError } from '../../src/core/errors.ts';
import { md } from '../../src/core/markup.ts';
import { context, notice, table } from '../../src/core/reply.ts';
import { CLAIM_STATUSES, CLAIM_TEXT_MAX, claimRef, parseSourceUrl, parseTags, STATUS_LABEL, type Claim } from '../../src/domain/claims.ts';
import { OUTCOMES } from '../../src/domain/resolutions.ts';
import { showClaim } from './card.ts';
import { mergeNote } from '../../src/views/merge-note.ts';
import { refreshPollMessage } from '../../src/app/poll-message.ts';
import { resolveDebate } from '../../src/app/lookup.ts';
import { claimCardInteractions } from './forms.ts';
import { addClaimResolvingBy, setResolveBy } from '../../src/app/forecasts.ts';
import { formatRelative } from '../../src/domain/credences/close-time.ts';
import { parseResolveBy } from '../../src/domain/forecasts.ts';
import { formatInZone } from '../../src/domain/time/when.ts';
import { timeZoneOf } from '../../src/queries/time-zone.ts';

const PAGE_SIZE = 20;

const add = subcommand({
  name: 'add',
  description: 'Add a claim to the current debate',
  writes: 'claims',
  options: [
    {
      name: 'text',
      type: 'string',
      description: 'The claim, in a sentence or two',
      required: true,
      positional: true,
      maxLength: CLAIM_TEXT_MAX,
    },
    { name: 'tags', type: 'string', description: 'Tags, separated by commas or spaces', autocomplete: 'tag', example: 'reward-seeking' },
    { name: 'source', type: 'string', description: 'A link to where the claim was made', example: 'https://…' },
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)' },
    { name: 'resolve-by', type: 'string', description: 'When it can be resolved: "next friday", "in 2 weeks", 2027-01-31', example: '"in 2 weeks"' },
    { name: 'supports', type: 'claim', description: 'A claim this one supports, e.g. C1 (added to its debate)' },
    { name: 'opposes', type: 'claim', description: 'A claim this one opposes, e.g. C1 (added to its debate)' },
  ] as const,
  examples: [
    '/claim add Agents game broken scoring functions when the tasks are shoddy',
    '/claim add "Graders are rarely that shoddy" opposes:C1',
    '/claim add text:"Reward seeking is more likely instrumental than terminal" tags:reward-seeking',
  ],
  async handler(ctx) {
    if (ctx.args.supports !== undefined && ctx.args.opposes !== undefined)
      throw new UserError(md`Give \`supports:\` or \`opposes:\`, not both; link the other with \`/link\` afterwards.`, 'claim.two-links');
    const linkNumber = ctx.args.supports ?? ctx.args.opposes;
    const target = linkNumber !== undefined ? await ctx.services.queries.claims.require(ctx.workspace, linkNumber) : undefined;
    if (target?.status === 'retracted')
      throw new UserError(md`${claimRef(target)} is retracted; a new claim cannot be linked to it.`, 'link.retracted');
    const debate = target
      ? await linkedDebate(ctx, target, ctx.args.debate)
      : await resolveDebate(ctx, ctx.args.debate);
    const tags = parseTags(ctx.args.tags);
    const url = parseSourceUrl(ctx.args.source);
    const due = await resolveByArg(ctx, ctx.args['resolve-by']);
    const input = {
      debate,
      text: ctx.args.text,
      tags,
      ...(url ? { source: { url } } : {}),
      ...(target ? { linkTo: { claim: target, kind: ctx.args.supports !== undefined ? ('supports' as const) : ('opposes' as const) } } : {}),
    };
    const claim = due ? await addClaimResolvingBy(ctx, input, due) : await addClaim(ctx, input);
    if (target)
      return await showClaim(ctx, claim, md`Added ${claimRef(claim)} to \`${debate.slug}\`; it ${input.linkTo!.kind === 'supports' ? 'supports' : 'opposes'} ${claimRef(target)}.`);
    const root = (await ctx.services.queries.debates.byId(ctx.workspace, debate.id))?.rootClaimId;
    const rootClaim =
      root !== null && root !== undefined && root !== claim.id ? await ctx.services.queries.claims.byId(ctx.workspace, root) : undefined;
    return await showClaim(
      ctx,
      claim,
      rootClaim
        ? md`Added ${claimRef(claim)} to \`${debate.slug}\`. Link it: \`/link ${claimRef(claim)} ${claimRef(rootClaim)} supports\` (or opposes, crux-of…).`
        : md`Added ${claimRef(claim)} to \`${debate.slug}\` as the root: the claim the debate is about.`,
    );
  },
});

/** A claim added in support or opposition goes into its target's debate; naming another debate is refused. */
async function linkedDebate(ctx: BaseContext, target: Claim, slug: string | undefined) {
  const debate = (await ctx.services.queries.debates.byId(ctx.workspace, target.debateId))!;
  if (slug !== undefined && slug !== debate.slug)
    throw new UserError(
      md`${claimRef(target)} is in \`${debate.slug}\`, not \`${slug}\`; a claim that supports or opposes it goes into \`${debate.slug}\`. Drop \`debate:\`, or add it to \`${slug}\` and link it with \`/link … across:true\`.`,
      'claim.link-debate',
    );
  return debate;
}

/** A `resolve-by:` option read in the person's zone, checked before anything is stored. */
async function resolveByArg(ctx: BaseContext, raw: string | undefined): Promise<{ at: Date; zone: string; from: string } | undefined> {
  if (raw === undefined) return undefined;
  const { zone, from } = await timeZoneOf(ctx.services.queries, ctx.workspace, ctx.actor);
  return { at: parseResolveBy(raw, ctx.services.clock(), zone), zone, from };
}

const resolveBy = subcommand({
  name: 'resolve-by',
  description: 'Set or move when a claim can be resolved (its author or a moderator)',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim id, e.g. C3', required: true, positional: true },
    { name: 'when', type: 'string', description: '"next friday", "in 2 weeks", 2027-01-31', required: true, positional: true, example: '"in 2 weeks"' },
  ] as const,
  examples: ['/claim resolve-by C3 "end of month"'],
  async handler(ctx) {
    const claim = await ctx.services.queries.claims.require(ctx.workspace, ctx.args.claim);
    const due = (await resolveByArg(ctx, ctx.args.when))!;
    await setResolveBy(ctx, claim, due.at, due.zone);
    return await showClaim(
      ctx,
      claim,
      md`${claimRef(claim)} resolves by ${formatInZone(due.at, due.zone)} (${formatRelative(due.at, ctx.services.clock())}; time zone from ${due.from}).`,
    );
  },
});

const show = subcommand({
  name: 'show',
  description: 'Show a claim card: text, author, source, tags, links, status',
  options: [{ name: 'claim', type: 'claim', description: 'The claim id, e.g. C3', required: true, positional: true }] as const,
  examples: ['/claim show C1'],
  async handler(ctx) {
    return await showClaim(ctx, await ctx.services.queries.claims.require(ctx.workspace, ctx.args.claim));
  },
});

const list = subcommand({
  name: 'list',
  description: 'List the claims of a debate, by tag, status or author',
  options: [
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)', positional: true },
    { name: 'tag', type: 'string', description: 'Only claims with this tag', autocomplete: 'tag' },
    { name: 'status', type: 'string', description: 'Only claims with this status', choices: CLAIM_STATUSES },
    { name: 'author', type: 'user', description: 'Only claims by this person' },
    { name: 'page', type: 'integer', description: 'Page number', min: 1, max: 100_000 },
    { name: 'all', type: 'boolean', description: 'Every debate of the workspace, with a debate column' },
  ] as const,
  examples: ['/claim list', '/claim list tag:reward-seeking status:open', '/claim list all:true'],
  async handler(ctx) {
    if (ctx.args.all && ctx.args.debate)
      throw new UserError(md`Give a debate or \`all:true\`, not both.`, 'claim.list-all-and-debate');
    const debate = ctx.args.all ? undefined : await resolveDebate(ctx, ctx.args.debate);
    const page = ctx.args.page ?? 1;
    const tag = ctx.args.tag ? parseTags(ctx.args.tag)[0] : undefined;
    const { claims, total } = await ctx.services.queries.claims.list(ctx.workspace, {
      ...(debate ? { debateId: debate.id } : {}),
      ...(tag ? { tag } : {}),
      ...(ctx.args.status ? { status: ctx.args.status } : {}),
      ...(ctx.args.author ? { authorId: ctx.args.author } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const where = debate ? md`in \`${debate.slug}\`` : md`in this workspace`;
    if (total === 0) {
      return notice(
        md`No claims ${where}${tag || ctx.args.status || ctx.args.author ? ' match that filter' : ' yet; add one with `/claim add <text>`'}.`,
        { ephemeral: false },
      );
    }
    const pages = Math.ceil(total / PAGE_SIZE);
    if (page > pages) throw new UserError(`There are only ${pages} page${pages === 1 ? '' : 's'} of claims.`, 'claim.page');
    const slugs = debate ? undefined : await debateSlugs(ctx);
    return {
      title: `Claims ${debate ? `in ${debate.slug}` : 'in every debate'} (${total})`,
      blocks: [
        slugs
          ? table(
              ['id', 'debate', 'status', 'author', 'claim'],
              claims.map((c) => [claimRef(c), slugs.get(c.debateId) ?? '?', STATUS_LABEL[c.status], c.authorName, short(c.text, 70)]),
            )
          : table(
              ['id', 'status', 'author', 'claim'],
              claims.map((c) => [claimRef(c), STATUS_LABEL[c.status], c.authorName, short(c.text, 80)]),
            ),
        context(
          pages > 1
            ? md`Page ${page} of ${pages}${page < pages ? md` · next: \`/claim list ${debate ? '' : 'all:true '}page:${page + 1}\`` : ''}`
            : debate
              ? md`Show one with \`/claim show C#\`; every debate: \`/claim list all:true\`.`
              : md`Show one with \`/claim show C#\`.`,
        ),
      ],
    };
  },
});

const edit = subcommand({
  name: 'edit',
  description: 'Change the text or tags of your claim',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim id, e.g. C3', required: true, positional: true },
    { name: 'text', type: 'string', description: 'The new text', positional: true, maxLength: CLAIM_TEXT_MAX },
    { name: 'tags', type: 'string', description: 'The new tags (replace the old ones; "none" clears them)', autocomplete: 'tag' },
  ] as const,
  examples: [
    '/claim edit C2 text:"Reward seeking is more likely instrumental than terminal, for now"',
    '/claim edit C2 tags:reward-seeking,terminal',
  ],
  async handler(ctx) {
    const claim = await ctx.services.queries.claims.require(ctx.workspace, ctx.args.claim);
    if (ctx.args.text === undefined && ctx.args.tags === undefined) {
      throw new UsageError(
        md`Say what to change: \`text:\` or \`tags:\`.`,
        '/claim edit <claim> [text] [tags:<tags>]',
        'claim.edit-nothing',
      );
    }
    const tags = ctx.args.tags === undefined ? undefined : ctx.args.tags.trim().toLowerCase() === 'none' ? [] : parseTags(ctx.args.tags);
    const updated = await editClaim(ctx, claim, {
      ...(ctx.args.text !== undefined ? { text: ctx.args.text } : {}),
      ...(tags ? { tags } : {}),
    });
    return await showClaim(ctx, updated, md`Edited ${claimRef(updated)}.`);
  },
});

const retract = subcommand({
  name: 'retract',
  description: 'Retract your claim (it stays visible, marked retracted)',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim id, e.g. C3', required: true, positional: true },
    { name: 'reason', type: 'string', description: 'Why, for the record', positional: true, maxLength: 500 },
  ] as const,
  examples: ['/claim retract C4 reason:"duplicate of C2"'],
  async handler(ctx) {
    const claim = await ctx.services.queries.claims.require(ctx.workspace, ctx.args.claim);
    const retracted = await retractClaim(ctx, claim, ctx.args.reason);
    return await showClaim(ctx, retracted, md`Retracted ${claimRef(retracted)}${ctx.args.reason ? md`: ${ctx.args.reason}` : ''}.`);
  },
});

/** Debate ids to slugs, for a table that spans debates. */
async function debateSlugs(ctx: BaseContext): Promise<Map<number, string>> {
  return new Map((await ctx.services.queries.debates.list(ctx.workspace)).map((d) => [d.id, d.slug]));
}

const search = subcommand({
  name: 'search',
  description: 'Find claims by their words or id',
  options: [
    { name: 'query', type: 'string', description: 'Words to look for', required: true, positional: true, maxLength: 200 },
    { name: 'debate', type: 'debate', description: 'Only in this debate (default: this channel’s)' },
    { name: 'all', type: 'boolean', description: 'Search every debate of the workspace' },
  ] as const,
  examples: ['/claim search reward seeking', '/claim search reward all:true'],
  async handler(ctx) {
    if (ctx.args.all && ctx.args.debate) throw new UserError(md`Give a debate or \`all:true\`, not both.`, 'claim.search-all-and-debate');
    const { debates } = ctx.services.queries;
    const debate = ctx.args.debate
      ? await debates.require(ctx.workspace, ctx.args.debate)
      : ctx.args.all
        ? undefined
        : await debates.currentFor(ctx.workspace, ctx.channel.id);
    const found = await ctx.services.queries.search.claims(ctx.workspace, ctx.args.query, {
      limit: 15,
      ...(debate ? { debateId: debate.id } : {}),
    });
    const elsewhere = debate ? md` Search every debate with \`/claim search ${ctx.args.query} all:true\`.` : '';
    if (found.length === 0) return notice(md`No claims ${debate ? md`in \`${debate.slug}\` ` : ''}match "${ctx.args.query}".${elsewhere}`);
    const slugs = await debateSlugs(ctx);
    return {
      title: `Claims matching “${short(ctx.args.query, 40)}”${debate ? ` in ${debate.slug}` : ''}`,
      blocks: [
        table(
          ['id', 'debate', 'status', 'claim'],
          found.map((c) => [claimRef(c), slugs.get(c.debateId) ?? '?', STATUS_LABEL[c.status], short(c.text, 80)]),
        ),
        ...(debate ? [context(md`In \`${debate.slug}\`, this channel’s debate.${elsewhere}`)] : []),
      ],
      ephemeral: true,
    };
  },
});

const resolve = subcommand({
  name: 'resolve',
  description: 'Resolve your claim true, false or ambiguous, scoring everyone’s credences (undo: reopen)',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim id, e.g. C3', required: true, positional: true },
    {
      name: 'outcome',
      type: 'string',
      description: 'What happened (undo reopens it)',
      required: true,
      positional: true,
      choices: [...OUTCOMES, 'undo'],
    },
  ] as const,
  examples: ['/claim resolve C3 true', '/claim resolve C3 ambiguous', '/claim resolve C3 undo'],
  async handler(ctx) {
    const claim = await ctx.services.queries.claims.require(ctx.workspace, ctx.args.claim);
    if (ctx.args.outcome === 'undo') {
      const reopened = await unresolveClaim(ctx, claim);
      return await showClaim(ctx, reopened, md`Reopened ${claimRef(reopened)}: it takes credences again and is no longer scored.`);
    }
    const { claim: resolved, closedPoll } = await resolveClaim(ctx, claim, ctx.args.outcome);
    if (closedPoll) await refreshPollMessage(ctx, closedPoll);
    const raters = (await ctx.services.queries.credences.latestUnconditional(ctx.workspace, claim.id)).length;
    return await showClaim(
      ctx,
      resolved,
      ctx.args.outcome === 'ambiguous'
        ? md`Resolved ${claimRef(resolved)} as ambiguous: it is not scored. Undo with \`/claim resolve ${claimRef(resolved)} undo\`.`
        : md`Resolved ${claimRef(resolved)}: ${ctx.args.outcome}. ${raters} credence${raters === 1 ? '' : 's'} scored (\`/scores\`)${closedPoll ? '; its poll is closed' : ''}. Undo with \`/claim resolve ${claimRef(resolved)} undo\`.`,
    );
  },
});

const merge = subcommand({
  name: 'merge',
  description: 'Merge a duplicate into another claim: its links move; it is retracted (moderator or author of both)',
  options: [
    { name: 'claim', type: 'claim', description: 'The duplicate, e.g. C5', required: true, positional: true },
    { name: 'into', type: 'claim', description: 'The claim that stays, e.g. C2', required: true, positional: true },
  ] as const,
  examples: ['/claim merge C5 into:C2'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const result = await mergeClaims(
      ctx,
      await queries.claims.require(ctx.workspace, ctx.args.claim),
      await queries.claims.require(ctx.workspace, ctx.args.into),
    );
    if (result.closedPoll) await refreshPollMessage(ctx, result.closedPoll);
    return await showClaim(ctx, result.target, mergeNote(result));
  },
});

function short(value: string, max: number): string {
  const one = value.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export default defineCommand({
  name: 'claim',
  description: 'Capture, show, list, edit, retract, search, resolve and merge claims',
  subcommands: [add, show, list, edit, retract, search, resolve, merge, resolveBy],
  messageActions: [{ label: 'Capture as claim', action: 'capture', description: 'Store a message as a claim in the channel’s debate' }],
  interactions: claimCardInteractions,
});

import type { types } from '@slack/bolt';
import { joinMarkup, md, type Markup } from '../../core/markup.ts';
import { context, text, type Block } from '../../core/reply.ts';
import { claimRef, STATUS_LABEL } from '../../domain/claims.ts';
import type { Services } from '../../services.ts';
import { plainText, renderBlocks } from './blocks.ts';
import { openPollsData } from '../../queries/polls.ts';
import { OPEN_POLLS_SHOWN, openPollLines } from '../../views/poll-message.ts';
import { BLOCK_KIT, clip } from './limits.ts';

export interface HomeContext {
  readonly services: Services;
  readonly workspace: string;
}

const DEBATES_SHOWN = 15;
const CLAIMS_SHOWN = 10;
const CLAIM_SHOWN_CHARS = 140;

/** The App Home tab: the workspace's debates, its latest claims, and its open polls. */
export async function homeView(ctx: HomeContext): Promise<types.HomeView> {
  const content: Block[] = [
    text(
      md`Capture the claims of your team's debates, link them into a crux graph, and see where the disagreement lives. Type \`/help\` in any channel.`,
    ),
    { type: 'divider' },
    ...(await debatesSection(ctx)),
    { type: 'divider' },
    ...(await recentClaimsSection(ctx)),
    { type: 'divider' },
    ...(await pollsSection(ctx)),
    context(md`Updated ${ctx.services.clock().toISOString().slice(0, 16).replace('T', ' ')} UTC · reopen this tab to refresh.`),
  ];
  const blocks = [{ type: 'header' as const, text: plainText('cruxbot', BLOCK_KIT.headerText) }, ...renderBlocks(content)];
  return { type: 'home', blocks: blocks.slice(0, BLOCK_KIT.viewBlocks) };
}

async function debatesSection(ctx: HomeContext): Promise<Block[]> {
  const debates = await ctx.services.store.debates.list(ctx.workspace);
  if (debates.length === 0) {
    return [
      text(md`**Debates**`),
      text(md`No debates yet. Start one in a channel: \`/debate new slug:reward-seeking title:"Is reward the optimization target?"\``),
    ];
  }
  const lines: Markup[] = debates
    .slice(0, DEBATES_SHOWN)
    .map(
      (d) =>
        md`• **${d.slug}** · ${d.title}\n    ${d.claimCount} claim${d.claimCount === 1 ? '' : 's'}, ${d.linkCount} link${d.linkCount === 1 ? '' : 's'} · started by ${d.createdByName}`,
    );
  const more = debates.length > DEBATES_SHOWN ? [context(md`and ${debates.length - DEBATES_SHOWN} more: \`/debate list\``)] : [];
  return [text(md`**Debates** (${debates.length})`), text(joinMarkup(lines)), ...more];
}

async function recentClaimsSection(ctx: HomeContext): Promise<Block[]> {
  const { store } = ctx.services;
  const claims = await store.claims.recent(ctx.workspace, CLAIMS_SHOWN);
  if (claims.length === 0) return [text(md`**Recent claims**`), text(md`No claims yet: \`/claim add <text>\` in a channel with a debate.`)];
  const slugs = new Map((await store.debates.list(ctx.workspace)).map((d) => [d.id, d.slug]));
  const lines = claims.map(
    (c) =>
      md`• **${claimRef(c)}** ${clip(c.text.replace(/\s+/g, ' '), CLAIM_SHOWN_CHARS)}\n    _${c.authorName} · ${slugs.get(c.debateId) ?? '?'} · ${STATUS_LABEL[c.status]}_`,
  );
  return [text(md`**Recent claims**`), text(joinMarkup(lines)), context(md`Open one with \`/claim show C#\`.`)];
}

async function pollsSection(ctx: HomeContext): Promise<Block[]> {
  const polls = await openPollsForHome(ctx);
  return [text(md`**Open polls**`), ...(polls.length ? polls : [text(md`No open polls.`)])];
}

/** The App Home's "Open polls" section; an empty list shows "No open polls." */
async function openPollsForHome(ctx: HomeContext): Promise<readonly Block[]> {
  return openPollLines(await openPollsData(ctx.services.store, ctx.workspace, OPEN_POLLS_SHOWN), ctx.services.clock());
}

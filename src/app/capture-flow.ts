import { saveCapture } from './thread-capture.ts';
import type { BaseContext } from '../core/context.ts';
import { customId } from '../core/custom-id.ts';
import { UserError } from '../core/errors.ts';
import { joinMarkup, link, md } from '../core/markup.ts';
import { context, fields, text, type Field, type Reply } from '../core/reply.ts';
import type { Claim } from '../domain/claims.ts';
import { chooseCandidates, type CandidateSet } from '../domain/threads/candidates.ts';
import type { ThreadAnalysis } from '../domain/threads/extract.ts';
import { analyseWithModel, llmSettings } from '../llm/thread-extractor.ts';
import { summarizeThread, type ThreadSummary } from '../domain/threads/summary.ts';
import { captureRef, type Capture, type CaptureItem } from '../domain/threads/captures.ts';
import { readThread } from './thread-source.ts';
import { type ThreadRequest, type ThreadSource } from '../domain/threads/request.ts';
import { quote } from '../views/thread-summary.ts';

/** The read → analyse → hold-the-candidates flow that /summarize and /capture share. */
export interface ThreadCapture {
  readonly source: ThreadSource;
  readonly analysis: ThreadAnalysis;
  readonly summary: ThreadSummary;
  readonly set: CandidateSet;
  readonly capture?: Capture;
  readonly debateSlug?: string;
  /** Who found the claims: the configured language model, or the heuristics (the default, and the fallback). */
  readonly extractedBy: 'model' | 'heuristics';
}

export async function readAndCapture(ctx: BaseContext, request: ThreadRequest): Promise<ThreadCapture> {
  const source = await readThread(ctx, request);
  if (source.messages.every((m) => !m.text.trim())) {
    throw new UserError(
      request.since ? md`There are no messages to read since ${request.since}.` : md`There are no messages to read: the thread is empty.`,
      'summarize.empty',
    );
  }
  const { analysis, by } = await analyseWithModel(source.messages, llmSettings(ctx.services.config), ctx.log);
  const summary = summarizeThread(analysis);
  const set = chooseCandidates(analysis, summary);
  const debate = await ctx.services.store.debates.currentFor(ctx.workspace, ctx.channel.id);
  const capture = set.candidates.length
    ? await saveCapture(ctx, { origin: source.origin, messages: source.messages, set, ...(debate ? { debate } : {}) })
    : undefined;
  return {
    source,
    analysis,
    summary,
    set,
    extractedBy: by,
    ...(capture ? { capture } : {}),
    ...(debate ? { debateSlug: debate.slug } : {}),
  };
}

/** One candidate, with Accept, Edit… and Skip. */
export async function reviewCard(
  ctx: Pick<BaseContext, 'services' | 'workspace'>,
  capture: Capture,
  item: CaptureItem,
  note?: string,
): Promise<Reply> {
  const { store } = ctx.services;
  const items = await store.captures.items(capture.id);
  const links = (await store.captures.links(capture.id)).filter((l) => l.from === item.position || l.to === item.position);
  const refer = async (position: number) => {
    const other = items[position];
    const claim = other?.claimId !== undefined ? await store.claims.byId(ctx.workspace, other.claimId) : undefined;
    return claim ? md`C${claim.number}` : md`candidate ${position + 1}`;
  };
  const list: Field[] = [
    { name: 'From', value: item.author || 'someone', inline: true },
    { name: 'Kind', value: item.kind, inline: true },
  ];
  if (item.credence) list.push({ name: 'Stated credence', value: md`\`${item.credence}\``, inline: true });
  if (item.permalink) list.push({ name: 'Source', value: link(item.permalink, 'message'), inline: true });
  if (links.length) {
    list.push({
      name: 'Links',
      value: joinMarkup(
        await Promise.all(
          links.map(async (l) =>
            l.from === item.position ? md`${l.kind} ${await refer(l.to)}` : md`${await refer(l.from)} ${l.kind} this`,
          ),
        ),
        ' · ',
      ),
    });
  }
  const blocks = [text(md`${item.text}`), fields(list)];
  if (note) blocks.push(context(note));
  blocks.push(
    context(md`Accept puts it on the map (or links the claim already there that says the same); Edit… lets you reword it first.`),
  );
  return {
    title: `Candidate ${item.position + 1} of ${items.length}`,
    blocks,
    components: [
      [
        {
          type: 'button',
          id: customId('capture', 'accept', capture.id, item.position),
          label: 'Accept',
          style: 'success',
          command: `/capture add ${captureRef(capture.id)} ${item.position + 1}`,
        },
        {
          type: 'button',
          id: customId('capture', 'edit', capture.id, item.position),
          label: 'Edit…',
          style: 'primary',
          command: `/capture edit ${captureRef(capture.id)} ${item.position + 1} "<the claim as it should stand>"`,
        },
        {
          type: 'button',
          id: customId('capture', 'skip', capture.id, item.position),
          label: 'Skip',
          style: 'secondary',
          command: `/capture skip ${captureRef(capture.id)} ${item.position + 1}`,
        },
      ],
    ],
    ephemeral: true,
    accent: 'info',
  };
}

/** The next pending candidate, or the tally when none is left. */
export async function nextReviewStep(ctx: Pick<BaseContext, 'services' | 'workspace'>, capture: Capture, note?: string): Promise<Reply> {
  const items = await ctx.services.store.captures.items(capture.id);
  const next = items.find((i) => i.status === 'pending');
  if (next) return await reviewCard(ctx, capture, next, note);
  const count = (status: CaptureItem['status']) => items.filter((i) => i.status === status).length;
  return {
    title: 'Review done',
    blocks: [
      text(
        md`${note ? `${note} ` : ''}${count('added')} added, ${count('existing')} already on the map, ${count('skipped')} skipped. See the debate with \`/map\`.`,
      ),
    ],
    ephemeral: true,
    accent: 'success',
  };
}

export function addAllReply(actor: string, debateSlug: string, result: { added: Claim[]; existing: Claim[]; links: number }): Reply {
  const ids = (claims: Claim[]) => claims.map((c) => `C${c.number}`).join(', ');
  const parts = [md`${actor} added ${result.added.length} claim${result.added.length === 1 ? '' : 's'} to \`${debateSlug}\``];
  if (result.added.length) parts.push(md` (${ids(result.added)})`);
  parts.push(md` and ${result.links} link${result.links === 1 ? '' : 's'}`);
  if (result.existing.length) parts.push(md`; ${result.existing.length} were on the map already (${ids(result.existing)})`);
  return {
    blocks: [text(joinMarkup([...parts, md`. See them with \`/map\`.`], ''))],
    accent: 'success',
  };
}

/** /capture's answer: the candidates in a short numbered list, and the buttons. */
export function candidatesReply(result: ThreadCapture, buttons: Reply['components']): Reply {
  const shown = result.set.candidates.slice(0, 10);
  const more = result.set.candidates.length - shown.length;
  const lines = shown.map(({ claim }, i) => md`${i + 1}. ${quote(claim.text, 140)}${claim.author ? md` — ${claim.author}` : ''}`);
  if (more > 0) lines.push(md`_and ${more} more_`);
  return {
    title: `${result.capture ? `${captureRef(result.capture.id)} · ` : ''}${result.set.candidates.length} candidate claims from ${result.source.origin}`,
    blocks: [text(joinMarkup(lines)), ...(result.source.note ? [context(result.source.note)] : [])],
    components: buttons ?? [],
    accent: 'info',
  };
}

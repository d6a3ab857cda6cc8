import { acceptAll, acceptCandidate, captureDebate, requireCapture, skipCandidate } from '../src/app/thread-capture.ts';
import { checkClaimText } from '../src/app/claims.ts';
import { defineCommand, subcommand } from '../src/core/command.ts';
import { checkWriteLimit } from '../src/core/dispatch.ts';
import type { InteractionContext } from '../src/core/context.ts';
import { customId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import type { BaseContext } from '../src/core/context.ts';
import { parseCaptureRef, type Capture } from '../src/domain/threads/captures.ts';
import { CLAIM_TEXT_MAX } from '../src/domain/claims.ts';
import { addAllReply, candidatesReply, nextReviewStep, readAndCapture } from '../src/app/capture-flow.ts';
import { context } from '../src/core/reply.ts';
import { THREAD_OPTIONS, threadRequest } from './thread-options.ts';
import { captureButtons, nothingArguedReply } from '../src/views/thread-summary.ts';

/** The capture and position a button carries: `capture:accept:<capture>:<position>`. */
function target(ctx: InteractionContext): { id: number; position: number } {
  const id = Number(ctx.params[0]);
  const position = Number(ctx.params[1] ?? 0);
  if (!Number.isInteger(id) || !Number.isInteger(position) || position < 0)
    throw new UserError('That button is out of date.', 'interaction.bad-params');
  return { id, position };
}

/** The capture a command names: `T3` (or `3`). */
async function namedCapture(ctx: BaseContext, raw: string): Promise<Capture> {
  const id = parseCaptureRef(raw);
  if (id === undefined)
    throw new UserError(md`"${raw}" is not a capture; captures are named like \`T3\` (the /capture reply shows its name).`, 'capture.bad-ref');
  return await requireCapture(ctx, id);
}

/**
 * `all`, or candidate numbers as the reply lists them (1-based): `3`, `1,3,5`, `2-4`, `1,4-6`. Returns the
 * 0-based positions; a number outside 1…count is an error that names it.
 */
export function parseCandidates(raw: string | undefined, count: number): ReadonlySet<number> | 'all' {
  const given = (raw ?? 'all').trim().toLowerCase();
  if (given === 'all' || given === '') return 'all';
  const picked = new Set<number>();
  for (const part of given.split(/[,\s]+/).filter(Boolean)) {
    const m = /^(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?$/.exec(part);
    if (!m) throw new UserError(md`"${part}" is not a candidate number; give \`all\` or numbers such as \`1,3,5\` or \`2-4\`.`, 'capture.bad-candidates');
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (const n of [from, to]) {
      if (n < 1 || n > count)
        throw new UserError(md`There is no candidate ${n}: this capture has ${count} (1–${count}).`, 'capture.no-item');
    }
    for (let n = Math.min(from, to); n <= Math.max(from, to); n++) picked.add(n - 1);
  }
  return picked;
}

const CAPTURE_OPTION = {
  name: 'capture',
  type: 'string',
  description: 'The capture, as the /capture reply names it: T3',
  required: true,
  positional: true,
  example: 'T3',
  maxLength: 20,
} as const;

const thread = subcommand({
  name: 'thread',
  description: 'Find the claims in this thread (or a file) and offer them for the map',
  options: THREAD_OPTIONS,
  slow: true,
  expensive: true,
  examples: ['/capture', '/capture since:"3 days"', '/capture thread file:thread.json'],
  async handler(ctx) {
    const result = await readAndCapture(ctx, threadRequest(ctx.args));
    if (!result.capture) return nothingArguedReply(result.source, result.analysis);
    return candidatesReply(result, captureButtons(result.capture.id, result.set.candidates.length));
  },
});

const add = subcommand({
  name: 'add',
  description: 'Put a capture’s candidates on the map: all of them, or the ones you name',
  writes: 'claims',
  options: [
    CAPTURE_OPTION,
    {
      name: 'candidates',
      type: 'string',
      description: 'all (the default), or candidate numbers: 3, 1,3,5 or 2-4',
      positional: true,
      example: '1,3,5',
      maxLength: 200,
    },
  ] as const,
  examples: ['/capture add T3 all', '/capture add T3 1,3,5'],
  async handler(ctx) {
    const capture = await namedCapture(ctx, ctx.args.capture);
    const debate = await captureDebate(ctx, capture);
    const items = await ctx.services.queries.captures.items(capture.id);
    const which = parseCandidates(ctx.args.candidates, items.length);
    const settledBefore = which === 'all' ? [] : items.filter((i) => which.has(i.position) && i.status !== 'pending');
    const result = await acceptAll(ctx, capture, which === 'all' ? undefined : which);
    const reply = addAllReply(ctx.actor.name, debate.slug, result);
    if (!settledBefore.length) return reply;
    const numbers = settledBefore.map((i) => i.position + 1).join(', ');
    return {
      ...reply,
      blocks: [
        ...reply.blocks,
        context(md`Candidate${settledBefore.length === 1 ? '' : 's'} ${numbers} ${settledBefore.length === 1 ? 'was' : 'were'} settled already and left as ${settledBefore.length === 1 ? 'it was' : 'they were'}.`),
      ],
    };
  },
});

const review = subcommand({
  name: 'review',
  description: 'Go through a capture’s candidates one by one',
  options: [CAPTURE_OPTION] as const,
  examples: ['/capture review T3'],
  async handler(ctx) {
    const capture = await namedCapture(ctx, ctx.args.capture);
    await captureDebate(ctx, capture);
    return await nextReviewStep(ctx, capture);
  },
});

const skip = subcommand({
  name: 'skip',
  description: 'Leave candidates of a capture off the map',
  options: [
    CAPTURE_OPTION,
    { name: 'candidates', type: 'string', description: 'Candidate numbers: 3, 1,3,5 or 2-4', required: true, positional: true, example: '2', maxLength: 200 },
  ] as const,
  examples: ['/capture skip T3 2', '/capture skip T3 4-6'],
  async handler(ctx) {
    const capture = await namedCapture(ctx, ctx.args.capture);
    const items = await ctx.services.queries.captures.items(capture.id);
    const which = parseCandidates(ctx.args.candidates, items.length);
    const positions = which === 'all' ? items.filter((i) => i.status === 'pending').map((i) => i.position) : [...which];
    for (const position of positions) await skipCandidate(ctx, capture, position);
    const numbers = positions.map((p) => p + 1).join(', ');
    return await nextReviewStep(ctx, capture, `Skipped candidate${positions.length === 1 ? '' : 's'} ${numbers}.`);
  },
});

const edit = subcommand({
  name: 'edit',
  description: 'Reword one candidate of a capture and put it on the map',
  options: [
    CAPTURE_OPTION,
    { name: 'candidate', type: 'integer', description: 'The candidate’s number, as the reply lists it', required: true, positional: true, min: 1, max: 100_000 },
    { name: 'text', type: 'string', description: 'The claim as it should stand on the map', required: true, positional: true, maxLength: CLAIM_TEXT_MAX },
  ] as const,
  examples: ['/capture edit T3 2 "Reward seeking is instrumental in most agents"'],
  async handler(ctx) {
    const capture = await namedCapture(ctx, ctx.args.capture);
    const items = await ctx.services.queries.captures.items(capture.id);
    if (ctx.args.candidate > items.length)
      throw new UserError(md`There is no candidate ${ctx.args.candidate}: this capture has ${items.length} (1–${items.length}).`, 'capture.no-item');
    const settled = await acceptCandidate(ctx, capture, ctx.args.candidate - 1, checkClaimText(ctx.args.text));
    return await nextReviewStep(ctx, capture, `Added C${settled.claim.number}.`);
  },
});

export default defineCommand({
  name: 'capture',
  description: 'Find the claims in this thread and put them on the map (all at once, or one by one)',
  subcommands: [thread, add, review, skip, edit],
  defaultSubcommand: 'thread',
  interactions: {
    async 'add-all'(ctx) {
      const capture = await requireCapture(ctx, target(ctx).id);
      const debate = await captureDebate(ctx, capture);
      await checkWriteLimit(ctx, '/capture add', 'claims');
      return addAllReply(ctx.actor.name, debate.slug, await acceptAll(ctx, capture));
    },
    async review(ctx) {
      const capture = await requireCapture(ctx, target(ctx).id);
      await captureDebate(ctx, capture);
      return await nextReviewStep(ctx, capture);
    },
    async accept(ctx) {
      const { id, position } = target(ctx);
      const capture = await requireCapture(ctx, id);
      const settled = await acceptCandidate(ctx, capture, position);
      const note = settled.existing ? `Already on the map as C${settled.claim.number}; linked.` : `Added C${settled.claim.number}.`;
      return { ...(await nextReviewStep(ctx, capture, note)), update: true };
    },
    async edit(ctx) {
      const { id, position } = target(ctx);
      const capture = await requireCapture(ctx, id);
      const item = (await ctx.services.queries.captures.items(capture.id)).find((i) => i.position === position);
      if (!item) throw new UserError('That candidate is not part of this capture.', 'capture.no-item');
      return {
        blocks: [],
        modal: {
          id: customId('capture', 'edit-submit', capture.id, position),
          title: `Candidate ${position + 1}`,
          inputs: [
            {
              id: 'text',
              label: 'The claim, as it should stand on the map',
              style: 'paragraph',
              required: true,
              value: item.text,
              maxLength: CLAIM_TEXT_MAX,
            },
          ],
        },
      };
    },
    async 'edit-submit'(ctx) {
      const { id, position } = target(ctx);
      const capture = await requireCapture(ctx, id);
      const settled = await acceptCandidate(ctx, capture, position, checkClaimText(ctx.fields.text));
      return { ...(await nextReviewStep(ctx, capture, `Added C${settled.claim.number}.`)), update: true };
    },
    async skip(ctx) {
      const { id, position } = target(ctx);
      const capture = await requireCapture(ctx, id);
      await skipCandidate(ctx, capture, position);
      return { ...(await nextReviewStep(ctx, capture, `Skipped candidate ${position + 1}.`)), update: true };
    },
  },
});

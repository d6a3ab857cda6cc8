import { acceptAll, acceptCandidate, captureDebate, requireCapture, skipCandidate } from '../src/app/thread-capture.ts';
import { checkClaimText } from '../src/app/claims.ts';
import { defineCommand } from '../src/core/command.ts';
import type { InteractionContext } from '../src/core/context.ts';
import { customId } from '../src/core/custom-id.ts';
import { UserError } from '../src/core/errors.ts';
import { CLAIM_TEXT_MAX } from '../src/domain/claims.ts';
import { addAllReply, candidatesReply, nextReviewStep, readAndCapture } from '../src/app/capture-flow.ts';
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

export default defineCommand({
  name: 'capture',
  description: 'Find the claims in this thread and put them on the map (all at once, or one by one)',
  options: THREAD_OPTIONS,
  slow: true,
  expensive: true,
  examples: ['/capture', '/capture since:"3 days"', '/capture file:thread.json'],
  async handler(ctx) {
    const result = await readAndCapture(ctx, threadRequest(ctx.args));
    if (!result.capture) return nothingArguedReply(result.source, result.analysis);
    return candidatesReply(result, captureButtons(result.capture.id, result.set.candidates.length));
  },
  interactions: {
    async 'add-all'(ctx) {
      const capture = await requireCapture(ctx, target(ctx).id);
      const debate = await captureDebate(ctx, capture);
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

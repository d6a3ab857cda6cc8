import type { App, ViewSubmitAction } from '@slack/bolt';
import { runInteraction } from '../../../core/dispatch.ts';
import { replyWords } from '../blocks.ts';
import { readyWithin } from '../deadline.ts';
import type { ReplyTarget } from '../delivery.ts';
import { clip } from '../limits.ts';
import { decodeOrigin, fieldsFromState, renderModal } from '../modal.ts';
import { answer, requestFor, teamIdOf, type SlackRuntime } from '../runtime.ts';

/** Longest error Slack is given to show under a form field. */
const FIELD_ERROR_MAX = 300;

/**
 * Form submissions. The callback id routes to the handler; `private_metadata` says where the form was
 * opened. Slack must hear back within 3 s, and what it hears decides what the person sees: a handler
 * that finishes in time can keep the form open with its error under the first field (nothing typed is
 * lost), or swap in a next form; otherwise the form closes and the answer follows as a message.
 */
export function registerViewSubmissions(app: App, runtime: SlackRuntime): void {
  app.view<ViewSubmitAction>({ type: 'view_submission' }, async ({ body, view, ack }) => {
    const origin = decodeOrigin(view.private_metadata);
    const fields = fieldsFromState(view.state.values);
    const source = origin.channel && origin.message ? { channel: origin.channel, ...origin.message } : undefined;
    const target: ReplyTarget = {
      userId: body.user.id,
      ...(origin.channel ? { channel: origin.channel } : {}),
      ...(origin.thread ? { thread: origin.thread } : {}),
      ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}),
      ...(source ? { source } : {}),
    };
    const firstInput = view.blocks.find((block) => block.type === 'input')?.block_id;
    let acked = false;
    const ackOnce = async (response?: Parameters<typeof ack>[0]) => {
      if (acked) return;
      acked = true;
      await ack(response);
    };

    await answer(runtime, `form ${view.callback_id}`, teamIdOf(body), target, async (correlationId, team) => {
      try {
        // Who is asking (and whether they moderate) counts against the same 3 s as the work itself.
        const work = requestFor(
          runtime,
          team,
          { teamId: teamIdOf(body), userId: body.user.id, userName: body.user.name, channelId: origin.channel },
          correlationId,
        ).then((request) =>
          runInteraction(view.callback_id, request, {
            fields,
            ...(source ? { sourceMessage: { platform: 'slack', channel: source.channel, id: source.ts } } : {}),
          }),
        );
        const early = await readyWithin(work, runtime.viewAckBudgetMs);
        if (early?.accent === 'error' && early.ephemeral && firstInput) {
          const words = clip(replyWords(early) || 'That did not work.', FIELD_ERROR_MAX);
          await ackOnce({ response_action: 'errors', errors: { [firstInput]: words } });
          return;
        }
        if (early?.modal) {
          await ackOnce({ response_action: 'update', view: renderModal(early.modal, origin) });
          return;
        }
        await ackOnce();
        await team.delivery.deliver(early ?? (await work), target);
      } finally {
        await ackOnce();
      }
    });
  });
}

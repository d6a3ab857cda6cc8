import type { App, BlockAction } from '@slack/bolt';
import { runInteraction } from '../../../core/dispatch.ts';
import { interactionIdOf } from '../blocks.ts';
import type { ReplyTarget } from '../delivery.ts';
import { answer, requestFor, teamIdOf, type SlackRuntime } from '../runtime.ts';

interface ActionPayload {
  readonly action_id: string;
  readonly url?: string;
  readonly selected_option?: { readonly value: string } | null;
  readonly selected_options?: readonly { readonly value: string }[];
}

/** Where the clicked element lives: a message (in a channel, maybe a thread, maybe ephemeral) or a view. */
interface Container {
  readonly type?: string;
  readonly channel_id?: string;
  readonly message_ts?: string;
  readonly thread_ts?: string;
  readonly is_ephemeral?: boolean;
}

/**
 * Buttons and selects: the action id is the custom id that routes to a command's interaction handler.
 * The reply may open a modal (with the click's trigger id), replace the message, or say something new.
 */
export function registerBlockActions(app: App, runtime: SlackRuntime): void {
  app.action<BlockAction>({ type: 'block_actions' }, async ({ body, ack }) => {
    await ack();
    const action = body.actions[0] as ActionPayload | undefined;
    const id = action ? interactionIdOf(action.action_id) : undefined;
    // A link button's click is reported too; the browser has already opened the link.
    if (!action || !id || action.url) return;

    const container = body.container as Container;
    const channel = container.channel_id ?? body.channel?.id;
    const source =
      container.type === 'message' && container.channel_id && container.message_ts
        ? { channel: container.channel_id, ts: container.message_ts, ephemeral: Boolean(container.is_ephemeral) }
        : undefined;
    const thread = container.thread_ts && container.thread_ts !== container.message_ts ? container.thread_ts : undefined;
    const target: ReplyTarget = {
      userId: body.user.id,
      ...(channel ? { channel } : {}),
      ...(thread ? { thread } : {}),
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      triggerId: body.trigger_id,
      ...(source ? { source } : {}),
    };
    const values = action.selected_options?.map((o) => o.value) ?? (action.selected_option ? [action.selected_option.value] : []);

    await answer(runtime, `action ${id}`, teamIdOf(body), target, async (correlationId, team) => {
      const request = await requestFor(
        runtime,
        team,
        {
          teamId: teamIdOf(body),
          userId: body.user.id,
          userName: body.user.name ?? body.user.username,
          channelId: channel,
          channelName: body.channel?.name,
        },
        correlationId,
      );
      const reply = await runInteraction(id, request, {
        values,
        ...(source ? { sourceMessage: { platform: 'slack', channel: source.channel, id: source.ts } } : {}),
      });
      await team.delivery.deliver(reply, target);
    });
  });
}

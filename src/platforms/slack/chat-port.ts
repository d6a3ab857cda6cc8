import type { ChatPort } from '../../core/context.ts';
import type { SlackDelivery } from './delivery.ts';
import type { SlackHistory } from './history.ts';

/**
 * What cruxbot can do on Slack outside an interaction: post to a channel, edit its own message (a poll's
 * tally), and read a channel or a thread (`C123`, `C123/<thread ts>` or a message link), oldest first.
 */
export function slackChatPort(delivery: SlackDelivery, history: SlackHistory): ChatPort {
  return {
    platform: 'slack',
    post: (channelId, reply) => delivery.post(channelId, reply),
    update: (ref, reply) => delivery.update(ref, reply),
    fetchHistory: (channelId, options) => history.fetch(channelId, options),
  };
}

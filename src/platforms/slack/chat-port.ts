import type { ChatPort } from '../../core/context.ts';
import type { SlackDelivery } from './delivery.ts';
import type { SlackHistory } from './history.ts';
import type { UserGroups } from './user-groups.ts';

/**
 * What cruxbot can do on Slack outside an interaction: post to a channel, edit its own message (a poll's
 * tally), read a channel or a thread (`C123`, `C123/<thread ts>` or a message link), oldest first, and
 * find a user group by id (`slack:<team>` names the workspace).
 */
export function slackChatPort(delivery: SlackDelivery, history: SlackHistory, groups: UserGroups): ChatPort {
  return {
    platform: 'slack',
    post: (channelId, reply) => delivery.post(channelId, reply),
    update: (ref, reply) => delivery.update(ref, reply),
    fetchHistory: (channelId, options) => history.fetch(channelId, options),
    findGroup: (workspace, id) => groups.find(workspace.replace(/^slack:/, ''), id),
    // The moderators' user group (usergroups.users.list), so claim reminders reach them too.
    groupMembers: (workspace, id) => groups.list(workspace.replace(/^slack:/, ''), id),
    // Posting to a user id opens the app's direct message with them.
    sendDirect: async (_workspace, userId, reply) => void (await delivery.post(userId, reply)),
  };
}

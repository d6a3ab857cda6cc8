import type { App, MessageShortcut } from '@slack/bolt';
import type { ChatMessage } from '../../../core/context.ts';
import { runInteraction } from '../../../core/dispatch.ts';
import type { ReplyTarget } from '../delivery.ts';
import { messagePermalink } from '../history.ts';
import { answer, requestFor, teamIdOf, type SlackRuntime, type SlackTeam } from '../runtime.ts';
import { slackErrorCode } from '../slack-errors.ts';
import { mentionedUsers, slackTextToPlain } from '../slack-text.ts';

/** Mentions resolved to names in a captured message; more stay as ids rather than delay the form. */
const MENTIONS_RESOLVED = 20;

/**
 * Message shortcuts ("Capture as claim" under ⋯ on a message): the callback id is `command:action`, and
 * the handler gets the message's words, author and permalink. It answers with a form, which must open
 * within 3 s of the click, so the look-ups run in parallel.
 */
export function registerMessageShortcuts(app: App, runtime: SlackRuntime): void {
  app.shortcut<MessageShortcut>({ type: 'message_action' }, async ({ shortcut: body, ack }) => {
    await ack();
    const thread = body.message.thread_ts && body.message.thread_ts !== body.message.ts ? String(body.message.thread_ts) : undefined;
    const target: ReplyTarget = {
      userId: body.user.id,
      channel: body.channel.id,
      ...(thread ? { thread } : {}),
      responseUrl: body.response_url,
      triggerId: body.trigger_id,
    };
    await answer(runtime, `shortcut ${body.callback_id}`, teamIdOf(body), target, async (correlationId, team) => {
      // The form must open within 3 s of the click: the look-ups run side by side.
      const [request, message] = await Promise.all([
        requestFor(
          runtime,
          team,
          {
            teamId: teamIdOf(body),
            userId: body.user.id,
            userName: body.user.name ?? body.user.username,
            channelId: body.channel.id,
            channelName: body.channel.name,
          },
          correlationId,
        ),
        capturedMessage(runtime, team, body),
      ]);
      const reply = await runInteraction(body.callback_id, request, { message });
      await team.delivery.deliver(reply, target);
    });
  });
}

/** The message as the core sees it: words (mentions named), author's name, and a link back to it. */
async function capturedMessage(runtime: SlackRuntime, team: SlackTeam, body: MessageShortcut): Promise<ChatMessage> {
  const m = body.message;
  const raw = typeof m.text === 'string' ? m.text : '';
  const author: string | undefined = m.user;
  const [permalink] = await Promise.all([
    permalinkOf(runtime, team, body),
    team.users.resolve([...(author ? [author] : []), ...mentionedUsers(raw).slice(0, MENTIONS_RESOLVED)]),
  ]);
  const botName: unknown = m.bot_profile?.name ?? m.username;
  const authorName = (author && team.users.known(author)) || (typeof botName === 'string' ? botName : undefined) || author || 'someone';
  return {
    id: m.ts,
    channelId: body.channel.id,
    authorId: author ?? (typeof m.bot_id === 'string' ? m.bot_id : 'unknown'),
    authorName,
    text: slackTextToPlain(raw, { links: 'label-and-url', userName: (id) => team.users.known(id) }),
    at: new Date(Number(m.ts) * 1000),
    ...(permalink ? { permalink } : {}),
    ...(typeof m.thread_ts === 'string' && m.thread_ts !== m.ts ? { replyTo: m.thread_ts } : {}),
  };
}

/** chat.getPermalink (no scope needed); if Slack will not say, the link built from the team's domain. */
async function permalinkOf(runtime: SlackRuntime, team: SlackTeam, body: MessageShortcut): Promise<string | undefined> {
  try {
    const result = await team.client.chat.getPermalink({ channel: body.channel.id, message_ts: body.message.ts });
    if (result.permalink) return result.permalink;
  } catch (error) {
    runtime.log.debug({ code: slackErrorCode(error) }, 'slack: chat.getPermalink failed; building the link');
  }
  const workspaceUrl = team.workspaceUrl ?? (body.team?.domain ? `https://${body.team.domain}.slack.com/` : undefined);
  const thread =
    typeof body.message.thread_ts === 'string' && body.message.thread_ts !== body.message.ts ? body.message.thread_ts : undefined;
  return messagePermalink(workspaceUrl, body.channel.id, body.message.ts, thread);
}

import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import { notice, type Attachment, type MessageRef, type Reply } from '../../core/reply.ts';
import { renderMessage, type SlackBlock, type SlackMessage } from './blocks.ts';
import { BLOCK_KIT } from './limits.ts';
import { renderModal, type FormOrigin } from './modal.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { ResponseUrlError, slackErrorCode } from './slack-errors.ts';

export type WebClient = webApi.WebClient;

/** Where a reply to one request goes, as far as the request tells. */
export interface ReplyTarget {
  readonly userId: string;
  /** Public replies go here; absent when the request came from outside a channel (the App Home). */
  readonly channel?: string;
  readonly thread?: string;
  /** Answers the request directly (ephemeral, or in place of the message); valid for 30 minutes. */
  readonly responseUrl?: string;
  /** Opens a modal; valid for 3 seconds after the request. */
  readonly triggerId?: string;
  /** The message the interaction came from: an `update` reply replaces it. */
  readonly source?: { readonly channel: string; readonly ts: string; readonly ephemeral: boolean };
}

// Slack answers these when the bot is not a member of a private channel or a DM it was used in.
const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/**
 * Sends Replies to Slack: public replies with chat.postMessage (so they have a `ts` for `onSent` and
 * later edits), private ones through the response URL or chat.postEphemeral, updates with chat.update,
 * forms with views.open, pictures and files with files.uploadV2.
 */
export class SlackDelivery {
  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async deliver(reply: Reply, target: ReplyTarget): Promise<void> {
    if (reply.modal) await this.openModal(reply, target);
    else if (reply.update && target.source) await this.replaceSource(reply, target, target.source);
    else if (reply.ephemeral) await this.whisper(reply, target);
    else await this.announce(reply, target);
    const next: ReplyTarget = { ...target, triggerId: undefined };
    for (const followUp of reply.followUps ?? []) await this.deliver({ ...followUp, update: false }, next);
  }

  /** A public message in a channel (ChatPort.post and background work). */
  async post(channel: string, reply: Reply, thread?: string): Promise<MessageRef> {
    const message = renderMessage(reply);
    const posted = await this.client.chat.postMessage({
      channel,
      ...(thread ? { thread_ts: thread } : {}),
      ...content(message),
      unfurl_links: false,
      unfurl_media: false,
    });
    const ref: MessageRef = { platform: 'slack', channel: posted.channel ?? channel, id: posted.ts ?? '' };
    await this.upload(reply.attachments, ref.channel, thread);
    return ref;
  }

  /** Replaces a message the bot posted (ChatPort.update: a poll's tally). */
  async update(ref: MessageRef, reply: Reply): Promise<void> {
    const message = renderMessage(reply);
    await this.client.chat.update({ channel: ref.channel, ts: ref.id, ...content(message) });
    await this.upload(reply.attachments, ref.channel);
  }

  /** Tells the person privately that something went wrong on our side; never throws. */
  async apologize(target: ReplyTarget, text: string): Promise<void> {
    try {
      await this.whisper(notice(text, { accent: 'error' }), target);
    } catch (error) {
      this.log.warn({ err: error }, 'slack: could not tell the user about a failed reply');
    }
  }

  private async openModal(reply: Reply, target: ReplyTarget): Promise<void> {
    const modal = reply.modal!;
    if (!target.triggerId) {
      await this.whisper(notice(`“${modal.title}” opens from a button or a command; try it from there.`), target);
      return;
    }
    const origin: FormOrigin = {
      ...(target.channel ? { channel: target.channel } : {}),
      ...(target.thread ? { thread: target.thread } : {}),
      ...(target.source ? { message: { ts: target.source.ts, ephemeral: target.source.ephemeral } } : {}),
      ...(target.responseUrl ? { responseUrl: target.responseUrl } : {}),
    };
    try {
      await this.client.views.open({ trigger_id: target.triggerId, view: renderModal(modal, origin) });
    } catch (error) {
      if (slackErrorCode(error) !== 'expired_trigger_id') throw error;
      await this.whisper(notice('Slack took too long to open the form; please try again.', { accent: 'warning' }), target);
    }
  }

  private async replaceSource(reply: Reply, target: ReplyTarget, source: NonNullable<ReplyTarget['source']>): Promise<void> {
    const message = renderMessage(reply);
    if (source.ephemeral) {
      // Only the response URL can replace an ephemeral message.
      if (target.responseUrl) await this.respond(target.responseUrl, { ...content(message), replace_original: true });
      else await this.whisper(reply, target);
      return;
    }
    try {
      await this.client.chat.update({ channel: source.channel, ts: source.ts, ...content(message) });
    } catch (error) {
      // The message was deleted, or is not the bot's: say it as a new message instead.
      this.log.info({ code: slackErrorCode(error) }, 'slack: could not update the message; posting a new one');
      await this.announce(reply, target);
      return;
    }
    await this.upload(reply.attachments, source.channel, target.thread);
    await reply.onSent?.({ platform: 'slack', channel: source.channel, id: source.ts });
  }

  /** Only the person sees it. Files cannot be ephemeral, so they go to the person's DM with the app. */
  private async whisper(reply: Reply, target: ReplyTarget): Promise<void> {
    let message = renderMessage(reply);
    if (reply.attachments?.length) message = withNote(message, 'The file is in your direct messages with me.');
    if (target.responseUrl) {
      try {
        await this.respond(target.responseUrl, { ...content(message), response_type: 'ephemeral' });
        await this.sendFilesPrivately(reply.attachments, target.userId);
        return;
      } catch (error) {
        // Response URLs expire after 30 minutes (a form left open); fall through to the Web API.
        if (!(error instanceof ResponseUrlError) || !target.channel) throw error;
      }
    }
    if (target.channel) {
      await this.client.chat.postEphemeral({
        channel: target.channel,
        user: target.userId,
        ...(target.thread ? { thread_ts: target.thread } : {}),
        ...content(message),
      });
      await this.sendFilesPrivately(reply.attachments, target.userId);
    } else {
      await this.post(target.userId, reply);
    }
  }

  /** A public reply: chat.postMessage, then its files, then `onSent` with its `ts`. */
  private async announce(reply: Reply, target: ReplyTarget): Promise<void> {
    const channel = target.channel ?? target.userId;
    let ref: MessageRef;
    try {
      ref = await this.post(channel, reply, target.thread);
    } catch (error) {
      if (!NOT_A_MEMBER.has(slackErrorCode(error) ?? '') || !target.responseUrl) throw error;
      // A private channel or DM the bot is not in: the response URL can still answer there, but the
      // message has no `ts` we could edit later, and files cannot follow it.
      this.log.info({ channel }, 'slack: not a member of the channel; answering through the response URL');
      const note = `Invite me to this channel (/invite @cruxbot) so I can post pictures and keep messages up to date.`;
      await this.respond(target.responseUrl, { ...content(withNote(renderMessage(reply), note)), response_type: 'in_channel' });
      return;
    }
    await reply.onSent?.(ref);
  }

  private async sendFilesPrivately(attachments: readonly Attachment[] | undefined, userId: string): Promise<void> {
    if (!attachments?.length) return;
    // Posting to a user id opens the app's DM with them; its channel id is where the files can go.
    const intro = await this.client.chat.postMessage({ channel: userId, text: 'Here is the file from your last request.' });
    await this.upload(attachments, intro.channel ?? userId);
  }

  private async upload(attachments: readonly Attachment[] | undefined, channel: string, thread?: string): Promise<void> {
    if (!attachments?.length) return;
    await this.client.filesUploadV2({
      channel_id: channel,
      ...(thread ? { thread_ts: thread } : {}),
      file_uploads: attachments.map((a) => ({
        file: Buffer.from(a.data),
        filename: a.name,
        ...(a.description ? { alt_text: a.description.slice(0, 1000) } : {}),
      })),
    });
  }

  private async respond(url: string, body: Record<string, unknown>): Promise<void> {
    const response = await this.fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new ResponseUrlError(response.status, text);
  }
}

/** What chat.postMessage and friends take: the fallback, and the blocks unless there are none (Slack refuses `[]`). */
function content(message: SlackMessage): { text: string; blocks?: SlackBlock[] } {
  return message.blocks.length ? { text: message.text, blocks: message.blocks } : { text: message.text };
}

function withNote(message: SlackMessage, note: string): SlackMessage {
  const context: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: `_${escapeMrkdwn(note)}_`, verbatim: true }] };
  // The note goes above the buttons; at the block limit it takes the place of the last content block.
  let at = message.blocks.length;
  while (at > 0 && message.blocks[at - 1]!.type === 'actions') at--;
  const before = message.blocks.slice(0, at);
  if (message.blocks.length >= BLOCK_KIT.messageBlocks) before.pop();
  return { text: message.text, blocks: [...before, context, ...message.blocks.slice(at)] };
}

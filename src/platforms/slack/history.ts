import type { ChatMessage } from '../../core/context.ts';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import type { WebClient } from './delivery.ts';
import { neededScope, slackErrorCode } from './slack-errors.ts';
import { mentionedUsers, slackTextToPlain } from './slack-text.ts';
import type { UserDirectory } from './user-directory.ts';

/** A channel, or one thread in it. */
export interface ConversationRef {
  readonly channel: string;
  readonly thread?: string;
}

const CHANNEL_ID = /^[CDG][A-Z0-9]{2,}$/;
const TS = /^\d{9,11}\.\d{6}$/;
const PERMALINK = /^https:\/\/[^/]+\/archives\/([CDG][A-Z0-9]+)\/p(\d{9,11})(\d{6})(?:\?(.*))?$/;

/** The most messages one call reads, and the page size Slack recommends. */
export const HISTORY_MAX = 2_000;
const PAGE = 200;

/** Message subtypes that are people talking; joins, topic changes and the like are left out. */
const SPOKEN = new Set([undefined, 'bot_message', 'thread_broadcast', 'file_share', 'me_message']);
const isSpoken = (m: RawMessage): boolean => Boolean(m.ts) && SPOKEN.has(m.subtype) && (m.text ?? '').trim() !== '';

/**
 * `C123` (a channel), `C123/1712345678.000100` (a thread by its parent's ts) or a message link copied
 * from Slack (its thread). Throws a UserError naming what it expected.
 */
export function parseConversationRef(input: string): ConversationRef {
  const value = input.trim();
  if (CHANNEL_ID.test(value)) return { channel: value };
  const [channel = '', thread = ''] = value.split('/');
  if (CHANNEL_ID.test(channel) && TS.test(thread)) return { channel, thread };
  const link = PERMALINK.exec(value);
  if (link) {
    const ts = `${link[2]}.${link[3]}`;
    const parent = new URLSearchParams(link[4] ?? '').get('thread_ts');
    return { channel: link[1]!, thread: parent && TS.test(parent) ? parent : ts };
  }
  throw new UserError(md`"${value}" is not a Slack channel or thread: use a channel id (C…) or a message link.`, 'slack.bad-conversation');
}

/** The ref as one string, for `ChatPort.fetchHistory`. */
export const threadRef = (channel: string, thread: string): string => `${channel}/${thread}`;

interface RawMessage {
  readonly ts?: string;
  readonly text?: string;
  readonly user?: string;
  readonly username?: string;
  readonly bot_id?: string;
  readonly subtype?: string;
  readonly thread_ts?: string;
  readonly bot_profile?: { readonly name?: string };
}

/**
 * Reads a channel (conversations.history) or a thread (conversations.replies), page by page, and gives
 * the latest `limit` messages since `since`, oldest first. A thread always keeps its opening message.
 */
export class SlackHistory {
  constructor(
    private readonly client: WebClient,
    private readonly users: UserDirectory,
    /** The workspace's address (`https://team.slack.com/`), for permalinks. */
    private readonly workspaceUrl?: string,
  ) {}

  async fetch(conversation: string, options: { readonly limit: number; readonly since?: Date }): Promise<ChatMessage[]> {
    const ref = parseConversationRef(conversation);
    const limit = Math.max(1, Math.min(Math.floor(options.limit), HISTORY_MAX));
    const oldest = options.since ? (options.since.getTime() / 1000).toFixed(6) : undefined;
    let raw: RawMessage[];
    try {
      raw = ref.thread ? await this.readThread(ref.channel, ref.thread, limit, oldest) : await this.readChannel(ref.channel, limit, oldest);
    } catch (error) {
      throw explain(error);
    }
    const spoken = raw.filter(isSpoken);
    await this.users.resolve(spoken.flatMap((m) => [...(m.user ? [m.user] : []), ...mentionedUsers(m.text ?? '')]));
    return spoken.map((m) => this.toChatMessage(ref.channel, m));
  }

  private async readChannel(channel: string, limit: number, oldest?: string): Promise<RawMessage[]> {
    const newestFirst: RawMessage[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.history({
        channel,
        limit: PAGE,
        ...(oldest ? { oldest } : {}),
        ...(cursor ? { cursor } : {}),
      });
      for (const m of (page.messages ?? []) as RawMessage[]) if (isSpoken(m)) newestFirst.push(m);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor && newestFirst.length < limit);
    return newestFirst.slice(0, limit).reverse();
  }

  private async readThread(channel: string, thread: string, limit: number, oldest?: string): Promise<RawMessage[]> {
    const all: RawMessage[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await this.client.conversations.replies({
        channel,
        ts: thread,
        limit: PAGE,
        ...(oldest ? { oldest } : {}),
        ...(cursor ? { cursor } : {}),
      });
      all.push(...((page.messages ?? []) as RawMessage[]).filter(isSpoken));
      cursor = page.response_metadata?.next_cursor || undefined;
      pages++;
    } while (cursor && pages * PAGE < HISTORY_MAX * 5);
    const [first, ...replies] = all;
    if (!first) return [];
    const sinceOk = (m: RawMessage) => !oldest || Number(m.ts) >= Number(oldest);
    const opening = first.ts === thread && sinceOk(first) ? [first] : [];
    const rest = (opening.length ? replies : all).filter(sinceOk);
    return [...opening, ...rest.slice(Math.max(0, rest.length - (limit - opening.length)))];
  }

  private toChatMessage(channel: string, m: RawMessage): ChatMessage {
    const ts = m.ts!;
    const authorId = m.user ?? m.bot_id ?? 'unknown';
    const authorName = (m.user && this.users.known(m.user)) || m.bot_profile?.name || m.username || authorId;
    const text = slackTextToPlain(m.text ?? '', { links: 'label-and-url', userName: (id) => this.users.known(id) });
    const isReply = m.thread_ts !== undefined && m.thread_ts !== ts;
    const permalink = messagePermalink(this.workspaceUrl, channel, ts, isReply ? m.thread_ts : undefined);
    return {
      id: ts,
      channelId: channel,
      authorId,
      authorName,
      text,
      at: new Date(Number(ts) * 1000),
      ...(permalink ? { permalink } : {}),
      ...(isReply ? { replyTo: m.thread_ts! } : {}),
    };
  }
}

/** Slack's own link format: `…/archives/C123/p1712345678000100`, with the thread for replies. */
export function messagePermalink(workspaceUrl: string | undefined, channel: string, ts: string, thread?: string): string | undefined {
  if (!workspaceUrl || !/^https:\/\//.test(workspaceUrl)) return undefined;
  const base = `${workspaceUrl.replace(/\/?$/, '/')}archives/${channel}/p${ts.replace('.', '')}`;
  return thread ? `${base}?thread_ts=${thread}&cid=${channel}` : base;
}

/** Slack's refusals as sentences a person can act on. */
function explain(error: unknown): unknown {
  const code = slackErrorCode(error);
  switch (code) {
    case 'missing_scope':
      return new UserError(
        md`I may not read this conversation: the Slack app needs the \`${neededScope(error) ?? 'channels:history'}\` scope. Ask an admin to add it (docs/slack.md, the scopes) and reinstall the app.`,
        'slack.missing-scope',
      );
    case 'not_in_channel':
    case 'channel_not_found':
      return new UserError(md`I cannot read this channel: invite me first (\`/invite @cruxbot\`).`, 'slack.not-in-channel');
    case 'thread_not_found':
      return new UserError('That thread does not exist any more, or I cannot see it.', 'slack.thread-not-found');
    default:
      return error;
  }
}

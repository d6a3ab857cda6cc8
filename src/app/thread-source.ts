import { MESSAGES_DEFAULT, MESSAGES_MAX, type ThreadRequest, type ThreadSource } from '../domain/threads/request.ts';
import type { BaseContext, ChatMessage } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import type { FileUpload } from '../core/options.ts';
import { parseThread } from '../domain/threads/input.ts';
import { parseSince } from '../domain/threads/since.ts';
import type { ThreadMessage } from '../domain/threads/thread.ts';
import { cleanText, withoutInvisible } from '../core/values.ts';

/**
 * The thread to work on: an attached file, or this channel's (or thread's) history through the
 * platform. The console has no history: it says how to summarize a file instead.
 */
export async function readThread(ctx: Pick<BaseContext, 'chat' | 'channel' | 'services'>, request: ThreadRequest): Promise<ThreadSource> {
  const since = request.since ? parseSince(request.since, ctx.services.clock()) : undefined;
  const limit = request.messages ?? MESSAGES_DEFAULT;
  if (request.file) return fromFile(request.file, since, limit, request.messages !== undefined);

  const fetchHistory = ctx.chat?.fetchHistory?.bind(ctx.chat);
  if (!fetchHistory) {
    throw new UserError(
      md`I can't read this channel's history here. Summarize a file instead: \`/summarize file:thread.txt\` here, or from a shell \`cruxbot summarize thread.txt\` (plain text, or JSON \`{messages: [{author, text}]}\`).`,
      'summarize.no-history',
    );
  }
  // One more than asked, to know whether there was more.
  const history = await fetchHistory(ctx.channel.id, { limit: limit + 1, ...(since ? { since } : {}) });
  const truncated = history.length > limit;
  const kept = truncated ? history.slice(history.length - limit) : history;
  const scope = since ? ` since ${since.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  return {
    messages: fromChat(kept),
    origin:
      truncated || !since
        ? `the last ${kept.length.toLocaleString('en-US')} messages here${scope}`
        : `${kept.length} messages here${scope}`,
    ...(truncated
      ? {
          note: md`This channel has more than ${limit.toLocaleString('en-US')} messages${scope}; I read the latest ${limit.toLocaleString('en-US')}. Choose with \`messages:\` (up to ${MESSAGES_MAX.toLocaleString('en-US')}) or \`since:\` (a message link or a time like \`2h\`).`,
        }
      : {}),
  };
}

function fromChat(history: readonly ChatMessage[]): ThreadMessage[] {
  const indexById = new Map(history.map((m, i) => [m.id, i]));
  return history.map((m, index) => {
    const replyTo = m.replyTo !== undefined ? indexById.get(m.replyTo) : undefined;
    return {
      index,
      id: m.id,
      author: cleanText(m.authorName),
      text: withoutInvisible(m.text),
      ...(m.at ? { at: m.at } : {}),
      ...(replyTo !== undefined && replyTo < index ? { replyTo } : {}),
      ...(m.permalink ? { permalink: m.permalink } : {}),
    };
  });
}

function fromFile(file: FileUpload, since: Date | undefined, limit: number, capAsked: boolean): ThreadSource {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.data);
  } catch {
    throw new UserError(md`${file.name} is not UTF-8 text. Give a plain-text or JSON thread.`, 'summarize.not-text');
  }
  let messages = parseThread(text, { fileName: file.name }).map((m) => ({
    ...m,
    author: cleanText(m.author),
    text: withoutInvisible(m.text),
  }));
  if (since) messages = messages.filter((m) => !m.at || m.at >= since);
  const truncated = messages.length > limit;
  if (truncated) messages = messages.slice(messages.length - limit);
  // Renumber after filtering, keeping replies that still point inside the thread.
  const renumber = new Map(messages.map((m, i) => [m.index, i]));
  const renumbered = messages.map((m, index) => {
    const replyTo = m.replyTo !== undefined ? renumber.get(m.replyTo) : undefined;
    const { replyTo: _dropped, ...rest } = m;
    return { ...rest, index, ...(replyTo !== undefined ? { replyTo } : {}) };
  });
  return {
    messages: renumbered,
    origin: file.name,
    ...(truncated
      ? {
          note: md`${file.name} has more than ${limit.toLocaleString('en-US')} messages${since ? ' in that time' : ''}; I read the last ${limit.toLocaleString('en-US')}${capAsked ? '' : md` (choose with \`messages:\`, up to ${MESSAGES_MAX.toLocaleString('en-US')})`}.`,
        }
      : {}),
  };
}

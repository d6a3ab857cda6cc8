import type { ChatMessage, ChatPort } from '../../src/core/context.ts';
import type { MessageRef, Reply } from '../../src/core/reply.ts';

/**
 * A platform that has a channel history, for /summarize and /capture: answers `fetchHistory` from a
 * list of messages (oldest first), as the Discord and Slack adapters do, and records what was asked.
 */
export class FakeChat implements ChatPort {
  readonly platform = 'test';
  readonly requests: { channelId: string; limit: number; since?: Date }[] = [];
  readonly posted: Reply[] = [];

  constructor(private readonly history: ChatMessage[]) {}

  /** Messages from `author: text` lines, a minute apart from `start`, each with a permalink. */
  static fromLines(lines: readonly { author: string; text: string }[], start = new Date('2026-11-23T08:00:00Z')): FakeChat {
    return new FakeChat(
      lines.map((line, i) => ({
        id: String(1000 + i),
        channelId: 'general',
        authorId: line.author,
        authorName: line.author,
        text: line.text,
        at: new Date(start.getTime() + i * 60_000),
        permalink: `https://chat.example/general/${1000 + i}`,
      })),
    );
  }

  async fetchHistory(channelId: string, options: { readonly limit: number; readonly since?: Date }): Promise<ChatMessage[]> {
    this.requests.push({ channelId, limit: options.limit, ...(options.since ? { since: options.since } : {}) });
    const after = this.history.filter((m) => m.channelId === channelId && (!options.since || !m.at || m.at >= options.since));
    return after.slice(Math.max(0, after.length - options.limit));
  }

  async post(channel: string, reply: Reply): Promise<MessageRef> {
    this.posted.push(reply);
    return { platform: this.platform, channel, id: String(this.posted.length) };
  }

  async update(): Promise<void> {}
}

/** `author: text` blocks (a blank line between messages) → lines for `FakeChat.fromLines`. */
export function chatLines(thread: string): { author: string; text: string }[] {
  return thread
    .split(/\n\s*\n/)
    .map((block) => /^(\w+): ([\s\S]*)$/.exec(block.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ author: m[1]!, text: m[2]!.trim() }));
}

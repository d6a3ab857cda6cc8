import { ApplicationFlags, MessageType, type Client, type Message, type SendableChannels, type TextBasedChannel } from 'discord.js';
import type { ChatMessage, ChatPort, MemberGroup } from '../../core/context.ts';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import type { MessageRef, Reply } from '../../core/reply.ts';
import { chatMessage, messageRef, PLATFORM } from './context.ts';
import { messagePayload, renderReply, renderSingleMessage } from './message.ts';

const PAGE = 100;
const DISCORD_EPOCH = 1_420_070_400_000n;
/** Message types that carry what people said (not joins, pins or boosts). */
const SPOKEN = new Set<MessageType>([MessageType.Default, MessageType.Reply, MessageType.ThreadStarterMessage]);

/**
 * Discord beyond the interaction at hand: post a message in a channel, edit one the bot posted, and
 * read a channel's or thread's history. History needs the Message Content intent to be switched on
 * for the application (developer portal → Bot); without it Discord sends messages with no text, so
 * this says so instead of summarising silence.
 */
export class DiscordChatPort implements ChatPort {
  readonly platform = PLATFORM;

  constructor(private readonly client: Client) {}

  async post(channelId: string, reply: Reply): Promise<MessageRef> {
    const channel = await this.sendable(channelId);
    let first: Message | undefined;
    for (const message of renderReply(reply)) {
      const sent = await channel.send(messagePayload(message));
      first ??= sent;
    }
    const ref = messageRef(channelId, first!.id);
    await reply.onSent?.(ref);
    for (const followUp of reply.followUps ?? []) await this.post(channelId, followUp);
    return ref;
  }

  async sendDirect(_workspace: string, userId: string, reply: Reply): Promise<void> {
    const user = await this.client.users.fetch(userId);
    for (const message of renderReply(reply)) await user.send(messagePayload(message));
  }

  /** Edits in place; what does not fit one message is cut, since an edit cannot add messages. */
  async update(ref: MessageRef, reply: Reply): Promise<void> {
    const channel = await this.sendable(ref.channel);
    await channel.messages.edit(ref.id, { ...messagePayload(renderSingleMessage(reply)), attachments: [] });
  }

  async fetchHistory(channelId: string, options: { readonly limit: number; readonly since?: Date }): Promise<ChatMessage[]> {
    this.requireMessageContent();
    const channel = await this.textChannel(channelId);
    const guildId = 'guildId' in channel && channel.guildId ? channel.guildId : null;
    const limit = Math.max(1, Math.floor(options.limit));
    const fetched = options.since ? await this.pageForward(channel, options.since, limit) : await this.pageBackward(channel, limit);
    const spoken = fetched.filter((m) => SPOKEN.has(m.type));
    // Discord strips the text of other people's messages when the intent is off; say so rather than read silence.
    const fromPeople = spoken.filter((m) => !m.author.bot);
    if (fromPeople.length > 0 && fromPeople.every((m) => !m.content && m.attachments.size === 0 && m.embeds.length === 0)) {
      throw messageContentMissing();
    }
    return spoken.map((m) => chatMessage(m, guildId));
  }

  /**
   * A server's role, from the roles the gateway keeps current (the Guilds intent delivers every role
   * and its changes): no API call. A server not in the cache cannot be checked; its role is taken as given.
   */
  async findGroup(workspace: string, id: string): Promise<MemberGroup | null> {
    const guild = this.client.guilds.cache.get(workspace.replace(/^discord:/, ''));
    if (!guild) return { id };
    const role = guild.roles.cache.get(id);
    return role ? { id, name: role.name } : null;
  }

  /**
   * The user ids of a role's members, for reminders. Listing a server's members needs the privileged
   * Server Members intent (developer portal → Bot); with it, the list comes from Discord (up to 1,000
   * members a page, 10 pages). Without it Discord refuses the list, and the members are those the bot has
   * seen (people who used a command or a button since it started), so a moderator who has not is missed.
   */
  async groupMembers(workspace: string, id: string): Promise<string[]> {
    const guild =
      this.client.guilds.cache.get(workspace.replace(/^discord:/, '')) ??
      (await this.client.guilds.fetch(workspace.replace(/^discord:/, '')));
    try {
      let after = '0';
      for (let page = 0; page < 10; page++) {
        const members = await guild.members.list({ limit: 1000, after, cache: true });
        if (members.size < 1000) break;
        after = [...members.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).at(-1)!;
      }
    } catch {
      // No Server Members intent: the members in the cache are all there is to go on.
    }
    const role = guild.roles.cache.get(id);
    if (!role) return [];
    return [...guild.members.cache.values()]
      .filter((m) => m.roles.cache.has(id) && !m.user.bot)
      .map((m) => m.id)
      .sort();
  }

  /** The most recent `limit` messages, oldest first. */
  private async pageBackward(channel: TextBasedChannel, limit: number): Promise<Message[]> {
    const out: Message[] = [];
    let before: string | undefined;
    while (out.length < limit) {
      const wanted = Math.min(PAGE, limit - out.length);
      const page = await channel.messages.fetch({ limit: wanted, ...(before ? { before } : {}), cache: false });
      const sorted = [...page.values()].sort(byId);
      out.unshift(...sorted);
      if (sorted.length < wanted) break;
      before = sorted[0]!.id;
    }
    return out.slice(-limit);
  }

  /** The first `limit` messages at or after `since`, oldest first. */
  private async pageForward(channel: TextBasedChannel, since: Date, limit: number): Promise<Message[]> {
    const out: Message[] = [];
    let after = String(((BigInt(since.getTime()) - DISCORD_EPOCH) << 22n) - 1n);
    while (out.length < limit) {
      const wanted = Math.min(PAGE, limit - out.length);
      const page = await channel.messages.fetch({ limit: wanted, after, cache: false });
      const sorted = [...page.values()].sort(byId);
      out.push(...sorted);
      if (sorted.length < wanted) break;
      after = sorted[sorted.length - 1]!.id;
    }
    return out.slice(0, limit);
  }

  private requireMessageContent(): void {
    const flags = this.client.application?.flags;
    if (!flags?.any(ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited)) throw messageContentMissing();
  }

  private async textChannel(channelId: string): Promise<TextBasedChannel> {
    const channel = await this.client.channels.fetch(channelId).catch(() => null);
    if (!channel?.isTextBased())
      throw new UserError('I cannot read that channel: it is gone, or I am not allowed to see it.', 'discord.channel');
    return channel;
  }

  private async sendable(channelId: string): Promise<SendableChannels> {
    const channel = await this.textChannel(channelId);
    if (!channel.isSendable()) throw new UserError('I cannot post in that channel.', 'discord.channel');
    return channel;
  }
}

function messageContentMissing(): UserError {
  return new UserError(
    md`I cannot read messages here: Discord only gives bots the text of messages when the **Message Content** intent is on. An admin can switch it on in the developer portal (your application → **Bot** → **Privileged Gateway Intents** → Message Content Intent); nothing else needs to change.`,
    'discord.message-content',
  );
}

function byId(a: Message, b: Message): number {
  return BigInt(a.id) < BigInt(b.id) ? -1 : 1;
}

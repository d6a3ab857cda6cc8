import type { Logger } from './logger.ts';
import type { MessageRef, Reply } from './reply.ts';
import type { CommandRegistry } from './registry.ts';
import type { Services } from '../services.ts';

/** Who is asking. Ids are the platform's own (a Discord snowflake, a Slack user id, a console name). */
export interface Actor {
  readonly id: string;
  readonly name: string;
  /** Set by the platform adapter from the workspace's moderator role. */
  readonly isModerator?: boolean;
}

export interface ChannelRef {
  readonly id: string;
  readonly name?: string;
}

/** A message in a channel or thread, as a platform reports it. */
export interface ChatMessage {
  readonly id: string;
  readonly channelId: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly at?: Date;
  readonly permalink?: string;
  readonly replyTo?: string;
}

/** A Discord role or a Slack user group: whose members /config can make moderators. */
export interface MemberGroup {
  readonly id: string;
  /** As people know it (`Moderators`, `research-leads`); absent when the platform cannot tell now. */
  readonly name?: string;
}

/** What a platform can do beyond answering the interaction at hand. */
export interface ChatPort {
  readonly platform: string;
  /** Post a new message in a channel; returns where it lives so it can be edited later. */
  post(channelId: string, reply: Reply): Promise<MessageRef>;
  /** Edit a message the bot posted earlier. */
  update(ref: MessageRef, reply: Reply): Promise<void>;
  /**
   * Read a channel's or thread's messages, oldest first. Throws a UserError that says why when the bot
   * may not (a missing intent or scope).
   */
  fetchHistory?(channelId: string, options: { readonly limit: number; readonly since?: Date }): Promise<ChatMessage[]>;
  /**
   * A role (Discord) or user group (Slack) of the workspace by id, so /config can refuse one that does
   * not exist and show it by name: null when there is none. Throws a UserError that says why when the
   * bot may not read groups (a missing scope).
   */
  findGroup?(workspace: string, id: string): Promise<MemberGroup | null>;
}

export interface BaseContext {
  readonly actor: Actor;
  /** `local`, `discord:<guild id>` or `slack:<team id>`: every row read or written is scoped by it. */
  readonly workspace: string;
  readonly channel: ChannelRef;
  readonly platform: string;
  readonly services: Services;
  readonly log: Logger;
  readonly commands: CommandRegistry;
  readonly correlationId: string;
  readonly chat?: ChatPort;
}

export interface CommandContext<A> extends BaseContext {
  readonly args: A;
}

export interface InteractionContext extends BaseContext {
  /** The action name and its parameters, decoded from the custom id. */
  readonly action: string;
  readonly params: readonly string[];
  /** Values picked in a select menu. */
  readonly values: readonly string[];
  /** Values typed into a modal, by input id. */
  readonly fields: Readonly<Record<string, string>>;
  /** The message a message action (e.g. "Capture as claim") was used on. */
  readonly message?: ChatMessage;
  /** The bot message the button or select was on, when there is one. */
  readonly sourceMessage?: MessageRef;
}

import type { Logger } from './logger.ts';
import type { MessageRef, Reply } from './reply.ts';
import type { z } from 'zod';
import type { ArgsOf, OptionSpec } from './options.ts';
import type { InFlight } from './inflight.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Who is asking. Ids are the platform's own (a Discord snowflake, a Slack user id, a console name). */
export interface Actor {
  readonly id: string;
  readonly name: string;
  /** Set by the platform adapter from the workspace's moderator role. */
  readonly isModerator?: boolean;
  /** The person's IANA time zone when the platform says (Slack's users.info `tz`); Discord does not. */
  readonly timeZone?: string;
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
  /**
   * Edit a message the bot posted earlier. `workspace` names whose message it is, for a platform that
   * serves many workspaces with a token each (Slack installed by OAuth).
   */
  update(ref: MessageRef, reply: Reply, workspace?: string): Promise<void>;
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
  /**
   * The user ids of a role's (Discord) or user group's (Slack) members, so reminders reach the
   * moderators; where absent, or when it throws, only authors are reminded.
   */
  groupMembers?(workspace: string, id: string): Promise<string[]>;
  /** A private message to one person (a reminder, a nudge); where absent, no private message is sent. */
  sendDirect?(workspace: string, userId: string, reply: Reply): Promise<void>;
}

/** Who may run a leaf besides everyone: declared on the command, checked once in dispatch. */
export interface Requirement {
  readonly role: 'moderator';
  /** What it lets them do, for the refusal: `change cruxbot’s settings`. */
  readonly to: string;
}

/** Answers a leaf's requirement: returns when the actor meets it, else throws a PermissionError naming who may. */
export interface PermissionCheck {
  require(ctx: BaseContext, requirement: Requirement): Promise<void>;
}

/**
 * The services a request carries. The core declares only what it uses itself; the application adds
 * its own members (the store, the settings, the clock) by augmenting this interface in
 * `src/services.ts`, so the core never imports what sits above it.
 */
export interface RequestServices {
  readonly log: Logger;
  readonly inflight: InFlight;
  /** Limits for expensive commands (`expensive: true` on a leaf). */
  readonly limiter: RateLimiter;
  readonly permissions: PermissionCheck;
}

export interface BaseContext {
  readonly actor: Actor;
  /** `local`, `discord:<guild id>` or `slack:<team id>`: every row read or written is scoped by it. */
  readonly workspace: string;
  readonly channel: ChannelRef;
  readonly platform: string;
  readonly services: RequestServices;
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

export type Handler<A> = (ctx: CommandContext<A>) => Reply | Promise<Reply>;
export type InteractionHandler = (ctx: InteractionContext) => Reply | Promise<Reply>;

/** A right-click (Discord) or "⋯" (Slack) action on someone's message, e.g. "Capture as claim". */
export interface MessageActionSpec {
  /** Shown in the platform's menu; Discord allows 1–32 characters. */
  readonly label: string;
  /** The interaction handler (in the command's `interactions`) that receives the message. */
  readonly action: string;
  readonly description: string;
}

/** Writes that count against a per-person limit: adding claims, importing debates. */
export type WriteKind = 'claims' | 'imports';

export interface LeafFields<Opts extends readonly OptionSpec[]> {
  readonly description: string;
  readonly options: Opts;
  readonly handler: Handler<ArgsOf<Opts>>;
  /** Complete command lines shown in /help and the docs. */
  readonly examples?: readonly string[];
  /** The handler does slow work (a picture, a simulation): adapters defer at once. */
  readonly slow?: boolean;
  /** The handler is expensive: dispatch applies the per-person and per-workspace rate limits. */
  readonly expensive?: boolean;
  /** The handler adds claims or imports a debate: dispatch applies the per-person write limit of that kind. */
  readonly writes?: WriteKind;
  /**
   * Who may run it besides everyone: dispatch checks this once, after the arguments are valid and
   * before the handler runs. `when` limits it to the arguments that change something (`/config` with no
   * value only shows the settings).
   */
  readonly requires?: LeafRequirement<ArgsOf<Opts>>;
}

export interface LeafRequirement<A> extends Requirement {
  readonly when?: (args: A) => boolean;
}

export interface CommandFields {
  readonly name: string;
  readonly description: string;
  /** Button, select and modal handlers, keyed by the action name in their custom ids. */
  readonly interactions?: Readonly<Record<string, InteractionHandler>>;
  readonly messageActions?: readonly MessageActionSpec[];
}

/** One runnable thing: a command without subcommands, or one subcommand. */
export interface Leaf {
  readonly command: string;
  readonly subcommand?: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  readonly slow: boolean;
  readonly expensive: boolean;
  readonly writes?: WriteKind;
  readonly requires?: LeafRequirement<Record<string, unknown>>;
  readonly schema: z.ZodType<Record<string, unknown>>;
  readonly usage: string;
  readonly handler: Handler<Record<string, unknown>>;
}

export interface Command {
  readonly name: string;
  readonly description: string;
  /** Set when the command takes options directly. */
  readonly leaf?: Leaf;
  /** Set when the command has subcommands (`/claim add`). */
  readonly subcommands?: ReadonlyMap<string, Leaf>;
  /**
   * In text (Slack, console), words that do not start with a subcommand go to this one, so
   * `/drift preset:x` means `/drift run preset:x`. Discord always shows the subcommand.
   */
  readonly defaultSubcommand?: string;
  readonly interactions: Readonly<Record<string, InteractionHandler>>;
  readonly messageActions: readonly MessageActionSpec[];
}

export interface CommandRegistry {
  readonly commands: readonly Command[];
  get(name: string): Command | undefined;
  /** Every runnable command and subcommand, in declaration order. */
  leaves(): Leaf[];
}

import { GuildMember, PermissionFlagsBits, type BaseInteraction, type Message, type User } from 'discord.js';
import type { Actor, ChatMessage, ChatPort } from '../../core/context.ts';
import type { RequestContext } from '../../core/dispatch.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { MessageRef } from '../../core/reply.ts';
import { moderatorGroupId } from '../../domain/roles.ts';
import type { Services } from '../../services.ts';

export const PLATFORM = 'discord';

export interface DiscordDeps {
  readonly services: Services;
  readonly registry: CommandRegistry;
  readonly chat: ChatPort;
}

/** The workspace of a guild: every row a server's members read or write is scoped by it. */
export function workspaceOf(guildId: string): string {
  return `discord:${guildId}`;
}

/**
 * What dispatch needs to know about an interaction: the guild as workspace, the member (by their
 * display name in that server, and whether they moderate it) as actor, the channel or thread.
 * Undefined in a DM: there is no workspace to act in.
 */
export async function requestContext(interaction: BaseInteraction, deps: DiscordDeps): Promise<RequestContext | undefined> {
  const guildId = interaction.guildId;
  if (!guildId || !interaction.channelId) return undefined;
  const channel = interaction.channel;
  const channelName = channel && 'name' in channel && typeof channel.name === 'string' ? channel.name : undefined;
  const workspace = workspaceOf(guildId);
  return {
    actor: {
      ...actorOf(interaction),
      isModerator: isModerator(interaction, moderatorGroupId(await deps.services.store.settings.moderators(workspace))),
    },
    workspace,
    channel: { id: interaction.channelId, ...(channelName ? { name: channelName } : {}) },
    platform: PLATFORM,
    services: deps.services,
    commands: deps.registry,
    chat: deps.chat,
  };
}

function actorOf(interaction: BaseInteraction): Actor {
  const { member, user } = interaction;
  if (member instanceof GuildMember) return { id: user.id, name: member.displayName };
  // A guild that is not cached gives the raw member: its nickname, else the user's display name.
  const nick = member && 'nick' in member ? member.nick : undefined;
  return { id: user.id, name: nick || userName(user) };
}

/**
 * A moderator has Manage Messages (Administrator implies it) where they act, or holds the role chosen
 * with /config. Both come with the interaction (`member.permissions`, `member.roles`): no API call.
 */
function isModerator(interaction: BaseInteraction, roleId: string | undefined): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages)) return true;
  if (!roleId) return false;
  const { member } = interaction;
  if (member instanceof GuildMember) return member.roles.cache.has(roleId);
  // A guild that is not cached gives the raw member, whose roles are ids.
  return Array.isArray(member?.roles) && member.roles.includes(roleId);
}

function userName(user: User): string {
  return user.globalName || user.username;
}

/** `https://discord.com/channels/<guild>/<channel>/<message>` (`@me` for a DM): opens the message in any client. */
export function permalink(guildId: string | null, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}

/** A Discord message as the core sees it (for "Capture as claim" and thread history). */
export function chatMessage(message: Message, guildId: string | null): ChatMessage {
  const text = message.content || message.embeds[0]?.description || '';
  return {
    id: message.id,
    channelId: message.channelId,
    authorId: message.author.id,
    authorName: message.member?.displayName || userName(message.author),
    text,
    at: message.createdAt,
    permalink: permalink(guildId, message.channelId, message.id),
    ...(message.reference?.messageId ? { replyTo: message.reference.messageId } : {}),
  };
}

export function messageRef(channelId: string, messageId: string): MessageRef {
  return { platform: PLATFORM, channel: channelId, id: messageId };
}

import { APP_ID, BOT_ID, CHANNEL_ID, GUILD_ID } from './fake-discord.ts';

/**
 * INTERACTION_CREATE payloads in the shapes Discord sends (API v10): slash commands, autocomplete,
 * buttons, selects, modal submits in both layouts, the message context menu, and a DM.
 */

export interface Member {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly nick: string | null;
  /** Role ids the member holds (none by default). */
  readonly roles?: readonly string[];
  /** The member's permissions in the channel, as Discord computes them (a decimal bit set). */
  readonly permissions?: string;
}

/** A member's usual permissions in the channel: no Manage Messages (1 << 13), no Administrator (1 << 3). */
export const MEMBER_PERMISSIONS = '1071698660929';

export const ALICE: Member = { id: '1800000000000000001', username: 'alice_w', globalName: 'Alice', nick: 'Alice (alignment team)' };
export const BOB: Member = { id: '1800000000000000002', username: 'bob', globalName: null, nick: null };

export interface Sent {
  readonly id: string;
  readonly token: string;
  readonly payload: Record<string, unknown>;
}

let counter = 0;
const nextId = () => String(1700000000000000000n + BigInt(++counter));

function user(m: Member) {
  return { id: m.id, username: m.username, global_name: m.globalName, discriminator: '0', avatar: null, public_flags: 0 };
}

function member(m: Member) {
  return {
    user: user(m),
    nick: m.nick,
    avatar: null,
    roles: [...(m.roles ?? [])],
    joined_at: '2025-03-13T19:19:14.040000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    permissions: m.permissions ?? MEMBER_PERMISSIONS,
  };
}

interface Where {
  readonly as?: Member;
  /** A DM instead of the guild channel. */
  readonly dm?: boolean;
  readonly channelId?: string;
}

function interaction(type: number, data: unknown, where: Where = {}, extra: Record<string, unknown> = {}): Sent {
  const id = nextId();
  const token = `token-${id}`;
  const who = where.as ?? ALICE;
  const channelId = where.channelId ?? CHANNEL_ID;
  const place = where.dm
    ? { channel_id: channelId, channel: { id: channelId, type: 1, flags: 0, recipients: [user(who)] }, user: user(who), context: 1 }
    : {
        guild_id: GUILD_ID,
        channel_id: channelId,
        channel: { id: channelId, type: 0, guild_id: GUILD_ID, name: 'general', flags: 0, permissions: '1071698660929' },
        member: member(who),
        guild: { id: GUILD_ID, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        context: 0,
      };
  const payload = {
    id,
    token,
    type,
    version: 1,
    application_id: APP_ID,
    app_permissions: '1071698660929',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    attachment_size_limit: 10485760,
    ...place,
    data,
    ...extra,
  };
  return { id, token, payload };
}

export type OptionValue = string | number | boolean;

/** Discord's option type for a value: 3 string, 4 integer, 5 boolean, 10 number. */
function optionType(value: OptionValue): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function options(values: Record<string, OptionValue>, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    type: optionType(value),
    name,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

/** `/claim add text:… tags:…` → `slashCommand('claim', 'add', { text: '…', tags: '…' })`. */
export function slashCommand(
  name: string,
  subcommand: string | undefined,
  values: Record<string, OptionValue> = {},
  where: Where = {},
  more: { readonly optionTypes?: Record<string, number>; readonly resolved?: unknown } = {},
): Sent {
  const opts = options(values).map((o) => ({ ...o, type: more.optionTypes?.[o.name] ?? o.type }));
  return interaction(
    2,
    {
      id: '1900000000000000001',
      name,
      type: 1,
      guild_id: GUILD_ID,
      options: subcommand ? [{ type: 1, name: subcommand, options: opts }] : opts,
      ...(more.resolved ? { resolved: more.resolved } : {}),
    },
    where,
  );
}

/** Someone typing into an option: `focused` names it. */
export function autocomplete(
  name: string,
  subcommand: string | undefined,
  values: Record<string, OptionValue>,
  focused: string,
  where: Where = {},
): Sent {
  const opts = options(values, focused);
  return interaction(
    4,
    { id: '1900000000000000001', name, type: 1, version: '1', options: subcommand ? [{ type: 1, name: subcommand, options: opts }] : opts },
    where,
  );
}

/** A message the bot posted earlier (a claim card), as Discord attaches it to a component interaction. */
export function botMessage(id = nextId(), components: unknown[] = []) {
  return {
    id,
    channel_id: CHANNEL_ID,
    type: 20,
    content: '',
    author: { id: BOT_ID, username: 'cruxbot', discriminator: '0', avatar: null, bot: true },
    embeds: [{ title: 'C1 · open', description: 'A claim', color: 0x5865f2 }],
    components,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: 0,
    timestamp: '2026-11-23T12:00:00.000000+00:00',
    edited_timestamp: null,
    application_id: APP_ID,
    webhook_id: APP_ID,
  };
}

export function button(customId: string, where: Where = {}, message = botMessage()): Sent {
  return interaction(3, { custom_id: customId, component_type: 2 }, where, { message });
}

export function select(customId: string, values: string[], where: Where = {}, message = botMessage()): Sent {
  return interaction(3, { custom_id: customId, component_type: 3, values }, where, { message });
}

/**
 * A modal submit. `label` is the current layout (type 18 labels holding one text input each), `row`
 * the older one (type 1 action rows of text inputs). `message` is set when the modal was opened from
 * a button on that message.
 */
export function modalSubmit(
  customId: string,
  fields: Record<string, string>,
  layout: 'label' | 'row',
  where: Where = {},
  message?: ReturnType<typeof botMessage>,
): Sent {
  let n = 0;
  const components = Object.entries(fields).map(([id, value]) =>
    layout === 'label'
      ? { type: 18, id: ++n, component: { type: 4, id: ++n, custom_id: id, value } }
      : { type: 1, id: ++n, components: [{ type: 4, id: ++n, custom_id: id, value }] },
  );
  return interaction(5, { custom_id: customId, components }, where, message ? { message } : {});
}

export interface TargetMessage {
  readonly id: string;
  readonly content: string;
  readonly author: Member;
}

/** Right-click a message → Apps → `label`. */
export function messageCommand(label: string, target: TargetMessage, where: Where = {}): Sent {
  return interaction(
    2,
    {
      id: '1900000000000000009',
      name: label,
      type: 3,
      target_id: target.id,
      resolved: {
        messages: {
          [target.id]: {
            id: target.id,
            channel_id: where.channelId ?? CHANNEL_ID,
            type: 0,
            content: target.content,
            author: user(target.author),
            attachments: [],
            embeds: [],
            components: [],
            mentions: [],
            mention_roles: [],
            mention_everyone: false,
            pinned: false,
            tts: false,
            flags: 0,
            timestamp: '2026-11-20T09:30:00.000000+00:00',
            edited_timestamp: null,
          },
        },
      },
    },
    where,
  );
}

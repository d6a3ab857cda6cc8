import { CHANNEL_ID, GUILD_ID, MODERATORS_ROLE, type RecordedRequest } from './fake-discord.ts';

/** The GUILD_CREATE the fake gateway sends after READY: one server with one text channel and a moderators' role. */
export function guildCreate() {
  return {
    id: GUILD_ID,
    name: 'Alignment reading group',
    icon: null,
    owner_id: '1600000000000000001',
    unavailable: false,
    member_count: 3,
    large: false,
    joined_at: '2026-01-01T00:00:00.000000+00:00',
    features: [],
    roles: [
      {
        id: GUILD_ID,
        name: '@everyone',
        permissions: '1071698660929',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      {
        id: MODERATORS_ROLE.id,
        name: MODERATORS_ROLE.name,
        permissions: '0',
        position: 1,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: true,
        flags: 0,
      },
    ],
    channels: [{ id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [] }],
    threads: [],
    members: [],
    emojis: [],
    stickers: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
  };
}

/** A request body as Discord reads it: JSON, or multipart with `payload_json` and files. */
export async function parseBody(contentType: string | undefined, raw: Buffer): Promise<{ body: any; files: RecordedRequest['files'] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: { field: string; name: string; size: number; text: string }[] = [];
    let body: any;
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push({ field, name: value.name, size: value.size, text: await value.text() });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

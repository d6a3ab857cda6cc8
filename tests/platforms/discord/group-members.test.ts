import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODERATORS_ROLE } from './fake-discord.ts';
import { startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { BOB, slashCommand, type Member } from './payloads.ts';

const DAN: Member = { id: '1800000000000000004', username: 'dan', globalName: 'Dan', nick: null, roles: [MODERATORS_ROLE.id] };
const EVE = { id: '1800000000000000005', username: 'eve', global_name: 'Eve', discriminator: '0', avatar: null };

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
});
afterEach(() => bot.close());

const members = () => bot.services.chats.get('discord')!.groupMembers!(WORKSPACE, MODERATORS_ROLE.id);

describe('the moderators’ role on Discord, for reminders', () => {
  it('without the Server Members intent, lists the role’s members the bot has seen', async () => {
    await bot.send(slashCommand('help', undefined, {}, { as: DAN }));
    await bot.send(slashCommand('help', undefined, {}, { as: BOB }));
    expect(await members()).toEqual([DAN.id]);
    expect(await bot.services.chats.get('discord')!.groupMembers!(WORKSPACE, '999')).toEqual([]);
  });

  it('with it, lists every member holding the role, seen or not', async () => {
    bot.fake.override((r) =>
      r.method === 'GET' && /^\/guilds\/\d+\/members$/.test(r.path)
        ? {
            status: 200,
            body: [
              { user: EVE, roles: [MODERATORS_ROLE.id], joined_at: '2026-01-01T00:00:00.000000+00:00', deaf: false, mute: false, flags: 0 },
              {
                user: { ...EVE, id: '1800000000000000006', username: 'fay' },
                roles: [],
                joined_at: '2026-01-01T00:00:00.000000+00:00',
                deaf: false,
                mute: false,
                flags: 0,
              },
            ],
          }
        : undefined,
    );
    expect(await members()).toEqual([EVE.id]);
  });
});

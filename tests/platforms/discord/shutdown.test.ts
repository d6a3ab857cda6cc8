import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { text } from '../../../src/core/reply.ts';
import { bodyText, startTestDiscord, type TestDiscordBot } from './discord-bot.ts';
import { slashCommand } from './payloads.ts';

let release!: () => void;
const released = new Promise<void>((resolve) => (release = resolve));

const simulate = defineCommand({
  name: 'simulate',
  description: 'A long simulation, for the shutdown test',
  slow: true,
  options: [] as const,
  async handler() {
    await released;
    return { title: 'Simulation finished', blocks: [text('P(dangerous) = 0.12')] };
  },
});

let bot: TestDiscordBot;
afterEach(() => bot.close());

describe('shutting down while Discord work is in flight', () => {
  it('stops taking interactions, finishes the one running, then disconnects', async () => {
    bot = await startTestDiscord({ commands: [...COMMANDS, simulate] });
    const running = slashCommand('simulate', undefined);
    expect((await bot.send(running)).body.type).toBe(5);

    let stopped = false;
    const stopping = bot.running.stop().then(() => (stopped = true));
    const late = await bot.send(slashCommand('help', undefined));
    expect(late.body.data.flags).toBe(64);
    expect(bodyText(late.body.data)).toMatch(/restarting; try again in a few seconds/);
    expect(stopped).toBe(false);
    expect(bot.services.chats.has('discord')).toBe(true);

    release();
    const edit = await bot.fake.originalEdit(running.token);
    expect(edit.body.embeds[0].title).toBe('Simulation finished');
    await stopping;
    expect(bot.services.chats.has('discord')).toBe(false);
    expect(bot.running.client.isReady()).toBe(false);
  });
});

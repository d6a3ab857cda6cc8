import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { runText } from '../../../src/core/dispatch.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { CHANNEL_ID } from './fake-discord.ts';
import { startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';
import { slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
  const request = {
    actor: { id: '1800000000000000001', name: 'Alice' },
    workspace: WORKSPACE,
    channel: { id: CHANNEL_ID },
    platform: 'discord',
    services: bot.services,
    commands: createRegistry(COMMANDS),
  };
  await runText('/debate new slug:goal-drift title:"Does misalignment grow with serial steps?"', request);
  for (let i = 1; i <= 120; i++) {
    const text = `Claim number ${i}: goals permute at a small rate per serial step, ${'and the permutation stays hidden in latent reasoning '.repeat(4)}`;
    await runText(`/claim add text:"${text.trim()}"`, request);
    if (i > 1) await runText(`/link C${i} C${Math.ceil(i / 3)} ${i % 2 ? 'supports' : 'opposes'}`, request);
  }
});
afterEach(() => bot.close());

describe('a reply longer than Discord allows in one message', () => {
  it('/map of 120 long claims arrives as an answer and follow-ups, every one within the limits, every claim shown', async () => {
    const interaction = slashCommand('map', undefined);
    const callback = await bot.send(interaction);
    expect(callback.body.type).toBe(4);
    expectWithinDiscordLimits(callback.body.data);
    expect(callback.body.data.embeds[0].title).toBe('Map of goal-drift');

    const texts: string[] = [];
    const bodies = [callback.body.data];
    // The follow-ups go out one after another; wait until the last one (with the footer) has arrived.
    await expect.poll(() => bot.fake.followUps(interaction.token).some((r) => r.body.embeds.some((e: any) => e.footer))).toBe(true);
    bodies.push(...bot.fake.followUps(interaction.token).map((r) => r.body));
    for (const body of bodies) {
      expectWithinDiscordLimits(body);
      texts.push(...body.embeds.map((e: any) => e.description ?? ''));
    }
    const all = texts.join('\n');
    for (let i = 1; i <= 120; i++) expect(all).toMatch(new RegExp(`C${i}  Claim number ${i}:`));
    expect(bodies.at(-1)!.embeds.at(-1).footer.text).toMatch(/supports · − opposes/);
  });
});

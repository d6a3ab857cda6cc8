import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { runText } from '../../../src/core/dispatch.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { CHANNEL_ID } from './fake-discord.ts';
import { PATIENTLY, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';
import { slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  // 200 claims are added by one person to set the scene: the write limit (tested on its own) is off.
  bot = await startTestDiscord({ settings: { CRUXBOT_CLAIM_ADDS_PER_MINUTE: '0' } });
});
afterEach(() => bot.close());

/** A debate of `n` long claims in a tree, added the way the console would. */
async function seed(n: number): Promise<void> {
  const request = {
    actor: { id: '1800000000000000001', name: 'Alice' },
    workspace: WORKSPACE,
    channel: { id: CHANNEL_ID },
    platform: 'discord',
    services: bot.services,
    commands: createRegistry(COMMANDS),
  };
  await runText('/debate new slug:goal-drift title:"Does misalignment grow with serial steps?"', request);
  for (let i = 1; i <= n; i++) {
    const text = `Claim number ${i}: goals permute at a small rate per serial step, ${'and the permutation stays hidden in latent reasoning '.repeat(4)}`;
    await runText(`/claim add text:"${text.trim()}"`, request);
    if (i > 1) await runText(`/link C${i} C${Math.ceil(i / 3)} ${i % 2 ? 'supports' : 'opposes'}`, request);
  }
}

/** The answer and its follow-ups, once the last one (which carries the map's footer) has arrived. */
async function answerOf(token: string, first: any): Promise<any[]> {
  const hasFooter = (body: any) => body.embeds.some((e: any) => e.footer);
  if (!hasFooter(first)) await expect.poll(() => bot.fake.followUps(token).some((r) => hasFooter(r.body)), PATIENTLY).toBe(true);
  return [first, ...bot.fake.followUps(token).map((r) => r.body)];
}

// Seeding hundreds of claims is slow on a loaded machine; the ceiling is generous and nothing is timed.
describe('a reply longer than Discord allows in one message', { timeout: 60_000 }, () => {
  it('/map format:text of 40 long claims arrives as an answer and follow-ups, each within the limits, every claim shown', async () => {
    await seed(40);
    const interaction = slashCommand('map', undefined, { format: 'text' });
    // /map is marked slow, so the answer is deferred (type 5) and arrives as the edit of @original.
    const callback = await bot.send(interaction);
    expect(callback.body.type).toBe(5);
    const edit = await bot.fake.originalEdit(interaction.token);
    expect(edit.body.embeds[0].title).toBe('Map of goal-drift');
    const bodies = await answerOf(interaction.token, edit.body);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expectWithinDiscordLimits(body);
    const shown = bodies.flatMap((b) => b.embeds.map((e: any) => e.description ?? '')).join('\n');
    for (let i = 1; i <= 40; i++) expect(shown).toMatch(new RegExp(`C${i}  Claim number ${i}:`));
    expect(bodies.at(-1).embeds.at(-1).footer.text).toMatch(/supports · − opposes/);
  });

  it('/map format:text of 200 long claims stops at five messages and attaches the whole map as a text file', async () => {
    await seed(200);
    const interaction = slashCommand('map', undefined, { format: 'text' });
    expect((await bot.send(interaction)).body.type).toBe(5);
    const edit = await bot.fake.originalEdit(interaction.token);
    await expect.poll(() => bot.fake.followUps(interaction.token).length, PATIENTLY).toBe(4);
    const requests = [edit, ...bot.fake.followUps(interaction.token)];
    for (const request of requests) expectWithinDiscordLimits(request.body);
    const file = requests.at(-1)!.files[0]!;
    expect(file.name).toBe('map-of-goal-drift.txt');
    for (let i = 1; i <= 200; i++) expect(file.text).toMatch(new RegExp(`C${i}  Claim number ${i}:`));
    expect(requests.slice(0, 4).every((r) => r.files.length === 0)).toBe(true);
  });
});

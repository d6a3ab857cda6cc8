import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUILD_ID } from './fake-discord.ts';
import { bodyText, componentsOf, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';
import { ALICE, BOB, slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
  const started = await bot.send(slashCommand('debate', 'new', { slug: 'reward-seeking', title: 'Is reward the optimization target?' }));
  expect(started.body.type).toBe(4);
});
afterEach(() => bot.close());

const claims = async () => (await bot.services.store.claims.list(WORKSPACE, { limit: 100 })).claims;

describe('a slash command on Discord', () => {
  it('/claim add stores the claim in the guild’s workspace, by the member, and answers with the card', async () => {
    const callback = await bot.send(slashCommand('claim', 'add', { text: 'Agents game broken scoring functions', tags: 'spec-gaming' }));

    expect(callback.body.type).toBe(4);
    const data = callback.body.data;
    expect(data.flags ?? 0).toBe(0);
    expect(data.embeds[0].title).toBe('C1 · open');
    expect(data.embeds[0].description).toBe('Agents game broken scoring functions');
    expect(bodyText(data)).toContain('Alice (alignment team)');
    expect(bodyText(data)).toContain('`#spec-gaming`');
    expect(componentsOf(data).map((c) => [c.label, c.custom_id])).toEqual([
      ['Support…', 'claim:support:1'],
      ['Oppose…', 'claim:oppose:1'],
      ['Link…', 'claim:link:1'],
      ['Credence…', 'credence:form:1'],
    ]);
    expectWithinDiscordLimits(data);

    expect(await claims()).toMatchObject([
      { number: 1, text: 'Agents game broken scoring functions', authorId: ALICE.id, tags: ['spec-gaming'] },
    ]);
    expect((await bot.services.store.claims.list(`discord:9${GUILD_ID.slice(1)}`, { limit: 10 })).total).toBe(0);
  });

  it('passes typed options through: integers as numbers, claims as strings, users as ids', async () => {
    await bot.send(slashCommand('claim', 'add', { text: 'Root claim' }));
    await bot.send(slashCommand('claim', 'add', { text: 'Bob’s claim' }, { as: BOB }));
    const linked = await bot.send(slashCommand('link', undefined, { from: 'C2', to: 'C1', kind: 'supports' }));
    expect(bodyText(linked.body.data)).toContain('**C2** supports **C1**');

    const byBob = await bot.send(slashCommand('claim', 'list', { author: BOB.id, page: 1 }, {}, { optionTypes: { author: 6 } }));
    expect(bodyText(byBob.body.data)).toMatch(/Claims in reward-seeking \(1\)/);
    expect(bodyText(byBob.body.data)).toContain('Bob’s claim');
    expect(bodyText(byBob.body.data)).not.toContain('Root claim');
  });

  it('an unknown claim id gets a private error naming it, with no stack trace', async () => {
    const callback = await bot.send(slashCommand('claim', 'show', { claim: 'C999' }));
    const data = callback.body.data;
    expect(callback.body.type).toBe(4);
    expect(data.flags).toBe(64);
    expect(data.embeds[0].description).toMatch(/no claim C999 here/);
    expect(data.embeds[0].color).toBe(0xed4245);
    expect(bodyText(data)).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('a malformed option gets a private usage message naming the option, and nothing is stored', async () => {
    const callback = await bot.send(slashCommand('claim', 'show', { claim: 'X' }));
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toMatch(/claim.*expected a claim id like C12, got "X"/);
    expect(bodyText(callback.body.data)).toMatch(/Usage: \/claim show <claim>/);

    const empty = await bot.send(slashCommand('claim', 'add', { text: '   ' }));
    expect(empty.body.data.flags).toBe(64);
    expect(bodyText(empty.body.data)).toMatch(/text.*is empty/);
    expect(await claims()).toEqual([]);
  });

  it('a claim with @everyone and <@123> shows them as written and pings nobody', async () => {
    const text = '@everyone look: <@123> and <@&456> said **so**';
    const callback = await bot.send(slashCommand('claim', 'add', { text }));
    const data = callback.body.data;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds[0].description).toBe('@everyone look: \\<@123\\> and \\<@&456\\> said \\*\\*so\\*\\*');
    expect((await claims())[0]?.text).toBe(text);
  });

  it('in a DM, says to use it in a server, privately, and stores nothing', async () => {
    const callback = await bot.send(slashCommand('claim', 'add', { text: 'From a DM' }, { dm: true }));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toMatch(/use my commands in a channel of a server/);
    expect(await claims()).toEqual([]);
  });
});

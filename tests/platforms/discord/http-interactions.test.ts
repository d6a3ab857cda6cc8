import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { md } from '../../../src/core/markup.ts';
import { text } from '../../../src/core/reply.ts';
import { CHANNEL_ID, GUILD_ID } from './fake-discord.ts';
import { bodyText, componentsOf, discordKeyPair, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { autocomplete, BOB, botMessage, button, messageCommand, modalSubmit, select, slashCommand } from './payloads.ts';

/**
 * Discord's HTTP mode: the real router and discord.js structures, fed by signed POSTs to
 * /discord/interactions on the process's HTTP server, answering over the fake's REST.
 */
/** No command of the bot's own shows a select yet; this one stands in. */
const pick = defineCommand({
  name: 'pick',
  description: 'Pick claims from a menu',
  options: [] as const,
  handler: () => ({ blocks: [text(md`Which claims are cruxes?`)] }),
  interactions: {
    chosen: (ctx) => ({
      blocks: [text(md`${ctx.actor.name} chose ${ctx.values.join(' and ')} on message ${ctx.sourceMessage?.id ?? '?'}`)],
      update: true,
    }),
  },
});

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord({ mode: 'http' });
});
afterEach(() => bot.close());

const post = (body: string, headers: Record<string, string>) => fetch(bot.endpoint!.url, { method: 'POST', headers, body });
const claims = async () => (await bot.services.store.claims.list(WORKSPACE, { limit: 50 })).total;

describe('Discord interactions over HTTP', () => {
  it('answers a signed PING with PONG in the body, without calling Discord', async () => {
    const before = bot.fake.requests.length;
    const body = JSON.stringify({ id: '1', token: 't', type: 1, application_id: '1', version: 1 });
    const response = await post(body, bot.endpoint!.sign(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
    expect(bot.fake.requests.length).toBe(before);
  });

  it('serves a slash command, autocomplete, a button, a form and a select through the same dispatch', async () => {
    const debate = await bot.send(
      slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow with serial steps?' }),
    );
    expect(bodyText(debate.body.data)).toContain('Does misalignment grow with serial steps?');
    const added = await bot.send(slashCommand('claim', 'add', { text: 'Values crystallize late in training' }));
    expect(added.body.type).toBe(4);
    expect(added.body.data.embeds[0].title).toBe('C1 · open');
    expect(componentsOf(added.body.data).map((c) => c.custom_id)).toContain('claim:support:1');

    const suggestions = await bot.send(autocomplete('claim', 'show', { claim: 'crystal' }, 'claim'));
    expect(suggestions.body.type).toBe(8);
    expect(suggestions.body.data.choices).toEqual([{ name: 'C1 · Values crystallize late in training', value: 'C1' }]);

    const form = await bot.send(button('claim:support:1'));
    expect(form.body.type).toBe(9);
    expect(form.body.data.custom_id).toBe('claim:add-linked:1:supports');
    const submitted = await bot.send(
      modalSubmit('claim:add-linked:1:supports', { text: 'Late training sets the values', tags: '' }, 'label', { as: BOB }, botMessage()),
    );
    expect(submitted.body.type).toBe(7);
    expect(bodyText(submitted.body.data)).toContain('bob added C2, which supports C1.');
    expect(await claims()).toBe(2);
  });

  it('serves a select menu, updating the message it sits on', async () => {
    await bot.close();
    bot = await startTestDiscord({ mode: 'http', commands: [...COMMANDS, pick] });
    const callback = await bot.send(select('pick:chosen', ['C1', 'C3'], { as: BOB }));
    expect(callback.body.type).toBe(7);
    expect(bodyText(callback.body.data)).toMatch(/^bob chose C1 and C3 on message \d+$/);
  });

  it('the message menu ("Capture as claim") works from the payload alone, with the permalink', async () => {
    await bot.send(slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow?' }));
    const message = { id: '2000000000000000042', content: 'Goals permute at a small rate per serial step.', author: BOB };
    const form = await bot.send(messageCommand('Capture as claim', message));
    expect(form.body.type).toBe(9);
    const stored = await bot.send(modalSubmit(form.body.data.custom_id, { text: message.content, tags: '' }, 'label'));
    expect(bodyText(stored.body.data)).toContain(`https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${message.id}`);
  });

  it('a slow answer is deferred and finished by editing the original over REST', async () => {
    await bot.close();
    bot = await startTestDiscord({ mode: 'http', deferAfterMs: 0 });
    const sent = slashCommand('debate', 'new', { slug: 'slow', title: 'A slow start' });
    const callback = await bot.send(sent);
    if (callback.body.type === 5) expect(bodyText((await bot.fake.originalEdit(sent.token)).body)).toContain('A slow start');
    else expect(bodyText(callback.body.data)).toContain('A slow start');
  });
});

describe('refused Discord requests', () => {
  const command = () => slashCommand('debate', 'new', { slug: 'forged', title: 'Should not exist' });
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['no signature at all', (body: string) => ({ 'content-type': 'application/json' }) as Record<string, string>],
    ['a signature by another key', (body: string) => discordKeyPair().sign(body)],
    ['a stale timestamp (−6 min)', (body: string) => bot.endpoint!.sign(body, now() - 6 * 60)],
    ['a future timestamp (+6 min)', (body: string) => bot.endpoint!.sign(body, now() + 6 * 60)],
    ['a future timestamp (+1 day)', (body: string) => bot.endpoint!.sign(body, now() + 24 * 60 * 60)],
    ['a body changed after signing', (body: string) => bot.endpoint!.sign(body.replace('forged', 'other'))],
  ])('%s: 401, nothing stored, nothing sent to Discord', async (_name, headers) => {
    const sent = command();
    const body = JSON.stringify(sent.payload);
    const before = bot.fake.requests.length;
    const response = await post(body, headers(body));
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bot.fake.requests.length).toBe(before);
    expect(await bot.services.store.debates.bySlug(WORKSPACE, 'forged')).toBeUndefined();
  });

  it('a replay of a request already handled: 401 the second time, answered once', async () => {
    const sent = command();
    const body = JSON.stringify(sent.payload);
    const headers = bot.endpoint!.sign(body);
    expect((await post(body, headers)).status).toBe(202);
    await bot.fake.callback(sent.id);
    expect((await post(body, headers)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bot.fake.requests.filter((r) => r.path.startsWith(`/interactions/${sent.id}/`))).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, GUILD_ID } from './fake-discord.ts';
import { bodyText, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { BOB, messageCommand, modalSubmit, slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
  await bot.send(slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow with serial steps?' }));
});
afterEach(() => bot.close());

const message = {
  id: '2000000000000000042',
  content: 'Goals permute at a small rate per serial step, so risk grows with every step.',
  author: BOB,
};

describe('“Capture as claim” on a Discord message', () => {
  it('opens a form prefilled with the message, then stores the claim with its permalink and author', async () => {
    const form = await bot.send(messageCommand('Capture as claim', message));
    expect(form.body.type).toBe(9);
    const modal = form.body.data;
    expect(modal.title).toBe('Capture as claim');
    expect(modal.components[0].label).toBe('Claim (from bob)');
    expect(modal.components[0].component.value).toBe(message.content);
    expect(modal.custom_id).toMatch(/^claim:capture-submit:[A-Za-z0-9_-]+$/);

    const edited = 'Goals permute at a small rate per serial step';
    const stored = await bot.send(modalSubmit(modal.custom_id, { text: edited, tags: 'drift' }, 'label'));
    expect(stored.body.type).toBe(4);
    expect(stored.body.data.embeds[0].title).toBe('C1 · open');
    expect(bodyText(stored.body.data)).toContain('Captured C1 from bob into goal-drift.');

    const permalink = `https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${message.id}`;
    expect(bodyText(stored.body.data)).toContain(`[message](${permalink}) (from bob)`);
    expect(await bot.services.store.claims.byNumber(WORKSPACE, 1)).toMatchObject({
      text: edited,
      tags: ['drift'],
      source: { url: permalink, author: 'bob', excerpt: message.content },
    });
  });

  it('in a channel with no debate, says how to start one and opens no form', async () => {
    const callback = await bot.send(messageCommand('Capture as claim', message, { channelId: '1300000000000000099' }));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toContain('This channel has no current debate. Pick one with `/debate use <slug>`');
  });

  it('an expired form says to capture again, and stores nothing', async () => {
    const callback = await bot.send(modalSubmit('claim:capture-submit:gone', { text: 'x' }, 'row'));
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toMatch(/expired/);
    expect((await bot.services.store.claims.list(WORKSPACE, { limit: 5 })).total).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyText, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';
import { BOB, botMessage, button, modalSubmit, slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
  await bot.send(slashCommand('debate', 'new', { slug: 'reward-seeking', title: 'Is reward the optimization target?' }));
  await bot.send(slashCommand('claim', 'add', { text: 'Agents learn to seek reward from shoddy tasks' }));
});
afterEach(() => bot.close());

const linksIn = async (n: number) =>
  await bot.services.store.links.incoming(WORKSPACE, (await bot.services.store.claims.byNumber(WORKSPACE, n))!.id);

describe('the claim card’s buttons on Discord', () => {
  it('Support… opens a form (type 9) whose inputs sit in labels', async () => {
    const callback = await bot.send(button('claim:support:1'));
    expect(callback.body.type).toBe(9);
    const modal = callback.body.data;
    expect(modal.custom_id).toBe('claim:add-linked:1:supports');
    expect(modal.title).toBe('Support C1');
    expect(modal.components.map((c: any) => [c.type, c.label, c.component.type, c.component.custom_id, c.component.style])).toEqual([
      [18, 'A claim that supports it', 4, 'text', 2],
      [18, 'Tags (optional)', 4, 'tags', 1],
    ]);
    expect(modal.components[1].component.required).toBe(false);
  });

  it('the submitted form (label layout) adds the supporting claim and updates the card in place (type 7)', async () => {
    const card = botMessage();
    const callback = await bot.send(
      modalSubmit(
        'claim:add-linked:1:supports',
        { text: 'Reward is reinforced, so it is sought', tags: 'reward' },
        'label',
        { as: BOB },
        card,
      ),
    );
    expect(callback.body.type).toBe(7);
    const data = callback.body.data;
    expect(data.embeds[0].title).toBe('C1 · open');
    expect(bodyText(data)).toMatch(/Links in \(1\)/);
    expect(bodyText(data)).toContain('**C2** supports this: Reward is reinforced, so it is sought');
    expect(bodyText(data)).toContain('bob added C2, which supports C1.');
    expectWithinDiscordLimits(data);
    expect(await linksIn(1)).toMatchObject([{ fromNumber: 2, kind: 'supports', authorId: BOB.id }]);
  });

  it('Link… takes a target and kind from a form in the older action-row layout', async () => {
    await bot.send(slashCommand('claim', 'add', { text: 'Reward seeking is instrumental' }));
    const form = await bot.send(button('claim:link:2'));
    expect(form.body.data.custom_id).toBe('claim:link-submit:2');
    expect(form.body.data.components[1].component.value).toBe('supports');

    const callback = await bot.send(modalSubmit('claim:link-submit:2', { target: 'C1', kind: 'opposes' }, 'row', {}, botMessage()));
    expect(callback.body.type).toBe(7);
    expect(bodyText(callback.body.data)).toContain('C2 now opposes C1.');
    expect(await linksIn(1)).toMatchObject([{ fromNumber: 2, kind: 'opposes' }]);
  });

  it('a bad value in a form gets a private error and leaves the card as it was', async () => {
    const callback = await bot.send(modalSubmit('claim:link-submit:1', { target: 'C1', kind: 'sideways' }, 'label', {}, botMessage()));
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toMatch(/"sideways" is not a link kind/);
    expect(await linksIn(1)).toEqual([]);
  });

  it('a button that is not ours, or out of date, gets a private message', async () => {
    const callback = await bot.send(button('someone-else:thing'));
    expect(callback.body.data.flags).toBe(64);
    expect(bodyText(callback.body.data)).toMatch(/not one of mine, or it is out of date/);
  });
});

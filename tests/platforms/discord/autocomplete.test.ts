import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestDiscord, type TestDiscordBot } from './discord-bot.ts';
import { autocomplete, slashCommand } from './payloads.ts';

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
  await bot.send(slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow with serial steps?' }));
  for (let i = 1; i <= 30; i++) {
    const text = i === 7 ? 'Value change is directable by training data' : `Goals permute at a small rate, variant ${i}`;
    await bot.send(slashCommand('claim', 'add', { text, tags: i % 2 ? 'drift' : 'data' }));
  }
});
afterEach(() => bot.close());

describe('autocomplete on Discord', () => {
  it('suggests at most 25 claims for an empty claim option (type 8)', async () => {
    const callback = await bot.send(autocomplete('claim', 'show', { claim: '' }, 'claim'));
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value).toMatch(/^C\d+$/);
    }
  });

  it('offers the channel debate’s claims when only the C of an id is typed, and narrows by digits', async () => {
    await bot.send(slashCommand('debate', 'new', { slug: 'other', title: 'Another debate' }));
    await bot.send(slashCommand('claim', 'add', { text: 'A claim of the other debate, on Cats and Cars' }));
    await bot.send(slashCommand('debate', 'use', { debate: 'goal-drift' }));
    for (const typed of ['C', 'c']) {
      const callback = await bot.send(autocomplete('claim', 'show', { claim: typed }, 'claim'));
      const choices = callback.body.data.choices as { name: string; value: string }[];
      expect(choices, typed).toHaveLength(25);
      expect(choices[0]!.value).toBe('C1');
      expect(choices.map((c) => c.value)).not.toContain('C31');
    }
    const narrowed = await bot.send(autocomplete('claim', 'show', { claim: 'C3' }, 'claim'));
    expect((narrowed.body.data.choices as { value: string }[]).map((c) => c.value).slice(0, 2)).toEqual(['C3', 'C30']);
  });

  it('ranks a typed id first, and matches words of the claim text', async () => {
    const byId = await bot.send(autocomplete('link', undefined, { from: 'C2', to: 'C7' }, 'to'));
    expect(byId.body.data.choices[0]).toEqual({ name: 'C7 · Value change is directable by training data', value: 'C7' });

    const byWord = await bot.send(autocomplete('claim', 'edit', { claim: 'directable' }, 'claim'));
    expect(byWord.body.data.choices).toEqual([{ name: 'C7 · Value change is directable by training data', value: 'C7' }]);
  });

  it('suggests debates by slug and tags as you type', async () => {
    const debates = await bot.send(autocomplete('debate', 'use', { debate: 'goal' }, 'debate'));
    expect(debates.body.data.choices).toEqual([{ name: 'goal-drift · Does misalignment grow with serial steps?', value: 'goal-drift' }]);

    const tags = await bot.send(autocomplete('claim', 'list', { tag: 'dr' }, 'tag'));
    expect(tags.body.data.choices).toEqual([{ name: 'drift (15)', value: 'drift' }]);
  });

  it('answers an option without suggestions, and a DM, with no choices', async () => {
    const plain = await bot.send(autocomplete('claim', 'add', { text: 'Goals' }, 'text'));
    expect(plain.body).toEqual({ type: 8, data: { choices: [] } });
    const dm = await bot.send(autocomplete('claim', 'show', { claim: 'C1' }, 'claim', { dm: true }));
    expect(dm.body).toEqual({ type: 8, data: { choices: [] } });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { customId } from '../../../src/core/custom-id.ts';
import { md } from '../../../src/core/markup.ts';
import { text } from '../../../src/core/reply.ts';
import { bodyText, componentsOf, startTestDiscord, type TestDiscordBot } from './discord-bot.ts';
import { BOB, botMessage, select, slashCommand } from './payloads.ts';

/** A command with a select menu and a link button, standing in for the credence and poll commands to come. */
const pick = defineCommand({
  name: 'pick',
  description: 'Pick claims from a menu',
  options: [] as const,
  handler: (ctx) => ({
    blocks: [text(md`Which claims are cruxes? (answering on ${ctx.chat?.platform ?? 'nothing'})`)],
    components: [
      [
        {
          type: 'select',
          id: customId('pick', 'chosen'),
          placeholder: 'Choose claims',
          options: [
            { label: 'C1 · Goals drift', value: 'C1' },
            { label: 'C2 · Data directs values', value: 'C2', description: 'the other view' },
            { label: 'C3 · Deals', value: 'C3' },
          ],
          maxValues: 2,
        },
      ],
      [
        { type: 'link', url: 'https://example.org/thread', label: 'The thread' },
        { type: 'link', url: 'javascript:alert(1)', label: 'Not a link' },
      ],
    ],
  }),
  interactions: {
    chosen: (ctx) => ({
      blocks: [text(md`${ctx.actor.name} chose ${ctx.values.join(' and ')} on message ${ctx.sourceMessage?.id ?? '?'}`)],
      update: true,
    }),
  },
});

let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord({ commands: [...COMMANDS, pick] });
});
afterEach(() => bot.close());

describe('select menus and link buttons on Discord', () => {
  it('shows a select and a web link button (a non-web link is left off), and the handler has the chat port', async () => {
    const callback = await bot.send(slashCommand('pick', undefined));
    const data = callback.body.data;
    expect(bodyText(data)).toBe('Which claims are cruxes? (answering on discord)');
    expect(data.components[0].components[0]).toEqual({
      type: 3,
      custom_id: 'pick:chosen',
      placeholder: 'Choose claims',
      options: [
        { label: 'C1 · Goals drift', value: 'C1' },
        { label: 'C2 · Data directs values', value: 'C2', description: 'the other view' },
        { label: 'C3 · Deals', value: 'C3' },
      ],
      min_values: 1,
      max_values: 2,
    });
    expect(componentsOf(data).filter((c) => c.type === 2)).toEqual([
      { type: 2, style: 5, url: 'https://example.org/thread', label: 'The thread' },
    ]);
  });

  it('a choice reaches the handler with its values and the message it was on, and updates that message', async () => {
    const message = botMessage('1500000000000000777');
    const callback = await bot.send(select('pick:chosen', ['C1', 'C3'], { as: BOB }, message));
    expect(callback.body.type).toBe(7);
    expect(bodyText(callback.body.data)).toBe('bob chose C1 and C3 on message 1500000000000000777');
  });
});

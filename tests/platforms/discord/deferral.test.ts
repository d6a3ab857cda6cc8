import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { customId } from '../../../src/core/custom-id.ts';
import { text, type MessageRef, type Reply } from '../../../src/core/reply.ts';
import { bodyText, PATIENTLY, startTestDiscord, type TestDiscordBot } from './discord-bot.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';
import { botMessage, button, slashCommand } from './payloads.ts';

/**
 * Handlers that wait for the test to let them finish: the test opens the gate only after it has seen
 * the deferral, so what is checked never depends on how fast the machine is.
 */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}
let thinking = gate();
const sent: MessageRef[] = [];

const finished = (title: string, extra: Partial<Reply> = {}): Reply => ({ title, blocks: [text(`${title}: done`)], ...extra });

const ponder = defineCommand({
  name: 'ponder',
  description: 'A command marked slow (a picture, a simulation)',
  slow: true,
  options: [{ name: 'private', type: 'boolean', description: 'Answer privately' }] as const,
  async handler(ctx) {
    await thinking.opened;
    return finished('Pondered', { ephemeral: ctx.args.private ?? false });
  },
});

const mull = defineCommand({
  name: 'mull',
  description: 'A command not marked slow that takes its time anyway',
  options: [] as const,
  async handler() {
    await thinking.opened;
    return finished('Mulled', {
      components: [[{ type: 'button', id: customId('mull', 'again'), label: 'Again', command: '/mull again' }]],
      onSent: (ref) => void sent.push(ref),
      followUps: [finished('Footnote', { onSent: (ref) => void sent.push(ref) })],
    });
  },
  interactions: {
    async again() {
      await thinking.opened;
      return { ...finished('Mulled again'), update: true };
    },
    async aside() {
      await thinking.opened;
      return finished('An aside');
    },
    async form() {
      await thinking.opened;
      return {
        blocks: [],
        modal: { id: customId('mull', 'submitted'), title: 'Your credence', inputs: [{ id: 'p', label: 'P', style: 'short' }] },
      };
    },
  },
});

let bot: TestDiscordBot;
afterEach(async () => {
  thinking.open();
  await bot.close();
  thinking = gate();
  sent.length = 0;
});

const start = (deferAfterMs?: number) =>
  startTestDiscord({ commands: [...COMMANDS, ponder, mull], ...(deferAfterMs ? { deferAfterMs } : {}) });

describe('answering within Discord’s 3 seconds', () => {
  it('a command marked slow is deferred at once (type 5), then its answer edits @original', async () => {
    bot = await start();
    const interaction = slashCommand('ponder', undefined);
    const deferred = await bot.send(interaction);
    expect(deferred.body).toEqual({ type: 5, data: { flags: 0 } });

    thinking.open();
    const edit = await bot.fake.originalEdit(interaction.token);
    expect(edit.body.embeds[0].title).toBe('Pondered');
    expectWithinDiscordLimits(edit.body);
  });

  it('a slow private answer replaces the public “thinking…” with a private follow-up', async () => {
    bot = await start();
    const interaction = slashCommand('ponder', undefined, { private: true });
    expect((await bot.send(interaction)).body.type).toBe(5);

    thinking.open();
    const followUp = await bot.fake.followUp(interaction.token);
    expect(followUp.body.flags).toBe(64);
    expect(bodyText(followUp.body)).toContain('Pondered: done');
    const deleted = bot.fake.requestsTo(interaction.token).find((r) => r.method === 'DELETE');
    expect(deleted?.path).toMatch(/\/messages\/@original$/);
    expect(bot.fake.requestsTo(interaction.token).some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('a command that runs past the deferral point is deferred, then edited, then followed up', async () => {
    bot = await start(50);
    const interaction = slashCommand('mull', undefined);
    expect((await bot.send(interaction)).body.type).toBe(5);

    thinking.open();
    const edit = await bot.fake.originalEdit(interaction.token);
    expect(edit.body.embeds[0].title).toBe('Mulled');
    expect(edit.body.components[0].components[0].custom_id).toBe('mull:again');
    const footnote = await bot.fake.followUp(interaction.token);
    expect(footnote.body.embeds[0].title).toBe('Footnote');
    await expect.poll(() => sent.length, PATIENTLY).toBe(2);
    expect(sent.map((ref) => ref.platform)).toEqual(['discord', 'discord']);
    expect(sent[0]!.id).toMatch(/^\d+$/);
    expect(sent[1]!.id).not.toBe(sent[0]!.id);
  });

  it('a slow button defers the update (type 6), then edits the card; a new message goes as a follow-up', async () => {
    bot = await start(50);
    const click = button('mull:again', {}, botMessage());
    expect((await bot.send(click)).body).toEqual({ type: 6 });
    thinking.open();
    const edit = await bot.fake.originalEdit(click.token);
    expect(edit.body.embeds[0].title).toBe('Mulled again');

    thinking = gate();
    const aside = button('mull:aside');
    expect((await bot.send(aside)).body.type).toBe(6);
    thinking.open();
    const followUp = await bot.fake.followUp(aside.token);
    expect(followUp.body.embeds[0].title).toBe('An aside');
  });

  it('a form whose handler ran past the deferral point cannot open; the person is told privately', async () => {
    bot = await start(50);
    const click = button('mull:form');
    expect((await bot.send(click)).body.type).toBe(6);
    thinking.open();
    const followUp = await bot.fake.followUp(click.token);
    expect(followUp.body.flags).toBe(64);
    expect(bodyText(followUp.body)).toBe('The form “Your credence” could not be opened in time; please try again.');
  });

  it('a quick answer goes straight back (type 4), and onSent gets the new message’s id', async () => {
    bot = await start();
    thinking.open();
    const interaction = slashCommand('mull', undefined);
    const callback = await bot.send(interaction);
    expect(callback.body.type).toBe(4);
    expect(callback.query.get('with_response')).toBe('true');
    await bot.fake.followUp(interaction.token);
    await expect.poll(() => sent.length, PATIENTLY).toBe(2);
    expect(sent[0]!.id).toMatch(/^\d{19}$/);
  });
});

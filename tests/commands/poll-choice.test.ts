import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, ChatPort } from '../../src/core/context.ts';
import type { MessageRef, Reply } from '../../src/core/reply.ts';
import { ALICE, BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';
import { countRows } from '../support/rows.ts';

const CY: Actor = { id: 'cy', name: 'cy' };
const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };
const NOW = new Date('2026-11-23T12:00:00Z');
const REF: MessageRef = { platform: 'test', channel: 'general', id: 'm1' };

let bot: TestBot;
let updates: { ref: MessageRef; reply: Reply }[];

beforeEach(async () => {
  bot = createTestBot({ now: NOW });
  updates = [];
  const port: ChatPort = {
    platform: 'test',
    post: async () => REF,
    update: async (ref, reply) => {
      updates.push({ ref, reply });
    },
  };
  bot.services.chats.set('test', port);
  await bot.run('/debate new slug:labs title:"Who ships first?"');
  await bot.run('/claim add Goals drift randomly with every serial step');
});
afterEach(async () => await bot.close());

async function post(line: string, actor: Actor = ALICE): Promise<Reply> {
  const reply = await bot.run(line, { actor });
  await reply.onSent?.(REF);
  return reply;
}

const NEW = '/poll new kind:choice options:"OpenAI | Google DeepMind | Anthropic" Which lab ships a 10x model first?';
const rows = async (table: string) => await countRows(bot.services.store, table);

describe('a multiple-choice poll', () => {
  it('opens with lettered options, takes typed shares, normalises them and says so, and shows the mean per option', async () => {
    const poll = await post(`${NEW} closes:"in 3 days"`);
    expect(isError(poll)).toBe(false);
    expect(poll.title).toBe('Question · P1');
    const text = replyText(poll);
    expect(text).toContain('Which lab ships a 10x model first? (P1, on C2)');
    expect(text).toMatch(/A {2}OpenAI/);
    expect(text).toMatch(/C {2}Anthropic/);
    expect(text).toContain('/poll vote P1 A:50 B:30 C:20');
    expect(text).toContain('Opened P1.');

    const bob = await bot.run('/poll vote P1 A:50 B:30 C:20', { actor: BOB });
    expect(bob.ephemeral).toBe(true);
    expect(replyText(bob)).toContain('You, on P1: A 50% · B 30% · C 20%.');
    expect(replyText(bob)).not.toContain('scaled');

    const cy = await bot.run('/poll vote P1 a=1, c=3', { actor: CY });
    expect(replyText(cy)).toContain('You, on P1: A 25% · B 0% · C 75%.');
    expect(replyText(cy)).toContain('Your shares summed to 4%, so I scaled them to 100%.');

    // The message is edited in place with the mean per option.
    const shown = replyText(updates.at(-1)!.reply);
    expect(shown).toMatch(/A {2}OpenAI\s+38% │/);
    expect(shown).toMatch(/B {2}Google DeepMind\s+15% │/);
    expect(shown).toMatch(/C {2}Anthropic\s+48% │/);
    expect(shown).toContain('Team forecast from 2 people');
    expect(await rows('poll_votes')).toBe(2);

    // A binary credence on the question is refused: it is answered per option.
    const binary = await bot.run('/credence C2 70', { actor: BOB });
    expect(isError(binary)).toBe(true);
    expect(replyText(binary)).toContain('C2 is the question of multiple-choice poll P1');
  });

  it('takes a vote through the form, prefilled with the latest one, and the latest vote counts', async () => {
    await post(NEW);
    await bot.run('/poll vote P1 B', { actor: BOB });
    const form = await bot.interact('poll:choose:1', {}, { actor: BOB });
    expect(form.modal).toMatchObject({ id: 'poll:choose-submit:1' });
    expect(form.modal!.inputs[0]!.value).toBe('B:100');
    const voted = await bot.interact('poll:choose-submit:1', { fields: { shares: '20 30 50' } }, { actor: BOB });
    expect(replyText(voted)).toContain('A 20% · B 30% · C 50%');
    const same = await bot.run('/poll vote P1 20 30 50', { actor: BOB });
    expect(replyText(same)).toContain('nothing changed');
    expect(await rows('poll_votes')).toBe(2);
    expect(replyText(updates.at(-1)!.reply)).toContain('from 1 person');
  });

  it('refuses bad options and bad shares with a message naming what was wrong and an example; nothing is stored', async () => {
    const before = { claims: await rows('claims'), polls: await rows('polls') };
    const one = await bot.run('/poll new kind:choice options:"OpenAI" Who ships?');
    expect(isError(one)).toBe(true);
    expect(replyText(one)).toContain('"OpenAI" is only one option; a choice poll needs 2 to 25');
    expect(replyText(one)).toContain('options:"OpenAI | Google DeepMind | Anthropic"');

    const many = Array.from({ length: 26 }, (_, i) => `Lab ${i + 1}`).join(' | ');
    const tooMany = await bot.run(`/poll new kind:choice options:"${many}" Who ships?`);
    expect(replyText(tooMany)).toContain('26 options is too many (the last is "Lab 26"); a choice poll takes at most 25');

    const empty = await bot.run('/poll new kind:choice options:"A | | C" Who ships?');
    expect(replyText(empty)).toContain('option 2 is empty');
    const twice = await bot.run('/poll new kind:choice options:"A | B | a" Who ships?');
    expect(replyText(twice)).toContain('"a" is given twice (A and C)');
    const noQuestion = await bot.run('/poll new kind:choice options:"A | B"');
    expect(replyText(noQuestion)).toContain('A choice poll needs a question');
    expect({ claims: await rows('claims'), polls: await rows('polls') }).toEqual(before);

    await post(NEW);
    const zero = await bot.run('/poll vote P1 A:0 B:0', { actor: BOB });
    expect(isError(zero)).toBe(true);
    expect(replyText(zero)).toContain('Your shares sum to 0%: give at least one option a share, e.g. A:50 B:30 C:20');
    const unknown = await bot.run('/poll vote P1 A:50 D:50', { actor: BOB });
    expect(replyText(unknown)).toContain('"D" is not an option here: the options are A–C');
    const notANumber = await bot.run('/poll vote P1 A:lots', { actor: BOB });
    expect(replyText(notANumber)).toContain('"lots" for option A is not a share');
    const count = await bot.run('/poll vote P1 50 50', { actor: BOB });
    expect(replyText(count)).toContain('2 shares for 3 options');
    const nopoll = await bot.run('/poll vote P9 A', { actor: BOB });
    expect(replyText(nopoll)).toContain('There is no poll P9 here');
    expect(await rows('poll_votes')).toBe(0);
  });

  it('resolves to one option: closes it, scores everyone (Brier and log), and only its opener or a moderator may', async () => {
    await post(NEW);
    await bot.run('/poll vote P1 A:70 B:20 C:10', { actor: BOB });
    await bot.run('/poll vote P1 A:10 B:10 C:80', { actor: CY });
    const refused = await bot.run('/poll resolve P1 C', { actor: BOB });
    expect(isError(refused)).toBe(true);
    expect(replyText(refused)).toContain('Only alice, who opened P1, or a moderator can resolve it.');
    const badLetter = await bot.run('/poll resolve P1 F', { actor: ALICE });
    expect(replyText(badLetter)).toContain('"F" is not an option of P1: give the right option\'s letter, A–C');

    const done = await bot.run('/poll resolve P1 C', { actor: MOD });
    expect(isError(done)).toBe(false);
    // Team: mean A 40%, B 15%, C 45% → Brier 0.16 + 0.0225 + 0.3025 = 0.485; log ln 0.45 = −0.80.
    expect(replyText(done)).toContain('Resolved P1 to C: Anthropic. Team Brier 0.485, log score -0.80 over 2 votes.');
    const message = updates.at(-1)!.reply;
    expect(message.title).toBe('Question resolved · P1');
    expect(message.components).toEqual([]);
    const text = replyText(message);
    expect(text).toMatch(/C {2}Anthropic\s+45% │█+ ✓/);
    // cy: 0.01 + 0.01 + 0.04 = 0.06, ln 0.8 = −0.22; bob: 0.49 + 0.04 + 0.81 = 1.34, ln 0.1 = −2.30.
    expect(text).toContain('cy: 80% on C · Brier 0.060 · log -0.22');
    expect(text).toContain('bob: 10% on C · Brier 1.340 · log -2.30');
    expect(text.indexOf('cy: 80%')).toBeLessThan(text.indexOf('bob: 10%'));

    const late = await bot.run('/poll vote P1 A', { actor: CY });
    expect(replyText(late)).toContain('P1 closed; votes are no longer taken.');
    const again = await bot.run('/poll resolve P1 A', { actor: ALICE });
    expect(replyText(again)).toContain('P1 is resolved already (C: Anthropic)');
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({ action: 'poll.resolve', entity: 'P1', actorId: 'mo' });
  });

  it('keeps the hidden-poll rule: until-close shows only the count, until-voted shows the result to a voter privately', async () => {
    await post(`${NEW} hide:until-close`);
    const vote = await bot.run('/poll vote P1 A:60 B:40', { actor: BOB });
    expect(replyText(vote)).toContain('The result shows when the poll closes');
    const public1 = replyText(updates.at(-1)!.reply);
    expect(public1).toContain('Votes: 1');
    expect(public1).not.toMatch(/\d+% │/);

    await bot.run('/claim add A second question holder', { actor: ALICE });
    await post('/poll new kind:choice options:"Yes soon | Later" hide:until-voted When?');
    const voter = await bot.run('/poll vote P2 A:30 B:70', { actor: CY });
    expect(replyText(voter)).toContain('So far, from 1 person:');
    expect(replyText(voter)).toMatch(/B {2}Later\s+70% │/);
    const shown = await bot.run('/poll show P2', { actor: BOB });
    expect(replyText(shown)).not.toMatch(/\d+% │/);
    expect(replyText(shown)).toContain('The result is hidden until you vote');
  });
});

describe('/poll vote on a yes/no poll', () => {
  it('records a typed credence, edits the message in place, and names the command on the message', async () => {
    const poll = await post('/poll C1');
    expect(replyText(poll)).toContain('or type /poll vote P1 70;');
    const bob = await bot.run('/poll vote P1 70', { actor: BOB });
    expect(bob.ephemeral).toBe(true);
    expect(replyText(bob)).toContain('You: 70% on C1.');
    expect(replyText(updates.at(-1)!.reply)).toMatch(/Team forecast: 70%/);
    const byClaim = await bot.run('/poll vote C1 3:1', { actor: CY });
    expect(replyText(byClaim)).toContain('You: 75% on C1.');
    const bad = await bot.run('/poll vote P1 A:50 B:50', { actor: CY });
    expect(isError(bad)).toBe(true);
    expect(replyText(bad)).toContain('is not a credence');
    await bot.run('/poll close C1', { actor: ALICE });
    const late = await bot.run('/poll vote P1 50', { actor: CY });
    expect(replyText(late)).toContain('votes are no longer taken');
  });
});

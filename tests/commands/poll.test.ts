import { countRows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor, ChatPort } from '../../src/core/context.ts';
import type { MessageRef, Reply } from '../../src/core/reply.ts';
import { closeDuePolls, startPollCloser } from '../../src/jobs/poll-closer.ts';
import { ALICE, BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

const CY: Actor = { id: 'cy', name: 'cy' };
const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };
const NOW = new Date('2026-11-23T12:00:00Z');

let bot: TestBot;
let updates: { ref: MessageRef; reply: Reply }[];
const REF: MessageRef = { platform: 'test', channel: 'general', id: 'm1' };

beforeEach(async () => {
  bot = createTestBot({ now: NOW });
  updates = [];
  // The platform's side: it can edit a message it posted earlier.
  const port: ChatPort = {
    platform: 'test',
    post: async () => REF,
    update: async (ref, reply) => {
      updates.push({ ref, reply });
    },
  };
  bot.services.chats.set('test', port);
  await bot.run('/debate new slug:goal-drift title:"Does misalignment grow with serial steps?"');
  await bot.run('/claim add Goals drift randomly with every serial step');
});
afterEach(async () => await bot.close());

/** Posts a poll the way a platform does: run the command, then report where the message went. */
async function post(line: string, actor: Actor = ALICE): Promise<Reply> {
  const reply = await bot.run(line, { actor });
  await reply.onSent?.(REF);
  return reply;
}

const buttons = (reply: Reply) => (reply.components ?? []).flat().map((c) => (c.type === 'button' ? c.label : ''));
const votes = async () => await countRows(bot.services.store, 'credences');
const field = (reply: Reply, name: string) => replyText(reply).match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];

describe('the poll lifecycle', () => {
  it('posts → votes update the message in place → a /credence updates it too → close shows the result and who moved', async () => {
    await bot.run('/credence C1 30', { actor: BOB }); // before the poll: bob's baseline
    const poll = await post('/poll C1 closes:"in 3 days"');
    expect(poll.title).toBe('Poll · C1');
    expect(poll.ephemeral).toBeFalsy();
    expect(buttons(poll)).toEqual(['5%', '25%', '50%', '75%', '95%', 'Exact…', 'Close poll']);
    expect(replyText(poll)).toContain('How likely is C1? Goals drift randomly with every serial step');
    expect(replyText(poll)).toContain('Closes 2026-11-26 12:00 UTC (in 3 days) · opened by alice');
    expect((await bot.services.store.polls.openForClaim('local', 1))?.message).toEqual(REF);

    const byBob = await bot.interact('poll:vote:1:75', {}, { actor: BOB });
    expect(byBob.update).toBe(true);
    expect(field(byBob, 'Team forecast')).toBe('75%');
    expect(field(byBob, 'People')).toBe('1');
    expect(byBob.followUps?.[0]).toMatchObject({ ephemeral: true });
    expect(replyText(byBob.followUps![0]!)).toContain('You: 75% on C1 (was 30%).');

    const byCy = await bot.interact('poll:vote:1:25', {}, { actor: CY });
    expect(field(byCy, 'Team forecast')).toBe('50%');
    expect(field(byCy, 'People')).toBe('2');

    // A credence recorded with the command moves the poll message too, through the platform.
    await bot.run('/credence C1 95', { actor: ALICE });
    expect(updates).toHaveLength(1);
    expect(updates[0]!.ref).toEqual(REF);
    expect(field(updates[0]!.reply, 'People')).toBe('3');

    const closed = await bot.interact('poll:close:1', {}, { actor: ALICE });
    expect(closed.update).toBe(true);
    expect(closed.title).toBe('Poll closed · C1');
    expect(closed.components).toEqual([]);
    expect(replyText(closed)).toContain('Who moved most: bob 30% → 75% (+45 pts)');
    expect(replyText(closed)).toContain('Closed 2026-11-23 12:00 UTC by alice.');
    expect(replyText(closed.followUps![0]!)).toMatch(/Closed the poll on C1: \d+% from 3 people/);
  });

  it('keeps the history of a changed vote, and the latest counts', async () => {
    await post('/poll C1');
    await bot.interact('poll:vote:1:25', {}, { actor: BOB });
    const changed = await bot.interact('poll:vote:1:95', {}, { actor: BOB });
    expect(field(changed, 'Team forecast')).toBe('95%');
    expect(replyText(changed.followUps![0]!)).toContain('You: 95% on C1 (was 25%).');
    expect(await votes()).toBe(2);
    const same = await bot.interact('poll:vote:1:95', {}, { actor: BOB });
    expect(replyText(same.followUps![0]!)).toContain('You already said 95% on C1; nothing changed.');
    expect(await votes()).toBe(2);
  });

  it('takes any value through the Exact… form, and refuses a bad one', async () => {
    await post('/poll C1');
    const form = await bot.interact('poll:exact:1', {}, { actor: BOB });
    expect(form.modal).toMatchObject({ id: 'poll:exact-submit:1', title: 'Your credence in C1' });
    const voted = await bot.interact(form.modal!.id, { fields: { value: '3:1' } }, { actor: BOB });
    expect(voted.update).toBe(true);
    expect(field(voted, 'Team forecast')).toBe('75%');
    const bad = await bot.interact(form.modal!.id, { fields: { value: '120%' } }, { actor: BOB });
    expect(isError(bad)).toBe(true);
    expect(replyText(bad)).toContain('120% is above 100%');
    expect(await votes()).toBe(1);
  });

  it('closes at its time: the closer edits the message with the final result', async () => {
    await post('/poll C1 closes:2h');
    await bot.interact('poll:vote:1:75', {}, { actor: BOB });
    expect(await closeDuePolls(bot.services, new Date('2026-11-23T13:59:00Z'))).toEqual([]);
    const closed = await closeDuePolls(bot.services, new Date('2026-11-23T14:00:00Z'));
    expect(closed.map((p) => p.claimNumber)).toEqual([1]);
    expect(updates.at(-1)!.reply.title).toBe('Poll closed · C1');
    expect(replyText(updates.at(-1)!.reply)).toContain('Team forecast: 75%');
    expect(replyText(updates.at(-1)!.reply)).toContain('at its closing time');
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({ action: 'poll.close', actorId: 'cruxbot' });
    expect(await closeDuePolls(bot.services, new Date('2026-11-25T00:00:00Z'))).toEqual([]);
  });

  it('the closer started from main checks at once and then on its interval, and stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    try {
      let now = new Date('2026-11-23T12:00:00Z');
      const services = { ...bot.services, clock: () => now };
      await post('/poll C1 closes:2h');
      const closer = startPollCloser(services, 60_000);
      await vi.advanceTimersByTimeAsync(1);
      expect(await bot.services.store.polls.openForClaim('local', 1)).toBeDefined();
      now = new Date('2026-11-23T14:00:00Z');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(await bot.services.store.polls.openForClaim('local', 1)).toBeUndefined();
      expect(updates.at(-1)!.reply.title).toBe('Poll closed · C1');
      closer.stop();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('/poll close by its creator or a moderator; others are refused', async () => {
    await post('/poll C1');
    expect(replyText(await bot.run('/poll close C1', { actor: BOB }))).toMatch(/Only alice, who opened this poll, or a moderator/);
    expect(replyText(await bot.interact('poll:close:1', {}, { actor: BOB }))).toMatch(/Only alice/);
    const closed = await bot.run('/poll close C1', { actor: MOD });
    expect(replyText(closed)).toContain('Closed the poll on C1 with no votes. The poll message shows the result.');
    expect(updates.at(-1)!.reply.title).toBe('Poll closed · C1');
  });

  it('lists the open polls', async () => {
    await post('/poll C1 closes:"in 3 days" hide:until-close');
    expect(replyText(await bot.run('/poll list'))).toMatch(/C1 \| 0 \| in 3 days \| until-close \| alice/);
  });
});

describe('hidden modes', () => {
  it('until-voted: the public message shows only the count; a voter sees the result privately', async () => {
    const poll = await post('/poll C1 hide:until-voted');
    expect(replyText(poll)).toContain('The result is hidden until you vote');
    const byBob = await bot.interact('poll:vote:1:75', {}, { actor: BOB });
    expect(field(byBob, 'Votes')).toBe('1');
    expect(field(byBob, 'Team forecast')).toBeUndefined();
    expect(replyText(byBob.followUps![0]!)).toContain('So far: 75% team forecast');
    // The card is public: the count only. /credence show is private for a voter, hidden for the rest.
    expect(replyText(await bot.run('/claim show C1'))).toContain(
      'Team credence: 1 person · shown only to people who have voted, privately',
    );
    const forBob = await bot.run('/credence show C1', { actor: BOB });
    expect(forBob.ephemeral).toBe(true);
    expect(replyText(forBob)).toContain('Team forecast: 75%');
    expect(replyText(await bot.run('/credence show C1', { actor: CY }))).toContain(
      '1 person so far; the result is shown only to people who have voted',
    );
    const byCy = await bot.run('/credence C1 25', { actor: CY });
    expect(replyText(byCy)).toContain('Team: 50% team forecast');
  });

  it('until-close: nobody sees the result, voters included, until it closes', async () => {
    await post('/poll C1 hide:until-close');
    const byBob = await bot.interact('poll:vote:1:75', {}, { actor: BOB });
    expect(field(byBob, 'Votes')).toBe('1');
    expect(field(byBob, 'Team forecast')).toBeUndefined();
    expect(replyText(byBob.followUps![0]!)).toContain('The result shows when the poll closes.');
    expect(replyText(await bot.run('/credence C1 25', { actor: CY }))).toContain('is hidden until the poll closes');
    const closed = await bot.run('/poll close C1');
    expect(replyText(closed)).toContain('Closed the poll on C1: 50% from 2 people');
    expect(field(updates.at(-1)!.reply, 'Team forecast')).toBe('50%');
  });
});

describe('bad input', () => {
  it('refuses bad closing times, a second open poll, a retracted claim and bad options; nothing stored', async () => {
    await bot.run('/claim add Retracted soon');
    await bot.run('/claim retract C2');
    const cases: [string, RegExp][] = [
      ['/poll C1 closes:2020-01-01', /closes: 2020-01-01 is in the past/],
      ['/poll C1 closes:whenever', /closes: "whenever" is not a time I understand/],
      ['/poll C1 hide:sometimes', /hide: must be one of visible, until-voted, until-close/],
      ['/poll C2', /C2 is retracted, so it takes no credences/],
      ['/poll C9', /no claim C9 here/],
      ['/poll close C1', /C1 has no open poll/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line);
      expect(isError(reply), line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await countRows(bot.services.store, 'polls')).toBe(0);
    await post('/poll C1');
    expect(replyText(await bot.run('/poll C1'))).toMatch(/C1 already has an open poll/);
  });

  it('refuses votes on a closed poll, and buttons that are out of date or from another workspace', async () => {
    await post('/poll C1');
    await bot.run('/poll close C1');
    expect(replyText(await bot.interact('poll:vote:1:75', {}, { actor: BOB }))).toMatch(
      /This poll on C1 closed on 2026-11-23 12:00 UTC; votes are no longer taken/,
    );
    expect(replyText(await bot.interact('poll:exact:1', {}, { actor: BOB }))).toMatch(/closed/);
    expect(replyText(await bot.interact('poll:vote:1:33', {}, { actor: BOB }))).toMatch(/out of date/);
    expect(replyText(await bot.interact('poll:vote:99:75', {}, { actor: BOB }))).toMatch(/That poll is not here any more/);
    await post('/poll C1');
    expect(replyText(await bot.interact('poll:vote:2:75', {}, { workspace: 'discord:42' }))).toMatch(/That poll is not here any more/);
    expect(replyText(await bot.run('/poll close C1', { workspace: 'discord:42' }))).toMatch(/no claim C1 here/);
    expect(await votes()).toBe(0);
  });
});

describe('resolving a claim', () => {
  it('closes its poll and updates the message; credences are then refused', async () => {
    await post('/poll C1');
    await bot.interact('poll:vote:1:75', {}, { actor: BOB });
    const resolved = await bot.run('/claim resolve C1 true');
    expect(resolved.title).toBe('C1 · resolved: true');
    expect(replyText(resolved)).toContain('Resolved C1: true. 1 credence scored (/scores); its poll is closed.');
    expect(updates.at(-1)!.reply.title).toBe('Poll closed · C1');
    expect(replyText(await bot.interact('poll:vote:1:5', {}, { actor: BOB }))).toMatch(/closed/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import type { Store } from '../../src/storage/ports.ts';
import { ALICE, BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

/**
 * Each moderator power, tried by the person it belongs to (alice wrote the claims, opened the poll and
 * started the debate), by someone else (bob: refused, nothing changes), and by a moderator (allowed).
 */
const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };

interface Power {
  readonly name: string;
  readonly line: string;
  /** What the store says, read the same way before and after: it changes only when the power is used. */
  readonly state: (store: Store) => unknown;
  readonly refusal: RegExp;
}

const claim = async (store: Store, n: number) => await store.claims.byNumber('local', n);

const POWERS: readonly Power[] = [
  {
    name: 'edit a claim',
    line: '/claim edit C1 text:"Agents will learn to seek the reward number"',
    state: async (s) => (await claim(s, 1))?.text,
    refusal: /Only alice, who wrote C1, or a moderator can edit it/,
  },
  {
    name: 'retract a claim',
    line: '/claim retract C1 reason:"said better in C2"',
    state: async (s) => (await claim(s, 1))?.status,
    refusal: /Only alice, who wrote C1, or a moderator can retract it/,
  },
  {
    name: 'resolve a claim',
    line: '/claim resolve C1 false',
    state: async (s) => (await claim(s, 1))?.status,
    refusal: /Only alice, who wrote C1, or a moderator can resolve it/,
  },
  {
    name: 'merge a claim into another',
    line: '/claim merge C2 into:C1',
    state: async (s) => [(await claim(s, 2))?.status, (await s.links.incoming('local', (await claim(s, 1))!.id)).length],
    refusal: /Only a moderator, or whoever wrote both claims, can merge C2 \(by alice\) into C1 \(by alice\)/,
  },
  {
    name: 'close a poll early',
    line: '/poll close C1',
    state: async (s) => (await s.polls.openForClaim('local', (await claim(s, 1))!.id))?.id,
    refusal: /Only alice, who opened this poll, or a moderator can close it early/,
  },
  {
    name: 'delete a debate',
    line: '/debate delete rewards confirm:rewards',
    state: async (s) => (await s.debates.bySlug('local', 'rewards'))?.id,
    refusal: /Only alice, who started rewards, or a moderator \(the operator .*\) can delete it/,
  },
];

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:rewards title:"Is reward the optimization target?"');
  await bot.run('/claim add Agents will learn to seek reward');
  await bot.run('/claim add Capable agents learn to want the reward number');
  await bot.run('/poll C1');
});
afterEach(async () => await bot.close());

const tryAs = async (power: Power, actor: Actor) => {
  const before = await power.state(bot.services.store);
  const reply = await bot.run(power.line, { actor });
  return { reply, before, after: await power.state(bot.services.store) };
};

describe.each(POWERS)('the power to $name', (power) => {
  it('is the owner’s: alice uses it on her own', async () => {
    const { reply, before, after } = await tryAs(power, ALICE);
    expect(isError(reply), replyText(reply)).toBe(false);
    expect(after).not.toEqual(before);
  });

  it('is refused to someone else (bob), saying who may, and nothing changes', async () => {
    const { reply, before, after } = await tryAs(power, BOB);
    expect(isError(reply)).toBe(true);
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toMatch(power.refusal);
    expect(after).toEqual(before);
  });

  it('is a moderator’s on anyone’s', async () => {
    const { reply, before, after } = await tryAs(power, MOD);
    expect(isError(reply), replyText(reply)).toBe(false);
    expect(after).not.toEqual(before);
  });
});

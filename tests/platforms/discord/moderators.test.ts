import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyText, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { MODERATORS_ROLE } from './fake-discord.ts';
import { BOB, button, MEMBER_PERMISSIONS, slashCommand, type Member, type OptionValue } from './payloads.ts';

/**
 * Moderators as Discord says who they are, read from the interaction itself: a member with Manage
 * Messages (or Administrator) in `member.permissions`, or one holding the role /config chose in
 * `member.roles`. Bob owns everything here; each member tries every moderator power on it.
 */
const withBits = (...bits: bigint[]) => String(bits.reduce((all, bit) => all | (1n << bit), BigInt(MEMBER_PERMISSIONS)));
const CAROL: Member = { id: '1800000000000000003', username: 'carol', globalName: 'Carol', nick: null, permissions: withBits(13n) };
const DAN: Member = { id: '1800000000000000004', username: 'dan', globalName: 'Dan', nick: null, roles: [MODERATORS_ROLE.id] };
const ERIN: Member = { id: '1800000000000000005', username: 'erin', globalName: 'Erin', nick: null };
const ADA: Member = { id: '1800000000000000006', username: 'ada', globalName: 'Ada', nick: null, permissions: withBits(3n) };

let bot: TestDiscordBot;
const store = () => bot.services.store;
const claim = async (n: number) => (await store().claims.byNumber(WORKSPACE, n))!;

async function as(member: Member, name: string, sub: string | undefined, values: Record<string, OptionValue>) {
  const callback = await bot.send(slashCommand(name, sub, values, { as: member }));
  return callback.body.data;
}

beforeEach(async () => {
  bot = await startTestDiscord();
  await as(BOB, 'debate', 'new', { slug: 'scratch', title: 'A debate to delete' });
  await as(BOB, 'debate', 'new', { slug: 'rewards', title: 'Is reward the optimization target?' });
  for (const text of [
    'Agents seek reward',
    'Scorers are broken',
    'Deals reduce faking',
    'Drift is random',
    'Goals drift randomly',
    'Polls help',
  ]) {
    await as(BOB, 'claim', 'add', { text });
  }
  await as(BOB, 'poll', 'open', { claim: 'C6' });
});
afterEach(() => bot.close());

/** Every moderator power, each on its own piece of bob's, and how to tell it was used. */
const POWERS = [
  {
    name: 'edit',
    command: ['claim', 'edit', { claim: 'C1', text: 'Agents seek the reward number' }],
    used: async () => (await claim(1)).text !== 'Agents seek reward',
  },
  { name: 'retract', command: ['claim', 'retract', { claim: 'C2' }], used: async () => (await claim(2)).status === 'retracted' },
  {
    name: 'resolve',
    command: ['claim', 'resolve', { claim: 'C3', outcome: 'true' }],
    used: async () => (await claim(3)).status === 'resolved-true',
  },
  { name: 'merge', command: ['claim', 'merge', { claim: 'C5', into: 'C4' }], used: async () => (await claim(5)).status === 'retracted' },
  {
    name: 'close a poll',
    command: ['poll', 'close', { claim: 'C6' }],
    used: async () => !(await store().polls.openForClaim(WORKSPACE, (await claim(6)).id)),
  },
  {
    name: 'delete a debate',
    command: ['debate', 'delete', { debate: 'scratch', confirm: 'scratch' }],
    used: async () => !(await store().debates.bySlug(WORKSPACE, 'scratch')),
  },
] as const;

/** Tries every power as `member`; returns which were used, and the replies. */
async function tryEveryPower(member: Member) {
  const replies: any[] = [];
  for (const power of POWERS) {
    const [name, sub, values] = power.command;
    replies.push(await as(member, name, sub, values));
  }
  return { used: (await Promise.all(POWERS.map(async (p) => ((await p.used()) ? [p.name] : [])))).flat(), replies };
}

const ALL = POWERS.map((p) => p.name);

describe('moderator powers on Discord', () => {
  it('a member with Manage Messages may use every one on bob’s claims, poll and debate', async () => {
    const { used, replies } = await tryEveryPower(CAROL);
    expect(used).toEqual(ALL);
    expect(replies.map((r) => r.flags ?? 0)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a member holding the role /config chose may too', async () => {
    await as(CAROL, 'config', 'set', { moderators: `<@&${MODERATORS_ROLE.id}>` });
    const { used } = await tryEveryPower(DAN);
    expect(used).toEqual(ALL);
  });

  it('the same member, before any role is chosen, may use none', async () => {
    const { used } = await tryEveryPower(DAN);
    expect(used).toEqual([]);
  });

  it('a member with neither may use none: each is refused privately, saying who may', async () => {
    await as(CAROL, 'config', 'set', { moderators: `<@&${MODERATORS_ROLE.id}>` });
    const { used, replies } = await tryEveryPower(ERIN);
    expect(used).toEqual([]);
    expect(replies.map((r) => r.flags)).toEqual([64, 64, 64, 64, 64, 64]);
    expect(bodyText(replies[0])).toContain('Only bob, who wrote C1, or a moderator can edit it.');
    expect(bodyText(replies[5])).toMatch(/Only bob, who started `scratch`, or a moderator \(members with the \*\*Manage Messages\*\*/);
  });
});

describe('a moderator power from a button on Discord', () => {
  it('the poll’s Close poll button: refused to a member with neither, used by a Manage Messages member', async () => {
    const refused = await bot.send(button('poll:close:1', { as: ERIN }));
    expect(refused.body.data.flags).toBe(64);
    expect(bodyText(refused.body.data)).toContain('Only bob, who opened this poll, or a moderator can close it early.');
    expect(await store().polls.openForClaim(WORKSPACE, (await claim(6)).id)).toBeDefined();
    const closed = await bot.send(button('poll:close:1', { as: CAROL }));
    expect(closed.body.data.flags ?? 0).toBe(0);
    expect(await store().polls.openForClaim(WORKSPACE, (await claim(6)).id)).toBeUndefined();
  });
});

describe('/config on Discord', () => {
  it('a Manage Messages member chooses a role by mention; it is checked against the server’s roles and shown by name', async () => {
    const reply = await as(CAROL, 'config', 'set', { moderators: `<@&${MODERATORS_ROLE.id}>` });
    expect(reply.flags).toBe(64);
    expect(bodyText(reply)).toContain('members with the role **@Moderators**');
    expect(await store().settings.moderators(WORKSPACE)).toEqual({ kind: 'discord-role', id: MODERATORS_ROLE.id, name: 'Moderators' });
    expect(bodyText(await as(DAN, 'config', 'show', {}))).toMatch(/^You\na moderator$/m);
  });

  it('an Administrator may change it; a member with neither is told who may; an unknown role or @everyone is refused', async () => {
    const refused = await as(ERIN, 'config', 'set', { moderators: MODERATORS_ROLE.id });
    expect(bodyText(refused)).toContain(
      'Only moderators can change cruxbot’s settings here: members with the **Manage Messages** or **Administrator** permission.',
    );
    expect(await store().settings.moderators(WORKSPACE)).toBeUndefined();

    const unknown = await as(ADA, 'config', 'set', { moderators: '<@&1250000000000000999>' });
    expect(bodyText(unknown)).toContain('There is no role with id `1250000000000000999` here.');
    const everyone = await as(ADA, 'config', 'set', { moderators: `<@&${WORKSPACE.slice('discord:'.length)}>` });
    expect(bodyText(everyone)).toContain('That is @everyone');
    expect(await store().settings.moderators(WORKSPACE)).toBeUndefined();

    await as(ADA, 'config', 'set', { moderators: MODERATORS_ROLE.id });
    expect(await store().settings.moderators(WORKSPACE)).toMatchObject({ id: MODERATORS_ROLE.id });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceDigest, inspect } from '../../support/db-state.ts';
import { bodyText, componentsOf, startTestDiscord, WORKSPACE, type TestDiscordBot } from './discord-bot.ts';
import { BOB, botMessage, button, modalSubmit, slashCommand, type Sent } from './payloads.ts';

/**
 * A member of another server sends what only this server's messages carry: its poll and claim-card
 * buttons, and its poll form. Through the real discord.js client, each finds nothing there, says so
 * privately, and nothing of this server's changes.
 */
let bot: TestDiscordBot;
beforeEach(async () => {
  bot = await startTestDiscord();
});
afterEach(() => bot.close());

const OTHER_GUILD = '1200000000000000999';

/** The same interaction, as Discord would deliver it from a channel of another server. */
function fromOtherGuild(sent: Sent): Sent {
  const p = sent.payload as Record<string, any>;
  return {
    ...sent,
    payload: {
      ...p,
      guild_id: OTHER_GUILD,
      channel: { ...p.channel, guild_id: OTHER_GUILD },
      guild: { ...p.guild, id: OTHER_GUILD },
      authorizing_integration_owners: { '0': OTHER_GUILD },
      ...(p.data?.guild_id ? { data: { ...p.data, guild_id: OTHER_GUILD } } : {}),
    },
  };
}

/** This server's poll on C1, with Alice's 75% vote. */
async function pollHere(): Promise<void> {
  await bot.send(slashCommand('debate', 'new', { slug: 'drift', title: 'Does drift grow with serial steps?' }));
  await bot.send(slashCommand('claim', 'add', { text: 'Misalignment grows with every serial step' }));
  const poll = await bot.send(slashCommand('poll', 'open', { claim: 'C1' }));
  expect(componentsOf(poll.body.data).map((c) => c.custom_id)).toContain('poll:vote:1:75');
  expect((await bot.send(button('poll:vote:1:75'))).body.type).toBe(7);
}

const votesHere = async () => {
  const claim = (await bot.services.store.claims.byNumber(WORKSPACE, 1))!;
  return (await bot.services.store.credences.latestUnconditional(WORKSPACE, claim.id)).map((c) => c.value);
};

describe('this server’s buttons and forms, sent from another server', () => {
  it('a poll vote, a close and a claim-card button find nothing, privately, and change nothing here', async () => {
    await pollHere();
    const before = workspaceDigest(inspect(bot.services.store), WORKSPACE);
    for (const [id, reply] of [
      ['poll:vote:1:25', /That poll is not here any more/],
      ['poll:close:1', /That poll is not here any more/],
      ['claim:support:1', /There is no claim C1 here/],
    ] as const) {
      const callback = await bot.send(fromOtherGuild(button(id, { as: BOB }, botMessage())));
      expect(callback.body.type, id).toBe(4);
      expect(callback.body.data.flags & 64, id).toBe(64);
      expect(bodyText(callback.body.data), id).toMatch(reply);
    }
    expect(await votesHere()).toEqual([0.75]);
    expect(workspaceDigest(inspect(bot.services.store), WORKSPACE)).toBe(before);
  });

  it('the poll’s form submitted from another server records nothing', async () => {
    await pollHere();
    const before = workspaceDigest(inspect(bot.services.store), WORKSPACE);
    const callback = await bot.send(
      fromOtherGuild(modalSubmit('poll:exact-submit:1', { value: '5%' }, 'label', { as: BOB }, botMessage())),
    );
    expect(callback.body.type).toBe(4);
    expect(bodyText(callback.body.data)).toMatch(/That poll is not here any more/);
    expect(await votesHere()).toEqual([0.75]);
    expect(workspaceDigest(inspect(bot.services.store), WORKSPACE)).toBe(before);
  });

  it('a slash command from another server naming this server’s claim finds nothing', async () => {
    await pollHere();
    const callback = await bot.send(fromOtherGuild(slashCommand('poll', 'close', { claim: 'C1' }, { as: BOB })));
    expect(bodyText(callback.body.data)).toMatch(/There is no claim C1 here/);
    expect(await bot.services.store.polls.open(WORKSPACE)).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceDigest, inspect } from '../../support/db-state.ts';
import { blockActionsPayload, interactiveForm, slashCommandForm, viewSubmissionPayload } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

/**
 * Team T222 sends what only team T111's messages carry: T111's poll and claim-card buttons, and T111's
 * poll form. Through the real Bolt app, each finds nothing in T222, says so privately, and nothing of
 * T111's changes: no vote, no claim, no edited message.
 */
let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => {
  await bed.close();
});

const OTHER_TEAM = { id: 'T222', domain: 'other-team' };
const MALLORY = { id: 'W999', username: 'mallory', name: 'mallory', team_id: 'T222' };

async function slash(command: string, text: string) {
  const { status } = await bed.post({ body: slashCommandForm({ command, text, responseUrl: bed.fake.responseUrl('slash') }) });
  expect(status).toBe(200);
}

/** T111's poll on C1, posted in #research, with Ana's 75% vote on it; returns the poll message's ts. */
async function pollInT111(): Promise<string> {
  await slash('/debate', 'new slug:drift title:"Does drift grow with serial steps?"');
  await slash('/claim', 'add Misalignment grows with every serial step');
  await slash('/poll', 'C1');
  const posted = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Poll · C1'));
  const ts = String(posted.response?.ts);
  await bed.post({
    body: interactiveForm(blockActionsPayload({ actionId: 'poll:vote:1:75', messageTs: ts, responseUrl: bed.fake.responseUrl() })),
  });
  await bed.fake.waitFor('chat.update', (c) => c.body.ts === ts);
  return ts;
}

/** A click as Slack would send it from team T222, on the coordinates of T111's message. */
function clickFromT222(actionId: string, ts: string, reply: string): string {
  const payload = blockActionsPayload({ actionId, messageTs: ts, responseUrl: bed.fake.responseUrl(reply), user: MALLORY });
  return interactiveForm({ ...payload, team: OTHER_TEAM, enterprise: null });
}

const answered = (text: RegExp) => bed.fake.waitFor('response_url', (c) => text.test(JSON.stringify(c.body)));
const votesInT111 = async () => {
  const claim = (await bed.bot.services.store.claims.byNumber('slack:T111', 1))!;
  return (await bed.bot.services.store.credences.latestUnconditional('slack:T111', claim.id)).map((c) => [c.userId, c.value]);
};

describe('T111’s buttons and forms, sent from team T222', () => {
  it('a poll vote, a close and a claim-card button find nothing, and T111’s poll and message are untouched', async () => {
    const ts = await pollInT111();
    const before = {
      digest: workspaceDigest(inspect(bed.bot.services.store), 'slack:T111'),
      updates: bed.fake.callsTo('chat.update').length,
    };

    for (const [actionId, reply] of [
      ['poll:vote:1:25', /That poll is not here any more/],
      ['poll:close:1', /That poll is not here any more/],
      ['claim:support:1', /There is no claim C1 here/],
    ] as const) {
      const { status } = await bed.post({ body: clickFromT222(actionId, ts, actionId) });
      expect(status).toBe(200);
      const answer = await answered(reply);
      expect(answer.body.response_type ?? 'ephemeral', actionId).toBe('ephemeral');
      expect(answer.body.replace_original ?? false, actionId).toBe(false);
    }

    expect(await votesInT111()).toEqual([['W111', 0.75]]);
    expect(bed.fake.callsTo('chat.update')).toHaveLength(before.updates);
    expect(bed.fake.callsTo('views.open')).toHaveLength(0);
    expect(workspaceDigest(inspect(bed.bot.services.store), 'slack:T111')).toBe(before.digest);
  });

  it('T111’s poll form submitted from T222 is refused inside the form, and records nothing', async () => {
    await pollInT111();
    const before = workspaceDigest(inspect(bed.bot.services.store), 'slack:T111');
    const submission = viewSubmissionPayload({
      callbackId: 'poll:exact-submit:1',
      privateMetadata: '{}',
      values: { value: '5%' },
      user: MALLORY,
    });
    const { status, text } = await bed.post({
      body: interactiveForm({ ...submission, team: OTHER_TEAM, view: { ...(submission.view as object), team_id: 'T222' } }),
    });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ response_action: 'errors', errors: { value: 'That poll is not here any more.' } });
    expect(await votesInT111()).toEqual([['W111', 0.75]]);
    expect(workspaceDigest(inspect(bed.bot.services.store), 'slack:T111')).toBe(before);
  });

  it('a slash command from T222 naming T111’s claim finds nothing', async () => {
    await pollInT111();
    const { status } = await bed.post({
      body: slashCommandForm({
        command: '/poll',
        text: 'close C1',
        teamId: 'T222',
        user: MALLORY,
        responseUrl: bed.fake.responseUrl('t222'),
      }),
    });
    expect(status).toBe(200);
    await answered(/There is no claim C1 here/);
    expect(await bed.bot.services.store.polls.open('slack:T111')).toHaveLength(1);
  });
});

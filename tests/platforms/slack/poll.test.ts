import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageProblems, visibleStrings } from './support/block-kit.ts';
import { appHomeOpenedEvent, blockActionsPayload, BOB, interactiveForm, slashCommandForm } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

/** A poll's whole life on Slack: posted, voted on with its buttons, updated in place, closed. */
let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => {
  await bed.close();
});

async function slash(command: string, text: string, user?: typeof BOB) {
  const { status } = await bed.post({
    body: slashCommandForm({ command, text, responseUrl: bed.fake.responseUrl(`slash-${command}`), ...(user ? { user } : {}) }),
  });
  expect(status).toBe(200);
}

async function click(actionId: string, ts: string, user?: typeof BOB) {
  const { status } = await bed.post({
    body: interactiveForm(
      blockActionsPayload({ actionId, messageTs: ts, responseUrl: bed.fake.responseUrl(`click-${actionId}`), ...(user ? { user } : {}) }),
    ),
  });
  expect(status).toBe(200);
}

/** Blocks arrive from the Web API client as a JSON string (chat.*) or an array (response URLs). */
const blocksOf = (call: { body: Record<string, any> }): any[] =>
  typeof call.body.blocks === 'string' ? JSON.parse(call.body.blocks) : (call.body.blocks ?? []);
const words = (call: { body: Record<string, any> }) => visibleStrings(blocksOf(call)).join('\n');

describe('a poll on Slack', () => {
  it('is posted with vote buttons, updates in place as people vote, shows voters the result, and closes', async () => {
    await slash('/debate', 'new slug:drift title:"Does drift grow with serial steps?"');
    await slash('/claim', 'add Misalignment grows with every serial step');
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C1'));

    await slash('/poll', 'C1 closes:"in 3 days" hide:until-voted');
    const posted = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Poll · C1'));
    const blocks = blocksOf(posted);
    expect(messageProblems(blocks)).toEqual([]);
    const buttons = blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => e.action_id));
    expect(buttons).toEqual(
      expect.arrayContaining(['poll:vote:1:5', 'poll:vote:1:25', 'poll:vote:1:50', 'poll:vote:1:75', 'poll:vote:1:95', 'poll:exact:1']),
    );
    const ts = String(posted.response?.ts);

    // Ana votes 75%: the public message is updated in place (votes counted, result still hidden)…
    await click('poll:vote:1:75', ts);
    const first = await bed.fake.waitFor('chat.update', (c) => c.body.ts === ts && /Votes\*?\n1/.test(words(c)));
    expect(words(first)).toMatch(/hidden until you vote/);
    // …and she alone sees the result.
    const note = await bed.fake.waitFor('response_url', (c) => /75%/.test(JSON.stringify(c.body)));
    expect(note.body.response_type ?? 'ephemeral').toBe('ephemeral');

    // Bob votes 25%, then changes his mind to 50%: two people, and his history is kept.
    await click('poll:vote:1:25', ts, BOB);
    await click('poll:vote:1:50', ts, BOB);
    await bed.fake.waitFor('chat.update', (c) => c.body.ts === ts && /Votes\*?\n2/.test(words(c)));
    const { credences } = bed.bot.services.store;
    const claim = (await bed.bot.services.store.claims.byNumber('slack:T111', 1))!;
    expect((await credences.latestUnconditional('slack:T111', claim.id)).map((c) => [c.userName, c.value])).toEqual(
      expect.arrayContaining([
        ['ana', 0.75],
        ['bob', 0.5],
      ]),
    );

    // The App Home lists the open poll, without its hidden result.
    await bed.post({ body: JSON.stringify(appHomeOpenedEvent()), contentType: 'application/json' });
    const home = await bed.fake.waitFor('views.publish');
    const homeWords = visibleStrings(home.body.view.blocks).join('\n');
    expect(homeWords).toMatch(/\*C1\* Misalignment grows with every serial step\n2 votes · closes in 3 days/);
    expect(homeWords).not.toContain('team forecast');

    // Its creator closes it: the message shows the final result and who moved, without buttons.
    await click('poll:close:1', ts);
    const closed = await bed.fake.waitFor('chat.update', (c) => c.body.ts === ts && String(c.body.text).startsWith('Poll closed'));
    expect(words(closed)).toMatch(/Team forecast/);
    expect(blocksOf(closed).some((b: any) => b.type === 'actions')).toBe(false);
  });
});

describe('a typed vote and a choice poll on Slack', () => {
  it('takes /poll vote as text (shares per option with colons), edits the message in place, and answers privately', async () => {
    await slash('/debate', 'new slug:labs title:"Who ships first?"');
    await slash('/poll', 'new kind:choice options:"OpenAI | Google DeepMind | Anthropic" Which lab ships first?');
    const posted = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Question · P1'));
    expect(messageProblems(blocksOf(posted))).toEqual([]);
    expect(words(posted)).toContain('/poll vote P1 A:50 B:30 C:20');
    const ts = String(posted.response?.ts);

    await slash('/poll', 'vote P1 A:50 B:30 C:20', BOB);
    const edited = await bed.fake.waitFor('chat.update', (c) => c.body.ts === ts && /Team forecast from 1 person/.test(words(c)));
    expect(words(edited)).toMatch(/B {2}Google DeepMind\s+30% │/);
    const note = await bed.fake.waitFor('response_url', (c) => /You, on P1/.test(JSON.stringify(c.body)));
    expect(note.body.response_type ?? 'ephemeral').toBe('ephemeral');
  });
});

describe('a choice poll on the Slack App Home', () => {
  it('counts its votes (kept in poll_votes) and shows the leading option when the poll is visible', async () => {
    await slash('/debate', 'new slug:labs title:"Who ships first?"');
    await slash('/poll', 'new kind:choice options:"OpenAI | DeepMind | Anthropic" Which lab ships first? closes:"in 3 days"');
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Question · P1'));
    await slash('/poll', 'vote P1 A:20 B:70 C:10');
    await slash('/poll', 'vote P1 B', BOB);
    await expect.poll(async () => (await bed.bot.services.store.polls.votes('slack:T111', 1)).length, { timeout: 15_000 }).toBe(2);

    await bed.post({ body: JSON.stringify(appHomeOpenedEvent()), contentType: 'application/json' });
    const home = await bed.fake.waitFor('views.publish');
    const homeWords = visibleStrings(home.body.view.blocks).join('\n');
    expect(homeWords).toMatch(/\*C1\* Which lab ships first\?\n2 votes · leading: \*B\* DeepMind at \*85%\* · closes in 3 days/);
    expect(homeWords).not.toContain('no votes yet');
  });
});


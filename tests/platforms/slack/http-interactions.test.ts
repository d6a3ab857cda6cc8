import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { homeProblems, messageProblems, modalProblems, visibleStrings } from './support/block-kit.ts';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  BOB,
  CHANNEL,
  interactiveForm,
  messageShortcutPayload,
  slashCommandForm,
  viewSubmissionPayload,
} from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => {
  await bed.close();
});

const store = () => bed.bot.services.store;

async function slash(command: string, text: string) {
  const { status } = await bed.post({ body: slashCommandForm({ command, text, responseUrl: bed.fake.responseUrl('slash') }) });
  expect(status).toBe(200);
}

/** A debate with C1, its card posted in #research; returns the card's ts. */
async function cardForC1(): Promise<string> {
  await slash('/debate', 'new slug:reward-seeking title:"Is reward the optimization target?"');
  await slash('/claim', 'add Agents game broken scoring functions when the tasks are shoddy');
  const card = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C1'));
  return String(card.response?.ts);
}

describe('a button on the claim card', () => {
  it('arrives as payload=<json>, opens the form with the click’s trigger id, and remembers the card', async () => {
    const ts = await cardForC1();
    const click = await bed.post({
      body: interactiveForm(
        blockActionsPayload({ actionId: 'claim:support:1', messageTs: ts, responseUrl: bed.fake.responseUrl('click') }),
      ),
    });
    expect(click.status).toBe(200);
    const open = await bed.fake.waitFor('views.open');
    expect(open.body.trigger_id).toBe('111.222.click');
    const view = open.body.view as Record<string, any>;
    expect(modalProblems(view)).toEqual([]);
    expect(view).toMatchObject({ callback_id: 'claim:add-linked:1:supports', title: { text: 'Support C1' } });
    expect(view.blocks.map((b: any) => [b.block_id, b.optional, b.element.multiline])).toEqual([
      ['text', false, true],
      ['tags', true, false],
    ]);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ c: CHANNEL.id, m: ts, e: 0 });
  });

  it('submitting that form stores the supporting claim and updates the card in place', async () => {
    const ts = await cardForC1();
    await bed.post({
      body: interactiveForm(
        blockActionsPayload({ actionId: 'claim:support:1', messageTs: ts, responseUrl: bed.fake.responseUrl('click') }),
      ),
    });
    const open = await bed.fake.waitFor('views.open');
    const submit = await bed.post({
      body: interactiveForm(
        viewSubmissionPayload({
          callbackId: open.body.view.callback_id,
          privateMetadata: open.body.view.private_metadata,
          values: { text: 'Reward seeking is more likely instrumental than terminal', tags: 'reward-seeking' },
          user: BOB,
        }),
      ),
    });
    expect(submit.status).toBe(200);
    expect(submit.text).toBe(''); // the form closes

    const c2 = await store().claims.byNumber('slack:T111', 2);
    expect(c2).toMatchObject({
      text: 'Reward seeking is more likely instrumental than terminal',
      authorId: BOB.id,
      tags: ['reward-seeking'],
    });
    expect(await store().links.incoming('slack:T111', (await store().claims.byNumber('slack:T111', 1))!.id)).toHaveLength(1);
    const update = await bed.fake.waitFor('chat.update');
    expect(update.body).toMatchObject({ channel: CHANNEL.id, ts });
    expect(messageProblems(update.body.blocks)).toEqual([]);
    expect(update.body.text).toContain('C2 supports this: Reward seeking is more likely instrumental than terminal');
    expect(update.body.text).toContain('bob added C2, which supports C1');
  });

  it('a form with a mistake stays open with the error under the field, and nothing is stored', async () => {
    const ts = await cardForC1();
    await bed.post({
      body: interactiveForm(blockActionsPayload({ actionId: 'claim:link:1', messageTs: ts, responseUrl: bed.fake.responseUrl('click') })),
    });
    const open = await bed.fake.waitFor('views.open');
    const submit = await bed.post({
      body: interactiveForm(
        viewSubmissionPayload({
          callbackId: open.body.view.callback_id,
          privateMetadata: open.body.view.private_metadata,
          values: { target: 'C999', kind: 'supports' },
        }),
      ),
    });
    expect(submit.status).toBe(200);
    const answer = JSON.parse(submit.text) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.target).toMatch(/C999/);
    expect(await store().links.outgoing('slack:T111', (await store().claims.byNumber('slack:T111', 1))!.id)).toEqual([]);
    expect(bed.fake.callsTo('chat.update')).toEqual([]);
  });

  it('a button whose custom id is not ours answers privately, and a link button needs only the ack', async () => {
    await bed.post({
      body: interactiveForm(
        blockActionsPayload({ actionId: 'nothing:here', messageTs: '1.000001', responseUrl: bed.fake.responseUrl('stale') }),
      ),
    });
    const stale = await bed.fake.waitFor('response_url');
    expect(stale.body).toMatchObject({ response_type: 'ephemeral' });
    expect(stale.body.text).toMatch(/not one of mine, or it is out of date/);

    const link = blockActionsPayload({ actionId: 'open-link-1', messageTs: '1.000001', responseUrl: bed.fake.responseUrl('link') });
    (link.actions as Record<string, unknown>[])[0]!.url = 'https://example.org';
    const clicked = await bed.post({ body: interactiveForm(link) });
    expect(clicked.status).toBe(200);
    await bed.slack.stop(); // every answer under way is finished
    expect(bed.fake.callsTo('response_url')).toHaveLength(1);
  });
});

describe('Capture as claim (the message shortcut)', () => {
  it('opens a form prefilled with the message, and stores the claim with its author and permalink', async () => {
    await slash('/debate', 'new slug:goal-drift title:"Does misalignment grow with serial steps?"');
    await bed.fake.waitFor('chat.postMessage');
    const shortcut = await bed.post({
      body: interactiveForm(
        messageShortcutPayload({
          text: 'Goals drift at each serial step, says <@W111> &amp; so the risk grows &lt;fast&gt; <https://example.org/paper|the paper>',
          author: BOB.id,
          ts: '1700000050.000200',
          responseUrl: bed.fake.responseUrl('shortcut'),
        }),
      ),
    });
    expect(shortcut.status).toBe(200);
    const open = await bed.fake.waitFor('views.open');
    expect(open.body.trigger_id).toBe('111.222.shortcut');
    const view = open.body.view as Record<string, any>;
    expect(modalProblems(view)).toEqual([]);
    expect(view.callback_id).toMatch(/^claim:capture-submit:/);
    expect(view.blocks[0].label.text).toBe('Claim (from Bob)');
    expect(view.blocks[0].element.initial_value).toBe(
      'Goals drift at each serial step, says @Ana & so the risk grows <fast> the paper (https://example.org/paper)',
    );

    await bed.post({
      body: interactiveForm(
        viewSubmissionPayload({
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          values: { text: 'Goals drift at each serial step', tags: 'drift' },
        }),
      ),
    });
    const card = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C1'));
    expect(card.body.channel).toBe(CHANNEL.id);
    expect(card.body.text).toContain('Captured C1 from Bob into goal-drift');
    const claim = await store().claims.byNumber('slack:T111', 1);
    expect(claim).toMatchObject({
      text: 'Goals drift at each serial step',
      tags: ['drift'],
      source: { url: 'https://cruxbot-test.slack.com/archives/C111/p1700000050000200', author: 'Bob' },
    });
    const sourceField = visibleStrings(card.body.blocks).find((t) => t.startsWith('*Source*'));
    expect(sourceField).toBe('*Source*\n<https://cruxbot-test.slack.com/archives/C111/p1700000050000200|message> (from Bob)');
  });

  it('in a channel with no debate, says how to start one, privately, and opens no form', async () => {
    await bed.post({
      body: interactiveForm(
        messageShortcutPayload({ text: 'A claim', author: BOB.id, ts: '1700000050.000200', responseUrl: bed.fake.responseUrl('none') }),
      ),
    });
    const answer = await bed.fake.waitFor('response_url');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.text).toMatch(/No debates yet/);
    expect(bed.fake.callsTo('views.open')).toEqual([]);
  });

  it('falls back to a link built from the workspace address when Slack will not give the permalink', async () => {
    bed.fake.on('chat.getPermalink', () => ({ ok: false, error: 'message_not_found' }));
    await slash('/debate', 'new slug:goal-drift title:"Drift?"');
    await bed.post({
      body: interactiveForm(
        messageShortcutPayload({
          text: 'In a thread',
          author: 'W999',
          ts: '1700000060.000300',
          threadTs: '1700000050.000200',
          responseUrl: bed.fake.responseUrl('thread'),
        }),
      ),
    });
    const open = await bed.fake.waitFor('views.open');
    // W999 is unknown to users.info: the id stands in for the name.
    expect(open.body.view.blocks[0].label.text).toBe('Claim (from W999)');
    await bed.post({
      body: interactiveForm(
        viewSubmissionPayload({
          callbackId: open.body.view.callback_id,
          privateMetadata: open.body.view.private_metadata,
          values: { text: 'In a thread', tags: '' },
        }),
      ),
    });
    const card = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C1'));
    expect(card.body.thread_ts).toBe('1700000050.000200');
    expect((await store().claims.byNumber('slack:T111', 1))?.source.url).toBe(
      'https://cruxbot-test.slack.com/archives/C111/p1700000060000300?thread_ts=1700000050.000200&cid=C111',
    );
  });
});

describe('the App Home tab', () => {
  it('publishes the workspace’s debates, recent claims and an open-polls section', async () => {
    await slash('/debate', 'new slug:reward-seeking title:"Is reward the optimization target?"');
    await slash('/claim', 'add Agents game broken scorers &lt;!here&gt;');
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C1'));

    const opened = await bed.post({ body: JSON.stringify(appHomeOpenedEvent()), contentType: 'application/json' });
    expect(opened.status).toBe(200);
    const publish = await bed.fake.waitFor('views.publish');
    expect(publish.body.user_id).toBe('W111');
    const view = publish.body.view as Record<string, any>;
    expect(homeProblems(view)).toEqual([]);
    const words = visibleStrings(view.blocks).join('\n');
    expect(words).toContain('*reward-seeking* · Is reward the optimization target?');
    expect(words).toContain('1 claim, 0 links');
    expect(words).toContain('*C1* Agents game broken scorers &lt;!here&gt;');
    expect(words).toContain('*Open polls*');
    expect(words).toContain('No open polls.');
  });

  it('handles an event once when Slack retries it (X-Slack-Retry-Num), as any instance would', async () => {
    const event = JSON.stringify(appHomeOpenedEvent({ eventId: 'EvRetried' }));
    expect((await bed.post({ body: event, contentType: 'application/json' })).status).toBe(200);
    await bed.fake.waitFor('views.publish');
    // Slack signs each attempt anew, with that attempt's timestamp (a byte-identical copy is a replay, refused).
    const retry = await bed.post({
      body: event,
      contentType: 'application/json',
      timestamp: Math.floor(Date.now() / 1000) + 1,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    expect((await bed.post({ body: JSON.stringify(appHomeOpenedEvent({ user: 'W222' })), contentType: 'application/json' })).status).toBe(
      200,
    );
    await bed.fake.waitFor('views.publish', (c) => c.body.user_id === 'W222');
    expect(bed.fake.callsTo('views.publish').map((c) => c.body.user_id)).toEqual(['W111', 'W222']);
  });

  it('ignores the Messages tab, and shows how to start in an empty workspace', async () => {
    await bed.post({ body: JSON.stringify(appHomeOpenedEvent({ tab: 'messages' })), contentType: 'application/json' });
    await bed.post({ body: JSON.stringify(appHomeOpenedEvent({ user: 'W222' })), contentType: 'application/json' });
    const publish = await bed.fake.waitFor('views.publish');
    await bed.slack.stop();
    expect(bed.fake.callsTo('views.publish')).toHaveLength(1);
    expect(publish.body.user_id).toBe('W222');
    expect(visibleStrings(publish.body.view.blocks).join('\n')).toContain('No debates yet.');
  });
});

import { rows } from '../../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageProblems, visibleStrings } from './support/block-kit.ts';
import { ANA, CHANNEL, slashCommandForm } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => {
  await bed.close();
});

const claims = async () =>
  (await rows(bed.bot.services.store, 'claims'))
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map(({ workspace, number, text, author_id, author_name }) => ({ workspace, number, text, author_id, author_name }));

/** Types a slash command in #research as Ana (or someone else), as Slack would deliver it. */
async function slash(command: string, text: string, o: { user?: typeof ANA; teamId?: string; responseId?: string } = {}) {
  const body = slashCommandForm({
    command,
    text,
    responseUrl: bed.fake.responseUrl(o.responseId ?? 'r1'),
    ...(o.user ? { user: o.user } : {}),
    ...(o.teamId ? { teamId: o.teamId } : {}),
  });
  return bed.post({ body });
}

describe('a slash command over HTTP, signed as Slack signs it', () => {
  it('reads and echoes /predict’s resolve-by date in the time zone of the person’s Slack profile', async () => {
    bed.fake.zones.set(ANA.id, 'America/Chicago');
    await slash('/debate', 'new slug:evals title:"Where evals go"');
    await bed.fake.waitFor('chat.postMessage');
    await slash('/predict', 'text:"It ships" credence:70 resolve-by:"in 2 weeks"');
    const post = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('Predicted C1'));
    expect(post.body.text).toMatch(/Resolve by \w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2} America\/Chicago \(UTC−0[56]:00\)/);
    expect(post.body.text).toContain('time zone from your profile');
  });

  it('is acknowledged at once, stores the claim, and posts the card as Block Kit with a fallback', async () => {
    const debate = await slash('/debate', 'new slug:goal-drift title:"Does misalignment grow with serial steps?"');
    expect(debate.status).toBe(200);
    await bed.fake.waitFor('chat.postMessage');

    const ack = await slash('/claim', 'add text:"Agents game broken scoring functions" tags:drift');
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    const post = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('C1'));

    expect(await claims()).toEqual([
      { workspace: 'slack:T111', number: 1, text: 'Agents game broken scoring functions', author_id: ANA.id, author_name: 'ana' },
    ]);
    expect(post.token).toBe('xoxb-test-token');
    expect(post.body.channel).toBe(CHANNEL.id);
    expect(post.body.text).toContain('C1 · open');
    expect(post.body.text).toContain('Agents game broken scoring functions');
    const blocks = post.body.blocks as Record<string, any>[];
    expect(messageProblems(blocks)).toEqual([]);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'C1 · open' } });
    expect(blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: 'Agents game broken scoring functions' } });
    const fields = blocks.find((b) => b.fields)?.fields.map((f: { text: string }) => f.text);
    expect(fields).toContain('*Author*\nana');
    expect(fields).toContain('*Tags*\n`#drift`');
    const buttons = blocks.find((b) => b.type === 'actions')?.elements;
    expect(buttons.map((b: { action_id: string; text: { text: string } }) => [b.action_id, b.text.text])).toEqual([
      ['claim:support:1', 'Support…'],
      ['claim:oppose:1', 'Oppose…'],
      ['claim:link:1', 'Link…'],
      ['credence:form:1', 'Credence…'],
    ]);
  });

  it('shows <!channel> and <@U123> typed in a claim as text: escaped, they ping nobody', async () => {
    await slash('/debate', 'new slug:pings title:Pings');
    // Slack escapes what people type; a real @channel arrives as <!channel> because the manifest asks for escaping.
    await slash('/claim', 'add Look &lt;!channel&gt; and &lt;@U123&gt; &amp; <!channel> said so');
    const post = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('C1'));

    expect((await claims())[0]).toMatchObject({ text: 'Look <!channel> and <@U123> & @channel said so' });
    const shown = [post.body.text as string, ...visibleStrings(post.body.blocks)];
    expect(shown.join('\n')).toContain('Look &lt;!channel&gt; and &lt;@U123&gt; &amp; @channel said so');
    for (const text of shown) {
      expect(text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123>/);
    }
  });

  it('answers a bad command privately through the response URL, with the usage, and stores nothing', async () => {
    await slash('/claim', 'show C999', { responseId: 'missing' });
    const missing = await bed.fake.waitFor('response_url', (c) => /C999|No debates/.test(String(c.body.text)));
    expect(missing.body).toMatchObject({ response_type: 'ephemeral' });
    expect(missing.body.text).toMatch(/No debates yet|no claim C999/);

    await slash('/claim', 'add text:"unbalanced', { responseId: 'quote' });
    const quote = await bed.fake.waitFor('response_url', (c) => String(c.body.text).includes('Unbalanced'));
    expect(quote.body.response_type).toBe('ephemeral');
    expect(quote.body.text).toContain('the quote at character 10 is never closed');

    await slash('/claim', 'add text:ok colour:red', { responseId: 'option' });
    const option = await bed.fake.waitFor('response_url', (c) => String(c.body.text).includes('colour'));
    expect(option.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(option.body.blocks)).toContain('Usage: `/claim add');
    for (const call of bed.fake.callsTo('response_url')) expect(JSON.stringify(call.body)).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(await claims()).toEqual([]);
    expect(bed.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('keeps each Slack team’s claims apart; an Enterprise Grid request is filed under its team', async () => {
    await slash('/debate', 'new slug:shared title:"Same slug, two teams"');
    await slash('/claim', 'add Claim of team one');
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).includes('C1'));
    await slash('/claim', 'show C1', { teamId: 'T222', responseId: 'other' });
    const other = await bed.fake.waitFor('response_url', (c) => c.raw.length > 0 && String(c.body.text).length > 0);
    expect(other.body.text).toMatch(/no claim C1/i);
    expect((await claims()).map((c: any) => c.workspace)).toEqual(['slack:T111']);
  });

  it('takes a mention in a user option as that person (Slack sends <@W222|bob>), and words elsewhere as typed', async () => {
    await slash('/debate', 'new slug:who title:"Who said what"');
    await slash('/claim', 'add Ana says drift is random, see <https://example.org/a|example.org/a>');
    await slash('/claim', 'add Bob says data directs values', { user: { id: 'W222', username: 'bob', name: 'bob', team_id: 'T111' } });
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C2'));
    expect((await claims())[0]).toMatchObject({ text: 'Ana says drift is random, see example.org/a' });

    await slash('/claim', 'list author:<@W222|bob>');
    const list = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Claims in who'));
    expect(list.body.text).toContain('Bob says data directs values');
    expect(list.body.text).not.toContain('Ana says');
  });

  it('gives /help privately, every command listed', async () => {
    await slash('/help', '');
    const help = await bed.fake.waitFor('response_url');
    expect(help.body.response_type).toBe('ephemeral');
    expect(messageProblems(help.body.blocks)).toEqual([]);
    for (const name of ['/debate', '/claim', '/link', '/map']) expect(help.body.text).toContain(name);
  });

  it('refuses a request with a bad signature (401) and stores nothing', async () => {
    const body = slashCommandForm({ command: '/debate', text: 'new slug:forged title:Forged', responseUrl: bed.fake.responseUrl() });
    const forged = await bed.post({ body, secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const unsigned = await bed.post({ body, signature: 'v0=00' });
    expect(unsigned.status).toBe(401);
    expect(await bed.bot.services.store.debates.list('slack:T111')).toEqual([]);
    expect(bed.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses a correctly signed request whose timestamp is stale (401)', async () => {
    const body = slashCommandForm({ command: '/debate', text: 'new slug:replayed title:Replayed', responseUrl: bed.fake.responseUrl() });
    const replayed = await bed.post({ body, timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(replayed.status).toBe(401);
    expect(await bed.bot.services.store.debates.list('slack:T111')).toEqual([]);
  });
});

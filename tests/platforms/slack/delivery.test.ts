import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { md } from '../../../src/core/markup.ts';
import { text, type MessageRef } from '../../../src/core/reply.ts';
import { messageProblems } from './support/block-kit.ts';
import { CHANNEL, slashCommandForm } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const sent: MessageRef[] = [];

/** Commands that exercise what the real ones do not yet: pictures, private files, `onSent`, slow work. */
const picture = defineCommand({
  name: 'picture',
  description: 'A reply with a picture',
  options: [{ name: 'private', type: 'boolean', description: 'Only for me' }] as const,
  handler: (ctx) => ({
    title: 'Crux map',
    blocks: [text(md`The map of **goal-drift**`)],
    attachments: [{ name: 'map.png', data: PNG, contentType: 'image/png', description: 'The crux map' }],
    ephemeral: ctx.args.private ?? false,
    onSent: (ref) => {
      sent.push(ref);
    },
  }),
});
const slow = defineCommand({
  name: 'simulate',
  description: 'Slow work',
  options: [] as const,
  slow: true,
  handler: () => ({ blocks: [text('Done simulating')], followUps: [{ blocks: [text('And a follow-up')] }] }),
});

let bed: SlackTestBed;
afterEach(async () => {
  sent.length = 0;
  await bed.close();
});

async function slash(command: string, textLine = '', responseId = 'r1') {
  return bed.post({ body: slashCommandForm({ command, text: textLine, responseUrl: bed.fake.responseUrl(responseId) }) });
}

describe('replies with pictures and files', () => {
  it('posts the message, uploads the picture to the same channel, and reports the message ts to onSent', async () => {
    bed = await startSlackTestBed({ commands: [...COMMANDS, picture] });
    await slash('/picture');
    await bed.slack.stop(); // lets the request finish: stop waits for work in flight
    const complete = await bed.fake.waitFor('files.completeUploadExternal');
    const post = bed.fake.callsTo('chat.postMessage')[0]!;
    expect(messageProblems(post.body.blocks)).toEqual([]);
    expect(post.body.text).toBe('Crux map\nThe map of goal-drift');
    expect(bed.fake.callsTo('files.getUploadURLExternal')[0]?.body).toMatchObject({
      filename: 'map.png',
      length: String(PNG.length),
      alt_text: 'The crux map',
    });
    const upload = bed.fake.callsTo('file_upload')[0]!;
    expect(upload.raw.includes(Buffer.from(PNG))).toBe(true);
    expect(complete.body.channel_id).toBe(CHANNEL.id);
    expect(sent).toEqual([{ platform: 'slack', channel: CHANNEL.id, id: post.response?.ts }]);
  });

  it('sends a private reply’s picture to the person’s DM with the app, never to the channel', async () => {
    bed = await startSlackTestBed({ commands: [...COMMANDS, picture] });
    await slash('/picture', 'private:true');
    await bed.slack.stop();
    const complete = await bed.fake.waitFor('files.completeUploadExternal');
    const whisper = bed.fake.callsTo('response_url')[0]!;
    expect(whisper.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(whisper.body.blocks)).toContain('The file is in your direct messages with me.');
    const dm = bed.fake.callsTo('chat.postMessage')[0]!;
    expect(dm.body.channel).toBe('W111');
    expect(complete.body.channel_id).toBe('DW111');
    expect(sent).toEqual([]);
  });
});

describe('answering where the bot cannot post', () => {
  it('in a private channel it was not invited to, answers through the response URL and says how to invite it', async () => {
    bed = await startSlackTestBed();
    bed.fake.on('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    await slash('/debate', 'new slug:private-talk title:"Private"');
    const answer = await bed.fake.waitFor('response_url');
    expect(answer.body.response_type).toBe('in_channel');
    expect(answer.body.text).toContain('Debate private-talk');
    expect(JSON.stringify(answer.body.blocks)).toContain('Invite me to this channel');
    expect(await bed.bot.services.store.debates.list('slack:T111')).toHaveLength(1);
  });

  it('when Slack refuses a reply, tells the person privately with an id that is in the log', async () => {
    bed = await startSlackTestBed();
    bed.fake.on('chat.postMessage', () => ({ ok: false, error: 'invalid_blocks' }));
    await slash('/debate', 'new slug:refused title:"Refused"');
    const apology = await bed.fake.waitFor('response_url');
    expect(apology.body.response_type).toBe('ephemeral');
    expect(apology.body.text).toMatch(/Something went wrong while answering \(Slack said invalid_blocks\).*id [0-9a-f]{8}/);
  });
});

describe('slow commands', () => {
  it('acknowledge with a “working” note at once, then post the answer and its follow-ups in order', async () => {
    bed = await startSlackTestBed({ commands: [...COMMANDS, slow] });
    const ack = await slash('/simulate');
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.text)).toEqual({ response_type: 'ephemeral', text: 'Working on /simulate…' });
    await bed.fake.waitFor('chat.postMessage', (c) => c.body.text === 'And a follow-up');
    expect(bed.fake.callsTo('chat.postMessage').map((c) => c.body.text)).toEqual(['Done simulating', 'And a follow-up']);
  });
});

describe('the Slack chat port', () => {
  it('is registered on start, posts and edits messages, and is removed on stop', async () => {
    bed = await startSlackTestBed();
    const chat = bed.bot.services.chats.get('slack');
    expect(chat?.platform).toBe('slack');
    const ref = await chat!.post('C222', { blocks: [text('Poll: 0 votes')] });
    expect(ref).toMatchObject({ platform: 'slack', channel: 'C222' });
    await chat!.update(ref, { blocks: [text('Poll: 1 vote')] });
    const update = await bed.fake.waitFor('chat.update');
    expect(update.body).toMatchObject({ channel: 'C222', ts: ref.id, text: 'Poll: 1 vote' });
    // A reply with only a picture: Slack refuses an empty block list, so none is sent.
    const picture = await chat!.post('C222', { blocks: [], attachments: [{ name: 'map.png', data: PNG, contentType: 'image/png' }] });
    const bare = bed.fake.callsTo('chat.postMessage').find((c) => c.response?.ts === picture.id)!;
    expect(bare.body.text).toBe('map.png');
    expect(bare.body).not.toHaveProperty('blocks');
    await bed.fake.waitFor('files.completeUploadExternal');
    await bed.slack.stop();
    expect(bed.bot.services.chats.has('slack')).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageProblems } from './support/block-kit.ts';
import { blockActionsPayload, CHANNEL, slashCommandPayload } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed({ mode: 'socket' });
});
afterEach(async () => {
  await bed.close();
});

/** Slack sends an envelope over the socket; the app must send back its envelope id to acknowledge it. */
async function sendEnvelope(envelopeId: string, type: string, payload: unknown) {
  const socket = await bed.fake.nextSocket();
  socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands' }));
  return bed.fake.waitForSocketMessage((m) => m.envelope_id === envelopeId);
}

describe('Socket Mode', () => {
  it('opens the connection with the app token at the URL apps.connections.open gives', async () => {
    const open = await bed.fake.waitFor('apps.connections.open');
    expect(open.token).toBe('xapp-test-token');
    expect(bed.fake.sockets).toHaveLength(1);
    expect(bed.slack.port).toBeUndefined();
  });

  it('acknowledges a slash-command envelope and posts the reply through the Web API', async () => {
    const debate = await sendEnvelope(
      'env-1',
      'slash_commands',
      slashCommandPayload({
        command: '/debate',
        text: 'new slug:goal-drift title:"Does drift grow?"',
        responseUrl: bed.fake.responseUrl(),
      }),
    );
    expect(debate).toEqual({ envelope_id: 'env-1', payload: {} });
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Debate goal-drift'));

    const ack = await sendEnvelope(
      'env-2',
      'slash_commands',
      slashCommandPayload({
        command: '/claim',
        text: 'add Goals drift at every serial step tags:drift',
        responseUrl: bed.fake.responseUrl(),
      }),
    );
    expect(ack.envelope_id).toBe('env-2');
    const post = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C1'));
    expect(post.body.channel).toBe(CHANNEL.id);
    expect(messageProblems(post.body.blocks)).toEqual([]);
    expect(await bed.bot.services.store.claims.byNumber('slack:T111', 1)).toMatchObject({
      text: 'Goals drift at every serial step',
      tags: ['drift'],
    });
  });

  it('acknowledges an interactive envelope (a button) and opens the form', async () => {
    await sendEnvelope(
      'env-1',
      'slash_commands',
      slashCommandPayload({ command: '/debate', text: 'new slug:d title:D', responseUrl: bed.fake.responseUrl() }),
    );
    // The debate exists once its reply is posted: a command sent before that may run first.
    await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('Debate d'));
    await sendEnvelope(
      'env-2',
      'slash_commands',
      slashCommandPayload({ command: '/claim', text: 'add A claim', responseUrl: bed.fake.responseUrl() }),
    );
    const card = await bed.fake.waitFor('chat.postMessage', (c) => String(c.body.text).startsWith('C1'));
    const ack = await sendEnvelope(
      'env-3',
      'interactive',
      blockActionsPayload({ actionId: 'claim:oppose:1', messageTs: String(card.response?.ts), responseUrl: bed.fake.responseUrl() }),
    );
    expect(ack.envelope_id).toBe('env-3');
    const open = await bed.fake.waitFor('views.open');
    expect(open.body.view.callback_id).toBe('claim:add-linked:1:opposes');
  });
});

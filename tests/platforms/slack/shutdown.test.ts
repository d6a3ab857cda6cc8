import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slashCommandForm } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => {
  await bed.close();
});

describe('stopping the Slack app', () => {
  it('stops taking requests at once, and waits for the reply already under way before it is done', async () => {
    let arrived!: () => void;
    const postArrived = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    bed.fake.on('chat.postMessage', async (body) => {
      arrived();
      await gate; // Slack is slow to answer this one
      return { ok: true, channel: body.channel, ts: '1700000001.000100' };
    });

    const health = bed.eventsUrl.replace('/slack/events', '/health');
    expect((await fetch(health)).status).toBe(200);
    const ack = await bed.post({
      body: slashCommandForm({ command: '/debate', text: 'new slug:last title:"The last one"', responseUrl: bed.fake.responseUrl() }),
    });
    expect(ack.status).toBe(200);
    await postArrived;

    const order: string[] = [];
    const stopped = bed.slack.stop().then(() => order.push('stopped'));
    // The receiver closes first: a new request is refused while the old reply is still waiting.
    await expect(fetch(health)).rejects.toThrow();
    order.push('released');
    release();
    await stopped;

    expect(order).toEqual(['released', 'stopped']);
    expect(bed.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await bed.bot.services.store.debates.list('slack:T111')).map((d) => d.slug)).toEqual(['last']);
    expect(bed.bot.services.inflight.active).toBe(0);
  });
});

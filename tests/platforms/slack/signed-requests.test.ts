import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { slashCommandForm } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => {
  await bed.close();
});

const now = () => Math.floor(Date.now() / 1000);
const debateNew = (slug: string) =>
  slashCommandForm({ command: '/debate', text: `new slug:${slug} title:"Made by ${slug}"`, responseUrl: bed.fake.responseUrl(slug) });
/** What Slack's side saw besides the start-up check: nothing, when every request was refused. */
const webApiCalls = () => bed.fake.calls.filter((c) => c.method !== 'auth.test');

describe('signed Slack requests, checked before Bolt', () => {
  it('refuses 6 kinds of bad request with 401 (forged, unsigned, 6 min old, 6 min ahead, a day ahead, a replay), storing nothing', async () => {
    const statuses = {
      forged: (await bed.post({ body: debateNew('forged'), secret: 'not-the-secret' })).status,
      unsigned: (await bed.post({ body: debateNew('unsigned'), signature: '' })).status,
      stale: (await bed.post({ body: debateNew('stale'), timestamp: now() - 6 * 60 })).status,
      ahead: (await bed.post({ body: debateNew('ahead'), timestamp: now() + 6 * 60 })).status,
      dayAhead: (await bed.post({ body: debateNew('dayahead'), timestamp: now() + 24 * 60 * 60 })).status,
    };
    expect(statuses).toEqual({ forged: 401, unsigned: 401, stale: 401, ahead: 401, dayAhead: 401 });
    expect(webApiCalls()).toEqual([]);

    const body = debateNew('once');
    const timestamp = now();
    expect((await bed.post({ body, timestamp })).status).toBe(200);
    await bed.fake.waitFor('chat.postMessage');
    const answered = webApiCalls().length;
    // The same request again, byte for byte and within the window: someone replaying what they captured.
    expect((await bed.post({ body, timestamp })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await bed.bot.services.store.debates.list('slack:T111')).map((d) => d.slug)).toEqual(['once']);
    expect(webApiCalls()).toHaveLength(answered);
  });

  it('accepts a request signed within the window on either side of now (clocks differ by seconds)', async () => {
    expect((await bed.post({ body: debateNew('behind'), timestamp: now() - 4 * 60 })).status).toBe(200);
    expect((await bed.post({ body: debateNew('ahead'), timestamp: now() + 4 * 60 })).status).toBe(200);
    await vi.waitFor(async () =>
      expect((await bed.bot.services.store.debates.list('slack:T111')).map((d) => d.slug).sort()).toEqual(['ahead', 'behind']),
    );
  });

  it('GET /ready says whether the instance should get traffic: the database answers at the current schema', async () => {
    const ready = await fetch(bed.eventsUrl.replace('/slack/events', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
    await bed.bot.services.store.close();
    const down = await fetch(bed.eventsUrl.replace('/slack/events', '/ready'));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ready: false, reason: expect.stringMatching(/^database: /) });
  });
});

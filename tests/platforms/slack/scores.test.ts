import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isError, replyText } from '../../support/harness.ts';
import { ANA, BOB, slashCommandForm } from './support/payloads.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
beforeEach(async () => {
  bed = await startSlackTestBed();
});
afterEach(async () => await bed.close());

describe('/scores me on Slack', () => {
  it('answers only the person, through the response URL, with the chart in their DM', async () => {
    const run = async (line: string, user: typeof ANA) => {
      const reply = await bed.bot.run(line, { workspace: 'slack:T111', actor: { id: user.id, name: user.name } });
      if (isError(reply)) throw new Error(`${line}: ${replyText(reply)}`);
    };
    await run('/debate new slug:evals title:"Where evals go"', ANA);
    await run('/claim add text:"It ships by June" tags:evals', ANA);
    await run('/credence C1 70', ANA);
    await run('/credence C1 20', BOB);
    await run('/claim resolve C1 true', ANA);

    await bed.post({ body: slashCommandForm({ command: '/scores', text: 'me', responseUrl: bed.fake.responseUrl('mine') }) });
    const answer = await bed.fake.waitFor('response_url', (c) => String(c.body.text).includes('Scores of ana'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.text).toContain('Brier 0.090 over 1 claim');
    expect(JSON.stringify(answer.body.blocks)).toContain('The file is in your direct messages with me.');
    const dm = await bed.fake.waitFor('chat.postMessage', (c) => c.body.channel === ANA.id);
    expect(dm.body.text).toBe('Here is the file from your last request.');
    await bed.fake.waitFor('files.completeUploadExternal');
    // Nothing about it was posted where others can read it.
    expect(bed.fake.callsTo('chat.postMessage').filter((c) => String(c.body.text).includes('Scores'))).toEqual([]);
  });
});

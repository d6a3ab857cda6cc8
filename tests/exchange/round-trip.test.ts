import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';
import { BACKENDS } from '../storage/backends.ts';
import { ADA, CAROL, fileText, movingClock, richDebate, runWithFiles, withoutStamp } from './support.ts';

const opened: { bot: TestBot; dispose: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const { dispose } of opened.splice(0)) await dispose();
});

describe.each(BACKENDS)('the JSON export on $name', (backend) => {
  const bot = async () => {
    const { store, dispose } = await backend.open();
    const made = createTestBot({ store, clock: movingClock() });
    opened.push({ bot: made, dispose });
    return made;
  };

  it('keeps everything, and a moderator’s import into an empty database exports the same file again', async () => {
    const source = await bot();
    await richDebate(source);
    const first = fileText(await source.run('/debate export format:json', { actor: ADA }));
    const doc = JSON.parse(first);
    expect(doc).toMatchObject({ format: 'cruxbot-debate', version: 2 });
    expect(doc.exportedAt).toMatch(/^2026-11-02T/);
    expect(doc.claims).toHaveLength(4);
    expect(doc.claims[0].resolveBy).toMatchObject({ at: '2027-06-30T00:00:00.000Z', zone: 'UTC', setBy: 'ada' });
    expect(doc.claims[3].status).toBe('retracted');
    expect(doc.links).toHaveLength(4);
    expect(doc.credences).toHaveLength(10);
    expect(doc.credences.filter((c: { given?: unknown }) => c.given)).toHaveLength(2);
    const votes = (key: string) => doc.credences.filter((c: { poll?: string }) => c.poll === key).map((c: { value: number }) => c.value);
    expect(votes('poll-1')).toEqual([0.75, 0.25]);
    expect(votes('poll-2')).toEqual([0.75]);
    expect(doc.polls).toEqual([
      expect.objectContaining({
        key: 'poll-1',
        kind: 'binary',
        options: [],
        claim: 'C1',
        hide: 'until-close',
        openedAfter: 4,
        closed: expect.objectContaining({ after: 8, by: 'ada' }),
      }),
      expect.objectContaining({ key: 'poll-2', claim: 'C3', hide: 'visible', openedAfter: 9 }),
    ]);
    expect(doc.polls[1].closed).toBeUndefined();
    expect(doc.resolutions).toEqual([
      expect.objectContaining({ claim: 'C4', outcome: 'false', undone: expect.objectContaining({ by: 'ada' }) }),
      expect.objectContaining({ claim: 'C4', outcome: 'true' }),
    ]);
    expect(doc.resolutions[1].undone).toBeUndefined();
    expect(doc.simRuns).toEqual([expect.objectContaining({ claim: 'C2', kind: 'run', headline: expect.stringContaining('random-drift') })]);
    expect(doc.captures).toHaveLength(1);
    expect(doc.captures[0].items.map((i: { status: string; claim?: string }) => [i.status, i.claim])).toEqual([
      ['existing', 'C2'],
      ['skipped', undefined],
      ['pending', undefined],
    ]);
    expect(first).not.toMatch(/token/i);

    const target = await bot();
    const imported = await runWithFiles(target, '/debate import file:forecast.json', { 'forecast.json': first }, { actor: ADA });
    expect(isError(imported), replyText(imported)).toBe(false);
    expect(replyText(imported)).toContain('With 10 credences, their history and conditions kept.');
    expect(replyText(imported)).toContain('Also kept: 2 polls, 2 resolutions, 1 drift run, 1 thread capture.');
    const again = fileText(await target.run('/debate export format:json', { actor: ADA }));
    expect(withoutStamp(again)).toBe(withoutStamp(first));
    expect(again).not.toBe(first); // only the export's own time differs

    // What was imported works as it did: the open poll is open, the drift run is on its claim's card.
    expect(replyText(await target.run('/poll list'))).toMatch(/C3/);
    expect(replyText(await target.run('/claim show C2'))).toMatch(/R1/);
  });

  it('keeps choice polls: their options, every vote row per option, and the answer, byte for byte', async () => {
    const source = await bot();
    await richDebate(source);
    const run = async (line: string, actor = ADA) => {
      const reply = await source.run(line, { actor });
      expect(isError(reply), `${line}: ${replyText(reply)}`).toBe(false);
    };
    await run('/poll new kind:choice options:"OpenAI | Google DeepMind | Anthropic" Which lab ships a 10x model first? closes:"in 3 days"');
    await run('/poll vote P3 A:50 B:30 C:20');
    await run('/poll vote P3 B', CAROL);
    await run('/poll vote P3 A:20 B:60 C:20', CAROL); // a change of mind: both rows are kept
    await run('/poll resolve P3 B');
    await run('/poll new kind:choice options:"yes, fully | partly | no" Is the benchmark saturated? hide:until-voted');
    await run('/poll vote P4 10 60 30', CAROL);
    await run('/poll close C6');

    const first = fileText(await source.run('/debate export format:json', { actor: ADA }));
    const doc = JSON.parse(first);
    const [p3, p4] = doc.polls.filter((p: { kind: string }) => p.kind === 'choice');
    expect(p3).toMatchObject({
      options: [
        { key: 'A', text: 'OpenAI' },
        { key: 'B', text: 'Google DeepMind' },
        { key: 'C', text: 'Anthropic' },
      ],
      votes: [
        { user: { id: 'ada' }, credences: [0.5, 0.3, 0.2] },
        { user: { id: 'carol' }, credences: [0, 1, 0] },
        { user: { id: 'carol' }, credences: [0.2, 0.6, 0.2] },
      ],
      resolved: { option: 'B', by: 'ada' },
      closed: expect.objectContaining({ by: 'ada' }),
    });
    expect(p4).toMatchObject({ hide: 'until-voted', votes: [{ user: { id: 'carol' }, credences: [0.1, 0.6, 0.3] }] });
    expect(p4.resolved).toBeUndefined();

    const target = await bot();
    const imported = await runWithFiles(target, '/debate import file:forecast.json', { 'forecast.json': first }, { actor: ADA });
    expect(isError(imported), replyText(imported)).toBe(false);
    expect(replyText(imported)).toContain('Also kept: 4 polls');
    const again = fileText(await target.run('/debate export format:json', { actor: ADA }));
    expect(withoutStamp(again)).toBe(withoutStamp(first));

    // The imported poll scores as the original did.
    expect(replyText(await target.run('/poll show P3'))).toContain('Google DeepMind');
    expect(replyText(await target.run('/scores'))).toMatch(/^ada \|.*\| 1 \| 0\.780 \|/m);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import map from '../../commands/map.ts';
import { isPng } from '../../src/render/png.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new reward-seeking title:"Is reward the optimization target?"');
});
afterEach(async () => await bot.close());

describe('/map format:text, the outline', () => {
  it('shows the root, then what supports, opposes and is a crux of what', async () => {
    await bot.run('/claim add Agents learn to seek reward');
    await bot.run('/claim add Agents were seen gaming broken scorers');
    await bot.run('/claim add Gaming a scorer is specification gaming');
    await bot.run('/claim add Generalization beyond checked tasks is what matters');
    await bot.run('/claim add An unrelated note');
    await bot.run('/link C2 C1 supports');
    await bot.run('/link C3 C2 opposes');
    await bot.run('/link C4 C1 crux-of');
    const outline = (await bot.run('/map format:text')).blocks.find((b) => b.type === 'pre');
    expect(outline?.type === 'pre' && outline.text).toBe(
      [
        'Is reward the optimization target?  [reward-seeking: 5 claims, 3 links]',
        '',
        'C1  Agents learn to seek reward',
        '├─ + C2  Agents were seen gaming broken scorers',
        '│  └─ − C3  Gaming a scorer is specification gaming',
        '└─ ◆ crux C4  Generalization beyond checked tasks is what matters',
        '',
        'Not linked to the root:',
        '',
        'C5  An unrelated note',
      ].join('\n'),
    );
  });

  it('survives cycles and marks retracted claims', async () => {
    await bot.run('/claim add A');
    await bot.run('/claim add B');
    await bot.run('/link C2 C1 supports');
    await bot.run('/link C1 C2 opposes');
    await bot.run('/claim retract C2');
    const text = replyText(await bot.run('/map format:text'));
    expect(text).toContain('+ C2  B [retracted]');
    expect(text).toContain('− C1 (shown above)');
  });

  it('an empty debate gets a friendly line, not an error', async () => {
    expect(replyText(await bot.run('/map format:text'))).toMatch(/No claims yet. Add the first with \/claim add/);
  });

  it('names an unknown debate', async () => {
    expect(replyText(await bot.run('/map nope'))).toMatch(/no debate nope/);
  });
});

describe('/map as a picture', () => {
  it('posts a PNG of the debate with alt text that reads the links out', async () => {
    await bot.run('/claim add Agents learn to seek reward');
    await bot.run('/claim add Agents were seen gaming broken scorers');
    await bot.run('/claim add Generalization beyond checked tasks is what matters');
    await bot.run('/link C2 C1 supports');
    await bot.run('/link C3 C1 crux-of');
    const reply = await bot.run('/map');
    expect(isError(reply)).toBe(false);
    expect(reply.title).toBe('Map of reward-seeking');
    const [png] = reply.attachments ?? [];
    expect(png?.name).toBe('crux-map-reward-seeking.png');
    expect(png?.contentType).toBe('image/png');
    expect(isPng(png!.data)).toBe(true);
    expect(png?.description).toBe('Crux map of "Is reward the optimization target?": 3 of 3 claims. C2 supports C1. C3 is a crux of C1.');
    expect(replyText(reply)).toMatch(/3 claims\. Zoom in with \/map focus:C# depth:2; the outline is \/map format:text/);
  });

  it('focus:C2 depth:1 shows only C2 and its neighbours, and says how to see more', async () => {
    for (const text of ['Root', 'Middle', 'Leaf under middle', 'Far leaf']) await bot.run(`/claim add ${text}`);
    await bot.run('/link C2 C1 supports');
    await bot.run('/link C3 C2 opposes');
    await bot.run('/link C4 C3 supports');
    const reply = await bot.run('/map focus:C2 depth:1');
    expect(reply.attachments?.[0]?.name).toBe('crux-map-reward-seeking-C2.png');
    expect(reply.attachments?.[0]?.description).toMatch(/3 of 4 claims around C2\. C2 supports C1\. C3 opposes C2\./);
    expect(replyText(reply)).toMatch(/Showing 3 of 4 claims, around C2\. See more with \/map focus:C2 depth:2\./);
    // The same neighbourhood as an outline.
    const outline = replyText(await bot.run('/map focus:C2 depth:1 format:text'));
    expect(outline).toContain('C2  Middle');
    expect(outline).toContain('C3  Leaf under middle');
    expect(outline).not.toContain('Far leaf');
  });

  it('an empty debate gets a friendly message, not an error or a blank picture', async () => {
    const reply = await bot.run('/map');
    expect(isError(reply)).toBe(false);
    expect(reply.attachments).toBeUndefined();
    expect(replyText(reply)).toMatch(/reward-seeking has no claims yet, so there is nothing to draw. Add the first with \/claim add/);
  });

  it('refuses a focus in another debate, a depth out of range and an unknown format', async () => {
    await bot.run('/claim add In the first debate');
    await bot.run('/debate new other title:"Other"');
    await bot.run('/claim add In the other debate');
    expect(replyText(await bot.run('/map focus:C1'))).toMatch(/C1 is not in other; name its debate with debate:<slug>/);
    expect(replyText(await bot.run('/map focus:C9'))).toMatch(/no claim C9 here/);
    expect(replyText(await bot.run('/map depth:9'))).toMatch(/depth: must be at most 6/);
    expect(replyText(await bot.run('/map format:svg'))).toMatch(/format: must be one of png, text \(got "svg"\)/);
  });

  it('is marked slow, so chat adapters defer before drawing', () => {
    expect(map.leaf?.slow).toBe(true);
  });
});

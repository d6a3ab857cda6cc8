import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new reward-seeking title:"Is reward the optimization target?"');
});
afterEach(() => bot.close());

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

import { describe, expect, it } from 'vitest';
import { closest } from '../../src/core/spelling.ts';
import { createTestBot, replyText } from '../support/harness.ts';

describe('did you mean', () => {
  it('takes the nearest name within two edits, one for short words, else the one name a word begins', () => {
    expect(closest('random-drfit', ['random-drift', 'objection-channel'])).toBe('random-drift');
    expect(closest('support', ['supports', 'opposes', 'crux-of'])).toBe('supports');
    expect(closest('svg', ['png', 'text'])).toBeUndefined();
    expect(closest('specgam', ['specgaming', 'reward-seeking'])).toBe('specgaming');
    expect(closest('re', ['reward', 'refines'])).toBeUndefined();
    expect(closest('re', ['re-x'])).toBeUndefined();
  });
});

describe('wrong values and option names, as a person types them', () => {
  it('a misspelt choice is named with the nearest one, and nothing is stored', async () => {
    const bot = createTestBot();
    await bot.run('/debate new slug:reward title:"Is reward the optimisation target?"');
    await bot.run('/claim add text:"Reward is the target"');
    await bot.run('/claim add text:"Reward is a proxy"');
    expect(replyText(await bot.run('/link from:C2 to:C1 kind:support'))).toMatch(
      /kind: must be one of supports, .* \(got "support"; did you mean supports\?\)/,
    );
    expect(replyText(await bot.run('/drift run preset:random-drfit'))).toMatch(/did you mean random-drift\?/);
    expect(replyText(await bot.run('/claim show C1'))).not.toMatch(/Supported by|C2/);
    await bot.close();
  });

  it('option names are read without regard to case: /drift P:1e-3 is p:1e-3', async () => {
    const bot = createTestBot();
    const upper = replyText(await bot.run('/drift run preset:random-drift P:1e-3 steps:1000'));
    const lower = replyText(await bot.run('/drift run preset:random-drift p:1e-3 steps:1000'));
    expect(upper).not.toMatch(/must be one of|has no option/);
    expect(upper).toBe(lower);
    await bot.close();
  });
});

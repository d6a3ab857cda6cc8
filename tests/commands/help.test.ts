import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot();
});
afterEach(async () => await bot.close());

describe('/help', () => {
  it('lists every command with its description', async () => {
    const text = replyText(await bot.run('/help'));
    for (const command of COMMANDS) {
      expect(text).toContain(`/${command.name}`);
      expect(text).toContain(command.description);
    }
  });

  it('explains one command or subcommand with usage, options and examples', async () => {
    const text = replyText(await bot.run('/help claim add'));
    expect(text).toContain('/claim add <text> [tags:<tags>] [source:<source>] [debate:<slug>]');
    expect(text).toContain('tags (optional): Tags, separated by commas or spaces');
    expect(text).toContain('/claim add text:"Reward seeking is more likely instrumental than terminal" tags:reward-seeking');
    expect(replyText(await bot.run('/help link'))).toContain('kind: How they relate: supports, opposes, crux-of, refines, duplicates');
  });

  it('suggests a command for a typo', async () => {
    expect(replyText(await bot.run('/help calim'))).toMatch(/Unknown command \/calim. Did you mean \/claim\?/);
    expect(replyText(await bot.run('/help claim nope'))).toMatch(/has no subcommand nope/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../support/rows.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

// A Monday, noon UTC.
const NOW = new Date('2026-11-23T12:00:00Z');
let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot({ now: NOW });
  await bot.run('/debate new slug:evals title:"Where evals go"');
});
afterEach(async () => await bot.close());

describe('/predict', () => {
  it('adds the claim, your credence and its resolve-by date in one step, echoing the date with its zone', async () => {
    const reply = await bot.run('/predict text:"SWE-bench passes 90% by June" credence:70 resolve-by:"friday 5pm" tags:benchmarks');
    const text = replyText(reply);
    expect(reply.title).toBe('C1 · open');
    expect(text).toContain('Predicted C1 at 70%');
    expect(text).toContain('Resolve by Fri 2026-11-27 17:00 UTC (in 4 days; time zone from no setting)');
    expect(text).toContain('#benchmarks');
    const card = replyText(await bot.run('/claim show C1'));
    expect(card).toContain('Fri 2026-11-27 17:00 UTC');
    expect(replyText(await bot.run('/credence show C1'))).toMatch(/70%/);
  });

  it('reads the date in the zone the person chose with /config timezone:', async () => {
    await bot.run('/config timezone:America/New_York');
    const text = replyText(await bot.run('/predict text:"It ships" credence:0.6 resolve-by:"friday 5pm"'));
    expect(text).toContain('Resolve by Fri 2026-11-27 17:00 America/New_York (UTC−05:00)');
    expect(text).toContain('time zone from your setting');
    const row = (await bot.services.store.forecasts.resolveBy('local', 1))!;
    expect(row.resolveBy).toBe('2026-11-27T22:00:00.000Z');
    expect(row.zone).toBe('America/New_York');
  });

  it('falls back to the workspace default zone a moderator set', async () => {
    const mod = { id: 'mo', name: 'mo', isModerator: true };
    expect(isError(await bot.run('/config default-timezone:Europe/Paris'))).toBe(true); // alice is no moderator
    await bot.run('/config default-timezone:Europe/Paris', { actor: mod });
    const text = replyText(await bot.run('/predict text:"It ships" credence:60 resolve-by:"2026-12-01 09:00"'));
    expect(text).toContain('Tue 2026-12-01 09:00 Europe/Paris (UTC+01:00)');
    expect(text).toContain('time zone from the workspace default');
  });

  it('refuses a past, an unparseable or a far date, a bad credence and a bad zone, naming the option, storing nothing', async () => {
    const cases: [string, RegExp][] = [
      ['/predict text:x credence:70 resolve-by:blorp', /resolve-by: "blorp" is not a date I understand. Write "next friday"/],
      ['/predict text:x credence:70 resolve-by:2026-01-01', /resolve-by: 2026-01-01 is in the past .*Pick a later date, e.g. "in 2 weeks"/],
      ['/predict text:x credence:70 resolve-by:"in 3 days ago"', /resolve-by: "in 3 days ago" is not a date/],
      ['/predict text:x credence:70 resolve-by:2099-01-01', /more than ten years away/],
      ['/predict text:x credence:lots resolve-by:"next friday"', /"lots" is not a credence/],
      ['/config timezone:Mars/Olympus', /timezone: "Mars\/Olympus" is not a time zone I know. Write one like Europe\/London/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line);
      expect(isError(reply), line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await countRows(bot.services.store, 'claims')).toBe(0);
    expect(await countRows(bot.services.store, 'credences')).toBe(0);
    expect(await countRows(bot.services.store, 'claim_deadlines')).toBe(0);
    expect(await countRows(bot.services.store, 'person_settings')).toBe(0);
  });

  it('lets /claim add set a resolve-by date too, and only the author or a moderator move it', async () => {
    await bot.run('/claim add text:"Loss plateaus" resolve-by:"in 2 weeks"');
    expect((await bot.services.store.forecasts.resolveBy('local', 1))?.resolveBy).toBe('2026-12-07T12:00:00.000Z');
    const other = await bot.run('/claim resolve-by C1 "end of month"', { actor: { id: 'bob', name: 'bob' } });
    expect(replyText(other)).toMatch(/Only alice, who wrote C1, or a moderator/);
    const moved = await bot.run('/claim resolve-by C1 2026-12-31');
    expect(replyText(moved)).toContain('Thu 2026-12-31 00:00 UTC');
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';
import { rows } from '../support/rows.ts';

// A bare decimal can be read two ways; the answer says which, and shows the value as it was set.

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:d title:"Drift"');
  await bot.run('/claim add Goals drift randomly over many steps');
});
afterEach(async () => await bot.close());

const stored = async () => (await rows(bot.services.store, 'credences')).map((r) => Number(r.value));

it('/credence C1 1.5 says it read 1.5% and shows 1.5%, not 2%', async () => {
  const text = replyText(await bot.run('/credence C1 1.5'));
  expect(text).toMatch(/^Recorded P\(C1\) = 1\.5%\.$/m);
  expect(text).toMatch(/Read 1\.5 as 1\.5% \(a number above 1 is a percentage\)\./);
  expect(await stored()).toEqual([0.015]);
  const moved = replyText(await bot.run('/credence C1 2.5'));
  expect(moved).toMatch(/^Updated P\(C1\): 1\.5% → 2\.5%/m);
});

it('/credence C1 0.5 says it read a probability, 50%, and how to write 0.5%', async () => {
  const text = replyText(await bot.run('/credence C1 0.5'));
  expect(text).toMatch(/Recorded P\(C1\) = 50%\./);
  expect(text).toMatch(/Read 0\.5 as a probability: 50%\. For 0\.5% write `?0\.5%`?\./);
  const exact = replyText(await bot.run('/credence C1 0.5%'));
  expect(exact).toMatch(/Updated P\(C1\): 50% → 0\.5%/);
  expect(exact).not.toMatch(/Read /);
});

it('whole numbers, percentages and odds need no note', async () => {
  for (const value of ['70', '70%', '3:1']) expect(replyText(await bot.run(`/credence C1 ${value}`))).not.toMatch(/Read /);
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { BOB, createTestBot, replyText, type TestBot } from '../support/harness.ts';

// Editing a claim people have given credences to keeps the words they saw, and the card says so.

let bot: TestBot;
let now = new Date('2026-11-23T12:00:00Z');
beforeEach(async () => {
  now = new Date('2026-11-23T12:00:00Z');
  bot = createTestBot({ clock: () => now });
  await bot.run('/debate new slug:d title:"Drift"');
  await bot.run('/claim add Goals drift randomly over many steps');
});
afterEach(async () => await bot.close());

it('the card of an edited claim shows its earlier text and how many credences were given to it', async () => {
  await bot.run('/credence C1 70');
  await bot.run('/credence C1 40', { actor: BOB });
  now = new Date('2026-11-25T12:00:00Z');
  await bot.run('/claim edit C1 "Goals drift randomly unless training data directs them"');
  const card = replyText(await bot.run('/claim show C1'));
  expect(card).toMatch(/^Goals drift randomly unless training data directs them$/m);
  expect(card).toMatch(/Edited: Until 2026-11-25 it read: “Goals drift randomly over many steps”/);
  expect(card).toMatch(/All 2 credences were given to the earlier text\./);

  now = new Date('2026-11-26T12:00:00Z');
  await bot.run('/credence C1 55', { actor: BOB });
  expect(replyText(await bot.run('/claim show C1'))).toMatch(/1 of 2 credences were given to the earlier text\./);

  await bot.run('/claim edit C1 "Goals drift unless data directs them"');
  const twice = replyText(await bot.run('/claim show C1'));
  expect(twice).toMatch(/Until 2026-11-26 it read: “Goals drift randomly unless training data directs them” \(edited 2 times\)/);
});

it('a claim never edited, or only retagged, shows no Edited field', async () => {
  expect(replyText(await bot.run('/claim show C1'))).not.toMatch(/Edited:/);
  await bot.run('/claim edit C1 tags:drift');
  expect(replyText(await bot.run('/claim show C1'))).not.toMatch(/Edited:/);
});

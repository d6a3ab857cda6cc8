import { afterEach, beforeEach, expect, it } from 'vitest';
import { cruxMapDot } from '../../src/render/map/dot.ts';
import { renderCruxMap } from '../../src/render/map/render.ts';
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

it('an edited claim is marked on the map picture and in the text outline, the others are not', async () => {
  await bot.run('/claim add Training data directs goals');
  await bot.run('/link C2 C1 opposes');
  await bot.run('/credence C1 70');
  await bot.run('/claim edit C1 "Goals drift randomly unless data directs them"');

  const outline = replyText(await bot.run('/map format:text'));
  expect(outline).toMatch(/C1 {2}Goals drift randomly unless data directs them \[edited\]/);
  expect(outline).toMatch(/C2 {2}Training data directs goals(?! \[edited\])/);
  expect(outline).toMatch(/\[edited\]: the text changed since it was added/);

  const debate = await bot.services.store.debates.require('local', 'd');
  const edited = new Set(await bot.services.store.claims.editedInDebate('local', debate.id));
  const claims = await bot.services.store.claims.inDebate(debate.id);
  const links = await bot.services.store.links.inDebate(debate.id);
  const dot = cruxMapDot(claims, links, { edited });
  const node = (ref: string) => dot.split('\n').find((l) => l.trimStart().startsWith(`"${ref}" [`))!;
  expect(node('C1')).toContain('>✎ edited<');
  expect(node('C2')).not.toContain('edited');

  const picture = await renderCruxMap({ title: debate.title, notes: [], claims, links, edited });
  expect(picture.svg.match(/>✎ edited</g)).toHaveLength(2); // C1's box and the legend
  expect(picture.svg).toContain('>text edited since it was added<');
  const untouched = await renderCruxMap({ title: debate.title, notes: [], claims, links });
  expect(untouched.svg).not.toContain('edited'); // the legend explains only what is drawn
});

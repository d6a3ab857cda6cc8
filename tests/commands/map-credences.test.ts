import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cruxMapDot } from '../../src/render/map/dot.ts';
import { credenceFill } from '../../src/render/map/style.ts';
import { teamCredenceLookup } from '../../src/queries/team-credence.ts';
import { BOB, createTestBot, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new drift title:"Does drift grow with serial steps?"');
  await bot.run('/claim add Misalignment grows with every serial step');
  await bot.run('/claim add Value change is directable by data');
  await bot.run('/link C2 C1 crux-of');
});
afterEach(async () => await bot.close());

const debate = async () => await bot.services.store.debates.require('local', 'drift');

describe('the map shows the team’s credences', () => {
  it('the outline annotates each rated claim with the team forecast and how many people gave one', async () => {
    await bot.run('/credence C1 80');
    await bot.run('/credence C1 20', { actor: BOB });
    const outline = replyText(await bot.run('/map format:text'));
    expect(outline).toContain('C1  Misalignment grows with every serial step  (50% · 2 people)');
    expect(outline).toMatch(/C2  Value change is directable by data$/m);
  });

  it('the picture colours a box by the geometric mean of odds; unrated claims stay grey', async () => {
    expect(await teamCredenceLookup({ services: bot.services, workspace: 'local' }, await debate())).toBeUndefined();
    await bot.run('/credence C2 90');
    await bot.run('/credence C2 60', { actor: BOB });
    const lookup = (await teamCredenceLookup({ services: bot.services, workspace: 'local' }, await debate()))!;
    const c1 = (await bot.services.store.claims.byNumber('local', 1))!;
    const c2 = (await bot.services.store.claims.byNumber('local', 2))!;
    const geoMean = Math.sqrt(9 * 1.5) / (1 + Math.sqrt(9 * 1.5));
    expect(lookup(c2.id)).toBeCloseTo(geoMean, 12);
    expect(lookup(c1.id)).toBeUndefined();
    const dot = cruxMapDot([c1, c2], await bot.services.store.links.inDebate((await debate()).id), { credenceOf: lookup });
    expect(dot).toContain(credenceFill(geoMean));
    expect(dot).toContain(credenceFill(undefined));
  });

  it('a poll that hides its result keeps it off the map too', async () => {
    await bot.run('/credence C2 90');
    await bot.run('/poll C2 hide:until-close closes:"in 2 days"');
    expect(await teamCredenceLookup({ services: bot.services, workspace: 'local' }, await debate())).toBeUndefined();
    expect(replyText(await bot.run('/map format:text'))).toContain('C2  Value change is directable by data  (1 person, hidden by a poll)');
  });
});

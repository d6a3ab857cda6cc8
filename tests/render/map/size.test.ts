import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMapThatFits } from '../../../src/render/map/fit.ts';
import { MAX_HEIGHT_PX, MAX_WIDTH_PX } from '../../../src/render/map/render.ts';
import { pngSize } from '../../support/png-size.ts';
import { createTestBot, type TestBot } from '../../support/harness.ts';
import { graphOf, seedBigDebate } from '../../support/map-fixtures.ts';

let bot: TestBot;
beforeAll(() => {
  bot = createTestBot();
});
afterAll(async () => await bot.close());

describe('the map at size', () => {
  for (const size of [30, 35]) {
    it(`a ${size}-claim debate comes out within ${MAX_WIDTH_PX} × ${MAX_HEIGHT_PX} px`, async () => {
      await seedBigDebate(bot.services, { workspace: `w${size}`, slug: 'big', size });
      const graph = await graphOf(bot.services, `w${size}`, 'big');
      const { plan, picture } = await renderMapThatFits(graph, {});
      const { width, height } = pngSize(picture.png);
      expect(width).toBeLessThanOrEqual(MAX_WIDTH_PX);
      expect(height).toBeLessThanOrEqual(MAX_HEIGHT_PX);
      expect(picture.scale).toBeGreaterThanOrEqual(1); // no text below 12 px
      // What does not fit is a focus view that says so, and how to see the rest.
      expect(plan.shown).toBeLessThan(size);
      expect(plan.focus).toBeDefined();
      expect(plan.view.notes.join(' ')).toMatch(new RegExp(`showing ${plan.shown} of ${size}`));
      expect(plan.view.notes.join(' ')).toMatch(/See more with \/map focus:C\d+ depth:2|\/map format:text/);
    });
  }
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggest } from '../../src/queries/autocomplete.ts';
import { clipText } from '../../src/core/values.ts';
import { unsafeStoredText, inspect } from '../support/db-state.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';

/** Text cut to a length never ends in half an emoji: SQLite would store it as U+FFFD, Discord refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:emoji title:"Emoji at the edges"');
});
afterEach(async () => await bot.close());

describe('text cut to a length', () => {
  it('GIVEN an emoji across the cut THEN it is left out whole', () => {
    expect(clipText('ab🙂', 3)).toBe('ab');
    expect(clipText('ab🙂', 4)).toBe('ab🙂');
    expect(clipText('abc', 2)).toBe('ab');
  });

  it('GIVEN a captured message whose 300th character is half an emoji THEN the stored excerpt ends before it', async () => {
    const text = `${'x'.repeat(299)}🙂 and more`;
    const form = await bot.interact('claim:capture', {
      message: { id: 'm1', channelId: 'general', authorId: 'ana', authorName: 'ana', text },
    });
    const reply = await bot.interact(form.modal!.id, { fields: { text: 'A claim from a long message', tags: '' } });
    expect(replyText(reply)).toMatch(/Captured C1/);
    expect((await bot.services.store.claims.byNumber('local', 1))?.source.excerpt).toBe('x'.repeat(299));
    expect(unsafeStoredText(inspect(bot.services.store))).toEqual([]);
  });

  it('GIVEN a claim with an emoji where a suggestion is cut THEN the suggestion keeps no half of it', async () => {
    await bot.run(`/claim add ${'y'.repeat(93)}🙂🙂🙂 and the rest of a long claim`);
    const [suggestion] = await suggest({ services: bot.services, workspace: 'local', channel: { id: 'general' } }, 'claim', 'y');
    expect(suggestion?.name.length).toBeLessThanOrEqual(100);
    expect(suggestion?.name).not.toMatch(LONE_SURROGATE);
  });
});

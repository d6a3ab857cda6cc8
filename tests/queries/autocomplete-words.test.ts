import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggest } from '../../src/queries/autocomplete.ts';
import { createTestBot, type TestBot } from '../support/harness.ts';
import { BACKENDS } from '../storage/backends.ts';

/**
 * Autocomplete by words ranks only the newest matches of each part of the search (the channel's debate,
 * then the rest of the workspace), so a word that matches a whole big debate costs a bounded read. What
 * the person sees must still make sense.
 */
const AT = '2026-11-23T12:00:00.000Z';

describe.each(BACKENDS)('autocomplete by words in a big debate on $name', (backend) => {
  let bot: TestBot;
  let dispose: () => Promise<void>;
  let ids: { big: number; other: number };
  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    bot = createTestBot({ store: opened.store });
    const { store } = bot.services;
    const create = (slug: string) =>
      store.debates.create({ workspace: 'local', slug, title: `Debate ${slug}`, createdBy: 'alice', createdByName: 'alice', at: AT });
    const big = await create('big');
    const other = await create('other');
    ids = { big: big.id, other: other.id };
    const add = (debateId: number, text: string) =>
      store.claims.insert({ workspace: 'local', debateId, text, authorId: 'alice', authorName: 'alice', tags: [], at: AT });
    await store.transaction(async () => {
      await add(big.id, 'Reward honeypots catch specification gaming early'); // C1: old, words of its own
      for (let i = 2; i <= 700; i++) await add(big.id, `Reward signal ${i} drifts as training goes on, in steps`);
      await add(big.id, 'Reward drift'); // short and all about the words typed
      for (let i = 0; i < 30; i++) await add(other.id, `Reward drift elsewhere, variant ${i}`);
    });
    await bot.run('/debate use big');
  });
  afterEach(async () => {
    await bot.close();
    await dispose();
  });

  const typedIn = async (typed: string) =>
    (await suggest({ services: bot.services, workspace: 'local', channel: { id: 'general' } }, 'claim', typed)).map((s) => s.name);

  it('offers the old claim whose own words were typed, among 700 that share the first word', async () => {
    expect((await typedIn('reward honeyp'))[0]).toBe('C1 · Reward honeypots catch specification gaming early');
    expect((await typedIn('specification gam'))[0]).toMatch(/^C1 · /);
  });

  it('lists the channel’s debate first, 25 at most, each once, the claim most about the typed words on top', async () => {
    const names = await typedIn('reward dr');
    expect(names).toHaveLength(25);
    expect(new Set(names).size).toBe(25);
    expect(names[0]).toBe('C701 · Reward drift');
    expect(names.every((n) => !n.includes('elsewhere'))).toBe(true);
  });

  it('fills the list from the rest of the workspace when the channel’s debate has few matches', async () => {
    const names = await typedIn('drift elsewh');
    expect(names).toHaveLength(25);
    expect(names.every((n) => n.includes('elsewhere'))).toBe(true);
    await bot.services.store.claims.insert({
      workspace: 'local',
      debateId: ids.big,
      text: 'Drift elsewhere is not drift here',
      authorId: 'alice',
      authorName: 'alice',
      tags: [],
      at: AT,
    });
    const mixed = await typedIn('drift elsewh');
    expect(mixed[0]).toBe('C732 · Drift elsewhere is not drift here');
    expect(mixed.slice(1).every((n) => n.includes('Reward drift elsewhere'))).toBe(true);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { MemoryDrafts, PendingStore, type DraftKeeper } from '../../src/core/pending.ts';
import { BACKENDS } from '../storage/backends.ts';

const ana = { workspace: 'slack:T111', actor: { id: 'W111', name: 'ana' } };
const bob = { workspace: 'slack:T111', actor: { id: 'W222', name: 'bob' } };
const anaElsewhere = { workspace: 'slack:T222', actor: { id: 'W111', name: 'ana' } };

const disposers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposers) await dispose();
});

/** The same drafts in memory and in each backend's store (where any instance finds them). */
const KEEPERS: { name: string; keeper: () => Promise<DraftKeeper> }[] = [
  { name: 'memory', keeper: async () => new MemoryDrafts() },
  ...BACKENDS.map((backend) => ({
    name: `the ${backend.name} store`,
    keeper: async () => {
      const { store, dispose } = await backend.open();
      disposers.push(dispose);
      return store.state;
    },
  })),
];

describe.each(KEEPERS)('drafts between opening and submitting a form, in $name', ({ keeper }) => {
  it('GIVEN Ana opened a form THEN her token gives her the draft once', async () => {
    const store = new PendingStore<{ text: string }>(await keeper());
    const token = await store.put(ana, { text: 'draft' });
    expect(await store.take(ana, token)).toEqual({ text: 'draft' });
    expect(await store.take(ana, token)).toBeUndefined();
  });

  it('GIVEN the token is replayed by someone else or from another workspace THEN it finds nothing and the draft stays hers', async () => {
    const store = new PendingStore<string>(await keeper());
    const token = await store.put(ana, 'draft');
    expect(await store.take(bob, token)).toBeUndefined();
    expect(await store.take(anaElsewhere, token)).toBeUndefined();
    expect(await store.take(ana, token)).toBe('draft');
  });

  it('GIVEN a draft older than its lifetime THEN it is gone', async () => {
    let now = 0;
    const store = new PendingStore<string>(await keeper(), 1_000, () => now);
    const token = await store.put(ana, 'draft');
    now = 1_000;
    expect(await store.take(ana, token)).toBeUndefined();
  });
});

describe.each(BACKENDS)('drafts shared by two instances on $name', (backend) => {
  it('a form opened on one instance is submitted on another', async () => {
    const { store, dispose } = await backend.open();
    disposers.push(dispose);
    // Two PendingStores over one database: what two bot processes have.
    const opened = await new PendingStore<string>(store.state).put(ana, 'draft');
    expect(await new PendingStore<string>(store.state).take(ana, opened)).toBe('draft');
  });
});

import { describe, expect, it } from 'vitest';
import { PendingStore } from '../../src/core/pending.ts';

const ana = { workspace: 'slack:T111', actor: { id: 'W111', name: 'ana' } };
const bob = { workspace: 'slack:T111', actor: { id: 'W222', name: 'bob' } };
const anaElsewhere = { workspace: 'slack:T222', actor: { id: 'W111', name: 'ana' } };

describe('drafts between opening and submitting a form', () => {
  it('GIVEN Ana opened a form THEN her token gives her the draft once', () => {
    const store = new PendingStore<string>();
    const token = store.put(ana, 'draft');
    expect(store.take(ana, token)).toBe('draft');
    expect(store.take(ana, token)).toBeUndefined();
  });

  it('GIVEN the token is replayed by someone else or from another workspace THEN it finds nothing and the draft stays hers', () => {
    const store = new PendingStore<string>();
    const token = store.put(ana, 'draft');
    expect(store.take(bob, token)).toBeUndefined();
    expect(store.take(anaElsewhere, token)).toBeUndefined();
    expect(store.take(ana, token)).toBe('draft');
  });

  it('GIVEN a draft older than its lifetime THEN it is gone', () => {
    let now = 0;
    const store = new PendingStore<string>(1_000, () => now);
    const token = store.put(ana, 'draft');
    now = 1_000;
    expect(store.take(ana, token)).toBeUndefined();
  });
});

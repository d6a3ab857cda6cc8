import { openRaw } from '../support/db-state.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/index.ts';
import type { Store } from '../../src/storage/ports.ts';

let dir: string;
let store: Store;
const AT = '2026-11-23T12:00:00.000Z';
const MO = { id: 'mo', name: 'Mo' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-settings-'));
  store = openStore(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('workspace settings', () => {
  it('keeps each workspace’s moderators apart, with who set them and when', async () => {
    await store.settings.put('discord:1', 'moderators', { kind: 'discord-role', id: '1250000000000000001', name: 'Mods' }, MO, AT);
    await store.settings.put('local', 'moderators', { kind: 'names', names: ['ada'] }, MO, AT);
    expect(await store.settings.get('discord:1', 'moderators')).toEqual({
      value: { kind: 'discord-role', id: '1250000000000000001', name: 'Mods' },
      updatedBy: 'mo',
      updatedByName: 'Mo',
      updatedAt: AT,
    });
    expect(await store.settings.moderators('discord:2')).toBeUndefined();
    expect(await store.settings.moderators('local')).toEqual({ kind: 'names', names: ['ada'] });
  });

  it('a second put replaces the first; remove clears it and says whether there was one', async () => {
    await store.settings.put('local', 'moderators', { kind: 'names', names: ['ada'] }, MO, AT);
    await store.settings.put(
      'local',
      'moderators',
      { kind: 'names', names: ['bob'] },
      { id: 'cy', name: 'cy' },
      '2026-11-24T00:00:00.000Z',
    );
    expect(await store.settings.get('local', 'moderators')).toMatchObject({ value: { names: ['bob'] }, updatedBy: 'cy' });
    expect(await store.settings.remove('local', 'moderators')).toBe(true);
    expect(await store.settings.remove('local', 'moderators')).toBe(false);
    expect(await store.settings.moderators('local')).toBeUndefined();
  });

  it('a stored value that is not what the schema says (a hand-edited file) grants nothing', async () => {
    const insert = openRaw(store).prepare(
      "INSERT INTO workspace_settings (workspace, key, value, updated_by, updated_by_name, updated_at) VALUES (?, 'moderators', ?, 'x', 'x', ?)",
    );
    insert.run('discord:1', '{"kind":"discord-role"}', AT);
    insert.run('discord:2', 'not json', AT);
    expect(await store.settings.moderators('discord:1')).toBeUndefined();
    expect(await store.settings.moderators('discord:2')).toBeUndefined();
  });

  it('refuses to store a value its schema does not allow', async () => {
    await expect(store.settings.put('local', 'moderators', { kind: 'names' } as never, MO, AT)).rejects.toThrow();
    expect(await store.settings.moderators('local')).toBeUndefined();
  });
});

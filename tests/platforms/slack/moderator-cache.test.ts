import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.ts';
import type { WebClient } from '../../../src/platforms/slack/delivery.ts';
import { isSlackModerator } from '../../../src/platforms/slack/moderators.ts';
import { UserDirectory } from '../../../src/platforms/slack/user-directory.ts';
import { UserGroups } from '../../../src/platforms/slack/user-groups.ts';
import { openStore } from '../../../src/storage/index.ts';
import type { Store } from '../../../src/storage/ports.ts';

/**
 * How long Slack's word on who moderates is trusted, on a clock the test moves: admin flags and group
 * members for five minutes, a failed answer for thirty seconds, names for an hour.
 */
const MINUTE = 60_000;
let now: number;
let calls: { method: string; args: Record<string, unknown> }[];
let admins: Set<string>;
let leads: string[];
let failing: boolean;

/** Just the Web API methods these classes call, answering like Slack (or failing like it). */
const client = {
  users: {
    info: async (args: { user: string }) => {
      calls.push({ method: 'users.info', args });
      if (failing) throw Object.assign(new Error('An API error occurred: ratelimited'), { data: { ok: false, error: 'ratelimited' } });
      return {
        ok: true,
        user: { id: args.user, name: args.user, profile: { display_name: `Name ${args.user}` }, is_admin: admins.has(args.user) },
      };
    },
  },
  usergroups: {
    users: {
      list: async (args: { usergroup: string }) => {
        calls.push({ method: 'usergroups.users.list', args });
        if (failing)
          throw Object.assign(new Error('An API error occurred: missing_scope'), { data: { ok: false, error: 'missing_scope' } });
        return { ok: true, users: leads };
      },
    },
  },
} as unknown as WebClient;

beforeEach(() => {
  now = Date.UTC(2026, 10, 23, 12);
  calls = [];
  admins = new Set(['W1']);
  leads = ['W2'];
  failing = false;
});

const count = (method: string) => calls.filter((c) => c.method === method).length;

describe('admin flags from users.info', () => {
  it('are trusted for five minutes: a demoted admin loses the rights after that, while the name is kept an hour', async () => {
    const users = new UserDirectory(client, silentLogger, () => now);
    expect(await users.isAdmin('W1')).toBe(true);
    now += 4 * MINUTE;
    expect(await users.isAdmin('W1')).toBe(true);
    expect(count('users.info')).toBe(1);

    admins.delete('W1');
    now += 2 * MINUTE;
    expect(await users.isAdmin('W1')).toBe(false);
    expect(count('users.info')).toBe(2);
    now += 30 * MINUTE;
    expect(users.known('W1')).toBe('Name W1');
  });

  it('a failed answer grants nothing, and is asked again after thirty seconds, not five minutes', async () => {
    const users = new UserDirectory(client, silentLogger, () => now);
    failing = true;
    expect(await users.isAdmin('W1')).toBe(false);
    failing = false;
    now += 10_000;
    expect(await users.isAdmin('W1')).toBe(false);
    now += 25_000;
    expect(await users.isAdmin('W1')).toBe(true);
    expect(count('users.info')).toBe(2);
  });

  it('a burst of requests from one person shares one call', async () => {
    const users = new UserDirectory(client, silentLogger, () => now);
    expect(await Promise.all([users.isAdmin('W1'), users.isAdmin('W1'), users.name('W1')])).toEqual([true, true, 'Name W1']);
    expect(count('users.info')).toBe(1);
  });
});

describe('user-group members from usergroups.users.list', () => {
  it('are trusted for five minutes: someone taken out of the group loses the rights after that', async () => {
    const groups = new UserGroups(client, silentLogger, () => now);
    expect(await groups.has('T1', 'S1', 'W2')).toBe(true);
    expect(await groups.has('T1', 'S1', 'W3')).toBe(false);
    leads = ['W3'];
    now += 4 * MINUTE;
    expect(await groups.has('T1', 'S1', 'W2')).toBe(true);
    now += 2 * MINUTE;
    expect(await groups.has('T1', 'S1', 'W2')).toBe(false);
    expect(await groups.has('T1', 'S1', 'W3')).toBe(true);
    expect(count('usergroups.users.list')).toBe(2);
    expect(calls.find((c) => c.method === 'usergroups.users.list')?.args).toEqual({ usergroup: 'S1', team_id: 'T1' });
  });

  it('a refusal (a missing scope) grants nothing and is asked again after thirty seconds', async () => {
    const groups = new UserGroups(client, silentLogger, () => now);
    failing = true;
    expect(await groups.has('T1', 'S1', 'W2')).toBe(false);
    failing = false;
    now += 31_000;
    expect(await groups.has('T1', 'S1', 'W2')).toBe(true);
    expect(count('usergroups.users.list')).toBe(2);
  });
});

describe('deciding within the time allowed', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
  });
  afterEach(async () => await store.close());

  it('a member of the group /config chose is a moderator; when Slack never answers, nobody is', async () => {
    await store.settings.put('slack:T1', 'moderators', { kind: 'slack-group', id: 'S1' }, { id: 'W1', name: 'a' }, '2026-11-23T12:00:00Z');
    const sources = {
      store,
      users: new UserDirectory(client, silentLogger, () => now),
      groups: new UserGroups(client, silentLogger, () => now),
      budgetMs: 10_000,
    };
    expect(await isSlackModerator(sources, 'T1', 'W2')).toBe(true);
    expect(await isSlackModerator(sources, 'T1', 'W3')).toBe(false);
    expect(await isSlackModerator(sources, 'T2', 'W2')).toBe(false);

    const silent = { users: { info: () => new Promise(() => {}) } } as unknown as WebClient;
    const stuck = { ...sources, users: new UserDirectory(silent, silentLogger, () => now), budgetMs: 20 };
    expect(await isSlackModerator(stuck, 'T2', 'W1')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSince } from '../../../src/domain/threads/since.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

describe('since: a message link or a time', () => {
  it.each([
    ['2h', '2026-11-23T10:00:00.000Z'],
    ['90 minutes ago', '2026-11-23T10:30:00.000Z'],
    ['3 days', '2026-11-20T12:00:00.000Z'],
    ['1w', '2026-11-16T12:00:00.000Z'],
    ['yesterday', '2026-11-22T00:00:00.000Z'],
    ['today', '2026-11-23T00:00:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T09:30:00Z', '2026-11-20T09:30:00.000Z'],
    // A Discord message id carries its time: (id >> 22) + the Discord epoch.
    ['https://discord.com/channels/111111111111111111/222222222222222222/1310000000000000000', '2024-11-23T21:52:18.623Z'],
    ['https://acme.slack.com/archives/C0123ABCD/p1763899200123456', '2025-11-23T12:00:00.123Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseSince(input, NOW).toISOString()).toBe(iso);
  });

  it('refuses what is neither, and a time in the future, saying why', () => {
    expect(() => parseSince('last tuesday-ish', NOW)).toThrow(/"last tuesday-ish" is neither a message link nor a time/);
    expect(() => parseSince('2027-01-01', NOW)).toThrow(/in the future/);
    expect(() => parseSince('https://example.com/channels/1/2/3', NOW)).toThrow(/neither a message link nor a time/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCloseTime } from '../../../src/domain/credences/close-time.ts';
import { parseSince } from '../../../src/domain/threads/since.ts';
import { formatInZone, isTimeZone, parseWhen } from '../../../src/domain/time/when.ts';

// A Monday, noon UTC: 07:00 in New York, 13:00 in Paris.
const now = new Date('2026-11-23T12:00:00Z');
const ahead = (input: string, zone = 'UTC') => parseWhen(input, { now, zone, direction: 'future' })?.toISOString();

describe('one grammar for every date and duration option', () => {
  it('reads English dates in the person’s time zone', () => {
    expect(ahead('friday 5pm', 'America/New_York')).toBe('2026-11-27T22:00:00.000Z');
    expect(ahead('friday 5pm', 'Europe/Paris')).toBe('2026-11-27T16:00:00.000Z');
    expect(ahead('in 2 weeks')).toBe('2026-12-07T12:00:00.000Z');
    expect(ahead('noon tomorrow', 'Europe/Paris')).toBe('2026-11-24T11:00:00.000Z');
    expect(ahead('end of month', 'UTC')?.slice(0, 10)).toBe('2026-11-30');
    expect(ahead('next friday')?.slice(0, 10)).toMatch(/^2026-1[12]-/);
  });

  it('reads an ISO date without a zone as midnight where the person is, and one with an offset as given', () => {
    expect(ahead('2027-01-31', 'America/New_York')).toBe('2027-01-31T05:00:00.000Z');
    expect(ahead('2027-07-01 09:00', 'America/New_York')).toBe('2027-07-01T13:00:00.000Z'); // summer time
    expect(ahead('2027-01-31T09:00+01:00', 'America/New_York')).toBe('2027-01-31T08:00:00.000Z');
  });

  it('gives closes: and since: the same words', () => {
    expect(parseCloseTime('friday 5pm', now, 'Europe/Paris').toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(parseSince('last monday', now).toISOString().slice(0, 10)).toBe('2026-11-16');
    expect(parseSince('2 weeks ago', now).toISOString()).toBe('2026-11-09T12:00:00.000Z');
    expect(parseSince('yesterday', now, 'Europe/Paris').toISOString()).toBe('2026-11-21T23:00:00.000Z');
  });

  it('refuses what is not wholly a date', () => {
    expect(ahead('blorp')).toBeUndefined();
    expect(ahead('friday-ish')).toBeUndefined();
    expect(ahead('2026-02-30')).toBeUndefined();
    expect(ahead('in 3 days ago')).toBeUndefined();
  });

  it('echoes a time with its zone', () => {
    expect(formatInZone(new Date('2026-11-27T22:00:00Z'), 'America/New_York')).toBe('Fri 2026-11-27 17:00 America/New_York (UTC−05:00)');
    expect(formatInZone(new Date('2026-11-27T22:00:00Z'), 'UTC')).toBe('Fri 2026-11-27 22:00 UTC');
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

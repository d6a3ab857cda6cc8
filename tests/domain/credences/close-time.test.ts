import { describe, expect, it } from 'vitest';
import { formatRelative, formatUtc, parseCloseTime } from '../../../src/domain/credences/close-time.ts';

const now = new Date('2026-11-23T12:00:00Z');
const at = (input: string) => parseCloseTime(input, now).toISOString();

describe('parseCloseTime', () => {
  it('reads durations from now', () => {
    expect(at('in 3 days')).toBe('2026-11-26T12:00:00.000Z');
    expect(at('3d')).toBe('2026-11-26T12:00:00.000Z');
    expect(at('2h')).toBe('2026-11-23T14:00:00.000Z');
    expect(at('90 minutes')).toBe('2026-11-23T13:30:00.000Z');
    expect(at('1w')).toBe('2026-11-30T12:00:00.000Z');
    expect(at('In 1.5 Hours')).toBe('2026-11-23T13:30:00.000Z');
    expect(at('tomorrow')).toBe('2026-11-24T12:00:00.000Z');
  });

  it('reads dates and times, in UTC unless they say otherwise', () => {
    expect(at('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
    expect(at('2026-12-01 15:00')).toBe('2026-12-01T15:00:00.000Z');
    expect(at('2026-12-01T15:00:00Z')).toBe('2026-12-01T15:00:00.000Z');
    expect(at('2026-12-01T15:00+02:00')).toBe('2026-12-01T13:00:00.000Z');
  });

  it('refuses the past, the unparseable, the too soon and the too far, saying which', () => {
    expect(() => at('2020-01-01')).toThrow(/closes: 2020-01-01 is in the past \(it is now 2026-11-23 12:00 UTC\)/);
    expect(() => at('soonish')).toThrow(/closes: "soonish" is not a time I understand/);
    expect(() => at('2026-02-30')).toThrow(/is not a time I understand/);
    expect(() => at('in 3 fortnights')).toThrow(/is not a time I understand/);
    expect(() => at('0.5 minutes')).toThrow(/too soon/);
    expect(() => at('400 days')).toThrow(/more than a year away/);
  });

  it('formats times for people', () => {
    expect(formatUtc(new Date('2026-11-26T12:00:00Z'))).toBe('2026-11-26 12:00 UTC');
    expect(formatRelative(new Date('2026-11-26T12:00:00Z'), now)).toBe('in 3 days');
    expect(formatRelative(new Date('2026-11-23T17:00:00Z'), now)).toBe('in 5 hours');
    expect(formatRelative(new Date('2026-11-23T12:30:00Z'), now)).toBe('in 30 minutes');
    expect(formatRelative(new Date('2026-11-23T10:00:00Z'), now)).toBe('2 hours ago');
  });
});

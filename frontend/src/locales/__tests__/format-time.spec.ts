import { describe, expect, it } from 'vitest';
import { bangkokToday, formatDateTime, formatTimeOfDay } from '../format';

describe('formatDateTime', () => {
  it('shows Bangkok wall-clock time, in B.E. for Thai', () => {
    // 22:46 UTC on 21 Nov 2026 is 05:46 on 22 Nov in Bangkok (UTC+7).
    expect(formatDateTime('2026-11-21T22:46:59.000Z', 'th')).toBe('22 พ.ย. 2569 05:46 น.');
    expect(formatDateTime('2026-11-21T22:46:59.000Z', 'en')).toBe('22 Nov 2026 05:46');
  });

  it('refuses what is not a timestamp', () => {
    expect(() => formatDateTime('yesterday', 'en')).toThrow(RangeError);
  });
});

describe('bangkokToday', () => {
  it('is the calendar date in Bangkok, which runs ahead of UTC', () => {
    expect(bangkokToday(new Date('2027-03-01T16:59:00Z'))).toBe('2027-03-01');
    expect(bangkokToday(new Date('2027-03-01T17:00:00Z'))).toBe('2027-03-02');
  });
});

describe('formatTimeOfDay', () => {
  it('gives hours and minutes in Bangkok', () => {
    expect(formatTimeOfDay(new Date('2026-11-21T22:05:00Z'))).toBe('05:05');
  });
});

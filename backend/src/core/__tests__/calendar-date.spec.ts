import { isCalendarDate } from '../calendar-date.js';

describe('isCalendarDate', () => {
  it('accepts days that exist, leap days included', () => {
    for (const d of ['2024-02-29', '2026-12-31', '2027-01-01', '2000-02-29']) expect(isCalendarDate(d)).toBe(true);
  });
  it('refuses days that do not exist, other shapes and years no report means', () => {
    for (const d of [
      '2027-02-30',
      '2024-02-31',
      '2027-13-45',
      '2027-00-10',
      '2027-04-31',
      '1900-02-29',
      '2027-1-5',
      '27-01-05',
      '99999-01-01',
      '0001-01-01',
      '',
    ]) {
      expect(isCalendarDate(d)).toBe(false);
    }
  });
});

import {
  bangkokDate,
  fiscalQuarterDates,
  fiscalQuarterOf,
  fiscalYearDates,
  parseQuarterCode,
  quarterRange,
} from '../fiscal-calendar.js';

describe('fiscal calendar', () => {
  it('names the fiscal year by the B.E. year in which it ends: FY2570 = 1 Oct 2026 – 30 Sep 2027', () => {
    expect(fiscalYearDates(2570)).toEqual({ startDate: '2026-10-01', endDate: '2027-09-30' });
  });

  it('splits the year into Q1 Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep', () => {
    expect(
      [1, 2, 3, 4].map((q) => [fiscalQuarterDates(2570, q).startDate, fiscalQuarterDates(2570, q).endDate]),
    ).toEqual([
      ['2026-10-01', '2026-12-31'],
      ['2027-01-01', '2027-03-31'],
      ['2027-04-01', '2027-06-30'],
      ['2027-07-01', '2027-09-30'],
    ]);
  });

  it('opens entry on the first day, sets the deadline 30 days after the end and closes entry after 60', () => {
    const q = fiscalQuarterDates(2569, 4);
    expect(q).toMatchObject({
      code: 'FY2569Q4',
      entryOpensOn: '2026-07-01',
      deadline: '2026-10-30',
      entryClosesOn: '2026-11-29',
    });
  });

  it('finds the fiscal quarter of a date, across the October boundary', () => {
    expect(fiscalQuarterOf(new Date('2026-09-30T12:00:00Z'))).toEqual({ fiscalYear: 2569, quarter: 4 });
    expect(fiscalQuarterOf(new Date('2026-10-01T00:00:00Z'))).toEqual({ fiscalYear: 2570, quarter: 1 });
    // 00:30 on 1 October in Bangkok is still 30 September in UTC: the new fiscal year has begun.
    expect(fiscalQuarterOf(new Date('2026-09-30T17:30:00Z'))).toEqual({ fiscalYear: 2570, quarter: 1 });
    expect(fiscalQuarterOf(new Date('2027-02-28T00:00:00Z'))).toEqual({ fiscalYear: 2570, quarter: 2 });
  });

  it('parses quarter codes and refuses malformed ones', () => {
    expect(parseQuarterCode('FY2570Q1')).toEqual({ fiscalYear: 2570, quarter: 1 });
    expect(parseQuarterCode('FY2570Q5')).toBeNull();
    expect(parseQuarterCode('2570Q1')).toBeNull();
  });

  it('lists quarters in order across fiscal years', () => {
    const range = quarterRange({ fiscalYear: 2566, quarter: 1 }, { fiscalYear: 2570, quarter: 1 });
    expect(range).toHaveLength(17);
    expect(range.at(-1)).toEqual({ fiscalYear: 2570, quarter: 1 });
  });
});

describe('bangkokDate', () => {
  it('gives the calendar day in Bangkok (UTC+7 all year), which deadlines and entry windows are counted in', () => {
    expect(bangkokDate(new Date('2026-11-29T16:59:59Z'))).toBe('2026-11-29');
    expect(bangkokDate(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
    expect(bangkokDate(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateRange,
  formatFiscalQuarter,
  formatFiscalYear,
  formatIndicatorValue,
  formatNumber,
  formatPercent,
  parseFiscalQuarterCode,
  parseIsoDate,
} from '../format';

describe('format', () => {
  describe('formatDate', () => {
    it('writes dates known only by year or month, as sources are often dated', () => {
      expect(formatDate('2024', 'th')).toBe('พ.ศ. 2567');
      expect(formatDate('2024', 'en')).toBe('2024');
      expect(formatDate('2019-01', 'th')).toBe('ม.ค. 2562');
      expect(formatDate('2019-01', 'en')).toBe('Jan 2019');
      expect(() => formatDate('2019-13', 'en')).toThrow(RangeError);
    });

    it('writes Thai dates with the abbreviated Thai month and the Buddhist Era year', () => {
      expect(formatDate('2026-10-01', 'th')).toBe('1 ต.ค. 2569');
      expect(formatDate('2027-09-30', 'th')).toBe('30 ก.ย. 2570');
      expect(formatDate('2024-01-15', 'th')).toBe('15 ม.ค. 2567');
    });

    it('writes English dates as day, short month, Common Era year', () => {
      expect(formatDate('2026-10-01', 'en')).toBe('1 Oct 2026');
      expect(formatDate('2027-09-30', 'en')).toBe('30 Sep 2027');
    });

    it('uses the calendar date of an ISO timestamp, not the viewer time zone', () => {
      expect(formatDate('2026-12-31T23:30:00.000Z', 'en')).toBe('31 Dec 2026');
    });

    it('names every Thai month', () => {
      const months = Array.from(
        { length: 12 },
        (_, i) => formatDate(`2026-${String(i + 1).padStart(2, '0')}-01`, 'th').split(' ')[1],
      );
      expect(months).toEqual([
        'ม.ค.',
        'ก.พ.',
        'มี.ค.',
        'เม.ย.',
        'พ.ค.',
        'มิ.ย.',
        'ก.ค.',
        'ส.ค.',
        'ก.ย.',
        'ต.ค.',
        'พ.ย.',
        'ธ.ค.',
      ]);
    });

    it('rejects text that is not a calendar date', () => {
      expect(() => formatDate('15/01/2024', 'th')).toThrow(RangeError);
      expect(() => parseIsoDate('2026-02-29')).toThrow(RangeError);
      expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    });
  });

  describe('formatDateRange', () => {
    it('joins two dates with an en dash', () => {
      expect(formatDateRange('2026-10-01', '2026-12-31', 'th')).toBe('1 ต.ค. 2569 – 31 ธ.ค. 2569');
    });
  });

  describe('formatFiscalQuarter', () => {
    it('writes Thai quarters as "ไตรมาส q/year" with the B.E. fiscal year', () => {
      expect(formatFiscalQuarter('FY2570Q1', 'th')).toBe('ไตรมาส 1/2570');
      expect(formatFiscalQuarter('FY2569Q4', 'th')).toBe('ไตรมาส 4/2569');
    });

    it('writes English quarters as "FY2570 Q1", keeping the B.E. fiscal year name', () => {
      expect(formatFiscalQuarter('FY2570Q1', 'en')).toBe('FY2570 Q1');
    });

    it('rejects codes that are not fiscal quarters', () => {
      expect(() => formatFiscalQuarter('FY2570Q5', 'th')).toThrow(RangeError);
      expect(() => parseFiscalQuarterCode('2570Q1')).toThrow(RangeError);
    });
  });

  describe('formatFiscalYear', () => {
    it('names the fiscal year in each language', () => {
      expect(formatFiscalYear(2570, 'th')).toBe('ปีงบประมาณ 2570');
      expect(formatFiscalYear(2570, 'en')).toBe('FY2570');
    });
  });

  describe('formatPercent', () => {
    it('formats percentage points with fixed digits and a space before %', () => {
      expect(formatPercent(57.89, 'th', 2)).toBe('57.89 %');
      expect(formatPercent(25, 'en', 2)).toBe('25.00 %');
      expect(formatPercent(71.05, 'en', 1)).toBe('71.1 %');
    });

    it('uses Latin digits in Thai', () => {
      expect(formatPercent(1.32, 'th')).toMatch(/^[0-9.]+ %$/);
    });
  });

  describe('formatNumber', () => {
    it('groups thousands', () => {
      expect(formatNumber(7850, 'th')).toBe('7,850');
      expect(formatNumber(2334.5, 'en', 1)).toBe('2,334.5');
    });
  });

  describe('formatIndicatorValue', () => {
    it('formats each unit', () => {
      expect(formatIndicatorValue(20, 'PERCENT', 'th')).toBe('20.0 %');
      expect(formatIndicatorValue(12, 'COUNT', 'en')).toBe('12');
      expect(formatIndicatorValue(1.5, 'PER_UNIT', 'en')).toBe('1.50');
    });
  });
});

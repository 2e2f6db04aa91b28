import { describe, expect, it } from 'vitest';
import { formatFiscalQuarterShort, formatIndicatorChange, formatNumber, formatScore, formatSigned } from '../format';
import { fill } from '../interpolate';
import { isLocaleLoaded, loadLocaleMessages, messages } from '../messages';

describe('formatFiscalQuarterShort', () => {
  it('abbreviates quarters for crowded axes as Thai reports do', () => {
    expect(formatFiscalQuarterShort('FY2569Q4', 'th')).toBe('4/69');
    expect(formatFiscalQuarterShort('FY2570Q1', 'en')).toBe('Q1/70');
    expect(formatFiscalQuarterShort('FY2600Q2', 'th')).toBe('2/00');
  });
});

describe('formatSigned and formatIndicatorChange', () => {
  it('signs changes with a plus or a true minus, and none for zero', () => {
    expect(formatSigned(0.571, 'th', 1)).toBe('+0.6');
    expect(formatSigned(-1234.5, 'en', 1)).toBe('\u22121,234.5');
    expect(formatSigned(-0.01, 'en', 1)).toBe('0.0');
  });

  it('writes percentage-point changes as points, not percent', () => {
    expect(formatIndicatorChange(1.54, 'PERCENT', 'th')).toBe('+1.5 จุด');
    expect(formatIndicatorChange(-9.52, 'PERCENT', 'en')).toBe('\u22129.5 pts');
    expect(formatIndicatorChange(-0.0449, 'PER_UNIT', 'en')).toBe('\u22120.04');
    expect(formatIndicatorChange(12, 'COUNT', 'th')).toBe('+12');
  });
});

describe('formatNumber', () => {
  it('keeps Latin digits with grouping in Thai, whatever the order of calls (formatters are reused)', () => {
    expect(formatNumber(86842609, 'th')).toBe('86,842,609');
    expect(formatNumber(1.5, 'th', 2)).toBe('1.50');
    expect(formatNumber(86842609, 'th')).toBe('86,842,609');
    expect(formatScore(56.779, 'en')).toBe('56.8');
  });
});

describe('fill', () => {
  it('fills named parameters and leaves unknown ones as written', () => {
    expect(fill('อันดับ {rank} จาก {count}', { rank: 3, count: 77 })).toBe('อันดับ 3 จาก 77');
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
  });
});

describe('loadLocaleMessages', () => {
  it('has Thai at once and English once loaded (the test setup loads it)', async () => {
    expect(isLocaleLoaded('th')).toBe(true);
    const en = await loadLocaleMessages('en');
    expect(en.app.name).toBe('DigiGov Monitor');
    expect(messages.en).toBe(en);
  });
});

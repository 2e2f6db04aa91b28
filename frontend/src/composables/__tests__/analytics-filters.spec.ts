import { describe, expect, it } from 'vitest';
import type { FiscalQuarter } from '@/api/types';
import {
  latestQuarterOf,
  parseFilters,
  periodChoices,
  quartersUpTo,
  sharedQuery,
  withFilters,
} from '../analytics-filters';

const quarter = (fiscalYear: number, q: 1 | 2 | 3 | 4): FiscalQuarter => ({
  code: `FY${fiscalYear}Q${q}`,
  fiscalYear,
  quarter: q,
  startDate: '2026-10-01',
  endDate: '2026-12-31',
});
const quarters = [2568, 2569, 2570].flatMap((fy) => ([1, 2, 3, 4] as const).map((q) => quarter(fy, q)));

describe('parseFilters', () => {
  it('reads every filter of a shared link', () => {
    expect(
      parseFilters({
        quarter: 'FY2569Q4',
        region: 'NORTHEAST',
        province: 'TH-40',
        indicator: 'STAFF_DIGITAL_TRAINED_PCT',
        layer: 'obstacle:SKILLS',
        submitted: '1',
      }),
    ).toEqual({
      quarter: 'FY2569Q4',
      region: 'NORTHEAST',
      province: 'TH-40',
      indicator: 'STAFF_DIGITAL_TRAINED_PCT',
      layer: 'obstacle:SKILLS',
      submitted: true,
    });
  });

  it('ignores malformed values and repeated parameters beyond the first', () => {
    expect(
      parseFilters({ quarter: '2569Q4', province: ['TH-50', 'TH-40'], region: 'north', layer: 'x', submitted: 'yes' }),
    ).toEqual({
      quarter: null,
      region: null,
      province: 'TH-50',
      indicator: null,
      layer: null,
      submitted: false,
    });
  });
});

describe('withFilters and sharedQuery', () => {
  it('changes some filters, keeps other parameters, and drops cleared ones', () => {
    expect(
      withFilters(
        { quarter: 'FY2569Q4', region: 'NORTH', other: 'x' },
        { region: null, province: 'TH-50', submitted: true },
      ),
    ).toEqual({
      quarter: 'FY2569Q4',
      other: 'x',
      province: 'TH-50',
      submitted: '1',
    });
    expect(withFilters({ submitted: '1' }, { submitted: false })).toEqual({});
  });

  it('carries the period (and chosen keys) to another page', () => {
    const filters = parseFilters({ quarter: 'FY2569Q4', region: 'NORTH', layer: 'index', submitted: '1' });
    expect(sharedQuery(filters)).toEqual({ quarter: 'FY2569Q4', submitted: '1' });
    expect(sharedQuery(filters, ['quarter', 'region'])).toEqual({ quarter: 'FY2569Q4', region: 'NORTH' });
  });
});

describe('periodChoices', () => {
  it('offers fiscal years and their quarters newest first, none after the current quarter', () => {
    const choices = periodChoices(quarters, 'FY2570Q1');
    expect(choices.fiscalYears).toEqual([2570, 2569, 2568]);
    expect(choices.quartersByYear.get(2570)!.map((q) => q.code)).toEqual(['FY2570Q1']);
    expect(choices.quartersByYear.get(2569)!.map((q) => q.code)).toEqual([
      'FY2569Q4',
      'FY2569Q3',
      'FY2569Q2',
      'FY2569Q1',
    ]);
    expect(latestQuarterOf(2569, choices)).toBe('FY2569Q4');
    expect(latestQuarterOf(2570, choices)).toBe('FY2570Q1');
    expect(latestQuarterOf(2571, choices)).toBeNull();
  });
});

describe('quartersUpTo', () => {
  it('gives the last quarters up to one, oldest first', () => {
    expect(quartersUpTo(quarters, 'FY2569Q2', 3)).toEqual(['FY2568Q4', 'FY2569Q1', 'FY2569Q2']);
    expect(quartersUpTo(quarters, 'FY2568Q1', 8)).toEqual(['FY2568Q1']);
  });
});

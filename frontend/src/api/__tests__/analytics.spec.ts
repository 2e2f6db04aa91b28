import { createRequest, stringifyDocument } from '@urql/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  aliasFor,
  indicatorSeriesQuery,
  NationalOverviewQuery,
  overviewSeriesScopes,
  provinceObstacleHistoryQuery,
  ProvinceObstacleMapQuery,
  seriesDocument,
} from '../analytics';
import { freshPolicy, markPrefetched, PREFETCH_FRESH_MS } from '../fresh-results';

describe('aliased analytics documents', () => {
  it('make GraphQL-safe aliases of codes', () => {
    expect(aliasFor('TH-40')).toBe('s_TH_40');
    expect(aliasFor('LOCAL_FY2569Q4')).toBe('s_LOCAL_FY2569Q4');
  });

  it('ask for every province, quarter or scope in one valid query', () => {
    for (const doc of [provinceObstacleHistoryQuery(['FY2569Q3', 'FY2569Q4']), indicatorSeriesQuery(['TH', 'NORTH'])]) {
      expect(() => parse(stringifyDocument(doc))).not.toThrow();
    }
    const text = stringifyDocument(provinceObstacleHistoryQuery(['FY2569Q4']));
    expect(text).toMatch(
      /s_LOCAL_FY2569Q4:\s*obstaclePrevalence\([^)]*quarterCode:\s*"FY2569Q4"[^)]*respondentLevel:\s*LOCAL/,
    );
    expect(text).toMatch(
      /s_PROVINCE_FY2569Q4:\s*obstaclePrevalence\([^)]*quarterCode:\s*"FY2569Q4"[^)]*respondentLevel:\s*PROVINCE/,
    );
  });

  it('build one document per list of scopes', () => {
    expect(seriesDocument(['TH', 'NORTH'])).toBe(seriesDocument(['TH', 'NORTH']));
  });
});

describe('ProvinceObstacleMapQuery', () => {
  it("asks for every province's local organizations in one field, not one alias per province", () => {
    const text = stringifyDocument(ProvinceObstacleMapQuery);
    expect(() => parse(text)).not.toThrow();
    expect(text.match(/obstaclePrevalence\w*\(/g)).toEqual(['obstaclePrevalenceByArea(']);
    expect(text).toMatch(/obstaclePrevalenceByArea\([^)]*scopeCode:\s*"TH"[^)]*respondentLevel:\s*LOCAL/);
  });
});

describe('overviewSeriesScopes', () => {
  it('adds the chosen region and province when they exist', () => {
    const regions = [{ code: 'NORTH' }];
    const provinces = [{ code: 'TH-50' }];
    expect(overviewSeriesScopes({ region: 'NORTH', province: 'TH-50' }, regions, provinces)).toEqual([
      'TH',
      'NORTH',
      'TH-50',
    ]);
    expect(overviewSeriesScopes({ region: 'MOON', province: null }, regions, provinces)).toEqual(['TH']);
  });
});

describe('freshPolicy', () => {
  const variables = { quarterCode: 'FY2000Q1', includeSubmitted: false };

  it('takes a just-prefetched answer from the cache, and asks again later', () => {
    expect(freshPolicy(NationalOverviewQuery, variables, 'cache-and-network', 1_000)).toBe('cache-and-network');
    markPrefetched(NationalOverviewQuery, variables, 1_000);
    expect(freshPolicy(NationalOverviewQuery, { ...variables }, 'cache-and-network', 2_000)).toBe('cache-first');
    expect(freshPolicy(NationalOverviewQuery, variables, 'cache-and-network', 1_000 + PREFETCH_FRESH_MS)).toBe(
      'cache-and-network',
    );
    expect(
      freshPolicy(NationalOverviewQuery, { ...variables, includeSubmitted: true }, 'cache-and-network', 2_000),
    ).toBe('cache-and-network');
    expect(createRequest(NationalOverviewQuery, variables).key).toBe(
      createRequest(NationalOverviewQuery, { includeSubmitted: false, quarterCode: 'FY2000Q1' }).key,
    );
  });
});

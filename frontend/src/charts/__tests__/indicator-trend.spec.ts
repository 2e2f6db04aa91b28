import type { CustomSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { describe, expect, it } from 'vitest';
import { aliasFor } from '@/api/analytics';
import type { IndicatorSeries } from '@/api/analytics-types';
import {
  buildIndicatorTrendOption,
  legendSpace,
  seriesFromAliases,
  trendQuarters,
  trendTable,
  type TrendSeries,
} from '../indicator-trend';
import { HIGHLIGHT_COLOR, NATIONAL_COLOR } from '../theme';

const nation: TrendSeries = {
  code: 'TH',
  name: 'Thailand',
  role: 'national',
  points: [
    { quarterCode: 'FY2569Q3', value: 15.6 },
    { quarterCode: 'FY2569Q4', value: 16.2 },
  ],
};
const province: TrendSeries = {
  code: 'TH-40',
  name: 'Khon Kaen',
  role: 'focus',
  points: [
    { quarterCode: 'FY2569Q2', value: 17 },
    { quarterCode: 'FY2569Q4', value: 18.6 },
  ],
};
type Option = ReturnType<typeof buildIndicatorTrendOption>;
const lines = (o: Option) =>
  (o.series as Array<LineSeriesOption | CustomSeriesOption>).filter((s): s is LineSeriesOption => s.type === 'line');

describe('trendQuarters and trendTable', () => {
  it('take every quarter of any series in time order, with gaps where a series has none', () => {
    expect(trendQuarters([nation, province])).toEqual(['FY2569Q2', 'FY2569Q3', 'FY2569Q4']);
    expect(trendTable([nation, province])).toEqual([
      { quarterCode: 'FY2569Q2', values: [null, 17] },
      { quarterCode: 'FY2569Q3', values: [15.6, null] },
      { quarterCode: 'FY2569Q4', values: [16.2, 18.6] },
    ]);
  });
});

describe('seriesFromAliases', () => {
  it('reads each scope from its alias, in the order asked, skipping scopes without an answer', () => {
    const answer = (code: string): IndicatorSeries => ({
      scope: { code, level: 'PROVINCE', nameTh: code, nameEn: code },
      points: [
        {
          quarterCode: 'FY2569Q4',
          t: 2570,
          value: 1,
          numerator: 1,
          denominator: 1,
          reportingProvinces: 1,
          units: 1,
          isDemo: true,
        },
      ],
    });
    const data = { [aliasFor('TH')]: answer('TH'), [aliasFor('TH-40')]: answer('TH-40') };
    const series = seriesFromAliases(data, ['TH-40', 'NORTH', 'TH'], (code) => ({
      name: `n-${code}`,
      role: code === 'TH' ? 'national' : 'focus',
    }));
    expect(series.map((s) => [s.code, s.name, s.role])).toEqual([
      ['TH-40', 'n-TH-40', 'focus'],
      ['TH', 'n-TH', 'national'],
    ]);
    expect(series[0]!.points).toEqual([{ quarterCode: 'FY2569Q4', value: 1 }]);
  });
});

describe('buildIndicatorTrendOption', () => {
  it('draws one line per scope over the shared quarters, leaving gaps unconnected', () => {
    const option = buildIndicatorTrendOption([nation, province], 'en', { unit: 'PERCENT' });
    expect(lines(option).map((l) => l.data)).toEqual([
      [null, 15.6, 16.2],
      [17, null, 18.6],
    ]);
    expect(lines(option)[1]!.connectNulls).toBe(false);
    expect(option.xAxis).toMatchObject({ data: ['Q2/69', 'Q3/69', 'Q4/69'] });
  });

  it('draws the nation dark and dashed and the focus scope thick in the highlight colour', () => {
    const [n, p] = lines(buildIndicatorTrendOption([nation, province], 'th', { unit: 'PERCENT' }));
    expect(n!.lineStyle).toMatchObject({ type: 'dashed', color: NATIONAL_COLOR });
    expect(p!.lineStyle).toMatchObject({ width: 3, color: HIGHLIGHT_COLOR });
  });

  it('starts the value axis at zero', () => {
    expect(buildIndicatorTrendOption([nation], 'en', { unit: 'PERCENT' }).yAxis).toMatchObject({ min: 0 });
  });

  it('draws the target as a reference line labelled with its fiscal year, kept out of the legend', () => {
    const option = buildIndicatorTrendOption([nation, province], 'th', {
      unit: 'PERCENT',
      target: { value: 20, fiscalYear: 2569 },
    });
    const reference = (option.series as CustomSeriesOption[]).find((s) => s.type === 'custom')!;
    expect(reference.data).toEqual([[0, 20, 0]]);
    expect((option.legend as LegendComponentOption).data).toEqual(['Thailand', 'Khon Kaen']);
  });

  it('lists every scope of the hovered quarter in the tooltip, "no data" where it has none', () => {
    const option = buildIndicatorTrendOption([nation, province], 'en', { unit: 'PERCENT' });
    const formatter = (option.tooltip as TooltipComponentOption).formatter as (p: unknown) => string;
    const html = formatter([
      { dataIndex: 1, seriesType: 'line', seriesName: 'Thailand', value: 15.6, marker: '' },
      { dataIndex: 1, seriesType: 'line', seriesName: 'Khon Kaen', value: null, marker: '' },
      { dataIndex: 1, seriesType: 'custom', seriesName: '__reference', value: [0, 20, 0], marker: '' },
    ]);
    expect(html).toBe(
      '<strong>FY2569 Q3</strong><br/>Thailand: <strong>15.6 %</strong><br/>Khon Kaen: <strong>No data</strong>',
    );
  });

  it('hides the legend of a single line', () => {
    expect(buildIndicatorTrendOption([nation], 'en', { unit: 'PERCENT' }).legend).toMatchObject({ show: false });
  });
});

describe('legendSpace', () => {
  it('makes room for more legend rows as scopes are added, and more on a phone', () => {
    expect(legendSpace(1, false)).toBe(24);
    expect(legendSpace(7, false)).toBeGreaterThan(legendSpace(3, false));
    expect(legendSpace(3, true)).toBeGreaterThan(legendSpace(3, false));
  });
});

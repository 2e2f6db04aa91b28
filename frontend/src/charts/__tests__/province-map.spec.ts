import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { describe, expect, it } from 'vitest';
import { THAILAND_MAP } from '../geo/map-names';
import { buildProvinceMapOption } from '../province-map';
import { NO_DATA_COLOR, SEQUENTIAL_BLUES, SEQUENTIAL_ORANGES } from '../theme';
import { percentIndicator, provinces, values } from './fixtures';

type Option = ReturnType<typeof buildProvinceMapOption>;
const series = (o: Option) => (o.series as MapSeriesOption[])[0]!;
const visualMap = (o: Option) =>
  o.visualMap as VisualMapComponentOption & {
    min: number;
    max: number;
    text: string[];
    inRange: { color: string[] };
    show: boolean;
  };
function tooltip(o: Option, name: string): string {
  const formatter = (o.tooltip as TooltipComponentOption).formatter as (p: unknown) => string;
  return formatter({ name });
}

describe('buildProvinceMapOption', () => {
  it('draws every province on the registered Thailand map, joined by code to its geoName', () => {
    const option = buildProvinceMapOption(values, provinces, 'th', percentIndicator);
    expect(series(option).map).toBe(THAILAND_MAP);
    expect(series(option).data).toEqual([
      { name: 'กรุงเทพมหานคร', value: 20, code: 'TH-10' },
      { name: 'Khon Kaen Province', value: 35.5, code: 'TH-40' },
      { name: 'Kalasin', value: '-', code: 'TH-46' },
    ]);
  });

  it('leaves provinces without a value grey', () => {
    const option = buildProvinceMapOption(values, provinces, 'th', percentIndicator);
    expect(series(option).itemStyle?.areaColor).toBe(NO_DATA_COLOR);
    expect(visualMap(option).outOfRange).toEqual({ color: NO_DATA_COLOR });
  });

  it('treats a null value like a missing one', () => {
    const withNull = [
      ...values,
      { provinceCode: 'TH-46', value: null, numerator: null, denominator: null, isDemo: true },
    ];
    const option = buildProvinceMapOption(withNull, provinces, 'th', percentIndicator);
    expect(series(option).data).toContainEqual({ name: 'Kalasin', value: '-', code: 'TH-46' });
    expect(tooltip(option, 'Kalasin')).toContain('ไม่มีข้อมูล');
  });

  it('spans the colour scale over the data and labels its ends in the indicator unit', () => {
    const option = buildProvinceMapOption(values, provinces, 'en', percentIndicator);
    expect(visualMap(option)).toMatchObject({ min: 20, max: 35.5, show: true, text: ['35.5 %', '20.0 %'] });
  });

  it('darkens towards the better end for either direction', () => {
    const higher = buildProvinceMapOption(values, provinces, 'th', percentIndicator);
    const lower = buildProvinceMapOption(values, provinces, 'th', { ...percentIndicator, direction: -1 });
    expect(visualMap(higher).inRange.color).toEqual(SEQUENTIAL_BLUES);
    expect(visualMap(lower).inRange.color).toEqual([...SEQUENTIAL_BLUES].reverse());
  });

  it('hides the colour scale and keeps a valid range when no province has data', () => {
    const option = buildProvinceMapOption([], provinces, 'th', percentIndicator);
    expect(visualMap(option)).toMatchObject({ min: 0, max: 1, show: false });
    expect(series(option).data).toHaveLength(3);
  });

  it('keeps a non-empty range when all provinces have the same value', () => {
    const same = values.map((v) => ({ ...v, value: 50 }));
    expect(visualMap(buildProvinceMapOption(same, provinces, 'th', percentIndicator))).toMatchObject({
      min: 50,
      max: 51,
    });
  });

  describe('tooltip', () => {
    it('names the province in Thai and gives the value with its numerator and denominator', () => {
      const option = buildProvinceMapOption(values, provinces, 'th', percentIndicator);
      const html = tooltip(option, 'กรุงเทพมหานคร');
      expect(html).toContain('<strong>กรุงเทพมหานคร</strong>');
      expect(html).toContain('ร้อยละบุคลากรที่ได้รับการอบรม: 20.0 % (40/200)');
      expect(html).toContain('ข้อมูลสาธิต');
    });

    it('names the province in English and omits the demo note for real values', () => {
      const option = buildProvinceMapOption(values, provinces, 'en', percentIndicator);
      const html = tooltip(option, 'Khon Kaen Province');
      expect(html).toContain('<strong>Khon Kaen</strong>');
      expect(html).toContain('Staff trained (%): 35.5 %');
      expect(html).not.toContain('demo');
    });

    it('says "no data" for a province without a value', () => {
      const option = buildProvinceMapOption(values, provinces, 'en', percentIndicator);
      expect(tooltip(option, 'Kalasin')).toBe('<strong>Kalasin</strong><br/>Staff trained (%): No data');
    });

    it('escapes names that come from the API', () => {
      const hostile = [{ ...provinces[0]!, nameEn: '<img src=x onerror=alert(1)>' }];
      const option = buildProvinceMapOption(values, hostile, 'en', percentIndicator);
      expect(tooltip(option, 'กรุงเทพมหานคร')).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });
  });
});

describe('buildProvinceMapOption layers', () => {
  type Item = { name: string; code: string; itemStyle?: { opacity?: number; borderWidth?: number } };
  const data = (o: Option) => series(o).data as Item[];

  it('fades provinces of other regions when a region is chosen, and outlines the chosen province', () => {
    const option = buildProvinceMapOption(values, provinces, 'en', percentIndicator, {
      focusRegionCode: 'NE',
      highlightCode: 'TH-40',
    });
    expect(data(option).find((d) => d.code === 'TH-10')!.itemStyle).toEqual({ opacity: 0.3 });
    expect(data(option).find((d) => d.code === 'TH-40')!.itemStyle).toMatchObject({ borderWidth: 2.5 });
    expect(data(option).find((d) => d.code === 'TH-46')!.itemStyle).toBeUndefined();
  });

  it('colours obstacle prevalence in oranges, darker for more, whatever the direction', () => {
    const layer = { nameTh: 'ปัญหา', nameEn: 'Obstacle', unit: 'PERCENT' as const, direction: -1 as const };
    expect(
      visualMap(buildProvinceMapOption(values, provinces, 'en', layer, { palette: 'oranges' })).inRange.color,
    ).toEqual(SEQUENTIAL_ORANGES);
  });

  it('formats the composite index as a score and adds the extra tooltip lines', () => {
    const layer = { nameTh: 'ดัชนี', nameEn: 'Index', unit: 'SCORE' as const, direction: 1 as const };
    const option = buildProvinceMapOption(
      [{ provinceCode: 'TH-40', value: 56.78, details: ['Rank 63 of 70'] }],
      provinces,
      'en',
      layer,
    );
    expect(tooltip(option, 'Khon Kaen Province')).toBe('<strong>Khon Kaen</strong><br/>Index: 56.8<br/>Rank 63 of 70');
  });
});

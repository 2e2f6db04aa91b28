import type { BarSeriesOption, CustomSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { describe, expect, it } from 'vitest';
import {
  buildRankingBarOption,
  comparisonReferences,
  formatRankingValue,
  rankingChartHeight,
  scopeRankingRows,
} from '../ranking-bar';
import { BAR_COLOR, HIGHLIGHT_COLOR } from '../theme';
import { scopeValue } from './analytics-fixtures';

const values = [
  scopeValue('TH-44', 'Maha Sarakham', 23.5, 1),
  scopeValue('TH-38', 'Bueng Kan', null, null),
  scopeValue('TH-40', 'Khon Kaen', 18.6, 2),
];
type Option = ReturnType<typeof buildRankingBarOption>;
const bars = (o: Option) => (o.series as Array<BarSeriesOption | CustomSeriesOption>)[0] as BarSeriesOption;

describe('scopeRankingRows', () => {
  it('orders by rank with unranked scopes last, marks the highlighted one and says the rank', () => {
    const rows = scopeRankingRows(values, 'en', 'TH-40');
    expect(rows.map((r) => [r.code, r.highlight])).toEqual([
      ['TH-44', false],
      ['TH-40', true],
      ['TH-38', false],
    ]);
    expect(rows[1]!.details).toEqual(['Rank 2 of 2']);
    expect(scopeRankingRows(values, 'th')[0]!.name).toBe('จังหวัด TH-44');
  });
});

describe('comparisonReferences', () => {
  it('gives the national value and the target when present', () => {
    expect(comparisonReferences({ national: { value: 16.2, target: 20, achievementPct: 81 } }, 'th')).toEqual([
      { kind: 'national', value: 16.2, label: 'ทั้งประเทศ' },
      { kind: 'target', value: 20, label: 'ค่าเป้าหมาย' },
    ]);
    expect(comparisonReferences({ national: null }, 'en')).toEqual([]);
  });
});

describe('buildRankingBarOption', () => {
  const rows = scopeRankingRows(values, 'en', 'TH-40');

  it('draws a bar per scope with a value, carrying its code for the click, the highlighted one in its colour', () => {
    const data = bars(buildRankingBarOption(rows, 'en', { unit: 'PERCENT' })).data as Array<{
      value: number;
      code: string;
      itemStyle: { color: string };
    }>;
    expect(data.map((d) => [d.code, d.value, d.itemStyle.color])).toEqual([
      ['TH-44', 23.5, BAR_COLOR],
      ['TH-40', 18.6, HIGHLIGHT_COLOR],
    ]);
  });

  it('labels the axis in rank order and makes the highlighted name bold', () => {
    const yAxis = buildRankingBarOption(rows, 'en', { unit: 'PERCENT' }).yAxis as {
      data: string[];
      axisLabel: { formatter: (v: string, i: number) => string };
    };
    expect(yAxis.data).toEqual(['Maha Sarakham', 'Khon Kaen']);
    expect(yAxis.axisLabel.formatter('Khon Kaen', 1)).toBe('{hl|Khon Kaen}');
    expect(yAxis.axisLabel.formatter('Maha Sarakham', 0)).toBe('Maha Sarakham');
  });

  it('draws the references as lines labelled with name and value, and leaves room above for their text', () => {
    const option = buildRankingBarOption(rows, 'en', {
      unit: 'PERCENT',
      references: [{ kind: 'national', value: 16.2, label: 'Thailand' }],
    });
    expect((option.series as CustomSeriesOption[])[1]).toMatchObject({ type: 'custom', data: [[16.2, 0, 0]] });
    expect((option.grid as { top: number }).top).toBeGreaterThan(8);
  });

  it('fixes the axis end for scores and formats them to one decimal', () => {
    const option = buildRankingBarOption([{ code: 'SKILLS', name: 'Skills', value: 75.749 }], 'en', {
      unit: 'SCORE',
      max: 100,
    });
    expect(option.xAxis).toMatchObject({ min: 0, max: 100 });
    expect(formatRankingValue(75.749, 'SCORE', 'en')).toBe('75.7');
  });

  it('names the scope, its value and its rank in the tooltip, escaped', () => {
    const hostile = [{ code: 'X', name: '<b>x</b>', value: 1, details: ['Rank 1 of 1'] }];
    const formatter = (buildRankingBarOption(hostile, 'en', { unit: 'COUNT' }).tooltip as TooltipComponentOption)
      .formatter as (p: unknown) => string;
    expect(formatter({ dataIndex: 0 })).toBe('<strong>&lt;b&gt;x&lt;/b&gt;</strong><br/>1<br/>Rank 1 of 1');
  });
});

describe('rankingChartHeight', () => {
  it('gives long lists narrower rows', () => {
    expect(rankingChartHeight(6)).toBe('296px');
    expect(rankingChartHeight(77)).toBe(`${56 + 77 * 20}px`);
  });
});

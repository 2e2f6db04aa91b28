import type { HeatmapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { describe, expect, it } from 'vitest';
import { buildObstacleHeatmapOption, heatmapKey, type HeatmapCell } from '../obstacle-heatmap';
import { SEQUENTIAL_ORANGES } from '../theme';
import { BUDGET, SKILLS, share } from './analytics-fixtures';

const cells = new Map<string, HeatmapCell>([
  [heatmapKey('SKILLS', 'FY2569Q3'), share(21, 42)],
  [heatmapKey('BUDGET', 'FY2569Q3'), share(9, 42)],
  [heatmapKey('SKILLS', 'FY2569Q4'), share(2, 3, { smallSample: true })],
]);
const input = { quarters: ['FY2569Q3', 'FY2569Q4'], categories: [SKILLS, BUDGET], cells };
type Option = ReturnType<typeof buildObstacleHeatmapOption>;
const series = (o: Option) => (o.series as HeatmapSeriesOption[])[0]!;

describe('buildObstacleHeatmapOption', () => {
  it('places each cell at [quarter, category] with its share, skipping quarters without answers', () => {
    const data = series(buildObstacleHeatmapOption(input, 'en')).data as Array<{ value: number[] }>;
    expect(data.map((d) => d.value)).toEqual([
      [0, 0, 50],
      [1, 0, (100 * 2) / 3],
      [0, 1, (100 * 9) / 42],
    ]);
  });

  it('writes the share in each cell, starred for small samples, white on dark cells', () => {
    const option = buildObstacleHeatmapOption(input, 'en');
    const label = series(option).label as { formatter: (p: { value: number[] }) => string };
    expect(label.formatter({ value: [0, 0, 50] })).toBe('50');
    expect(label.formatter({ value: [1, 0, 66.7] })).toBe('67*');
    const data = series(option).data as Array<{ label: { color: string } }>;
    expect(data[0]!.label.color).toBe('#ffffff');
    expect(data[2]!.label.color).toBe('#1f2933');
  });

  it('keeps the colour scale at 0–100 % so that quarters and provinces compare', () => {
    expect(buildObstacleHeatmapOption(input, 'th').visualMap).toMatchObject({
      min: 0,
      max: 100,
      inRange: { color: SEQUENTIAL_ORANGES },
    });
  });

  it('labels the rows in the chosen language and the columns by quarter', () => {
    const option = buildObstacleHeatmapOption(input, 'th');
    expect((option.yAxis as { data: string[] }).data).toEqual(['ด้านทักษะ', 'ด้านงบประมาณ']);
    expect((option.xAxis as { data: string[] }).data).toEqual(['3/69', '4/69']);
  });

  it('explains a cell in the tooltip', () => {
    const formatter = (buildObstacleHeatmapOption(input, 'en').tooltip as TooltipComponentOption).formatter as (
      p: unknown,
    ) => string;
    expect(formatter({ value: [1, 0, 66.7] })).toBe(
      '<strong>Skills</strong><br/>FY2569 Q4<br/>66.7 % (2/3)<br/>95 % CI: 10.0–60.0 %<br/>Mean severity 3.3 of 5<br/>Small sample: read with its interval',
    );
  });
});

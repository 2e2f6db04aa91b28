import type { BarSeriesOption, CustomSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { describe, expect, it } from 'vitest';
import {
  barOffset,
  buildObstaclePrevalenceOption,
  prevalenceChartHeight,
  prevalenceRows,
  whiskerRenderer,
} from '../obstacle-prevalence';
import { BASELINE_COLOR } from '../theme';
import { fakeCustomApi, prevalence } from './analytics-fixtures';

const names = { collected: 'Reports FY2569 Q4 (70 provinces)', baseline: 'DGA survey (76 provinces)' };
type Option = ReturnType<typeof buildObstaclePrevalenceOption>;
const series = (o: Option) => o.series as Array<BarSeriesOption | CustomSeriesOption>;
const tooltip = (o: Option, dataIndex: number) =>
  ((o.tooltip as TooltipComponentOption).formatter as (p: unknown) => string)([{ dataIndex }]);

describe('prevalenceRows', () => {
  it('puts the most cited collected category first, breaking ties by the survey order', () => {
    expect(prevalenceRows(prevalence(), 'en').map((r) => r.code)).toEqual(['SKILLS', 'BUDGET', 'LAW']);
  });

  it('joins the published baseline by category, leaving categories it lacks without one', () => {
    const rows = prevalenceRows(prevalence(), 'th');
    expect(rows[0]).toMatchObject({ label: 'ด้านทักษะ', baseline: { percentage: 57.89, count: 44 } });
    expect(rows[2]!.baseline).toBeNull();
  });
});

describe('buildObstaclePrevalenceOption', () => {
  const rows = prevalenceRows(prevalence(), 'en');

  it('draws collected and baseline bars, each with its whisker series, and names both in the legend', () => {
    const option = buildObstaclePrevalenceOption(rows, 'en', names);
    expect(series(option).map((s) => s.type)).toEqual(['bar', 'bar', 'custom', 'custom']);
    expect((option.legend as LegendComponentOption).data).toEqual([names.collected, names.baseline]);
    expect((series(option)[1] as BarSeriesOption).itemStyle?.color).toBe(BASELINE_COLOR);
  });

  it('gives each whisker its interval, its category index and its share', () => {
    const option = buildObstaclePrevalenceOption(rows, 'en', names);
    expect((series(option)[2] as CustomSeriesOption).data).toEqual([
      [33.25, 55.92, 0, (100 * 31) / 70],
      [33.25, 55.92, 1, (100 * 31) / 70],
      [1.47, 11.86, 2, (100 * 3) / 70],
    ]);
    expect((series(option)[3] as CustomSeriesOption).data).toEqual([
      [46.68, 68.35, 0, 57.89],
      [42.82, 64.69, 1, 53.95],
    ]);
  });

  it('draws shares from small samples pale', () => {
    const data = (series(buildObstaclePrevalenceOption(rows, 'en', names))[0] as BarSeriesOption).data as Array<{
      itemStyle: { opacity: number };
    }>;
    expect(data.map((d) => d.itemStyle.opacity)).toEqual([1, 1, 0.45]);
  });

  it('leaves the baseline out when there is none', () => {
    const option = buildObstaclePrevalenceOption(rows, 'en', { collected: names.collected, baseline: null });
    expect(series(option).map((s) => s.type)).toEqual(['bar', 'custom']);
  });

  it('explains a category in the tooltip: share, count, interval, severity, and the baseline', () => {
    const html = tooltip(buildObstaclePrevalenceOption(rows, 'en', names), 0);
    expect(html).toContain('<strong>Skills</strong>');
    expect(html).toContain('44.3 % (31/70), 95 % CI: 33.3–55.9 %');
    expect(html).toContain('Mean severity 3.3 of 5');
    expect(html).toContain('DGA survey (76 provinces): 57.89 % (44/76), 95 % CI: 46.7–68.4 %');
  });

  it('flags a small sample in the tooltip, in Thai too', () => {
    expect(tooltip(buildObstaclePrevalenceOption(prevalenceRows(prevalence(), 'th'), 'th', names), 2)).toContain(
      'กลุ่มตัวอย่างน้อย',
    );
  });

  it('fixes the value axis at 0–100 %', () => {
    expect(buildObstaclePrevalenceOption(rows, 'en', names).xAxis).toMatchObject({ min: 0, max: 100 });
  });
});

describe('whiskerRenderer', () => {
  it('draws the interval with end caps over its bar and writes the share past the upper end', () => {
    const render = whiskerRenderer(barOffset(0, 2), 'en', 1, '#000');
    const group = render({} as never, fakeCustomApi([20, 40, 1, 30]) as never) as {
      children: Array<{
        type: string;
        shape?: Record<string, number>;
        x?: number;
        y?: number;
        style: { text?: string };
      }>;
    };
    const y = 50 + barOffset(0, 2);
    expect(group.children[0]).toMatchObject({ type: 'line', shape: { x1: 200, y1: y, x2: 400, y2: y } });
    expect(group.children[1]!.shape).toMatchObject({ x1: 200, x2: 200 });
    expect(group.children[2]!.shape).toMatchObject({ x1: 400, x2: 400 });
    expect(group.children[3]).toMatchObject({ type: 'text', x: 405, y, style: { text: '30.0 %' } });
  });

  it('places the first series above the band centre and the second below, or a lone series on it', () => {
    expect(barOffset(0, 2)).toBeLessThan(0);
    expect(barOffset(1, 2)).toBe(-barOffset(0, 2));
    expect(barOffset(0, 1)).toBe(0);
  });
});

describe('prevalenceChartHeight', () => {
  it('grows with the categories and leaves more room per row on narrow screens', () => {
    expect(prevalenceChartHeight(10)).toBe('636px');
    expect(Number.parseInt(prevalenceChartHeight(10, true))).toBeGreaterThan(636);
  });
});

import type { BarSeriesOption } from 'echarts/charts';
import type { TitleComponentOption, YAXisComponentOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { anyObstacleValue, buildObstacleBarOption, obstacleCategoryRows, sourceLine } from '../obstacle-bar';
import { obstacleDataset } from './fixtures';

type Option = ReturnType<typeof buildObstacleBarOption>;
const series = (o: Option) => (o.series as BarSeriesOption[])[0]!;
const yAxis = (o: Option) => o.yAxis as YAXisComponentOption & { data: string[] };
const title = (o: Option) => o.title as TitleComponentOption;
function barLabels(o: Option): string[] {
  const formatter = series(o).label!.formatter as (p: { dataIndex: number }) => string;
  return (series(o).data as number[]).map((_, dataIndex) => formatter({ dataIndex }));
}

describe('buildObstacleBarOption', () => {
  it('draws the ten categories, most cited first, leaving out the "any obstacle" total', () => {
    const option = buildObstacleBarOption(obstacleDataset(), 'en');
    expect(yAxis(option).data).toHaveLength(10);
    expect(yAxis(option).inverse).toBe(true);
    expect(yAxis(option).data[0]).toBe('staff digital capacity and\nskills');
    expect(yAxis(option).data[9]).toBe('other');
    expect(series(option).data).toEqual([57.89, 53.95, 42.11, 30.26, 26.32, 25, 23.68, 18.42, 10.53, 1.32]);
  });

  it('labels each bar with the published percentage and the count out of the denominator', () => {
    const labels = barLabels(buildObstacleBarOption(obstacleDataset(), 'th'));
    expect(labels[0]).toBe('57.89 % (44/76)');
    expect(labels[5]).toBe('25.00 % (19/76)');
    expect(labels[9]).toBe('1.32 % (1/76)');
  });

  it('wraps long Thai category labels between words', () => {
    const option = buildObstacleBarOption(obstacleDataset(), 'th');
    const skills = yAxis(option).data[0]!;
    expect(skills).toContain('\n');
    expect(skills.replace(/\n/g, '')).toBe('ด้านศักยภาพ ความสามารถและทักษะด้านดิจิทัลของเจ้าหน้าที่ในหน่วยงาน');
    expect(yAxis(option).data[1]).toBe('ด้านงบประมาณ');
  });

  it('cites the source under the title, linked to the publication', () => {
    const option = buildObstacleBarOption(obstacleDataset(), 'th');
    expect(title(option).text).toBe('ผลสำรวจปัญหาอุปสรรคในการเป็นองค์กรรัฐบาลดิจิทัลของจังหวัด');
    expect(title(option).subtext).toBe('ที่มา: สพร., 15 ม.ค. 2567');
    expect(title(option).sublink).toBe('https://example.org/report.pdf');
  });

  it('leaves the title unlinked when the source has no URL', () => {
    const dataset = obstacleDataset();
    dataset.source.url = null;
    expect(title(buildObstacleBarOption(dataset, 'en')).sublink).toBeUndefined();
  });

  it('hides the value axis on narrow screens, where every bar carries its figure', () => {
    const option = buildObstacleBarOption(obstacleDataset(), 'th', { compact: true });
    expect((option.xAxis as { axisLabel: { show: boolean } }).axisLabel.show).toBe(false);
  });
});

describe('obstacleCategoryRows', () => {
  it('breaks ties in count by the source order', () => {
    const dataset = obstacleDataset();
    for (const v of dataset.values) if (v.obstacleCategory?.code === 'BUDGET') v.count = 44;
    expect(
      obstacleCategoryRows(dataset)
        .map((r) => r.obstacleCategory.code)
        .slice(0, 2),
    ).toEqual(['SKILLS', 'BUDGET']);
  });
});

describe('anyObstacleValue', () => {
  it('returns the "at least one obstacle" figure', () => {
    expect(anyObstacleValue(obstacleDataset())).toMatchObject({ count: 54, percentage: 71.05 });
  });
});

describe('sourceLine', () => {
  it('falls back to the dataset date when the source has none', () => {
    const dataset = obstacleDataset();
    dataset.source.publishedOn = null;
    expect(sourceLine(dataset, 'en')).toBe('Source: สพร., 15 Jan 2024');
  });

  it('names DGA’s survey source in the chart’s language, not the API’s English publisher', () => {
    const dataset = obstacleDataset();
    dataset.source = {
      ...dataset.source,
      code: 'DGA_2567_LOCAL_DIGITAL',
      publisher: 'Local Leader magazine online, reporting a talk',
    };
    expect(sourceLine(dataset, 'th')).toMatch(/^ที่มา: นิตยสารผู้นำท้องถิ่นออนไลน์ รายงานการบรรยายของ ดร.สุพจน์ เธียรวุฒิ/);
    expect(sourceLine(dataset, 'en')).toMatch(
      /^Source: Local Leader magazine online \(นิตยสารผู้นำท้องถิ่นออนไลน์\), reporting a talk by Dr. Supot Tiarawut/,
    );
  });
});

import type {
  CategoryPrevalence,
  IndicatorProgress,
  ObstaclePrevalence,
  ScopeIndicatorValue,
} from '@/api/analytics-types';
import type { ObstacleCategory } from '@/api/types';

export const category = (code: string, labelTh: string, labelEn: string, sortOrder: number): ObstacleCategory => ({
  code,
  labelTh,
  labelEn,
  sortOrder,
});

export const SKILLS = category('SKILLS', 'ด้านทักษะ', 'Skills', 1);
export const BUDGET = category('BUDGET', 'ด้านงบประมาณ', 'Budget', 2);
export const LAW = category('LAW', 'ด้านกฎหมาย/ระเบียบ', 'Law', 9);

export function share(count: number, respondents: number, extra: Partial<CategoryPrevalence> = {}) {
  return {
    count,
    respondents,
    percentage: (100 * count) / respondents,
    ciLow: 10,
    ciHigh: 60,
    smallSample: false,
    meanSeverity: 3.25,
    ...extra,
  };
}

/** Collected at province level beside DGA's published survey. */
export function prevalence(): ObstaclePrevalence {
  return {
    respondents: 70,
    respondentLevel: 'PROVINCE',
    quarter: { code: 'FY2569Q4', fiscalYear: 2569, quarter: 4 },
    anyObstacle: share(63, 70),
    categories: [
      { category: LAW, ...share(3, 70, { smallSample: true, ciLow: 1.47, ciHigh: 11.86 }) },
      { category: BUDGET, ...share(31, 70, { ciLow: 33.25, ciHigh: 55.92 }) },
      { category: SKILLS, ...share(31, 70, { ciLow: 33.25, ciHigh: 55.92 }) },
    ],
    smallSampleRuleCode: 'RESPONDENTS_30_EXPECTED_5',
    baseline: {
      datasetCode: 'DGA_OBSTACLE_SURVEY_2567',
      titleTh: 'ผลสำรวจ',
      titleEn: 'Survey',
      publishedOn: '2024',
      comparable: true,
      anyObstacle: { count: 54, respondents: 76, percentage: 71.05, ciLow: 60.04, ciHigh: 80.04, smallSample: false },
      categories: [
        {
          category: { code: 'SKILLS' },
          count: 44,
          respondents: 76,
          percentage: 57.89,
          ciLow: 46.68,
          ciHigh: 68.35,
          smallSample: false,
        },
        {
          category: { code: 'BUDGET' },
          count: 41,
          respondents: 76,
          percentage: 53.95,
          ciLow: 42.82,
          ciHigh: 64.69,
          smallSample: false,
        },
      ],
      source: { publisher: 'DGA', titleEn: 'Survey', url: null },
    },
  };
}

export const percentIndicatorProgress = (overrides: Partial<IndicatorProgress> = {}): IndicatorProgress => ({
  indicator: {
    code: 'STAFF',
    nameTh: 'ร้อยละบุคลากร',
    nameEn: 'Staff trained (%)',
    unit: 'PERCENT',
    direction: 1,
    nationalTarget: 20,
  },
  status: 'ACCELERATION_NEEDED',
  achievementPct: 81.05,
  observedGrowth: 0.12527,
  requiredGrowth: 0.19012,
  ratio: 0.65889,
  growthMethod: 'COMPOUND',
  changeFromPrevious: 0.5715,
  current: { value: 16.21, quarterCode: 'FY2569Q4', t: 2570, numerator: 26684, denominator: 164617 },
  base: { value: 10.41, quarterCode: 'FY2566Q1', t: 2566.25, numerator: 18658, denominator: 179184 },
  previous: { value: 15.64, quarterCode: 'FY2569Q3' },
  target: { value: 20, fiscalYear: 2569, t: 2570, milestone: null, orgUnitCode: 'TH' },
  ...overrides,
});

export function scopeValue(
  code: string,
  nameEn: string,
  value: number | null,
  rank: number | null,
): ScopeIndicatorValue {
  return {
    scope: { code, level: 'PROVINCE', nameTh: `จังหวัด ${code}`, nameEn, regionCode: 'NORTHEAST' },
    value,
    numerator: value,
    denominator: value == null ? null : 100,
    previousValue: null,
    changeFromPrevious: null,
    target: 20,
    achievementPct: value == null ? null : value * 5,
    rank,
    reportingProvinces: 1,
    units: 40,
    isDemo: true,
  };
}

/** A fake of the ECharts custom-series API: coordinates are value × 10 on x and index × 50 on y. */
export function fakeCustomApi(values: number[]) {
  return {
    value: (dim: number) => values[dim],
    coord: ([x, y]: [number, number]) => [x * 10, y * 50],
  };
}

/**
 * TypeScript shapes of the analytics API (nationalOverview, provinceScorecard,
 * obstaclePrevalence, obstaclePrevalenceByArea, indicatorSeries, comparisons,
 * compositeIndex, provinceRecommendations). They mirror the server schema field for field,
 * only the fields the dashboard selects.
 */
import type { Indicator, ObstacleCategory } from './types';

/** Open SDG's progress statuses (backend analytics/progress.ts). */
export const PROGRESS_STATUSES = [
  'ACHIEVED',
  'ON_TRACK',
  'ACCELERATION_NEEDED',
  'LIMITED_PROGRESS',
  'DETERIORATION',
  'INSUFFICIENT_DATA',
  'NO_TARGET',
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** COMPOUND: growth rates are fractions per year; LINEAR: change per year in the indicator's unit (zero base). */
export type GrowthMethod = 'COMPOUND' | 'LINEAR';

/** PROVINCE: one answer per province (as DGA's survey); LOCAL: the local organizations' answers. */
export type RespondentLevel = 'PROVINCE' | 'LOCAL';

export type ScopeLevel = 'NATION' | 'REGION' | 'PROVINCE';

/**
 * Stable codes of the API's English method texts (compositeIndex.method,
 * smallSampleRule, priorityRule): the dashboard words each in its own
 * locales, keyed by the code (analytics.methods.*).
 */
export const INDEX_METHOD_CODES = ['GOALPOST_PILLARS_V1'] as const;
export type IndexMethodCode = (typeof INDEX_METHOD_CODES)[number];
export const SMALL_SAMPLE_RULE_CODES = ['RESPONDENTS_30_EXPECTED_5'] as const;
export type SmallSampleRuleCode = (typeof SMALL_SAMPLE_RULE_CODES)[number];
export const PRIORITY_RULE_CODES = ['MAX_OBSTACLE_SCORE_PLUS_MAX_GAP_V1'] as const;
export type PriorityRuleCode = (typeof PRIORITY_RULE_CODES)[number];

export const ACTION_ITEM_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export interface AnalyticsScope {
  code: string;
  level: ScopeLevel;
  nameTh: string;
  nameEn: string;
  regionCode: string | null;
}

export interface QuarterRef {
  code: string;
  fiscalYear: number;
  quarter: number;
}

/** A rolled-up value at the end of a quarter; t = fiscal year + quarter / 4. */
export interface IndicatorValueAt {
  value: number | null;
  quarterCode: string;
  t: number;
  numerator: number;
  denominator: number | null;
}

export interface ProgressTarget {
  value: number;
  /** B.E.; the target is due at the end of that fiscal year (t = fiscalYear + 1). */
  fiscalYear: number;
  t: number;
  milestone: number | null;
  /** "TH" for the national target, a province code for a province's own. */
  orgUnitCode: string;
}

export type AnalyticsIndicator = Indicator & { nationalTarget: number | null };

/** The progress of one indicator over one scope, with every component of its status. */
export interface IndicatorProgress {
  indicator: AnalyticsIndicator;
  status: ProgressStatus;
  achievementPct: number | null;
  observedGrowth: number | null;
  requiredGrowth: number | null;
  ratio: number | null;
  growthMethod: GrowthMethod | null;
  changeFromPrevious: number | null;
  current: IndicatorValueAt | null;
  base: IndicatorValueAt | null;
  previous: Pick<IndicatorValueAt, 'value' | 'quarterCode'> | null;
  target: ProgressTarget | null;
}

export interface ScorecardIndicator extends IndicatorProgress {
  rank: number | null;
  rankedCount: number;
  nationalValue: number | null;
}

export interface PrevalenceShare {
  count: number;
  respondents: number;
  percentage: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  smallSample: boolean;
}

export interface CategoryPrevalence extends PrevalenceShare {
  category: ObstacleCategory;
  meanSeverity: number | null;
}

export interface ObstacleBaseline {
  datasetCode: string;
  titleTh: string;
  titleEn: string;
  publishedOn: string | null;
  /** Whether the collected level (provinces) matches the survey's respondents. */
  comparable: boolean;
  anyObstacle: PrevalenceShare;
  categories: Array<PrevalenceShare & { category: Pick<ObstacleCategory, 'code'> }>;
  source: { publisher: string; titleEn: string; url: string | null } | null;
}

export interface ObstaclePrevalence {
  respondents: number;
  respondentLevel: RespondentLevel;
  quarter: QuarterRef | null;
  anyObstacle: PrevalenceShare;
  categories: CategoryPrevalence[];
  smallSampleRuleCode: SmallSampleRuleCode;
  baseline: ObstacleBaseline | null;
}

/** One province's figures in obstaclePrevalenceByArea (those obstaclePrevalence gives for it), as the map selects them. */
export interface AreaObstaclePrevalence {
  scope: Pick<AnalyticsScope, 'code'>;
  respondents: number;
  anyObstacle: PrevalenceShare;
  categories: Array<PrevalenceShare & { category: Pick<ObstacleCategory, 'code'> }>;
}

/** Every province of a scope in one quarter (the same quarter for all). */
export interface ObstaclePrevalenceByArea {
  quarter: QuarterRef | null;
  areas: AreaObstaclePrevalence[];
}

export interface NationalOverview {
  quarter: QuarterRef | null;
  reportingProvinces: number;
  includeSubmitted: boolean;
  indicators: IndicatorProgress[];
  obstacles: ObstaclePrevalence;
}

export interface IndicatorSeriesPoint {
  quarterCode: string;
  t: number;
  value: number | null;
  numerator: number;
  denominator: number | null;
  reportingProvinces: number;
  units: number;
  isDemo: boolean;
}

export interface IndicatorSeries {
  scope: Pick<AnalyticsScope, 'code' | 'level' | 'nameTh' | 'nameEn'>;
  points: IndicatorSeriesPoint[];
}

export interface ScopeIndicatorValue {
  scope: AnalyticsScope;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  previousValue: number | null;
  changeFromPrevious: number | null;
  target: number | null;
  achievementPct: number | null;
  rank: number | null;
  reportingProvinces: number;
  units: number;
  isDemo: boolean;
}

export interface IndicatorComparison {
  indicator: AnalyticsIndicator;
  quarter: QuarterRef | null;
  previousQuarter: Pick<QuarterRef, 'code'> | null;
  national: Pick<ScopeIndicatorValue, 'value' | 'target' | 'achievementPct'> | null;
  values: ScopeIndicatorValue[];
}

export interface PillarScore {
  pillarCode: string;
  score: number | null;
  weight: number;
  contribution: number | null;
}

export interface ProvinceIndex {
  province: AnalyticsScope;
  index: number | null;
  rank: number | null;
  rankedCount: number;
  pillars: PillarScore[];
}

/**
 * An indicator's fixed goalposts in the index. The dashboard words the rationale itself, keyed by
 * indicatorCode, and shows the API's English text for a goalpost it has no wording for yet.
 */
export interface IndexGoalpost {
  indicatorCode: string;
  worst: number;
  best: number;
  rationale: string;
}

export interface IndexPillar {
  code: string;
  weight: number;
  category: ObstacleCategory;
  indicators: IndexGoalpost[];
}

export interface CompositeIndex {
  quarter: QuarterRef | null;
  methodCode: IndexMethodCode;
  pillars: IndexPillar[];
  provinces: ProvinceIndex[];
}

export interface ProvinceScorecard {
  province: AnalyticsScope;
  quarter: QuarterRef | null;
  index: Omit<ProvinceIndex, 'province'> | null;
  indicators: ScorecardIndicator[];
}

export interface ActionItem {
  id: number;
  titleTh: string;
  titleEn: string | null;
  status: ActionItemStatus;
  dueQuarterCode: string | null;
  fiscalYear: number;
  progressNote: string | null;
  isDemo: boolean;
}

export interface LinkedObstacle {
  category: ObstacleCategory;
  count: number;
  percentage: number | null;
  meanSeverity: number | null;
  weight: number;
}

export interface LinkedIndicator {
  indicatorCode: string;
  status: ProgressStatus;
  achievementPct: number | null;
  gap: number | null;
  target: number | null;
  value: number | null;
}

export interface RecommendationPriority {
  priority: number;
  obstacleScore: number;
  indicatorGap: number;
  recommendation: {
    code: string;
    setCode: string;
    titleTh: string;
    titleEn: string;
    detailTh: string | null;
    detailEn: string | null;
  };
  obstacles: LinkedObstacle[];
  indicators: LinkedIndicator[];
  actionItems: ActionItem[];
}

export interface ProvinceRecommendations {
  quarter: QuarterRef | null;
  respondents: number;
  respondentLevel: RespondentLevel;
  /** Action items are shown to signed-in users only. */
  actionItemsVisible: boolean;
  priorityRuleCode: PriorityRuleCode;
  recommendations: RecommendationPriority[];
}

export type Timeliness = 'ON_TIME' | 'LATE' | 'OVERDUE' | 'PENDING';

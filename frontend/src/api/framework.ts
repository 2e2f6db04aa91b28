import { gql } from '@urql/core';
import type { IndicatorUnit } from './types';

/**
 * Framework administration (planners): indicators, targets per province and
 * fiscal year, recommendations and the obstacle categories and indicators
 * they are linked to. Every write validates everything first; a problem
 * answers BAD_USER_INPUT with `extensions.problems[]` and nothing is written.
 */

/** How an indicator rolls up over units: ratio of sums for rates, never an average of ratios. */
export const INDICATOR_AGGREGATIONS = ['RATIO', 'SUM', 'AVERAGE', 'LATEST'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

export const INDICATOR_UNITS: readonly IndicatorUnit[] = ['PERCENT', 'COUNT', 'PER_UNIT'];

export interface FrameworkIndicator {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionEn: string | null;
  unit: IndicatorUnit;
  /** 1: higher is better; -1: lower is better. */
  direction: number;
  aggregation: IndicatorAggregation;
  numerator: { code: string };
  denominator: { code: string } | null;
  multiplier: number;
  obstacleCategoryCode: string | null;
  /** National target of the latest fiscal year that has one. */
  nationalTarget: number | null;
  sourceNote: string | null;
  source: { code: string } | null;
}

export interface FrameworkDataElement {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface FrameworkSource {
  code: string;
  titleTh: string;
  titleEn: string;
}

export interface FrameworkObstacleCategory {
  code: string;
  labelTh: string;
  labelEn: string;
}

export interface FrameworkRecommendation {
  code: string;
  setCode: string;
  groupTh: string | null;
  groupEn: string | null;
  titleTh: string;
  titleEn: string;
  detailTh: string | null;
  detailEn: string | null;
  obstacleCategoryCodes: string[];
  indicatorCodes: string[];
}

export interface FrameworkRecommendationSet {
  code: string;
  nameTh: string;
  nameEn: string;
  recommendations: FrameworkRecommendation[];
}

export interface FrameworkQueryData {
  indicators: FrameworkIndicator[];
  dataElements: FrameworkDataElement[];
  sources: FrameworkSource[];
  obstacleCategories: FrameworkObstacleCategory[];
  recommendationSets: FrameworkRecommendationSet[];
  fiscalYears: Array<{ yearBe: number }>;
}

// descriptionEn, sourceNote and the recommendations' details are read too:
// an upsert replaces every field, so an edit must send back what it did not change.
const INDICATOR_FIELDS = `code nameTh nameEn descriptionEn unit direction aggregation numerator { code } denominator { code }
  multiplier obstacleCategoryCode nationalTarget sourceNote source { code }`;
const RECOMMENDATION_FIELDS =
  'code setCode groupTh groupEn titleTh titleEn detailTh detailEn obstacleCategoryCodes indicatorCodes';

/** Everything the framework pages choose from, in one request. */
export const FrameworkQuery = gql<FrameworkQueryData, Record<string, never>>`
  query Framework {
    indicators { ${INDICATOR_FIELDS} }
    dataElements { code nameTh nameEn }
    sources { code titleTh titleEn }
    obstacleCategories { code labelTh labelEn }
    recommendationSets { code nameTh nameEn recommendations { ${RECOMMENDATION_FIELDS} } }
    fiscalYears { yearBe }
  }
`;

/** The IndicatorInput of the schema: an indicator is created or replaced by its code. */
export interface IndicatorInput {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionEn: string | null;
  unit: IndicatorUnit;
  direction: 1 | -1;
  aggregation: IndicatorAggregation;
  numeratorCode: string;
  /** RATIO only, and required there. */
  denominatorCode: string | null;
  multiplier: number;
  obstacleCategoryCode: string | null;
  sourceCode: string;
  sourceNote: string | null;
}

export const UpsertIndicatorMutation = gql<{ upsertIndicator: FrameworkIndicator }, { input: IndicatorInput }>`
  mutation UpsertIndicator($input: IndicatorInput!) { upsertIndicator(input: $input) { ${INDICATOR_FIELDS} } }
`;

export interface Target {
  /** "TH" for the national target, or a province code. */
  orgUnitCode: string;
  value: number;
  /** Q1–Q4, null where none. */
  milestones: Array<number | null>;
  /** A synthetic demo target, not a real commitment. */
  isDemo: boolean;
  source: { code: string } | null;
}

export interface TargetsVariables {
  indicatorCode: string;
  fiscalYear: number;
}

const TARGET_FIELDS = 'orgUnitCode value milestones isDemo source { code }';

export const TargetsQuery = gql<{ targets: Target[] }, TargetsVariables>`
  query Targets($indicatorCode: String!, $fiscalYear: Int!) {
    targets(filter: { indicatorCode: $indicatorCode, fiscalYear: $fiscalYear }) { ${TARGET_FIELDS} }
  }
`;

export interface TargetValueInput {
  orgUnitCode: string;
  /** null removes the target. */
  value: number | null;
  milestones: Array<number | null> | null;
}

export interface SetTargetsInput extends TargetsVariables {
  targets: TargetValueInput[];
  reason: string | null;
}

export const SetTargetsMutation = gql<{ setTargets: Target[] }, { input: SetTargetsInput }>`
  mutation SetTargets($input: SetTargetsInput!) { setTargets(input: $input) { ${TARGET_FIELDS} } }
`;

export interface RecommendationInput {
  code: string;
  setCode: string;
  groupTh: string | null;
  groupEn: string | null;
  titleTh: string;
  titleEn: string;
  detailTh: string | null;
  detailEn: string | null;
  obstacleCategoryCodes: string[];
  indicatorCodes: string[];
}

export const UpsertRecommendationMutation = gql<
  { upsertRecommendation: FrameworkRecommendation },
  { input: RecommendationInput }
>`
  mutation UpsertRecommendation($input: RecommendationInput!) { upsertRecommendation(input: $input) { ${RECOMMENDATION_FIELDS} } }
`;

/** One change to the framework from the audit trail; newValue.what names it ("target CODE TH-40 FY2570"). */
export interface FrameworkChange {
  id: string;
  at: string;
  userEmail: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
}

export const FrameworkHistoryQuery = gql<{ frameworkHistory: FrameworkChange[] }, { limit: number; offset: number }>`
  query FrameworkHistory($limit: Int!, $offset: Int!) {
    frameworkHistory(limit: $limit, offset: $offset) {
      id
      at
      userEmail
      oldValue
      newValue
      reason
    }
  }
`;

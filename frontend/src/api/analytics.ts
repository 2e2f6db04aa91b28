import { gql, type TypedDocumentNode } from '@urql/core';
import type {
  CompositeIndex,
  IndicatorComparison,
  IndicatorSeries,
  NationalOverview,
  ObstaclePrevalence,
  ObstaclePrevalenceByArea,
  ProvinceRecommendations,
  ProvinceScorecard,
  RespondentLevel,
  Timeliness,
} from './analytics-types';
import type { ReportStatus } from './report-types';

/**
 * Analytics documents. Every query takes `includeSubmitted` (planners and
 * administrators may add submitted reports to the approved ones) and an
 * optional quarter (omitted: the latest quarter with visible data).
 */

const QUARTER = 'code fiscalYear quarter';
const INDICATOR = 'code nameTh nameEn unit direction nationalTarget';
const CATEGORY = 'code labelTh labelEn sortOrder';
const VALUE_AT = 'value quarterCode t numerator denominator';
const PROGRESS = `
  status achievementPct observedGrowth requiredGrowth ratio growthMethod changeFromPrevious
  current { ${VALUE_AT} } base { ${VALUE_AT} } previous { value quarterCode }
  target { value fiscalYear t milestone orgUnitCode }`;
const SHARE = 'count respondents percentage ciLow ciHigh smallSample';
const PREVALENCE = `
  respondents respondentLevel quarter { ${QUARTER} }
  anyObstacle { ${SHARE} }
  categories { category { ${CATEGORY} } ${SHARE} meanSeverity }
  smallSampleRuleCode`;
const SCOPE = 'code level nameTh nameEn regionCode';
const SCOPE_VALUE = `scope { ${SCOPE} } value numerator denominator previousValue changeFromPrevious target achievementPct rank reportingProvinces units isDemo`;

export interface AnalyticsVariables {
  quarterCode: string | null;
  includeSubmitted: boolean;
}

export const NationalOverviewQuery = gql<{ nationalOverview: NationalOverview }, AnalyticsVariables>`
  query NationalOverview($quarterCode: String, $includeSubmitted: Boolean!) {
    nationalOverview(quarterCode: $quarterCode, includeSubmitted: $includeSubmitted) {
      quarter { ${QUARTER} } reportingProvinces includeSubmitted
      indicators { indicator { ${INDICATOR} } ${PROGRESS} }
      obstacles {
        ${PREVALENCE}
        baseline {
          datasetCode titleTh titleEn publishedOn comparable
          anyObstacle { ${SHARE} }
          categories { category { code } ${SHARE} }
          source { publisher titleEn url }
        }
      }
    }
  }
`;

export interface ScopedVariables extends AnalyticsVariables {
  scopeCode: string;
}

export const ObstaclePrevalenceQuery = gql<
  { obstaclePrevalence: ObstaclePrevalence },
  ScopedVariables & { respondentLevel: RespondentLevel }
>`
  query ObstaclePrevalence($scopeCode: String!, $quarterCode: String, $respondentLevel: RespondentLevel!, $includeSubmitted: Boolean!) {
    obstaclePrevalence(scopeCode: $scopeCode, quarterCode: $quarterCode, respondentLevel: $respondentLevel, includeSubmitted: $includeSubmitted) {
      ${PREVALENCE}
    }
  }
`;

/** A GraphQL alias for a code: letters, digits and underscores only ("TH-40" -> "s_TH_40"). */
export function aliasFor(code: string): string {
  return `s_${code.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The data of an aliased query: one entry per alias. */
export type AliasedData<T> = Record<string, T | null>;

/**
 * The share of local organizations citing each obstacle, for every province
 * in one query (the map's obstacle layer). Only what the map shows: category
 * labels and severities would be 77 copies of what the page already has.
 */
export const ProvinceObstacleMapQuery = gql<{ obstaclePrevalenceByArea: ObstaclePrevalenceByArea }, AnalyticsVariables>`
  query ProvinceObstacleMap($quarterCode: String, $includeSubmitted: Boolean!) {
    obstaclePrevalenceByArea(scopeCode: "TH", quarterCode: $quarterCode, respondentLevel: LOCAL, includeSubmitted: $includeSubmitted) {
      quarter { ${QUARTER} }
      areas { scope { code } respondents anyObstacle { ${SHARE} } categories { category { code } ${SHARE} } }
    }
  }
`;

/**
 * Obstacles over several quarters for one province: its own answer
 * (PROVINCE) and its local organizations' (LOCAL), one alias per quarter and level.
 */
export function provinceObstacleHistoryQuery(
  quarterCodes: readonly string[],
): TypedDocumentNode<AliasedData<ObstaclePrevalence>, { scopeCode: string; includeSubmitted: boolean }> {
  const fields = quarterCodes
    .flatMap((q) =>
      (['LOCAL', 'PROVINCE'] as const).map(
        (level) =>
          `${aliasFor(`${level}_${q}`)}: obstaclePrevalence(scopeCode: $scopeCode, quarterCode: "${q}", respondentLevel: ${level}, includeSubmitted: $includeSubmitted) { ${PREVALENCE} }`,
      ),
    )
    .join('\n');
  return gql(`query ProvinceObstacleHistory($scopeCode: String!, $includeSubmitted: Boolean!) {\n${fields}\n}`);
}

export interface SeriesVariables {
  indicatorCode: string;
  toQuarterCode: string | null;
  includeSubmitted: boolean;
}

/** One indicator over quarters for several scopes (nation, regions, a province) in one request. */
export function indicatorSeriesQuery(
  scopeCodes: readonly string[],
): TypedDocumentNode<AliasedData<IndicatorSeries>, SeriesVariables> {
  const fields = scopeCodes
    .map(
      (code) =>
        `${aliasFor(code)}: indicatorSeries(indicatorCode: $indicatorCode, scopeCode: "${code}", toQuarterCode: $toQuarterCode, includeSubmitted: $includeSubmitted) {
          scope { code level nameTh nameEn }
          points { quarterCode t value numerator denominator reportingProvinces units isDemo } }`,
    )
    .join('\n');
  return gql(
    `query IndicatorSeries($indicatorCode: String!, $toQuarterCode: String, $includeSubmitted: Boolean!) {\n${fields}\n}`,
  );
}

/** One document per distinct list of codes: urql keys by the text anyway, this saves rebuilding it. */
function memoized<D>(build: (codes: readonly string[]) => D): (codes: readonly string[]) => D {
  const cache = new Map<string, D>();
  return (codes) => {
    const key = codes.join(',');
    let doc = cache.get(key);
    if (!doc) {
      doc = build(codes);
      cache.set(key, doc);
    }
    return doc;
  };
}

export const seriesDocument = memoized(indicatorSeriesQuery);
export const obstacleHistoryDocument = memoized(provinceObstacleHistoryQuery);

/**
 * The scopes of the overview's trend: the nation, and the chosen region and
 * province when they are real ones (a hand-edited link may name others).
 */
export function overviewSeriesScopes(
  filters: { region: string | null; province: string | null },
  regions: ReadonlyArray<{ code: string }>,
  provinces: ReadonlyArray<{ code: string }>,
): string[] {
  const region = regions.find((r) => r.code === filters.region);
  const province = provinces.find((p) => p.code === filters.province);
  return ['TH', ...(region ? [region.code] : []), ...(province ? [province.code] : [])];
}

export interface ComparisonVariables extends AnalyticsVariables {
  indicatorCode: string;
}

export const RegionComparisonQuery = gql<{ regionComparison: IndicatorComparison }, ComparisonVariables>`
  query RegionComparison($indicatorCode: String!, $quarterCode: String, $includeSubmitted: Boolean!) {
    regionComparison(indicatorCode: $indicatorCode, quarterCode: $quarterCode, includeSubmitted: $includeSubmitted) {
      indicator { ${INDICATOR} } quarter { ${QUARTER} } previousQuarter { code }
      national { value target achievementPct }
      values { ${SCOPE_VALUE} }
    }
  }
`;

export const ProvinceRankingQuery = gql<
  { provinceRanking: IndicatorComparison },
  ComparisonVariables & { regionCode: string | null }
>`
  query ProvinceRanking($indicatorCode: String!, $quarterCode: String, $regionCode: String, $includeSubmitted: Boolean!) {
    provinceRanking(indicatorCode: $indicatorCode, quarterCode: $quarterCode, regionCode: $regionCode, includeSubmitted: $includeSubmitted) {
      indicator { ${INDICATOR} } quarter { ${QUARTER} } previousQuarter { code }
      national { value target achievementPct }
      values { ${SCOPE_VALUE} }
    }
  }
`;

export const CompositeIndexQuery = gql<
  { compositeIndex: CompositeIndex },
  AnalyticsVariables & { regionCode: string | null }
>`
  query CompositeIndex($quarterCode: String, $regionCode: String, $includeSubmitted: Boolean!) {
    compositeIndex(quarterCode: $quarterCode, regionCode: $regionCode, includeSubmitted: $includeSubmitted) {
      quarter { ${QUARTER} } methodCode
      pillars { code weight category { ${CATEGORY} } indicators { indicatorCode worst best rationale } }
      provinces { province { ${SCOPE} } index rank rankedCount pillars { pillarCode score weight contribution } }
    }
  }
`;

export const ProvinceScorecardQuery = gql<
  { provinceScorecard: ProvinceScorecard },
  AnalyticsVariables & { provinceCode: string }
>`
  query ProvinceScorecard($provinceCode: String!, $quarterCode: String, $includeSubmitted: Boolean!) {
    provinceScorecard(provinceCode: $provinceCode, quarterCode: $quarterCode, includeSubmitted: $includeSubmitted) {
      province { ${SCOPE} } quarter { ${QUARTER} }
      index { index rank rankedCount pillars { pillarCode score weight contribution } }
      indicators { indicator { ${INDICATOR} } ${PROGRESS} rank rankedCount nationalValue }
    }
  }
`;

export const ProvinceRecommendationsQuery = gql<
  { provinceRecommendations: ProvinceRecommendations },
  AnalyticsVariables & { provinceCode: string; respondentLevel: RespondentLevel }
>`
  query ProvinceRecommendations($provinceCode: String!, $quarterCode: String, $respondentLevel: RespondentLevel!, $includeSubmitted: Boolean!) {
    provinceRecommendations(provinceCode: $provinceCode, quarterCode: $quarterCode, respondentLevel: $respondentLevel, includeSubmitted: $includeSubmitted) {
      quarter { ${QUARTER} } respondents respondentLevel actionItemsVisible priorityRuleCode
      recommendations {
        priority obstacleScore indicatorGap
        recommendation { code setCode titleTh titleEn detailTh detailEn }
        obstacles { category { ${CATEGORY} } count percentage meanSeverity weight }
        indicators { indicatorCode status achievementPct gap target value }
        actionItems { id titleTh titleEn status dueQuarterCode fiscalYear progressNote isDemo }
      }
    }
  }
`;

export interface QuarterCompleteness {
  quarterCode: string;
  deadline: string;
  submitted: number;
  onTime: number;
  late: number;
  overdue: number;
  provinces: Array<{
    provinceCode: string;
    status: ReportStatus | null;
    timeliness: Timeliness;
    completenessPct: number;
    submittedAt: string | null;
  }>;
}

/** Planners and administrators only. */
export const QuarterCompletenessQuery = gql<{ completeness: QuarterCompleteness }, { quarterCode: string }>`
  query QuarterCompleteness($quarterCode: String!) {
    completeness(quarterCode: $quarterCode) {
      quarterCode
      deadline
      submitted
      onTime
      late
      overdue
      provinces {
        provinceCode
        status
        timeliness
        completenessPct
        submittedAt
      }
    }
  }
`;

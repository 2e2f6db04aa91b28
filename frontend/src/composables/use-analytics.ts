import {
  CompositeIndexQuery,
  NationalOverviewQuery,
  obstacleHistoryDocument,
  ObstaclePrevalenceQuery,
  ProvinceObstacleMapQuery,
  ProvinceRankingQuery,
  ProvinceRecommendationsQuery,
  ProvinceScorecardQuery,
  QuarterCompletenessQuery,
  RegionComparisonQuery,
  seriesDocument,
  type AnalyticsVariables,
  type ComparisonVariables,
  type SeriesVariables,
} from '@/api/analytics';
import type { RespondentLevel } from '@/api/analytics-types';
import { freshPolicy } from '@/api/fresh-results';
import { useApiQuery } from './use-api-query';

/**
 * The analytics queries as { data, loading, error, refresh }. Pages that
 * show data others change (approvals land at any time) ask cache-and-network:
 * the cached answer shows at once and is replaced when the server answers;
 * an answer the overview's prefetch has just asked for is taken as it is.
 */
const POLICY = 'cache-and-network' as const;

export function useNationalOverview(variables: () => AnalyticsVariables) {
  return useApiQuery({
    query: NationalOverviewQuery,
    variables,
    requestPolicy: () => freshPolicy(NationalOverviewQuery, variables(), POLICY),
  });
}

export function useIndicatorSeries(scopeCodes: () => readonly string[], variables: () => SeriesVariables | null) {
  return useApiQuery({
    query: () => seriesDocument(scopeCodes()),
    variables: () => variables() ?? { indicatorCode: '', toQuarterCode: null, includeSubmitted: false },
    pause: () => variables() == null || scopeCodes().length === 0,
    requestPolicy: () => {
      const v = variables();
      return v ? freshPolicy(seriesDocument(scopeCodes()), v, POLICY) : POLICY;
    },
  });
}

export function useRegionComparison(variables: () => ComparisonVariables | null) {
  return useApiQuery({
    query: RegionComparisonQuery,
    variables: () => variables() ?? { indicatorCode: '', quarterCode: null, includeSubmitted: false },
    pause: () => variables() == null,
    requestPolicy: POLICY,
  });
}

export function useProvinceRanking(variables: () => (ComparisonVariables & { regionCode: string | null }) | null) {
  return useApiQuery({
    query: ProvinceRankingQuery,
    variables: () => variables() ?? { indicatorCode: '', quarterCode: null, regionCode: null, includeSubmitted: false },
    pause: () => variables() == null,
    requestPolicy: () => {
      const v = variables();
      return v ? freshPolicy(ProvinceRankingQuery, v, POLICY) : POLICY;
    },
  });
}

export function useCompositeIndex(variables: () => (AnalyticsVariables & { regionCode: string | null }) | null) {
  return useApiQuery({
    query: CompositeIndexQuery,
    variables: () => variables() ?? { quarterCode: null, regionCode: null, includeSubmitted: false },
    pause: () => variables() == null,
    requestPolicy: POLICY,
  });
}

/** Obstacle prevalence of every province's local organizations (map layer); paused until asked for. */
export function useProvinceObstacleMap(variables: () => AnalyticsVariables | null) {
  return useApiQuery({
    query: ProvinceObstacleMapQuery,
    variables: () => variables() ?? { quarterCode: null, includeSubmitted: false },
    pause: () => variables() == null,
    requestPolicy: POLICY,
  });
}

export function useObstaclePrevalence(
  variables: () => (AnalyticsVariables & { scopeCode: string; respondentLevel: RespondentLevel }) | null,
) {
  return useApiQuery({
    query: ObstaclePrevalenceQuery,
    variables: () =>
      variables() ?? {
        scopeCode: 'TH',
        quarterCode: null,
        respondentLevel: 'PROVINCE' as const,
        includeSubmitted: false,
      },
    pause: () => variables() == null,
    requestPolicy: POLICY,
  });
}

export function useProvinceObstacleHistory(
  quarterCodes: () => readonly string[],
  variables: () => { scopeCode: string; includeSubmitted: boolean } | null,
) {
  return useApiQuery({
    query: () => obstacleHistoryDocument(quarterCodes()),
    variables: () => variables() ?? { scopeCode: '', includeSubmitted: false },
    pause: () => variables() == null || quarterCodes().length === 0,
    requestPolicy: POLICY,
  });
}

export function useProvinceScorecard(variables: () => (AnalyticsVariables & { provinceCode: string }) | null) {
  return useApiQuery({
    query: ProvinceScorecardQuery,
    variables: () => variables() ?? { provinceCode: '', quarterCode: null, includeSubmitted: false },
    pause: () => variables() == null,
    requestPolicy: POLICY,
  });
}

export function useProvinceRecommendations(
  variables: () => (AnalyticsVariables & { provinceCode: string; respondentLevel: RespondentLevel }) | null,
) {
  return useApiQuery({
    query: ProvinceRecommendationsQuery,
    variables: () =>
      variables() ?? {
        provinceCode: '',
        quarterCode: null,
        respondentLevel: 'LOCAL' as const,
        includeSubmitted: false,
      },
    pause: () => variables() == null,
    requestPolicy: POLICY,
  });
}

/** Planners and administrators only; paused for everyone else. */
export function useQuarterCompleteness(quarterCode: () => string | null) {
  return useApiQuery({
    query: QuarterCompletenessQuery,
    variables: () => ({ quarterCode: quarterCode() ?? '' }),
    pause: () => !quarterCode(),
    requestPolicy: POLICY,
  });
}

/**
 * What a field costs, for operation-cost.ts. One unit is about one field resolved in memory.
 *
 * LIST_SIZES: how many items each list field gives at the national scale (77 provinces, about 7,850 local
 * organizations, 16 data elements, 10 obstacle categories, 11 indicators, 84 fiscal quarters), rounded up. A
 * test checks that every list field of the schema is listed here, so a new list cannot go unpriced.
 * FIELD_WEIGHTS: what resolving the field once costs beyond one unit, mostly its SQL: the analytics fields read
 * every approved report of a quarter (or of all quarters), a login checks a password with argon2.
 */

/** Reads an argument of the field as the request gives it (literal or variable), or its schema default. */
export type ArgReader = (name: string) => unknown;

/** A fixed size, or one computed from the field's arguments; `page` is the `first` of the field above (pages). */
export type ListSize = number | ((arg: ArgReader, page: number | undefined) => number);

/** A whole number argument, else the fallback (a wrong type is refused at execution anyway). */
export function intOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : fallback;
}

const INDICATORS = 30;
const CATEGORIES = 12;
const PROVINCES = 77;
/** Local organizations of the largest province (Nakhon Ratchasima: about 330), and the province itself. */
const UNITS_PER_PROVINCE = 400;
/** A report's values: every unit of the province times 16 data elements (about 3,700 in the largest). */
const VALUES_PER_REPORT = 4_000;

export const LIST_SIZES: Record<string, ListSize> = {
  'AreaObstaclePrevalence.categories': CATEGORIES,
  'CompositeIndex.pillars': 10,
  'CompositeIndex.provinces': PROVINCES,
  'IndexPillar.indicators': INDICATORS,
  'IndicatorComparison.values': PROVINCES,
  'IndicatorSeries.points': 100,
  'Mutation.setTargets': PROVINCES + 1,
  'NationalOverview.indicators': INDICATORS,
  'ObstacleBaseline.categories': CATEGORIES,
  'ObstaclePrevalence.categories': CATEGORIES,
  'ObstaclePrevalenceByArea.areas': PROVINCES,
  'OrgUnitGroup.provinceCodes': PROVINCES,
  'OrgUnitGroupSet.groups': 20,
  'PillarScore.indicators': INDICATORS,
  'Province.localOrganizations': UNITS_PER_PROVINCE,
  'ProvinceIndex.pillars': 10,
  'ProvinceIndicatorValues.values': PROVINCES,
  'ProvinceRecommendations.recommendations': 100,
  'ProvinceScorecard.indicators': INDICATORS,
  'PublishedDataset.values': 1_000,
  'QuarterCompleteness.provinces': PROVINCES,
  'Query.dataElements': 30,
  'Query.fiscalQuarters': (arg) => (arg('fiscalYear') != null ? 4 : 100),
  'Query.fiscalYears': 30,
  'Query.frameworkHistory': (arg) => intOr(arg('limit'), 100),
  'Query.indicators': INDICATORS,
  'Query.myApiTokens': 20,
  'Query.obstacleCategories': CATEGORIES,
  'Query.orgUnitGroupSets': 5,
  'Query.provinces': PROVINCES,
  'Query.publishedDatasets': 10,
  'Query.recommendationSets': 10,
  'Query.recommendations': 100,
  'Query.regions': 6,
  'Query.reportHistory': 500,
  'Query.sources': 20,
  /** Per province, indicator and fiscal year, and the national ones. */
  'Query.targets': 3_000,
  'Query.valueHistory': 100,
  'Recommendation.indicatorCodes': 10,
  'Recommendation.obstacleCategoryCodes': 10,
  'RecommendationPriority.actionItems': 20,
  'RecommendationPriority.indicators': 10,
  'RecommendationPriority.obstacles': 10,
  'RecommendationSet.recommendations': 100,
  'Region.provinces': 22,
  'Report.actionItems': 50,
  'Report.allowedActions': 5,
  'Report.respondents': UNITS_PER_PROVINCE,
  'Report.values': (arg) => (arg('orgUnitCode') != null ? 30 : VALUES_PER_REPORT),
  /** A page holds what its field's `first` asked for (reports(first: 500) → 500 items). */
  'ReportPage.items': (_arg, page) => page ?? 100,
  'Respondent.answers': CATEGORIES,
  'SaveReportResult.warnings': 100,
  'Target.milestones': 10,
  /** The administrators' list of accounts, paged like reports. */
  'UserAccountPage.items': (_arg, page) => page ?? 50,
};

/** A list field missing from LIST_SIZES (the schema test keeps this from happening). */
export const UNKNOWN_LIST_SIZE = 100;

/**
 * One SQL round trip (1-3 ms on the demo data) against a field resolved in memory (a few microseconds). Every
 * root field runs at least one statement, so a root field not in FIELD_WEIGHTS costs this much.
 */
export const SQL_CALL = 300;

/**
 * Cost of resolving the field once, instead of 1 (or SQL_CALL for a root field). Calibrated on the demo data at
 * a tenth of the national scale (the analytics fields answer in 20-250 ms there) and kept in proportion: with
 * LIMITS.maxCost one operation may hold about 30 of the heaviest.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  // Every province's every indicator, pillars and rank.
  'Query.compositeIndex': 5_000,
  'Query.nationalOverview': 5_000,
  'Query.provinceScorecard': 5_000,
  // All quarters of a scope.
  'Query.indicatorSeries': 4_000,
  'Query.obstaclePrevalenceByArea': 4_000,
  'Query.provinceRecommendations': 3_000,
  'Query.obstaclePrevalence': 2_000,
  'Query.provinceRanking': 2_000,
  'Query.regionComparison': 2_000,
  'Query.indicatorProgress': 1_500,
  'Query.provinceIndicatorValues': 1_500,
  'Query.completeness': 1_500,
  // A statement for each parent object: {regions{provinces{region{provinces{…}}}}} multiplies them.
  'Province.localOrganizations': SQL_CALL,
  'Region.provinces': SQL_CALL,
  'RecommendationSet.recommendations': SQL_CALL,
  'Report.values': SQL_CALL,
  'Report.respondents': SQL_CALL,
  'Report.actionItems': SQL_CALL,
  // argon2 verification (tens of ms of CPU); LIMITS.maxLoginFields also allows one per operation.
  'Mutation.login': 2_000,
  'Mutation.saveReport': 2_000,
  'Mutation.setTargets': 500,
};

import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { AnalyticsCatalog, indicatorValue } from './analytics-catalog.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { CompositeIndexService } from './composite-index.service.js';
import { competitionRanks } from './composite.js';
import { RespondentLevel, type PillarWeightInput } from './dto/common.model.js';
import { NationalOverviewModel, ProvinceScorecardModel } from './dto/overview.model.js';
import { IndicatorProgressService } from './indicator-progress.service.js';
import { ObstaclePrevalenceService } from './obstacle-prevalence.service.js';
import { visibleStatuses } from './visibility.js';

/**
 * The two dashboard pages as one query each. Both are a handful of SQL statements over indicator_rollup
 * (77 × 11 rows a quarter) whatever the number of data values, and run in parallel where they can.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly catalog: AnalyticsCatalog,
    private readonly progress: IndicatorProgressService,
    private readonly prevalence: ObstaclePrevalenceService,
    private readonly index: CompositeIndexService,
  ) {}

  async nationalOverview(
    actor: Actor | null,
    a: { quarterCode?: string | null; includeSubmitted?: boolean | null },
  ): Promise<NationalOverviewModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const [calendar, nation] = await Promise.all([this.catalog.calendar(), this.catalog.nation()]);
    // A quarter given is known from the calendar; the default one is looked up first (it decides what to read).
    const quarter = await this.catalog.quarter(calendar, a.quarterCode, statuses);
    // Then everything at once: the indicators are looked up while their sums are read (with the quarters where
    // progress finds its base, when the cache knows them, in the same statement).
    const indicators = this.catalog.indicators();
    const visibleQuarterIds = (await this.catalog.visibleQuarterIds(statuses, nation)) ?? undefined;
    const [progress, obstacles, reportingProvinces] = await Promise.all([
      quarter
        ? this.progress.progressOf(nation, indicators, quarter, calendar, statuses, { visibleQuarterIds })
        : indicators.then((list) => list.map((i) => this.progress.emptyProgress(i, nation))),
      this.prevalence.prevalenceOf(
        nation,
        quarter ? [quarter] : [],
        { fiscalYear: null, quarter },
        RespondentLevel.PROVINCE,
        statuses,
      ),
      quarter ? this.repo.visibleReportCount(quarter.id, statuses, nation.pathPrefix) : Promise.resolve(0),
    ]);
    return {
      quarter,
      includeSubmitted: statuses.includes('SUBMITTED'),
      reportingProvinces,
      indicators: progress,
      obstacles,
    };
  }

  async provinceScorecard(
    actor: Actor | null,
    a: {
      provinceCode: string;
      quarterCode?: string | null;
      weights?: PillarWeightInput[] | null;
      includeSubmitted?: boolean | null;
    },
  ): Promise<ProvinceScorecardModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const includeSubmitted = statuses.includes('SUBMITTED');
    const [calendar, nation] = await Promise.all([this.catalog.calendar(), this.catalog.nation()]);
    // A quarter given is known from the calendar; the default one is looked up first (it decides what to read).
    const quarter = await this.catalog.quarter(calendar, a.quarterCode, statuses, a.provinceCode);
    // Then one round, all at once: the lookups, and the data read by the province's code and for every
    // indicator, so that no query waits for another (the province's series, every province's sums in the
    // quarter for ranks and the index, and the targets).
    const indicatorList = this.catalog.indicators();
    const read = <T>(q: () => Promise<T[]>): Promise<T[]> => (quarter ? q() : Promise.resolve([]));
    const [province, indicators, provinces, definition, series, rows, targets] = await Promise.all([
      this.catalog.province(a.provinceCode),
      indicatorList,
      this.catalog.scopeRows('PROVINCE'),
      this.index.definition(indicatorList, a.weights ?? []),
      read(() =>
        this.repo.sums('SCOPE', {
          pathPrefix: nation.pathPrefix,
          provinceCode: a.provinceCode,
          statuses,
          quarterIds: calendar.range(null, quarter!).map((q) => q.id),
          indicatorIds: null,
        }),
      ),
      read(() =>
        this.repo.sums('PROVINCE', {
          pathPrefix: nation.pathPrefix,
          statuses,
          quarterIds: [quarter!.id],
          indicatorIds: null,
          withTotal: true,
        }),
      ),
      read(() => this.repo.targets({ codes: [a.provinceCode, nation.code] }, null, [quarter!.fiscalYear])),
    ]);
    if (!quarter) {
      return {
        province,
        quarter: null,
        includeSubmitted,
        index: null,
        indicators: indicators.map((i) => ({
          ...this.progress.emptyProgress(i, province),
          rank: null,
          rankedCount: 0,
          nationalValue: null,
        })),
      };
    }
    const [progress, indexes] = await Promise.all([
      this.progress.progressOf(province, indicators, quarter, calendar, statuses, { given: { rows: series, targets } }),
      this.index.provinceIndexes(definition, quarter, calendar, statuses, {
        rows: rows.filter((r) => r.group_id !== 0),
        provinces,
      }),
    ]);

    // Every province's value of each indicator, for its rank: one pass over the rows.
    const provinceIds = [...new Set(rows.filter((r) => r.group_id !== 0).map((r) => r.group_id))];
    const byKey = new Map(rows.map((r) => [`${r.group_id}:${r.indicator_id}`, r]));
    const own = provinceIds.indexOf(province.id);
    const scorecard = progress.map((p, i) => {
      const ind = indicators[i];
      const values = provinceIds.map(
        (id) => indicatorValue(ind, quarter, calendar, byKey.get(`${id}:${ind.id}`))?.value ?? null,
      );
      const ranks = competitionRanks(values, ind.direction >= 0);
      return {
        ...p,
        rank: own >= 0 ? ranks[own] : null,
        rankedCount: ranks.filter((r) => r !== null).length,
        nationalValue: indicatorValue(ind, quarter, calendar, byKey.get(`0:${ind.id}`))?.value ?? null,
      };
    });
    return {
      province,
      quarter,
      includeSubmitted,
      indicators: scorecard,
      index: indexes.find((x) => x.province.code === province.code) ?? null,
    };
  }
}

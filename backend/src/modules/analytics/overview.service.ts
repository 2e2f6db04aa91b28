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

  async nationalOverview(actor: Actor | null, a: { quarterCode?: string | null; includeSubmitted?: boolean | null }): Promise<NationalOverviewModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const [calendar, nation] = await Promise.all([this.catalog.calendar(), this.catalog.nation()]);
    const [indicators, quarter, visibleQuarterIds] = await Promise.all([
      this.catalog.indicators(),
      this.catalog.quarter(calendar, a.quarterCode, statuses),
      this.repo.visibleQuarterIds(statuses, nation.pathPrefix),
    ]);
    const [progress, obstacles, reportingProvinces] = await Promise.all([
      quarter ? this.progress.progressOf(nation, indicators, quarter, calendar, statuses, { visibleQuarterIds }) : Promise.resolve(indicators.map((i) => this.progress.emptyProgress(i, nation))),
      this.prevalence.prevalenceOf(nation, quarter ? [quarter] : [], { fiscalYear: null, quarter }, RespondentLevel.PROVINCE, statuses),
      quarter ? this.repo.visibleReportCount(quarter.id, statuses, nation.pathPrefix) : Promise.resolve(0),
    ]);
    return { quarter, includeSubmitted: statuses.includes('SUBMITTED'), reportingProvinces, indicators: progress, obstacles };
  }

  async provinceScorecard(
    actor: Actor | null,
    a: { provinceCode: string; quarterCode?: string | null; weights?: PillarWeightInput[] | null; includeSubmitted?: boolean | null },
  ): Promise<ProvinceScorecardModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const [calendar, nation] = await Promise.all([this.catalog.calendar(), this.catalog.nation()]);
    const indicatorList = this.catalog.indicators();
    // One round of lookups, all at once: the quarter is found by the province's code beside its own lookup.
    const [province, indicators, provinces, quarter, definition] = await Promise.all([
      this.catalog.province(a.provinceCode),
      indicatorList,
      this.repo.scopes('PROVINCE'),
      this.catalog.quarter(calendar, a.quarterCode, statuses, a.provinceCode),
      this.index.definition(indicatorList, a.weights ?? []),
    ]);
    const includeSubmitted = statuses.includes('SUBMITTED');
    if (!quarter) {
      return { province, quarter: null, includeSubmitted, index: null, indicators: indicators.map((i) => ({ ...this.progress.emptyProgress(i, province), rank: null, rankedCount: 0, nationalValue: null })) };
    }
    const f = { pathPrefix: nation.pathPrefix, statuses, quarterIds: [quarter.id], indicatorIds: indicators.map((i) => i.id), withTotal: true };
    const [progress, rows] = await Promise.all([this.progress.progressOf(province, indicators, quarter, calendar, statuses), this.repo.sums('PROVINCE', f)]);
    const provinceRows = rows.filter((r) => r.group_id !== 0);
    const nationRows = rows.filter((r) => r.group_id === 0);
    const indexes = await this.index.provinceIndexes(definition, quarter, calendar, statuses, { rows: provinceRows, provinces });

    const provinceIds = [...new Set(provinceRows.map((r) => r.group_id))];
    const scorecard = progress.map((p, i) => {
      const ind = indicators[i];
      const rows = provinceRows.filter((r) => r.indicator_id === ind.id);
      const values = provinceIds.map((id) => indicatorValue(ind, quarter, calendar, rows.find((r) => r.group_id === id))?.value ?? null);
      const ranks = competitionRanks(values, ind.direction >= 0);
      const own = provinceIds.indexOf(province.id);
      return {
        ...p,
        rank: own >= 0 ? ranks[own] : null,
        rankedCount: ranks.filter((r) => r !== null).length,
        nationalValue: indicatorValue(ind, quarter, calendar, nationRows.find((r) => r.indicator_id === ind.id))?.value ?? null,
      };
    });
    return { province, quarter, includeSubmitted, indicators: scorecard, index: indexes.find((x) => x.province.code === province.code) ?? null };
  }
}

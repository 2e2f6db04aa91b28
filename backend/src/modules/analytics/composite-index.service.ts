import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { BadInputError } from '../../core/errors/domain-error.js';
import { AnalyticsCatalog, indicatorValue, toScope, type CatalogIndicator } from './analytics-catalog.js';
import { AnalyticsRepository, type ScopeRow, type SumsRow } from './analytics.repository.js';
import type { CalendarQuarter, QuarterCalendar } from './calendar.js';
import {
  competitionRanks,
  compositeIndex,
  GOALPOSTS,
  INDEX_METHOD,
  INDEX_METHOD_CODE,
  pillarDefinitions,
  type Goalpost,
  type PillarDefinition,
} from './composite.js';
import type { PillarWeightInput } from './dto/common.model.js';
import { CompositeIndexModel, IndexPillarModel, ProvinceIndexModel } from './dto/composite-index.model.js';
import { visibleStatuses, type VisibleStatus } from './visibility.js';

export interface IndexDefinition {
  pillars: PillarDefinition[];
  goalposts: Map<string, Goalpost>;
  indicators: CatalogIndicator[];
  model: IndexPillarModel[];
}

@Injectable()
export class CompositeIndexService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly catalog: AnalyticsCatalog,
  ) {}

  async compositeIndex(
    actor: Actor | null,
    a: {
      quarterCode?: string | null;
      regionCode?: string | null;
      weights?: PillarWeightInput[] | null;
      includeSubmitted?: boolean | null;
    },
  ): Promise<CompositeIndexModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const calendar = await this.catalog.calendar();
    const [definition, region, quarter] = await Promise.all([
      this.definition(this.catalog.indicators(), a.weights ?? []),
      a.regionCode ? this.catalog.region(a.regionCode) : Promise.resolve(null),
      this.catalog.quarter(calendar, a.quarterCode, statuses),
    ]);
    const base = {
      quarter,
      includeSubmitted: statuses.includes('SUBMITTED'),
      method: INDEX_METHOD,
      methodCode: INDEX_METHOD_CODE,
      pillars: definition.model,
    };
    if (!quarter) return { ...base, provinces: [] };
    const provinces = await this.provinceIndexes(definition, quarter, calendar, statuses);
    return { ...base, provinces: region ? provinces.filter((p) => p.province.regionCode === region.code) : provinces };
  }

  /** Pillars, goalposts and normalised weights; BAD_USER_INPUT for unknown pillars or bad weights. */
  async definition(
    indicatorList: CatalogIndicator[] | Promise<CatalogIndicator[]>,
    weights: PillarWeightInput[],
  ): Promise<IndexDefinition> {
    const [indicators, categories] = await Promise.all([indicatorList, this.catalog.obstacleCategories()]);
    const inIndex = indicators.filter((i) => i.obstacleCategoryCode !== null && GOALPOSTS[i.code] !== undefined);
    let pillars: PillarDefinition[];
    try {
      pillars = pillarDefinitions(
        inIndex.map((i) => ({ code: i.code, pillarCode: i.obstacleCategoryCode!, goalpost: GOALPOSTS[i.code] })),
        categories.map((c) => c.code),
        weights,
      );
    } catch (err) {
      if (err instanceof RangeError) throw new BadInputError(err.message, [{ field: 'weights', message: err.message }]);
      throw err;
    }
    const goalposts = new Map(inIndex.map((i) => [i.code, GOALPOSTS[i.code]]));
    const byCode = new Map(categories.map((c) => [c.code, c]));
    return {
      pillars,
      goalposts,
      indicators: inIndex,
      model: pillars.map((p) => ({
        code: p.code,
        category: byCode.get(p.code)!,
        weight: p.weight,
        indicators: p.indicatorCodes.map((code) => ({ indicatorCode: code, ...goalposts.get(code)! })),
      })),
    };
  }

  /**
   * Every province's index in the quarter, highest first. One query: the sums of every indicator per province
   * (none when the caller passes them, with the provinces, as the scorecard does).
   */
  async provinceIndexes(
    definition: IndexDefinition,
    quarter: CalendarQuarter,
    calendar: QuarterCalendar,
    statuses: VisibleStatus[],
    given?: { rows: SumsRow[]; provinces: ScopeRow[] },
  ): Promise<ProvinceIndexModel[]> {
    const nation = await this.catalog.nation();
    const [rows, provinces] = given
      ? [given.rows, given.provinces]
      : await Promise.all([
          this.repo.sums('PROVINCE', {
            pathPrefix: nation.pathPrefix,
            statuses,
            quarterIds: [quarter.id],
            indicatorIds: definition.indicators.map((i) => i.id),
          }),
          this.catalog.scopeRows('PROVINCE'),
        ]);
    const byKey = new Map(
      rows.filter((r) => r.quarter_id === quarter.id).map((r) => [`${r.group_id}:${r.indicator_id}`, r]),
    );
    const scored = provinces.map((p) => {
      const values = new Map(
        definition.indicators.map((ind) => [
          ind.code,
          indicatorValue(ind, quarter, calendar, byKey.get(`${p.id}:${ind.id}`))?.value ?? null,
        ]),
      );
      return { province: toScope(p), score: compositeIndex(definition.pillars, definition.goalposts, values) };
    });
    const ranks = competitionRanks(scored.map((s) => s.score.index));
    const rankedCount = ranks.filter((r) => r !== null).length;
    return scored
      .map((s, i) => ({
        province: s.province,
        index: s.score.index,
        rank: ranks[i],
        rankedCount,
        pillars: s.score.pillars.map((p) => ({
          pillarCode: p.code,
          weight: p.weight,
          score: p.score,
          contribution: p.contribution,
          indicators: p.indicators.map((x) => ({ indicatorCode: x.code, value: x.value, score: x.score })),
        })),
      }))
      .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
  }
}

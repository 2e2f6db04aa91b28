import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { BadInputError } from '../../core/errors/domain-error.js';
import { AnalyticsCatalog, indicatorValue, toScope, type CatalogIndicator, type Scope } from './analytics-catalog.js';
import { AnalyticsRepository, type SumsRow, type TargetRow } from './analytics.repository.js';
import type { CalendarQuarter, QuarterCalendar } from './calendar.js';
import { competitionRanks } from './composite.js';
import { ScopeLevel, type IndicatorValueModel } from './dto/common.model.js';
import {
  IndicatorComparisonModel,
  IndicatorProgressModel,
  IndicatorSeriesModel,
  ScopeIndicatorValueModel,
} from './dto/indicator-progress.model.js';
import { achievementPct, progress } from './progress.js';
import { TargetBook } from './targets.js';
import { visibleStatuses, type VisibleStatus } from './visibility.js';

const key = (indicatorId: number, quarterId: number, groupId = 0) => `${groupId}:${indicatorId}:${quarterId}`;

function byKey(rows: SumsRow[]): Map<string, SumsRow> {
  return new Map(rows.map((r) => [key(r.indicator_id, r.quarter_id, r.group_id), r]));
}

function change(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current === null || current === undefined || previous === null || previous === undefined
    ? null
    : current - previous;
}

/** How many of the scope's first visible quarters are tried as the base before a full search. */
const BASE_CANDIDATES = 2;

/** Indicator roll-ups over time and space: progress against targets, series, regions, province rankings. */
@Injectable()
export class IndicatorProgressService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly catalog: AnalyticsCatalog,
  ) {}

  async indicatorProgress(
    actor: Actor | null,
    a: {
      indicatorCode: string;
      scopeCode: string;
      quarterCode?: string | null;
      baseQuarterCode?: string | null;
      includeSubmitted?: boolean | null;
    },
  ): Promise<IndicatorProgressModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const calendar = await this.catalog.calendar();
    const [indicator, scope, quarter] = await Promise.all([
      this.catalog.indicator(a.indicatorCode),
      this.catalog.scope(a.scopeCode),
      this.catalog.quarter(calendar, a.quarterCode, statuses, a.scopeCode),
    ]);
    const base = a.baseQuarterCode ? this.catalog.quarterByCode(calendar, a.baseQuarterCode) : null;
    if (!quarter) return this.emptyProgress(indicator, scope);
    const [result] = await this.progressOf(scope, [indicator], quarter, calendar, statuses, { baseQuarter: base });
    return result;
  }

  /**
   * Progress of indicators over one scope in one quarter: the current value, the base (the first quarter
   * with a value, or the one given), the previous quarter, the target and the status. A few queries in all,
   * whatever the number of indicators: sums of the candidate quarters, and targets. A caller that read a
   * province's whole series and its targets already (beside its own lookups) gives them. Indicators given as a
   * promise (every indicator, being looked up meanwhile) let the sums start at once, for every indicator.
   */
  async progressOf(
    scope: Scope,
    indicatorList: CatalogIndicator[] | Promise<CatalogIndicator[]>,
    quarter: CalendarQuarter,
    calendar: QuarterCalendar,
    statuses: VisibleStatus[],
    options: {
      baseQuarter?: CalendarQuarter | null;
      visibleQuarterIds?: number[];
      given?: { rows: SumsRow[]; targets: TargetRow[] };
    } = {},
  ): Promise<IndicatorProgressModel[]> {
    const baseQuarter = options.baseQuarter ?? null;
    if (baseQuarter && calendar.seq(baseQuarter) > calendar.seq(quarter)) {
      throw new BadInputError(`The base quarter ${baseQuarter.code} is after ${quarter.code}`, [
        { field: 'baseQuarterCode', message: 'must not be after the quarter' },
      ]);
    }
    const previous = calendar.previous(quarter);
    const indicatorIds = Array.isArray(indicatorList) ? indicatorList.map((i) => i.id) : null;
    const sumsOf = (quarters: CalendarQuarter[], ids: number[] | null = indicatorIds) =>
      quarters.length === 0
        ? Promise.resolve([])
        : this.repo.sums('SCOPE', {
            pathPrefix: scope.pathPrefix,
            provinceCode: scope.level === ScopeLevel.PROVINCE ? scope.code : undefined,
            statuses,
            quarterIds: quarters.map((q) => q.id),
            indicatorIds: ids,
          });
    const around = [quarter, ...(previous ? [previous] : [])];
    // The base is the first quarter with a value. A province's whole series is small (11 indicators × its
    // quarters): read it at once. For a region or the nation, read the current and previous quarters and,
    // beside them, the first two quarters in which the scope has visible reports.
    const series = !baseQuarter && scope.level === ScopeLevel.PROVINCE ? calendar.range(null, quarter) : null;
    const firstVisible = (ids: number[]) => {
      const upToCurrent = calendar.sort(ids).filter((q) => calendar.seq(q) <= calendar.seq(quarter));
      return { candidates: upToCurrent.slice(0, BASE_CANDIDATES), later: upToCurrent.slice(BASE_CANDIDATES) };
    };
    // The caller may know the visible quarters already (the national overview asks beside its other lookups):
    // then the candidate quarters are read in the same query as the current one.
    const known = !series && !baseQuarter && options.visibleQuarterIds ? firstVisible(options.visibleQuarterIds) : null;
    if (options.given && !series) throw new Error("Given rows must be a province's whole series");
    const nation = await this.catalog.nation();
    const [rows, targetRows, visible] = options.given
      ? [[...options.given.rows], options.given.targets, null]
      : await Promise.all([
          sumsOf(
            series ?? [
              ...around,
              ...(baseQuarter ? [baseQuarter] : []),
              ...(known?.candidates ?? []).filter((q) => !around.includes(q)),
            ],
          ),
          this.repo.targets({ ids: [scope.id, nation.id] }, indicatorIds, [quarter.fiscalYear]),
          series || baseQuarter || known
            ? Promise.resolve(null)
            : this.repo.visibleQuarterIds(statuses, scope.pathPrefix),
        ]);
    let candidates: CalendarQuarter[] = baseQuarter ? [baseQuarter] : (series ?? known?.candidates ?? []);
    let laterVisible: CalendarQuarter[] = known?.later ?? [];
    if (visible) {
      ({ candidates, later: laterVisible } = firstVisible(visible));
      rows.push(...(await sumsOf(candidates.filter((q) => !around.includes(q)))));
    }
    const indicators = await indicatorList;
    const sums = byKey(rows);
    const targets = new TargetBook(targetRows);
    const point = (ind: CatalogIndicator, q: CalendarQuarter | null) =>
      q ? indicatorValue(ind, q, calendar, sums.get(key(ind.id, q.id))) : null;
    const firstWithValue = (ind: CatalogIndicator, qs: CalendarQuarter[]) =>
      qs.map((q) => point(ind, q)).find((p) => p !== null && p.value !== null) ?? null;

    const bases = new Map<number, IndicatorValueModel | null>(
      indicators.map((ind) => [ind.id, firstWithValue(ind, candidates)]),
    );
    // Rare: an indicator with no value in the scope's first quarters (introduced later): search the rest.
    const missing = indicators.filter((ind) => bases.get(ind.id) === null);
    if (missing.length > 0 && laterVisible.length > 0) {
      const more = byKey(
        await sumsOf(
          laterVisible,
          missing.map((i) => i.id),
        ),
      );
      for (const ind of missing) {
        const found = laterVisible
          .map((q) => indicatorValue(ind, q, calendar, more.get(key(ind.id, q.id))))
          .find((p) => p !== null && p.value !== null);
        bases.set(ind.id, found ?? null);
      }
    }

    return indicators.map((ind) => {
      const current = point(ind, quarter);
      const prev = point(ind, previous);
      const base = bases.get(ind.id) ?? null;
      const target = targets.for(ind.id, scope.id, quarter);
      const p = progress({
        direction: ind.direction,
        base: base?.value != null ? { t: base.t, value: base.value } : null,
        current: current?.value != null ? { t: current.t, value: current.value } : null,
        target: target ? { t: target.t, value: target.value } : null,
      });
      return {
        indicator: ind.model,
        scope,
        current,
        base,
        previous: prev,
        changeFromPrevious: change(current?.value, prev?.value),
        target,
        ...p,
      };
    });
  }

  emptyProgress(indicator: CatalogIndicator, scope: Scope): IndicatorProgressModel {
    return {
      indicator: indicator.model,
      scope,
      current: null,
      base: null,
      previous: null,
      changeFromPrevious: null,
      target: null,
      ...progress({ direction: indicator.direction, base: null, current: null, target: null }),
    };
  }

  async indicatorSeries(
    actor: Actor | null,
    a: {
      indicatorCode: string;
      scopeCode: string;
      fromQuarterCode?: string | null;
      toQuarterCode?: string | null;
      includeSubmitted?: boolean | null;
    },
  ): Promise<IndicatorSeriesModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const [indicator, scope, calendar] = await Promise.all([
      this.catalog.indicator(a.indicatorCode),
      this.catalog.scope(a.scopeCode),
      this.catalog.calendar(),
    ]);
    const to = await this.catalog.quarter(calendar, a.toQuarterCode, statuses, scope.code);
    if (!to) return { indicator: indicator.model, scope, points: [] };
    const from = a.fromQuarterCode ? this.catalog.quarterByCode(calendar, a.fromQuarterCode) : null;
    if (from && calendar.seq(from) > calendar.seq(to)) {
      throw new BadInputError(`${from.code} is after ${to.code}`, [
        { field: 'fromQuarterCode', message: 'must not be after toQuarterCode' },
      ]);
    }
    const quarters = calendar.range(from, to);
    const sums = byKey(
      await this.repo.sums('SCOPE', {
        pathPrefix: scope.pathPrefix,
        provinceCode: scope.level === ScopeLevel.PROVINCE ? scope.code : undefined,
        statuses,
        quarterIds: quarters.map((q) => q.id),
        indicatorIds: [indicator.id],
      }),
    );
    const points = quarters.map((q) => ({
      q,
      p: indicatorValue(indicator, q, calendar, sums.get(key(indicator.id, q.id))),
    }));
    return {
      indicator: indicator.model,
      scope,
      points: points
        .map(({ q, p }, i) =>
          p ? { ...p, quarter: q, changeFromPrevious: change(p.value, i > 0 ? points[i - 1].p?.value : null) } : null,
        )
        .filter((p) => p !== null),
    };
  }

  /** The six regions side by side for one indicator and quarter, with the nation for reference. */
  async regionComparison(
    actor: Actor | null,
    a: { indicatorCode: string; quarterCode?: string | null; includeSubmitted?: boolean | null },
  ): Promise<IndicatorComparisonModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const [indicator, nation, calendar, regions] = await Promise.all([
      this.catalog.indicator(a.indicatorCode),
      this.catalog.nation(),
      this.catalog.calendar(),
      this.catalog.scopeRows('REGION'),
    ]);
    return this.compare(indicator, nation, regions.map(toScope), 'REGION', calendar, statuses, a.quarterCode);
  }

  /** Provinces (all, or of one region) ranked best first for one indicator and quarter. */
  async provinceRanking(
    actor: Actor | null,
    a: {
      indicatorCode: string;
      quarterCode?: string | null;
      regionCode?: string | null;
      includeSubmitted?: boolean | null;
    },
  ): Promise<IndicatorComparisonModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const [indicator, nation, calendar, region] = await Promise.all([
      this.catalog.indicator(a.indicatorCode),
      this.catalog.nation(),
      this.catalog.calendar(),
      a.regionCode ? this.catalog.region(a.regionCode) : Promise.resolve(null),
    ]);
    const provinces = (await this.catalog.scopeRows('PROVINCE', region)).map(toScope);
    return this.compare(indicator, nation, provinces, 'PROVINCE', calendar, statuses, a.quarterCode);
  }

  private async compare(
    indicator: CatalogIndicator,
    nation: Scope,
    scopes: Scope[],
    group: 'REGION' | 'PROVINCE',
    calendar: QuarterCalendar,
    statuses: VisibleStatus[],
    quarterCode: string | null | undefined,
  ): Promise<IndicatorComparisonModel> {
    const quarter = await this.catalog.quarter(calendar, quarterCode, statuses);
    if (!quarter)
      return { indicator: indicator.model, quarter: null, previousQuarter: null, national: null, values: [] };
    const previous = calendar.previous(quarter);
    const quarterIds = [quarter.id, ...(previous ? [previous.id] : [])];
    const f = { pathPrefix: nation.pathPrefix, statuses, quarterIds, indicatorIds: [indicator.id] };
    const [groupRows, nationRows, targetRows] = await Promise.all([
      this.repo.sums(group, f),
      this.repo.sums('SCOPE', f),
      this.repo.targets({ ids: [nation.id, ...scopes.map((s) => s.id)] }, [indicator.id], [quarter.fiscalYear]),
    ]);
    const targets = new TargetBook(targetRows);
    const value = (s: Scope, rows: Map<string, SumsRow>, groupId: number): ScopeIndicatorValueModel => {
      const cur = indicatorValue(indicator, quarter, calendar, rows.get(key(indicator.id, quarter.id, groupId)));
      const prev = previous
        ? indicatorValue(indicator, previous, calendar, rows.get(key(indicator.id, previous.id, groupId)))
        : null;
      const target = targets.for(indicator.id, s.id, quarter);
      return {
        scope: s,
        value: cur?.value ?? null,
        numerator: cur?.numerator ?? null,
        denominator: cur?.denominator ?? null,
        units: cur?.units ?? 0,
        reportingProvinces: cur?.reportingProvinces ?? 0,
        rank: null,
        previousValue: prev?.value ?? null,
        changeFromPrevious: change(cur?.value, prev?.value),
        target: target?.value ?? null,
        achievementPct: achievementPct(indicator.direction, cur?.value ?? null, target?.value ?? null),
        isDemo: cur?.isDemo ?? false,
      };
    };
    const groups = byKey(groupRows);
    const values = scopes.map((s) => value(s, groups, s.id));
    const ranks = competitionRanks(
      values.map((v) => v.value),
      indicator.direction >= 0,
    );
    values.forEach((v, i) => (v.rank = ranks[i]));
    values.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
    return {
      indicator: indicator.model,
      quarter,
      previousQuarter: previous,
      national: value(nation, byKey(nationRows), 0),
      values,
    };
  }
}

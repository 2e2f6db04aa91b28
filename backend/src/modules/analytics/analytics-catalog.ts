import { Injectable } from '@nestjs/common';
import { AnalyticsCache, reportChange, type CacheTag } from '../../core/cache/analytics-cache.js';
import { BadInputError, NotFoundError } from '../../core/errors/domain-error.js';
import type { IndicatorModel, ObstacleCategoryModel } from '../framework/dto/framework.model.js';
import { FrameworkService } from '../framework/framework.service.js';
import { PeriodService } from '../period/period.service.js';
import { AnalyticsRepository, underPath, type ScopeRow, type SumsRow } from './analytics.repository.js';
import { QuarterCalendar, type CalendarQuarter } from './calendar.js';
import { AnalyticsScopeModel, IndicatorValueModel, ScopeLevel } from './dto/common.model.js';
import { valueFromSums, type Aggregation } from './rollup.js';
import type { VisibleStatus } from './visibility.js';

export interface Scope extends AnalyticsScopeModel {
  id: number;
  /** LIKE pattern for every org unit under the scope (itself included). */
  pathPrefix: string;
}

export interface CatalogIndicator {
  id: number;
  code: string;
  direction: number;
  aggregation: Aggregation;
  multiplier: number;
  /** The obstacle category it measures: its pillar in the composite index. */
  obstacleCategoryCode: string | null;
  model: IndicatorModel;
}

export function toScope(r: ScopeRow): Scope {
  return {
    id: r.id,
    code: r.code,
    level: r.level as ScopeLevel,
    nameTh: r.name_th,
    nameEn: r.name_en,
    regionCode: r.region_code,
    pathPrefix: underPath(r.path),
  };
}

/** An indicator's value from the sums SQL returned, as the indicator defines its roll-up. */
export function indicatorValue(
  ind: CatalogIndicator,
  q: CalendarQuarter,
  calendar: QuarterCalendar,
  row: SumsRow | undefined,
): IndicatorValueModel | null {
  if (!row) return null;
  const numerator = Number(row.numerator);
  const denominator = row.denominator === null ? null : Number(row.denominator);
  return {
    quarterCode: q.code,
    t: calendar.t(q),
    value: valueFromSums(ind.aggregation, ind.multiplier, { numerator, denominator, units: row.units }),
    numerator,
    denominator,
    units: row.units,
    reportingProvinces: row.provinces,
    isDemo: row.is_demo,
  };
}

/**
 * The fiscal calendar and the nation change only when the reference data is loaded (at start-up), yet every
 * analytics query needs them: they are kept for a minute rather than read again on each request.
 */
const REFERENCE_TTL_MS = 60_000;

/**
 * Indicators, obstacle categories and the nation's regions and provinces are what every analytics query starts
 * from; reading them again on each request was most of its statements. With the analytics cache on they are kept
 * in it until a framework change is heard (indicators and org units notify as the framework; data elements and
 * obstacle categories are reference data, loaded at start-up), and a default quarter until a change to the report
 * states it counts; with the cache off, everything is read live.
 */
const FRAMEWORK: CacheTag = { kinds: [], quarterIds: null };

interface ScopeBook {
  byCode: Map<string, ScopeRow>;
  regions: ScopeRow[];
  provinces: ScopeRow[];
}

/** Lookups every analytics query starts from: the calendar, indicators, the scope and the quarter. */
@Injectable()
export class AnalyticsCatalog {
  private cached: { at: number; calendar: Promise<QuarterCalendar>; nation: Promise<Scope> } | null = null;

  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly framework: FrameworkService,
    private readonly periods: PeriodService,
    private readonly cache: AnalyticsCache,
  ) {}

  private scopeBook(): Promise<ScopeBook> {
    return this.cache.keep('catalog|scopes', FRAMEWORK, async () => {
      const rows = await this.repo.allScopes();
      return {
        byCode: new Map(rows.map((r) => [r.code, r])),
        regions: rows.filter((r) => r.level === 'REGION'),
        provinces: rows.filter((r) => r.level === 'PROVINCE'),
      };
    });
  }

  /** Regions or provinces (under a region, or all), in the reference data's order. */
  async scopeRows(level: 'REGION' | 'PROVINCE', under: Scope | null = null): Promise<ScopeRow[]> {
    const book = await this.scopeBook();
    const rows = level === 'REGION' ? book.regions : book.provinces;
    return under && under.level === ScopeLevel.REGION ? rows.filter((r) => r.region_code === under.code) : rows;
  }

  obstacleCategories(): Promise<ObstacleCategoryModel[]> {
    return this.frameworkData('obstacleCategories', () => this.framework.obstacleCategories());
  }

  /** Framework data (reference data, published values, …) kept until a framework change is heard. */
  frameworkData<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache.keep(`catalog|${key}`, FRAMEWORK, load);
  }

  /**
   * Quarters in which the scope has a report in one of the states (where progress finds its base); kept, with the
   * cache on, until a change to those states. Null with the cache off: the caller reads them beside its data.
   */
  async visibleQuarterIds(statuses: VisibleStatus[], scope: Scope): Promise<number[] | null> {
    if (!this.cache.enabled) return null;
    const tag: CacheTag = { kinds: statuses.map((s) => reportChange(s, []).kind), quarterIds: null };
    return this.cache.keep(`catalog|visibleQuarters|${statuses.join(',')}|${scope.code}`, tag, () =>
      this.repo.visibleQuarterIds(statuses, scope.pathPrefix),
    );
  }

  private reference() {
    if (!this.cached || Date.now() - this.cached.at > REFERENCE_TTL_MS) {
      const entry = {
        at: Date.now(),
        calendar: this.periods.fiscalQuarters().then((qs) => new QuarterCalendar(qs)),
        nation: this.scope('TH', [ScopeLevel.NATION]),
      };
      // A failed lookup is not kept.
      Promise.all([entry.calendar, entry.nation]).catch(() => {
        if (this.cached === entry) this.cached = null;
      });
      this.cached = entry;
    }
    return this.cached;
  }

  calendar(): Promise<QuarterCalendar> {
    return this.reference().calendar;
  }

  /** Indicators by code (all when null), in the framework's order; NOT_FOUND for an unknown code. */
  async indicators(codes: string[] | null = null): Promise<CatalogIndicator[]> {
    const all = await this.cache.keep('catalog|indicators', FRAMEWORK, () => this.loadIndicators());
    if (codes === null) return all;
    for (const code of codes) if (!all.some((i) => i.code === code)) throw new NotFoundError('Indicator', code);
    return all.filter((i) => codes.includes(i.code));
  }

  private async loadIndicators(): Promise<CatalogIndicator[]> {
    const [keys, models] = await Promise.all([this.repo.indicatorKeys(), this.framework.indicators()]);
    const byCode = new Map(models.map((m) => [m.code, m]));
    return keys.map((k) => ({
      id: k.id,
      code: k.code,
      direction: k.direction,
      aggregation: k.aggregation,
      multiplier: Number(k.multiplier),
      obstacleCategoryCode: k.obstacle_category_code,
      model: byCode.get(k.code)!,
    }));
  }

  async indicator(code: string): Promise<CatalogIndicator> {
    return (await this.indicators([code]))[0];
  }

  /** "TH", a region or a province; NOT_FOUND otherwise. */
  async scope(
    code: string,
    allowed: ScopeLevel[] = [ScopeLevel.NATION, ScopeLevel.REGION, ScopeLevel.PROVINCE],
  ): Promise<Scope> {
    const row = (await this.scopeBook()).byCode.get(code);
    if (!row) throw new NotFoundError('Scope (nation, region or province)', code);
    const scope = toScope(row);
    if (!allowed.includes(scope.level))
      throw new BadInputError(
        `${code} is a ${scope.level.toLowerCase()}; expected ${allowed.join(' or ').toLowerCase()}`,
        [{ field: 'scopeCode', message: `expected ${allowed.join(' or ')}` }],
      );
    return scope;
  }

  async province(code: string): Promise<Scope> {
    const scope = (await this.scopeBook()).byCode.get(code);
    if (!scope || scope.level !== 'PROVINCE') throw new NotFoundError('Province', code);
    return toScope(scope);
  }

  async region(code: string): Promise<Scope> {
    const scope = (await this.scopeBook()).byCode.get(code);
    if (!scope || scope.level !== 'REGION') throw new NotFoundError('Region', code);
    return toScope(scope);
  }

  /** The provinces under a scope (all of them under the nation), by code. */
  async provinces(under: Scope): Promise<Scope[]> {
    return (await this.scopeRows('PROVINCE', under)).map(toScope);
  }

  nation(): Promise<Scope> {
    return this.reference().nation;
  }

  /**
   * The quarter asked for (NOT_FOUND if unknown), else the latest with visible data under the scope (by code, so
   * that it can run beside the scope's own lookup), or nationally; null when there is none.
   */
  async quarter(
    calendar: QuarterCalendar,
    code: string | null | undefined,
    statuses: VisibleStatus[],
    scopeCode: string | null = null,
  ): Promise<CalendarQuarter | null> {
    if (code) {
      const q = calendar.code(code);
      if (!q) throw new NotFoundError('Fiscal quarter', code);
      return q;
    }
    const id = await this.defaultQuarterId(statuses, scopeCode);
    return id === null ? null : calendar.byId(id);
  }

  /** Kept until a change to the states it counts (of any quarter: one may overtake it); unknown scopes are not kept. */
  private async defaultQuarterId(statuses: VisibleStatus[], scopeCode: string | null): Promise<number | null> {
    const compute = () => this.repo.latestVisibleQuarterId(statuses, scopeCode);
    if (!this.cache.enabled || (scopeCode !== null && !(await this.scopeBook()).byCode.has(scopeCode)))
      return compute();
    const tag: CacheTag = { kinds: statuses.map((s) => reportChange(s, []).kind), quarterIds: null };
    return this.cache.keep(`catalog|defaultQuarter|${statuses.join(',')}|${scopeCode ?? ''}`, tag, compute);
  }

  quarterByCode(calendar: QuarterCalendar, code: string): CalendarQuarter {
    const q = calendar.code(code);
    if (!q) throw new NotFoundError('Fiscal quarter', code);
    return q;
  }
}

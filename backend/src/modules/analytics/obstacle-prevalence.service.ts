import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { BadInputError, NotFoundError } from '../../core/errors/domain-error.js';
import type { ObstacleCategoryModel } from '../framework/dto/framework.model.js';
import { AnalyticsCatalog, type Scope } from './analytics-catalog.js';
import type { CalendarQuarter } from './calendar.js';
import { RespondentLevel, ScopeLevel } from './dto/common.model.js';
import {
  ObstacleBaselineModel,
  ObstaclePrevalenceByAreaModel,
  ObstaclePrevalenceModel,
  type AreaObstaclePrevalenceModel,
} from './dto/obstacle-prevalence.model.js';
import { ObstacleRepository, type BaselineRow, type PrevalenceRow } from './obstacle.repository.js';
import { shareEstimate, SMALL_SAMPLE_RULE, SMALL_SAMPLE_RULE_CODE } from './statistics.js';
import { visibleStatuses, type VisibleStatus } from './visibility.js';

/** DGA's national survey of provinces (January 2024), the published baseline for obstacle prevalence. */
export const OBSTACLE_BASELINE_DATASET = 'DGA_OBSTACLE_SURVEY_2567';

@Injectable()
export class ObstaclePrevalenceService {
  constructor(
    private readonly repo: ObstacleRepository,
    private readonly catalog: AnalyticsCatalog,
  ) {}

  async obstaclePrevalence(
    actor: Actor | null,
    a: {
      scopeCode: string;
      quarterCode?: string | null;
      fiscalYear?: number | null;
      respondentLevel: RespondentLevel;
      includeSubmitted?: boolean | null;
    },
  ): Promise<ObstaclePrevalenceModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    if (a.quarterCode && a.fiscalYear) {
      throw new BadInputError('Give a quarter or a fiscal year, not both', [
        { field: 'fiscalYear', message: 'not with quarterCode' },
      ]);
    }
    const [scope, calendar] = await Promise.all([this.catalog.scope(a.scopeCode), this.catalog.calendar()]);
    if (a.fiscalYear) {
      const quarters = calendar.quarters.filter((q) => q.fiscalYear === a.fiscalYear);
      if (quarters.length === 0) throw new NotFoundError('Fiscal year', String(a.fiscalYear));
      return this.prevalenceOf(
        scope,
        quarters,
        { fiscalYear: a.fiscalYear, quarter: null },
        a.respondentLevel,
        statuses,
      );
    }
    const quarter = await this.catalog.quarter(calendar, a.quarterCode, statuses, scope.code);
    return this.prevalenceOf(
      scope,
      quarter ? [quarter] : [],
      { fiscalYear: null, quarter },
      a.respondentLevel,
      statuses,
    );
  }

  /**
   * Prevalence in each province of a scope (the nation or a region) for one quarter, in one SQL pass: per
   * province the figures obstaclePrevalence gives for it. One quarter for all: the one asked for, else the
   * scope's default (a province asked alone may default to another quarter).
   */
  async obstaclePrevalenceByArea(
    actor: Actor | null,
    a: {
      scopeCode: string;
      quarterCode?: string | null;
      respondentLevel: RespondentLevel;
      includeSubmitted?: boolean | null;
    },
  ): Promise<ObstaclePrevalenceByAreaModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const [scope, calendar] = await Promise.all([
      this.catalog.scope(a.scopeCode, [ScopeLevel.NATION, ScopeLevel.REGION]),
      this.catalog.calendar(),
    ]);
    const quarter = await this.catalog.quarter(calendar, a.quarterCode, statuses, scope.code);
    const [provinces, rows, categories] = await Promise.all([
      this.catalog.provinces(scope),
      quarter
        ? this.repo.prevalenceByProvince({
            quarterId: quarter.id,
            statuses,
            level: a.respondentLevel,
            pathPrefix: scope.pathPrefix,
          })
        : Promise.resolve([]),
      this.catalog.obstacleCategories(),
    ]);
    const byProvince = new Map(rows.map((r) => [r.province_id, r]));
    const areas: AreaObstaclePrevalenceModel[] = provinces.map((p) => ({
      scope: p,
      ...prevalenceFigures(byProvince.get(p.id) ?? NO_RESPONSES, categories),
    }));
    return {
      scope,
      respondentLevel: a.respondentLevel,
      quarter,
      includeSubmitted: statuses.includes('SUBMITTED'),
      areas,
      smallSampleRule: SMALL_SAMPLE_RULE,
      smallSampleRuleCode: SMALL_SAMPLE_RULE_CODE,
    };
  }

  /** Prevalence over a scope and quarters (one quarter, or the four of a fiscal year), with DGA's baseline. */
  async prevalenceOf(
    scope: Scope,
    quarters: CalendarQuarter[],
    period: { fiscalYear: number | null; quarter: CalendarQuarter | null },
    level: RespondentLevel,
    statuses: VisibleStatus[],
  ): Promise<ObstaclePrevalenceModel> {
    const [row, categories, published] = await Promise.all([
      quarters.length > 0
        ? this.repo.prevalence({ quarterIds: quarters.map((q) => q.id), statuses, level, pathPrefix: scope.pathPrefix })
        : Promise.resolve(NO_RESPONSES),
      this.catalog.obstacleCategories(),
      this.catalog.frameworkData(`baseline|${OBSTACLE_BASELINE_DATASET}`, () =>
        this.repo.baseline(OBSTACLE_BASELINE_DATASET),
      ),
    ]);
    return {
      scope,
      respondentLevel: level,
      quarter: period.quarter,
      fiscalYear: period.fiscalYear,
      includeSubmitted: statuses.includes('SUBMITTED'),
      ...prevalenceFigures(row, categories),
      smallSampleRule: SMALL_SAMPLE_RULE,
      smallSampleRuleCode: SMALL_SAMPLE_RULE_CODE,
      baseline: published
        ? baselineModel(published, categories, level === RespondentLevel.PROVINCE && scope.level === 'NATION')
        : null,
    };
  }
}

const NO_RESPONSES: PrevalenceRow = { respondents: 0, any_count: 0, categories: [] };

/** Respondents, the any-obstacle share and every category's share from the counts SQL returned. */
function prevalenceFigures(
  row: PrevalenceRow,
  categories: ObstacleCategoryModel[],
): Pick<ObstaclePrevalenceModel, 'respondents' | 'anyObstacle' | 'categories'> {
  const cited = new Map(row.categories.map((c) => [c.code, c]));
  return {
    respondents: row.respondents,
    anyObstacle: shareEstimate(row.any_count, row.respondents),
    categories: categories.map((category) => {
      const c = cited.get(category.code);
      return { category, ...shareEstimate(c?.count ?? 0, row.respondents), meanSeverity: c?.meanSeverity ?? null };
    }),
  };
}

/** DGA's figures exactly as published (percentages as printed), with intervals computed from the counts. */
function baselineModel(
  d: BaselineRow,
  categories: ObstacleCategoryModel[],
  comparable: boolean,
): ObstacleBaselineModel {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const published = (v: BaselineRow['values'][number]) => ({
    ...shareEstimate(v.count, v.denominator),
    percentage: Number(v.percentage),
  });
  const any = d.values.find((v) => v.measureCode === 'ANY');
  return {
    datasetCode: d.code,
    titleTh: d.title_th,
    titleEn: d.title_en,
    publishedOn: d.published_on,
    population: d.population,
    comparable,
    anyObstacle: any ? published(any) : shareEstimate(0, 0),
    categories: d.values
      .filter((v) => v.measureCode === 'CATEGORY' && v.categoryCode !== null && byCode.has(v.categoryCode))
      .map((v) => ({ category: byCode.get(v.categoryCode!)!, ...published(v), meanSeverity: null })),
    sourceCode: d.source_code,
  };
}

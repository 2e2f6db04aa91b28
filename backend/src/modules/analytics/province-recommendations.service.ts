import { Injectable } from '@nestjs/common';
import { seesAllStates, type Actor } from '../../core/auth/actor.js';
import { FrameworkService } from '../framework/framework.service.js';
import type { ActionItemModel } from '../report/dto/report.model.js';
import { AnalyticsCatalog, type Scope } from './analytics-catalog.js';
import type { CalendarQuarter } from './calendar.js';
import { GOALPOSTS, goalpostScore } from './composite.js';
import { RespondentLevel } from './dto/common.model.js';
import { ProvinceRecommendationsModel, RecommendationPriorityModel } from './dto/province-recommendations.model.js';
import { IndicatorProgressService } from './indicator-progress.service.js';
import { ObstaclePrevalenceService } from './obstacle-prevalence.service.js';
import { ObstacleRepository } from './obstacle.repository.js';
import { indicatorGap, PRIORITY_RULE, PRIORITY_RULE_CODE, recommendationPriority, obstacleWeight } from './priority.js';
import { visibleStatuses, type VisibleStatus } from './visibility.js';

@Injectable()
export class ProvinceRecommendationsService {
  constructor(
    private readonly catalog: AnalyticsCatalog,
    private readonly framework: FrameworkService,
    private readonly prevalence: ObstaclePrevalenceService,
    private readonly progress: IndicatorProgressService,
    private readonly obstacles: ObstacleRepository,
  ) {}

  async provinceRecommendations(
    actor: Actor | null,
    a: {
      provinceCode: string;
      quarterCode?: string | null;
      respondentLevel: RespondentLevel;
      includeSubmitted?: boolean | null;
    },
  ): Promise<ProvinceRecommendationsModel> {
    const statuses = visibleStatuses(actor, a.includeSubmitted);
    const calendar = await this.catalog.calendar();
    const [province, quarter] = await Promise.all([
      this.catalog.province(a.provinceCode),
      this.catalog.quarter(calendar, a.quarterCode, statuses, a.provinceCode),
    ]);
    const base = {
      province,
      quarter,
      respondentLevel: a.respondentLevel,
      includeSubmitted: statuses.includes('SUBMITTED'),
      priorityRule: PRIORITY_RULE,
      priorityRuleCode: PRIORITY_RULE_CODE,
    };
    if (!quarter) return { ...base, respondents: 0, actionItemsVisible: false, recommendations: [] };

    const [prevalence, recommendations, indicators, actionItemsVisible] = await Promise.all([
      this.prevalence.prevalenceOf(province, [quarter], { fiscalYear: null, quarter }, a.respondentLevel, statuses),
      this.framework.recommendations(),
      this.catalog.indicators(),
      this.actionItemsVisible(actor, province, quarter, statuses),
    ]);
    const [progress, items] = await Promise.all([
      this.progress.progressOf(province, indicators, quarter, calendar, statuses),
      actionItemsVisible ? this.obstacles.actionItems(province.id, quarter.fiscalYear) : Promise.resolve([]),
    ]);
    const categoryByCode = new Map(prevalence.categories.map((c) => [c.category.code, c]));
    const progressByCode = new Map(progress.map((p) => [p.indicator.code, p]));

    const ranked = recommendations
      .map((rec): RecommendationPriorityModel => {
        const obstacles = rec.obstacleCategoryCodes
          .map((code) => categoryByCode.get(code))
          .filter((c) => c !== undefined)
          .map((c) => {
            const signal = { prevalence: (c.percentage ?? 0) / 100, meanSeverity: c.meanSeverity };
            return {
              category: c.category,
              count: c.count,
              percentage: c.percentage,
              meanSeverity: c.meanSeverity,
              weight: obstacleWeight(signal),
            };
          });
        const linked = rec.indicatorCodes
          .map((code) => progressByCode.get(code))
          .filter((p) => p !== undefined)
          .map((p) => {
            const value = p.current?.value ?? null;
            const goalpost = GOALPOSTS[p.indicator.code];
            const gap = indicatorGap(
              p.target ? p.achievementPct : null,
              goalpost ? goalpostScore(value, goalpost) : null,
            );
            return {
              indicatorCode: p.indicator.code,
              value,
              target: p.target?.value ?? null,
              achievementPct: p.achievementPct,
              status: p.status,
              gap: value === null ? null : gap,
            };
          });
        const score = recommendationPriority(
          obstacles.map((o) => ({ prevalence: (o.percentage ?? 0) / 100, meanSeverity: o.meanSeverity })),
          linked.map((l) => l.gap),
        );
        const actionItems: ActionItemModel[] = items
          .filter((i) => i.recommendation_code === rec.code)
          .map((i) => ({
            id: i.id,
            fiscalYear: i.fiscal_year,
            recommendationCode: i.recommendation_code,
            titleTh: i.title_th,
            titleEn: i.title_en,
            status: i.status as ActionItemModel['status'],
            dueQuarterCode: i.due_quarter_code,
            progressNote: i.progress_note,
            isDemo: i.is_demo,
          }));
        return { recommendation: rec, ...score, obstacles, indicators: linked, actionItems };
      })
      .filter((r) => r.priority > 0)
      .sort((x, y) => y.priority - x.priority);

    return { ...base, respondents: prevalence.respondents, actionItemsVisible, recommendations: ranked };
  }

  /**
   * Action items are a province's plan as it reports it, not an aggregate: anonymous callers do not see them;
   * planners, administrators and the province's own officer do; others once the quarter's report is visible.
   */
  private async actionItemsVisible(
    actor: Actor | null,
    province: Scope,
    quarter: CalendarQuarter,
    statuses: VisibleStatus[],
  ): Promise<boolean> {
    if (!actor) return false;
    if (seesAllStates(actor)) return true;
    if (actor.role === 'OFFICER' && actor.provinceId === province.id) return true;
    return this.obstacles.reportVisible(province.id, quarter.id, statuses);
  }
}

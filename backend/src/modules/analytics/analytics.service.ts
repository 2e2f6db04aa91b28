import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../core/errors/domain-error.js';
import { FrameworkService } from '../framework/framework.service.js';
import { PeriodService } from '../period/period.service.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { ProvinceIndicatorValuesModel } from './dto/province-indicator-values.model.js';
import { valueFromSums } from './rollup.js';

@Injectable()
export class AnalyticsService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly framework: FrameworkService,
    private readonly periods: PeriodService,
  ) {}

  /** Approved data only: this is the open view anyone may read. */
  async provinceIndicatorValues(indicatorCode: string, quarterCode: string | null): Promise<ProvinceIndicatorValuesModel> {
    const indicator = await this.framework.indicator(indicatorCode);
    const elements = await this.repo.indicatorElementIds(indicatorCode);
    if (!elements) throw new NotFoundError('Indicator', indicatorCode);
    let quarter = quarterCode ? await this.periods.fiscalQuarter(quarterCode) : null;
    if (!quarter) {
      const latest = await this.repo.latestApprovedQuarterId();
      if (latest === null) return { indicator, quarter: null, values: [] };
      quarter = await this.periods.fiscalQuarterById(latest);
    }
    const sums = await this.repo.provinceSums(quarter!.id, elements.numerator, elements.denominator);
    return {
      indicator,
      quarter,
      values: sums.map((s) => {
        const numerator = s.numerator === null ? null : Number(s.numerator);
        const denominator = s.denominator === null ? null : Number(s.denominator);
        const value = valueFromSums(indicator.aggregation, indicator.multiplier, { numerator, denominator, units: s.units });
        return { provinceCode: s.province_code, value, numerator, denominator, units: s.units, isDemo: s.is_demo };
      }),
    };
  }
}

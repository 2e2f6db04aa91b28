import { Injectable } from '@nestjs/common';
import { AnalyticsCatalog, indicatorValue } from './analytics-catalog.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { ProvinceIndicatorValuesModel } from './dto/province-indicator-values.model.js';

@Injectable()
export class AnalyticsService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly catalog: AnalyticsCatalog,
  ) {}

  /** Approved data only: this is the open view anyone may read. */
  async provinceIndicatorValues(
    indicatorCode: string,
    quarterCode: string | null,
  ): Promise<ProvinceIndicatorValuesModel> {
    const [indicator, calendar, nation, provinces] = await Promise.all([
      this.catalog.indicator(indicatorCode),
      this.catalog.calendar(),
      this.catalog.nation(),
      this.catalog.scopeRows('PROVINCE'),
    ]);
    const quarter = await this.catalog.quarter(calendar, quarterCode, ['APPROVED']);
    if (!quarter) return { indicator: indicator.model, quarter: null, values: [] };
    const rows = await this.repo.sums('PROVINCE', {
      pathPrefix: nation.pathPrefix,
      statuses: ['APPROVED'],
      quarterIds: [quarter.id],
      indicatorIds: [indicator.id],
    });
    const byProvince = new Map(rows.map((r) => [r.group_id, r]));
    return {
      indicator: indicator.model,
      quarter,
      values: provinces
        .filter((p) => byProvince.has(p.id))
        .map((p) => {
          const v = indicatorValue(indicator, quarter, calendar, byProvince.get(p.id))!;
          return {
            provinceCode: p.code,
            value: v.value,
            numerator: v.numerator,
            denominator: v.denominator,
            units: v.units,
            isDemo: v.isDemo,
          };
        }),
    };
  }
}

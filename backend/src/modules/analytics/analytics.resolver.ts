import { Args, Query, Resolver } from '@nestjs/graphql';
import { AnalyticsService } from './analytics.service.js';
import { CachedAnalytics } from './cached.js';
import { ProvinceIndicatorValuesModel } from './dto/province-indicator-values.model.js';

@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly cached: CachedAnalytics,
  ) {}

  @Query(() => ProvinceIndicatorValuesModel, {
    description:
      'An indicator for every province from approved reports; the latest quarter with approved data unless quarterCode is given.',
  })
  provinceIndicatorValues(
    @Args('indicatorCode') indicatorCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode?: string | null,
  ): Promise<ProvinceIndicatorValuesModel> {
    // The open view: approved reports for everyone, as for an anonymous caller without includeSubmitted.
    return this.cached.get(
      null,
      false,
      'provinceIndicatorValues',
      { indicatorCode, quarterCode: quarterCode ?? null },
      { quarter: quarterCode ?? null, span: 'quarter' },
      () => this.analytics.provinceIndicatorValues(indicatorCode, quarterCode ?? null),
    );
  }
}

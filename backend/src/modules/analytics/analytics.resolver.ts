import { Args, Query, Resolver } from '@nestjs/graphql';
import { AnalyticsService } from './analytics.service.js';
import { ProvinceIndicatorValuesModel } from './dto/province-indicator-values.model.js';

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Query(() => ProvinceIndicatorValuesModel, {
    description: 'An indicator for every province from approved reports; the latest quarter with approved data unless quarterCode is given.',
  })
  provinceIndicatorValues(
    @Args('indicatorCode') indicatorCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode?: string | null,
  ): Promise<ProvinceIndicatorValuesModel> {
    return this.analytics.provinceIndicatorValues(indicatorCode, quarterCode ?? null);
  }
}

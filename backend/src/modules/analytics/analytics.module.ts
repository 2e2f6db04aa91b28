import { Module } from '@nestjs/common';
import { FrameworkModule } from '../framework/framework.module.js';
import { PeriodModule } from '../period/period.module.js';
import { AnalyticsCatalog } from './analytics-catalog.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { CachedAnalytics } from './cached.js';
import { CompositeIndexResolver } from './composite-index.resolver.js';
import { CompositeIndexService } from './composite-index.service.js';
import { IndicatorProgressResolver } from './indicator-progress.resolver.js';
import { IndicatorProgressService } from './indicator-progress.service.js';
import { ObstaclePrevalenceResolver } from './obstacle-prevalence.resolver.js';
import { ObstaclePrevalenceService } from './obstacle-prevalence.service.js';
import { ObstacleRepository } from './obstacle.repository.js';
import { OverviewResolver } from './overview.resolver.js';
import { OverviewService } from './overview.service.js';
import { ProvinceRecommendationsResolver } from './province-recommendations.resolver.js';
import { ProvinceRecommendationsService } from './province-recommendations.service.js';

/** Analytics computed live from the tables (approved data by default): no batch jobs. */
@Module({
  imports: [FrameworkModule, PeriodModule],
  providers: [
    AnalyticsRepository,
    ObstacleRepository,
    AnalyticsCatalog,
    CachedAnalytics,
    AnalyticsService,
    AnalyticsResolver,
    ObstaclePrevalenceService,
    ObstaclePrevalenceResolver,
    IndicatorProgressService,
    IndicatorProgressResolver,
    CompositeIndexService,
    CompositeIndexResolver,
    ProvinceRecommendationsService,
    ProvinceRecommendationsResolver,
    OverviewService,
    OverviewResolver,
  ],
})
export class AnalyticsModule {}

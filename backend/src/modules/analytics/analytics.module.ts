import { Module } from '@nestjs/common';
import { FrameworkModule } from '../framework/framework.module.js';
import { PeriodModule } from '../period/period.module.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';

@Module({
  imports: [FrameworkModule, PeriodModule],
  providers: [AnalyticsRepository, AnalyticsService, AnalyticsResolver],
})
export class AnalyticsModule {}

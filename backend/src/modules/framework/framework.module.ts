import { Module } from '@nestjs/common';
import { FrameworkAdminResolver } from './framework-admin.resolver.js';
import { FrameworkAdminService } from './framework-admin.service.js';
import { FrameworkRepository } from './framework.repository.js';
import {
  IndicatorResolver,
  ObstacleCategoryResolver,
  RecommendationResolver,
  RecommendationSetResolver,
  TargetResolver,
} from './framework.resolver.js';
import { FrameworkService } from './framework.service.js';

@Module({
  providers: [
    FrameworkRepository,
    FrameworkService,
    ObstacleCategoryResolver,
    IndicatorResolver,
    TargetResolver,
    RecommendationSetResolver,
    RecommendationResolver,
    FrameworkAdminService,
    FrameworkAdminResolver,
  ],
  exports: [FrameworkService],
})
export class FrameworkModule {}

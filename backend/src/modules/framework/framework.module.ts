import { Module } from '@nestjs/common';
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
  ],
  exports: [FrameworkService],
})
export class FrameworkModule {}

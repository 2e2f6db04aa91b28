import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { SourceModel } from '../source/dto/source.model.js';
import {
  DataElementModel,
  IndicatorModel,
  ObstacleCategoryModel,
  RecommendationFilterInput,
  RecommendationModel,
  RecommendationSetModel,
  TargetFilterInput,
  TargetModel,
} from './dto/framework.model.js';
import { FrameworkService } from './framework.service.js';

function sourceOf(ctx: RequestContext, code: string | null): Promise<SourceModel | null> {
  return code ? ctx.loaders.source.load(code) : Promise.resolve(null);
}

@Resolver(() => ObstacleCategoryModel)
export class ObstacleCategoryResolver {
  constructor(private readonly framework: FrameworkService) {}

  @Query(() => [ObstacleCategoryModel], {
    description: "The 10 obstacle categories of DGA's survey, in the source's order.",
  })
  obstacleCategories(): Promise<ObstacleCategoryModel[]> {
    return this.framework.obstacleCategories();
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() c: ObstacleCategoryModel, @Context() ctx: RequestContext) {
    return sourceOf(ctx, c.sourceCode);
  }
}

@Resolver(() => IndicatorModel)
export class IndicatorResolver {
  constructor(private readonly framework: FrameworkService) {}

  @Query(() => [DataElementModel], { description: 'Raw figures units report each quarter.' })
  dataElements(): Promise<DataElementModel[]> {
    return this.framework.dataElements();
  }

  @Query(() => [IndicatorModel], { description: 'Action-plan KPIs with their definitions and national targets.' })
  indicators(): Promise<IndicatorModel[]> {
    return this.framework.indicators();
  }

  @Query(() => IndicatorModel, { description: 'One indicator by code.' })
  indicator(@Args('code') code: string): Promise<IndicatorModel> {
    return this.framework.indicator(code);
  }

  @Query(() => [TargetModel], { description: 'Targets by indicator, org unit and fiscal year.' })
  targets(@Args('filter', { type: () => TargetFilterInput, nullable: true }) filter?: TargetFilterInput | null) {
    return this.framework.targets(filter);
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() i: IndicatorModel, @Context() ctx: RequestContext) {
    return sourceOf(ctx, i.sourceCode);
  }
}

@Resolver(() => TargetModel)
export class TargetResolver {
  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() t: TargetModel, @Context() ctx: RequestContext) {
    return sourceOf(ctx, t.sourceCode);
  }
}

@Resolver(() => RecommendationSetModel)
export class RecommendationSetResolver {
  constructor(private readonly framework: FrameworkService) {}

  @Query(() => [RecommendationSetModel], {
    description: 'Recommendation sets from the sources (DGA, workshop brief, Ministry of Interior).',
  })
  recommendationSets(): Promise<RecommendationSetModel[]> {
    return this.framework.recommendationSets();
  }

  @ResolveField(() => [RecommendationModel])
  recommendations(@Parent() set: RecommendationSetModel) {
    return this.framework.recommendations({ setCode: set.code });
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() s: RecommendationSetModel, @Context() ctx: RequestContext) {
    return sourceOf(ctx, s.sourceCode);
  }
}

@Resolver(() => RecommendationModel)
export class RecommendationResolver {
  constructor(private readonly framework: FrameworkService) {}

  @Query(() => [RecommendationModel], {
    description: 'Policy recommendations, filtered by set, obstacle category or indicator.',
  })
  recommendations(
    @Args('filter', { type: () => RecommendationFilterInput, nullable: true })
    filter?: RecommendationFilterInput | null,
  ): Promise<RecommendationModel[]> {
    return this.framework.recommendations(filter);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { AnalyticsCache } from '../../core/cache/analytics-cache.js';
import { cachedAnalytics, canonicalWeights } from './cached.js';
import { PillarWeightInput } from './dto/common.model.js';
import { NationalOverviewModel, ProvinceScorecardModel } from './dto/overview.model.js';
import { OverviewService } from './overview.service.js';

@Resolver()
export class OverviewResolver {
  constructor(
    private readonly overview: OverviewService,
    private readonly cache: AnalyticsCache,
  ) {}

  @Query(() => NationalOverviewModel, { description: 'Every indicator nationally against its target with its status, and obstacle prevalence among provinces, for one quarter.' })
  nationalOverview(
    @CurrentActor() actor: Actor | null,
    @Args('quarterCode', { type: () => String, nullable: true, description: 'Default: the latest quarter with visible data' }) quarterCode: string | null,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<NationalOverviewModel> {
    return cachedAnalytics(this.cache, actor, includeSubmitted, 'nationalOverview', { quarterCode, includeSubmitted }, () => this.overview.nationalOverview(actor, { quarterCode, includeSubmitted }));
  }

  @Query(() => ProvinceScorecardModel, { description: 'Every indicator for one province in a quarter with its progress components and rank, and its index and rank.' })
  provinceScorecard(
    @CurrentActor() actor: Actor | null,
    @Args('provinceCode') provinceCode: string,
    @Args('quarterCode', { type: () => String, nullable: true, description: "Default: the province's latest quarter with visible data" }) quarterCode: string | null,
    @Args('weights', { type: () => [PillarWeightInput], nullable: true, description: 'Relative pillar weights for the index; default equal' }) weights: PillarWeightInput[] | null,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<ProvinceScorecardModel> {
    weights = canonicalWeights(weights);
    return cachedAnalytics(this.cache, actor, includeSubmitted, 'provinceScorecard', { provinceCode, quarterCode, weights, includeSubmitted }, () => this.overview.provinceScorecard(actor, { provinceCode, quarterCode, weights, includeSubmitted }));
  }
}

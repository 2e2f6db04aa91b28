import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { CachedAnalytics, canonicalWeights } from './cached.js';
import { PillarWeightInput } from './dto/common.model.js';
import { NationalOverviewModel, ProvinceScorecardModel } from './dto/overview.model.js';
import { OverviewService } from './overview.service.js';

@Resolver()
export class OverviewResolver {
  constructor(
    private readonly overview: OverviewService,
    private readonly cached: CachedAnalytics,
  ) {}

  @Query(() => NationalOverviewModel, {
    description:
      'Every indicator nationally against its target with its status, and obstacle prevalence among provinces, for one quarter.',
  })
  nationalOverview(
    @CurrentActor() actor: Actor | null,
    @Args('quarterCode', {
      type: () => String,
      nullable: true,
      description: 'Default: the latest quarter with visible data',
    })
    quarterCode: string | null,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<NationalOverviewModel> {
    return this.cached.get(
      actor,
      includeSubmitted,
      'nationalOverview',
      { quarterCode, includeSubmitted },
      { quarter: quarterCode, span: 'upTo' },
      () => this.overview.nationalOverview(actor, { quarterCode, includeSubmitted }),
    );
  }

  @Query(() => ProvinceScorecardModel, {
    description:
      'Every indicator for one province in a quarter with its progress components and rank, and its index and rank.',
  })
  provinceScorecard(
    @CurrentActor() actor: Actor | null,
    @Args('provinceCode') provinceCode: string,
    @Args('quarterCode', {
      type: () => String,
      nullable: true,
      description: "Default: the province's latest quarter with visible data",
    })
    quarterCode: string | null,
    @Args('weights', {
      type: () => [PillarWeightInput],
      nullable: true,
      description: 'Relative pillar weights for the index; default equal',
    })
    weights: PillarWeightInput[] | null,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<ProvinceScorecardModel> {
    weights = canonicalWeights(weights);
    return this.cached.get(
      actor,
      includeSubmitted,
      'provinceScorecard',
      { provinceCode, quarterCode, weights, includeSubmitted },
      { quarter: quarterCode, span: 'upTo' },
      () => this.overview.provinceScorecard(actor, { provinceCode, quarterCode, weights, includeSubmitted }),
    );
  }
}

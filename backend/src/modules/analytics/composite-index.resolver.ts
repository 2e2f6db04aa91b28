import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { CachedAnalytics, canonicalWeights } from './cached.js';
import { CompositeIndexService } from './composite-index.service.js';
import { PillarWeightInput } from './dto/common.model.js';
import { CompositeIndexModel } from './dto/composite-index.model.js';

@Resolver()
export class CompositeIndexResolver {
  constructor(
    private readonly index: CompositeIndexService,
    private readonly cached: CachedAnalytics,
  ) {}

  @Query(() => CompositeIndexModel, {
    description:
      'The Digital Government Progress Index (0–100) of every province (or those of one region) in a quarter, with pillars, contributions and rank.',
  })
  compositeIndex(
    @CurrentActor() actor: Actor | null,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode: string | null,
    @Args('regionCode', {
      type: () => String,
      nullable: true,
      description: 'Only this region’s provinces (ranks stay national)',
    })
    regionCode: string | null,
    @Args('weights', {
      type: () => [PillarWeightInput],
      nullable: true,
      description: 'Relative pillar weights; default equal',
    })
    weights: PillarWeightInput[] | null,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<CompositeIndexModel> {
    weights = canonicalWeights(weights);
    return this.cached.get(
      actor,
      includeSubmitted,
      'compositeIndex',
      { quarterCode, regionCode, weights, includeSubmitted },
      { quarter: quarterCode, span: 'quarter' },
      () => this.index.compositeIndex(actor, { quarterCode, regionCode, weights, includeSubmitted }),
    );
  }
}

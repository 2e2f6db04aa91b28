import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { IndicatorInput, RecommendationInput, SetTargetsInput } from './dto/framework-admin.input.js';
import { IndicatorModel, RecommendationModel, TargetModel } from './dto/framework.model.js';
import { FrameworkAdminService } from './framework-admin.service.js';

@Resolver()
export class FrameworkAdminResolver {
  constructor(private readonly admin: FrameworkAdminService) {}

  @Mutation(() => IndicatorModel, { description: 'Create or update an indicator (planners).' })
  upsertIndicator(@CurrentActor() actor: Actor | null, @Args('input') input: IndicatorInput) {
    return this.admin.upsertIndicator(actor, input);
  }

  @Mutation(() => [TargetModel], {
    description:
      'Set (or remove with null) the targets of an indicator for a fiscal year, per province or nationally (planners).',
  })
  setTargets(@CurrentActor() actor: Actor | null, @Args('input') input: SetTargetsInput) {
    return this.admin.setTargets(actor, input);
  }

  @Mutation(() => RecommendationModel, {
    description: 'Create or update a recommendation and its links to obstacle categories and indicators (planners).',
  })
  upsertRecommendation(@CurrentActor() actor: Actor | null, @Args('input') input: RecommendationInput) {
    return this.admin.upsertRecommendation(actor, input);
  }
}

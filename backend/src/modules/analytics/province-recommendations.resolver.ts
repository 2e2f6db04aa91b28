import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { RespondentLevel } from './dto/common.model.js';
import { ProvinceRecommendationsModel } from './dto/province-recommendations.model.js';
import { ProvinceRecommendationsService } from './province-recommendations.service.js';

@Resolver()
export class ProvinceRecommendationsResolver {
  constructor(private readonly recommendations: ProvinceRecommendationsService) {}

  @Query(() => ProvinceRecommendationsModel, {
    description:
      "Recommendations answering a province's obstacles and lagging indicators in a quarter, by priority, with its linked action items.",
  })
  provinceRecommendations(
    @CurrentActor() actor: Actor | null,
    @Args('provinceCode') provinceCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode: string | null,
    @Args('respondentLevel', {
      type: () => RespondentLevel,
      defaultValue: RespondentLevel.LOCAL,
      description: "Whose obstacle answers count: the province's local organizations (default) or the province itself",
    })
    respondentLevel: RespondentLevel,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<ProvinceRecommendationsModel> {
    return this.recommendations.provinceRecommendations(actor, {
      provinceCode,
      quarterCode,
      respondentLevel,
      includeSubmitted,
    });
  }
}

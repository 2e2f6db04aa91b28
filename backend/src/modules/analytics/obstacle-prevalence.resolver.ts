import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { CachedAnalytics } from './cached.js';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { SourceModel } from '../source/dto/source.model.js';
import { RespondentLevel } from './dto/common.model.js';
import {
  ObstacleBaselineModel,
  ObstaclePrevalenceByAreaModel,
  ObstaclePrevalenceModel,
} from './dto/obstacle-prevalence.model.js';
import { ObstaclePrevalenceService } from './obstacle-prevalence.service.js';

@Resolver(() => ObstacleBaselineModel)
export class ObstaclePrevalenceResolver {
  constructor(
    private readonly prevalence: ObstaclePrevalenceService,
    private readonly cached: CachedAnalytics,
  ) {}

  @Query(() => ObstaclePrevalenceModel, {
    description:
      'Obstacle prevalence over a scope for a quarter or a fiscal year: respondents, and per category the count citing it, the percentage ' +
      "with its 95 % Wilson score interval, the mean severity and a small-sample flag; DGA's published survey beside it as baseline. " +
      'Give quarterCode or fiscalYear (neither: the latest quarter with visible data). Approved reports only unless includeSubmitted (planners, administrators).',
  })
  obstaclePrevalence(
    @CurrentActor() actor: Actor | null,
    @Args('scopeCode', { defaultValue: 'TH', description: '"TH", a region code or a province code' }) scopeCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode: string | null,
    @Args('fiscalYear', {
      type: () => Int,
      nullable: true,
      description: "B.E.; each respondent's latest response in the year counts",
    })
    fiscalYear: number | null,
    @Args('respondentLevel', { type: () => RespondentLevel, defaultValue: RespondentLevel.PROVINCE })
    respondentLevel: RespondentLevel,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<ObstaclePrevalenceModel> {
    return this.cached.get(
      actor,
      includeSubmitted,
      'obstaclePrevalence',
      { scopeCode, quarterCode, fiscalYear, respondentLevel, includeSubmitted },
      fiscalYear ? { fiscalYear } : { quarter: quarterCode, span: 'quarter' },
      () =>
        this.prevalence.obstaclePrevalence(actor, {
          scopeCode,
          quarterCode,
          fiscalYear,
          respondentLevel,
          includeSubmitted,
        }),
    );
  }

  @Query(() => ObstaclePrevalenceByAreaModel, {
    description:
      'Obstacle prevalence for every province of the nation or of a region in one quarter, in one request: per province the respondents and, ' +
      'per category, the count, the percentage with its 95 % Wilson score interval, the mean severity and a small-sample flag, exactly as ' +
      'obstaclePrevalence gives them for that province. One quarter for all provinces: quarterCode, else the latest with visible data in the scope. ' +
      'Approved reports only unless includeSubmitted (planners, administrators).',
  })
  obstaclePrevalenceByArea(
    @CurrentActor() actor: Actor | null,
    @Args('scopeCode', { defaultValue: 'TH', description: '"TH" (its 77 provinces) or a region code (its provinces)' })
    scopeCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode: string | null,
    @Args('respondentLevel', { type: () => RespondentLevel }) respondentLevel: RespondentLevel,
    @Args('includeSubmitted', { defaultValue: false }) includeSubmitted: boolean,
  ): Promise<ObstaclePrevalenceByAreaModel> {
    return this.cached.get(
      actor,
      includeSubmitted,
      'obstaclePrevalenceByArea',
      { scopeCode, quarterCode, respondentLevel, includeSubmitted },
      { quarter: quarterCode, span: 'quarter' },
      () =>
        this.prevalence.obstaclePrevalenceByArea(actor, { scopeCode, quarterCode, respondentLevel, includeSubmitted }),
    );
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() b: ObstacleBaselineModel, @Context() ctx: RequestContext) {
    return ctx.loaders.source.load(b.sourceCode);
  }
}

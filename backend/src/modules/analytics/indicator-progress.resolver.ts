import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { CachedAnalytics } from './cached.js';
import {
  IndicatorComparisonModel,
  IndicatorProgressModel,
  IndicatorSeriesModel,
} from './dto/indicator-progress.model.js';
import { IndicatorProgressService } from './indicator-progress.service.js';

const SCOPE = {
  defaultValue: 'TH',
  description: '"TH" (the nation), a region code (NORTHEAST) or a province code (TH-40)',
};
const INCLUDE_SUBMITTED = {
  defaultValue: false,
  description: 'Also count reports awaiting approval (planners and administrators only)',
};

@Resolver()
export class IndicatorProgressResolver {
  constructor(
    private readonly progress: IndicatorProgressService,
    private readonly cached: CachedAnalytics,
  ) {}

  @Query(() => IndicatorProgressModel, {
    description:
      "An indicator over a scope in a quarter against its target: value, base, target, achievement and Open SDG's progress status with " +
      'all its components. The latest quarter with visible data when quarterCode is omitted; the base is the first quarter with a value unless baseQuarterCode is given.',
  })
  indicatorProgress(
    @CurrentActor() actor: Actor | null,
    @Args('indicatorCode') indicatorCode: string,
    @Args('scopeCode', SCOPE) scopeCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode: string | null,
    @Args('baseQuarterCode', { type: () => String, nullable: true }) baseQuarterCode: string | null,
    @Args('includeSubmitted', INCLUDE_SUBMITTED) includeSubmitted: boolean,
  ): Promise<IndicatorProgressModel> {
    return this.cached.get(
      actor,
      includeSubmitted,
      'indicatorProgress',
      { indicatorCode, scopeCode, quarterCode, baseQuarterCode, includeSubmitted },
      { quarter: quarterCode, span: 'upTo' },
      () =>
        this.progress.indicatorProgress(actor, {
          indicatorCode,
          scopeCode,
          quarterCode,
          baseQuarterCode,
          includeSubmitted,
        }),
    );
  }

  @Query(() => IndicatorSeriesModel, {
    description: 'An indicator over a scope, quarter by quarter, with the change from each previous quarter.',
  })
  indicatorSeries(
    @CurrentActor() actor: Actor | null,
    @Args('indicatorCode') indicatorCode: string,
    @Args('scopeCode', SCOPE) scopeCode: string,
    @Args('fromQuarterCode', {
      type: () => String,
      nullable: true,
      description: 'First quarter (default: the first in the calendar)',
    })
    fromQuarterCode: string | null,
    @Args('toQuarterCode', {
      type: () => String,
      nullable: true,
      description: 'Last quarter (default: the latest with visible data)',
    })
    toQuarterCode: string | null,
    @Args('includeSubmitted', INCLUDE_SUBMITTED) includeSubmitted: boolean,
  ): Promise<IndicatorSeriesModel> {
    return this.cached.get(
      actor,
      includeSubmitted,
      'indicatorSeries',
      { indicatorCode, scopeCode, fromQuarterCode, toQuarterCode, includeSubmitted },
      { from: fromQuarterCode, to: toQuarterCode },
      () =>
        this.progress.indicatorSeries(actor, {
          indicatorCode,
          scopeCode,
          fromQuarterCode,
          toQuarterCode,
          includeSubmitted,
        }),
    );
  }

  @Query(() => IndicatorComparisonModel, {
    description:
      'The six regions side by side for one indicator and quarter, ranked, with the change since the previous quarter.',
  })
  regionComparison(
    @CurrentActor() actor: Actor | null,
    @Args('indicatorCode') indicatorCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode: string | null,
    @Args('includeSubmitted', INCLUDE_SUBMITTED) includeSubmitted: boolean,
  ): Promise<IndicatorComparisonModel> {
    return this.cached.get(
      actor,
      includeSubmitted,
      'regionComparison',
      { indicatorCode, quarterCode, includeSubmitted },
      { quarter: quarterCode, span: 'withPrevious' },
      () => this.progress.regionComparison(actor, { indicatorCode, quarterCode, includeSubmitted }),
    );
  }

  @Query(() => IndicatorComparisonModel, {
    description:
      'Provinces ranked best first for one indicator and quarter (all, or those of one region: ranks are then within the region), with the change since the previous quarter.',
  })
  provinceRanking(
    @CurrentActor() actor: Actor | null,
    @Args('indicatorCode') indicatorCode: string,
    @Args('quarterCode', { type: () => String, nullable: true }) quarterCode: string | null,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode: string | null,
    @Args('includeSubmitted', INCLUDE_SUBMITTED) includeSubmitted: boolean,
  ): Promise<IndicatorComparisonModel> {
    return this.cached.get(
      actor,
      includeSubmitted,
      'provinceRanking',
      { indicatorCode, quarterCode, regionCode, includeSubmitted },
      { quarter: quarterCode, span: 'withPrevious' },
      () => this.progress.provinceRanking(actor, { indicatorCode, quarterCode, regionCode, includeSubmitted }),
    );
  }
}

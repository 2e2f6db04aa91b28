import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { FiscalQuarterModel } from '../../period/dto/period.model.js';
import { AnalyticsScopeModel } from './common.model.js';
import { ProvinceIndexModel } from './composite-index.model.js';
import { IndicatorProgressModel } from './indicator-progress.model.js';
import { ObstaclePrevalenceModel } from './obstacle-prevalence.model.js';

@ObjectType('NationalOverview', {
  description: 'The headline national picture for one quarter: every indicator against its target, and obstacles.',
})
export class NationalOverviewModel {
  @Field(() => FiscalQuarterModel, { nullable: true, description: 'Null when no quarter has visible data yet' })
  quarter: FiscalQuarterModel | null;

  @Field()
  includeSubmitted: boolean;

  @Field(() => Int, { description: 'Provinces whose report for the quarter is counted' })
  reportingProvinces: number;

  @Field(() => [IndicatorProgressModel], {
    description: 'Every indicator nationally, with its target (the national one), achievement and status',
  })
  indicators: IndicatorProgressModel[];

  @Field(() => ObstaclePrevalenceModel, {
    description: "Obstacle prevalence among provinces (one answer each), beside DGA's published survey",
  })
  obstacles: ObstaclePrevalenceModel;
}

@ObjectType('ScorecardIndicator', {
  description: "An indicator on a province's scorecard: its progress, and where the province stands among the others.",
})
export class ScorecardIndicatorModel extends IndicatorProgressModel {
  @Field(() => Int, {
    nullable: true,
    description:
      'Rank among provinces with a value in the quarter, best first in the indicator’s direction; ties share a rank',
  })
  rank: number | null;

  @Field(() => Int, { description: 'Provinces with a value in the quarter' })
  rankedCount: number;

  @Field(() => Float, { nullable: true, description: 'The national value in the quarter, for comparison' })
  nationalValue: number | null;
}

@ObjectType('ProvinceScorecard', {
  description:
    "One province in one quarter: every indicator with its progress components, and the province's index and rank.",
})
export class ProvinceScorecardModel {
  @Field(() => AnalyticsScopeModel)
  province: AnalyticsScopeModel;

  @Field(() => FiscalQuarterModel, { nullable: true, description: 'Null when the province has no visible data yet' })
  quarter: FiscalQuarterModel | null;

  @Field()
  includeSubmitted: boolean;

  @Field(() => [ScorecardIndicatorModel])
  indicators: ScorecardIndicatorModel[];

  @Field(() => ProvinceIndexModel, {
    nullable: true,
    description: 'The Digital Government Progress Index, its pillars and rank',
  })
  index: ProvinceIndexModel | null;
}

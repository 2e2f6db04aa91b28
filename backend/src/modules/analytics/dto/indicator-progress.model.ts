import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IndicatorModel } from '../../framework/dto/framework.model.js';
import { FiscalQuarterModel } from '../../period/dto/period.model.js';
import { GrowthMethod, ProgressStatus } from '../progress.js';
import { AnalyticsScopeModel, IndicatorValueModel, ProgressTargetModel } from './common.model.js';

@ObjectType('IndicatorProgress', {
  description:
    'An indicator over a scope in a quarter against its target, with every component of its progress status: ' +
    'R = direction × observedGrowth / |requiredGrowth|, observedGrowth = (current / base)^(1/(t_current − t_base)) − 1, ' +
    'requiredGrowth = (target / base)^(1/(target.t − t_base)) − 1 (linear rates when the base is 0, see growthMethod).',
})
export class IndicatorProgressModel {
  @Field(() => IndicatorModel)
  indicator: IndicatorModel;

  @Field(() => AnalyticsScopeModel)
  scope: AnalyticsScopeModel;

  @Field(() => IndicatorValueModel, {
    nullable: true,
    description: 'The value in the quarter asked for (null when it has none)',
  })
  current: IndicatorValueModel | null;

  @Field(() => IndicatorValueModel, {
    nullable: true,
    description: 'The base: the first quarter with a value in the series (or the quarter given as baseQuarterCode)',
  })
  base: IndicatorValueModel | null;

  @Field(() => IndicatorValueModel, {
    nullable: true,
    description: 'The quarter just before the current one, when it has a value',
  })
  previous: IndicatorValueModel | null;

  @Field(() => Float, { nullable: true, description: 'current − previous, in the indicator’s unit' })
  changeFromPrevious: number | null;

  @Field(() => ProgressTargetModel, { nullable: true })
  target: ProgressTargetModel | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Percent of the target reached, not capped: current / target × 100 (target / current × 100 when lower is better)',
  })
  achievementPct: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CAGRo per year (a fraction: 0.05 = 5 %; in the indicator’s unit when growthMethod is LINEAR)',
  })
  observedGrowth: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CAGRr per year needed from the base to reach the target at target.t',
  })
  requiredGrowth: number | null;

  @Field(() => Float, { nullable: true, description: 'R = direction × observedGrowth / |requiredGrowth|' })
  ratio: number | null;

  @Field(() => GrowthMethod, { nullable: true })
  growthMethod: GrowthMethod | null;

  @Field(() => ProgressStatus)
  status: ProgressStatus;
}

@ObjectType('IndicatorSeriesPoint')
export class IndicatorSeriesPointModel extends IndicatorValueModel {
  @Field(() => FiscalQuarterModel)
  quarter: FiscalQuarterModel;

  @Field(() => Float, {
    nullable: true,
    description: 'Change from the previous quarter’s value (null when that quarter has none)',
  })
  changeFromPrevious: number | null;
}

@ObjectType('IndicatorSeries', {
  description: 'An indicator over a scope, quarter by quarter (quarters without a value are left out).',
})
export class IndicatorSeriesModel {
  @Field(() => IndicatorModel)
  indicator: IndicatorModel;

  @Field(() => AnalyticsScopeModel)
  scope: AnalyticsScopeModel;

  @Field(() => [IndicatorSeriesPointModel], { description: 'Oldest first' })
  points: IndicatorSeriesPointModel[];
}

@ObjectType('ScopeIndicatorValue', {
  description: 'An indicator for one region or province in a quarter, beside the quarter before.',
})
export class ScopeIndicatorValueModel {
  @Field(() => AnalyticsScopeModel)
  scope: AnalyticsScopeModel;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  denominator: number | null;

  @Field(() => Int)
  units: number;

  @Field(() => Int)
  reportingProvinces: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank, best first in the indicator’s direction; ties share a rank; null without a value',
  })
  rank: number | null;

  @Field(() => Float, { nullable: true, description: 'Value in the previous quarter' })
  previousValue: number | null;

  @Field(() => Float, { nullable: true, description: 'value − previousValue' })
  changeFromPrevious: number | null;

  @Field(() => Float, { nullable: true, description: 'Target for the fiscal year (own, else national)' })
  target: number | null;

  @Field(() => Float, { nullable: true })
  achievementPct: number | null;

  @Field()
  isDemo: boolean;
}

@ObjectType('IndicatorComparison', { description: 'One indicator across regions or provinces in one quarter.' })
export class IndicatorComparisonModel {
  @Field(() => IndicatorModel)
  indicator: IndicatorModel;

  @Field(() => FiscalQuarterModel, { nullable: true, description: 'Null when no quarter has visible data yet' })
  quarter: FiscalQuarterModel | null;

  @Field(() => FiscalQuarterModel, { nullable: true })
  previousQuarter: FiscalQuarterModel | null;

  @Field(() => ScopeIndicatorValueModel, { nullable: true, description: 'The nation, for reference' })
  national: ScopeIndicatorValueModel | null;

  @Field(() => [ScopeIndicatorValueModel], { description: 'Best first; those without a value last' })
  values: ScopeIndicatorValueModel[];
}

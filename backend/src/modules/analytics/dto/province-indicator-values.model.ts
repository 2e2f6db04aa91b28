import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IndicatorModel } from '../../framework/dto/framework.model.js';
import { FiscalQuarterModel } from '../../period/dto/period.model.js';

@ObjectType('ProvinceIndicatorValue')
export class ProvinceIndicatorValueModel {
  @Field()
  provinceCode: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The indicator rolled up as it defines (ratio of sums for rates)',
  })
  value: number | null;

  @Field(() => Float, { nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  denominator: number | null;

  @Field(() => Int, { description: 'Reporting units that entered the roll-up' })
  units: number;

  @Field({ description: 'True when any figure behind it is synthetic demo data' })
  isDemo: boolean;
}

@ObjectType('ProvinceIndicatorValues', {
  description: 'One indicator for every province with approved data in one quarter.',
})
export class ProvinceIndicatorValuesModel {
  @Field(() => IndicatorModel)
  indicator: IndicatorModel;

  @Field(() => FiscalQuarterModel, { nullable: true, description: 'Null when no quarter has approved data yet' })
  quarter: FiscalQuarterModel | null;

  @Field(() => [ProvinceIndicatorValueModel])
  values: ProvinceIndicatorValueModel[];
}

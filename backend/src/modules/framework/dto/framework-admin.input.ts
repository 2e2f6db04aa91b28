import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IndicatorAggregation, IndicatorUnit } from '../indicator.entity.js';

@InputType('IndicatorInput', { description: 'Create or update an indicator by code (planners).' })
export class IndicatorInput {
  @Field()
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true })
  descriptionEn?: string | null;

  @Field(() => IndicatorUnit)
  unit: IndicatorUnit;

  @Field(() => Int, { description: '1 when higher is better, -1 when lower is better' })
  direction: number;

  @Field(() => IndicatorAggregation)
  aggregation: IndicatorAggregation;

  @Field({ description: 'Code of the numerator data element' })
  numeratorCode: string;

  @Field(() => String, { nullable: true, description: 'Code of the denominator data element (RATIO only)' })
  denominatorCode?: string | null;

  @Field(() => Float, { defaultValue: 1 })
  multiplier: number;

  @Field(() => String, { nullable: true })
  obstacleCategoryCode?: string | null;

  @Field({ description: 'Code of the source that defines it (DIGIGOV_PLANNING_DEFAULTS for the ministry’s own)' })
  sourceCode: string;

  @Field(() => String, { nullable: true })
  sourceNote?: string | null;
}

@InputType('TargetValueInput')
export class TargetValueInput {
  @Field({ description: '"TH" for the national target, or a province code' })
  orgUnitCode: string;

  @Field(() => Float, { nullable: true, description: 'null removes the target' })
  value: number | null;

  @Field(() => [Float], { nullable: 'itemsAndList', description: 'Q1–Q4 milestones (4 numbers or nulls)' })
  milestones?: Array<number | null> | null;
}

@InputType('SetTargetsInput', { description: 'Targets of one indicator for one fiscal year (planners).' })
export class SetTargetsInput {
  @Field()
  indicatorCode: string;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => [TargetValueInput])
  targets: TargetValueInput[];

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType('RecommendationInput', {
  description: 'Create or update a recommendation by code, with its links (planners).',
})
export class RecommendationInput {
  @Field()
  code: string;

  @Field()
  setCode: string;

  @Field(() => String, { nullable: true })
  groupTh?: string | null;

  @Field(() => String, { nullable: true })
  groupEn?: string | null;

  @Field()
  titleTh: string;

  @Field()
  titleEn: string;

  @Field(() => String, { nullable: true })
  detailTh?: string | null;

  @Field(() => String, { nullable: true })
  detailEn?: string | null;

  @Field(() => [String])
  obstacleCategoryCodes: string[];

  @Field(() => [String])
  indicatorCodes: string[];
}

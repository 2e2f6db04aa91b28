import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataElementAggregation, DataValueType } from '../data-element.entity.js';
import { IndicatorAggregation, IndicatorUnit } from '../indicator.entity.js';

registerEnumType(DataValueType, { name: 'DataValueType' });
registerEnumType(DataElementAggregation, { name: 'DataElementAggregation' });
registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  valuesMap: {
    PERCENT: { description: 'A percentage (0–100)' },
    COUNT: { description: 'A count' },
    PER_UNIT: { description: 'An average count per reporting unit' },
  },
});
registerEnumType(IndicatorAggregation, {
  name: 'IndicatorAggregation',
  valuesMap: {
    RATIO: { description: 'Σ numerator / Σ denominator × multiplier over units (never an average of ratios)' },
    SUM: { description: 'Σ numerator' },
    AVERAGE: { description: 'Mean of the numerator over units' },
    LATEST: { description: 'Latest reported numerator' },
  },
});

@ObjectType('ObstacleCategory', {
  description: "An area of obstacles to digital government, labelled as in DGA's survey.",
})
export class ObstacleCategoryModel {
  @Field()
  code: string;

  @Field({ description: 'Thai label, verbatim from the source' })
  labelTh: string;

  @Field()
  labelEn: string;

  @Field(() => Int)
  sortOrder: number;

  @Field(() => String, { nullable: true, description: 'The spelling in the source where it has a typo' })
  sourceSpelling: string | null;

  sourceCode: string;
}

@ObjectType('DataElement', { description: 'A raw figure each unit reports per quarter.' })
export class DataElementModel {
  @Field()
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => DataValueType)
  valueType: DataValueType;

  @Field(() => DataElementAggregation)
  aggregation: DataElementAggregation;

  @Field(() => Float, { nullable: true })
  minValue: number | null;

  @Field(() => Float, { nullable: true })
  maxValue: number | null;
}

@ObjectType('Indicator', { description: 'An action-plan KPI computed from data elements.' })
export class IndicatorModel {
  @Field()
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true })
  descriptionEn: string | null;

  @Field(() => IndicatorUnit)
  unit: IndicatorUnit;

  @Field(() => Int, { description: '1 when higher is better, -1 when lower is better' })
  direction: number;

  @Field(() => IndicatorAggregation)
  aggregation: IndicatorAggregation;

  @Field(() => DataElementModel)
  numerator: DataElementModel;

  @Field(() => DataElementModel, { nullable: true })
  denominator: DataElementModel | null;

  @Field(() => Float)
  multiplier: number;

  @Field(() => String, { nullable: true, description: 'Code of the obstacle category this indicator measures' })
  obstacleCategoryCode: string | null;

  @Field(() => Float, { nullable: true, description: 'National target for the latest fiscal year that has one' })
  nationalTarget: number | null;

  @Field(() => String, { nullable: true, description: 'Where in the source the definition or target is found' })
  sourceNote: string | null;

  sourceCode: string;
}

@ObjectType('Target', { description: 'Target of an indicator for an org unit and fiscal year.' })
export class TargetModel {
  @Field()
  indicatorCode: string;

  @Field({ description: '"TH" for the nation, or a province code' })
  orgUnitCode: string;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Float)
  value: number;

  @Field(() => [Float], { nullable: 'items', description: 'Quarterly milestones Q1–Q4 (null where none)' })
  milestones: Array<number | null>;

  @Field({ description: 'True for synthetic demo targets' })
  isDemo: boolean;

  sourceCode: string | null;
}

@ObjectType('RecommendationSet', { description: 'A published set of policy recommendations.' })
export class RecommendationSetModel {
  @Field()
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  sourceCode: string;
}

@ObjectType('Recommendation')
export class RecommendationModel {
  @Field()
  code: string;

  @Field()
  setCode: string;

  @Field(() => String, { nullable: true })
  groupTh: string | null;

  @Field(() => String, { nullable: true })
  groupEn: string | null;

  @Field()
  titleTh: string;

  @Field()
  titleEn: string;

  @Field(() => String, { nullable: true })
  detailTh: string | null;

  @Field(() => String, { nullable: true })
  detailEn: string | null;

  @Field(() => [String], { description: 'Codes of the obstacle categories it answers' })
  obstacleCategoryCodes: string[];

  @Field(() => [String], { description: 'Codes of the indicators that measure it' })
  indicatorCodes: string[];
}

@InputType('RecommendationFilter')
export class RecommendationFilterInput {
  @Field(() => String, { nullable: true })
  setCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only recommendations answering this obstacle category' })
  obstacleCategoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only recommendations measured by this indicator' })
  indicatorCode?: string | null;
}

@InputType('TargetFilter')
export class TargetFilterInput {
  @Field(() => String, { nullable: true })
  indicatorCode?: string | null;

  @Field(() => String, { nullable: true, description: '"TH" for national targets, or a province code' })
  orgUnitCode?: string | null;

  @Field(() => Int, { nullable: true })
  fiscalYear?: number | null;
}

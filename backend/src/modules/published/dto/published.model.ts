import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ObstacleCategoryModel } from '../../framework/dto/framework.model.js';
import { PublishedMeasure } from '../published-dataset.entity.js';

registerEnumType(PublishedMeasure, {
  name: 'PublishedMeasure',
  valuesMap: {
    ANY: { description: 'Respondents citing at least one obstacle' },
    CATEGORY: { description: 'Respondents citing one obstacle category' },
  },
});

@ObjectType('PublishedValue')
export class PublishedValueModel {
  @Field(() => PublishedMeasure)
  measureCode: PublishedMeasure;

  @Field(() => ObstacleCategoryModel, { nullable: true })
  obstacleCategory: ObstacleCategoryModel | null;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  denominator: number;

  @Field(() => Float, { description: 'As printed in the source, two decimals' })
  percentage: number;
}

@ObjectType('PublishedDataset', {
  description: "Figures published by someone else, e.g. DGA's national obstacle survey.",
})
export class PublishedDatasetModel {
  @Field()
  code: string;

  @Field()
  titleTh: string;

  @Field()
  titleEn: string;

  @Field(() => String, { nullable: true })
  publishedOn: string | null;

  @Field({ description: 'Who was counted' })
  population: string;

  @Field(() => Int)
  denominator: number;

  @Field(() => [PublishedValueModel])
  values: PublishedValueModel[];

  sourceCode: string;
}

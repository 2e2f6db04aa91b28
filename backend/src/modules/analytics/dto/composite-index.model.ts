import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ObstacleCategoryModel } from '../../framework/dto/framework.model.js';
import { FiscalQuarterModel } from '../../period/dto/period.model.js';
import { IndexMethodCode } from '../composite.js';
import { AnalyticsScopeModel } from './common.model.js';

registerEnumType(IndexMethodCode, {
  name: 'IndexMethodCode',
  description:
    'Stable code of CompositeIndex.method: a new code whenever the method changes, so that clients can key their own wording by it.',
  valuesMap: {
    GOALPOST_PILLARS_V1: {
      description:
        'Fixed goalposts per indicator, pillar = mean score, index = weighted sum of pillars (the text of `method`)',
    },
  },
});

@ObjectType('IndexGoalpost', {
  description: 'Fixed goalposts of one indicator in the composite index: worst scores 0, best scores 100.',
})
export class IndexGoalpostModel {
  @Field()
  indicatorCode: string;

  @Field(() => Float)
  worst: number;

  @Field(() => Float)
  best: number;

  @Field({ description: 'Why these goalposts, in English; keyed by indicatorCode for a translation' })
  rationale: string;
}

@ObjectType('IndexPillar', { description: 'A pillar of the index: the indicators measuring one obstacle area.' })
export class IndexPillarModel {
  @Field({ description: 'The obstacle category code' })
  code: string;

  @Field(() => ObstacleCategoryModel)
  category: ObstacleCategoryModel;

  @Field(() => Float, { description: 'Weight used, normalised so that the weights sum to 1' })
  weight: number;

  @Field(() => [IndexGoalpostModel])
  indicators: IndexGoalpostModel[];
}

@ObjectType('IndicatorScore')
export class IndicatorScoreModel {
  @Field()
  indicatorCode: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true, description: '100 × (value − worst) / (best − worst), clamped to 0–100' })
  score: number | null;
}

@ObjectType('PillarScore')
export class PillarScoreModel {
  @Field()
  pillarCode: string;

  @Field(() => Float)
  weight: number;

  @Field(() => Float, { nullable: true, description: 'Mean score of its indicators with a value (0–100)' })
  score: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'weight × score: index points from this pillar; the contributions sum to the index',
  })
  contribution: number | null;

  @Field(() => [IndicatorScoreModel])
  indicators: IndicatorScoreModel[];
}

@ObjectType('ProvinceIndex', { description: "A province's Digital Government Progress Index in a quarter." })
export class ProvinceIndexModel {
  @Field(() => AnalyticsScopeModel)
  province: AnalyticsScopeModel;

  @Field(() => Float, {
    nullable: true,
    description: '0–100; null when a weighted pillar has no value (no visible report, or missing figures)',
  })
  index: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank among all provinces with an index in the quarter (1 = highest; ties share a rank)',
  })
  rank: number | null;

  @Field(() => Int, { description: 'Provinces with an index in the quarter' })
  rankedCount: number;

  @Field(() => [PillarScoreModel])
  pillars: PillarScoreModel[];
}

@ObjectType('CompositeIndex', {
  description: 'The Digital Government Progress Index (0–100) of every province in one quarter.',
})
export class CompositeIndexModel {
  @Field(() => FiscalQuarterModel, { nullable: true, description: 'Null when no quarter has visible data yet' })
  quarter: FiscalQuarterModel | null;

  @Field()
  includeSubmitted: boolean;

  @Field({ description: 'How the index is built, in English' })
  method: string;

  @Field(() => IndexMethodCode, { description: 'Stable code of `method`, to key a translation by' })
  methodCode: IndexMethodCode;

  @Field(() => [IndexPillarModel])
  pillars: IndexPillarModel[];

  @Field(() => [ProvinceIndexModel], { description: 'Highest first; provinces without an index last, by code' })
  provinces: ProvinceIndexModel[];
}

import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ObstacleCategoryModel, RecommendationModel } from '../../framework/dto/framework.model.js';
import { FiscalQuarterModel } from '../../period/dto/period.model.js';
import { ActionItemModel } from '../../report/dto/report.model.js';
import { PriorityRuleCode } from '../priority.js';
import { ProgressStatus } from '../progress.js';
import { AnalyticsScopeModel, RespondentLevel } from './common.model.js';

registerEnumType(PriorityRuleCode, {
  name: 'PriorityRuleCode',
  description:
    'Stable code of priorityRule: a new code whenever the rule changes, so that clients can key their own wording by it.',
  valuesMap: {
    MAX_OBSTACLE_SCORE_PLUS_MAX_GAP_V1: {
      description: 'Highest obstacle score + highest indicator gap, 0–2 (the text of priorityRule)',
    },
  },
});

@ObjectType('LinkedObstacle', {
  description: 'An obstacle category a recommendation answers, as the province reported it.',
})
export class LinkedObstacleModel {
  @Field(() => ObstacleCategoryModel)
  category: ObstacleCategoryModel;

  @Field(() => Int, { description: 'Respondents citing it' })
  count: number;

  @Field(() => Float, { nullable: true, description: 'Percent of respondents citing it' })
  percentage: number | null;

  @Field(() => Float, { nullable: true })
  meanSeverity: number | null;

  @Field(() => Float, { description: 'prevalence (0–1) × mean severity / 5' })
  weight: number;
}

@ObjectType('LinkedIndicator', {
  description: 'An indicator measuring a recommendation, for the province in the quarter.',
})
export class LinkedIndicatorModel {
  @Field()
  indicatorCode: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true })
  target: number | null;

  @Field(() => Float, { nullable: true })
  achievementPct: number | null;

  @Field(() => ProgressStatus)
  status: ProgressStatus;

  @Field(() => Float, { nullable: true, description: 'How far behind, 0–1 (see priorityRule); null without a value' })
  gap: number | null;
}

@ObjectType('RecommendationPriority', {
  description: 'A recommendation for a province, with the priority it is ordered by and why.',
})
export class RecommendationPriorityModel {
  @Field(() => RecommendationModel)
  recommendation: RecommendationModel;

  @Field(() => Float, { description: 'obstacleScore + indicatorGap (0–2)' })
  priority: number;

  @Field(() => Float)
  obstacleScore: number;

  @Field(() => Float)
  indicatorGap: number;

  @Field(() => [LinkedObstacleModel])
  obstacles: LinkedObstacleModel[];

  @Field(() => [LinkedIndicatorModel])
  indicators: LinkedIndicatorModel[];

  @Field(() => [ActionItemModel], {
    description:
      "The province's action items for this recommendation in the quarter's fiscal year, status as of now (empty when not visible, see actionItemsVisible)",
  })
  actionItems: ActionItemModel[];
}

@ObjectType('ProvinceRecommendations', {
  description: "Recommendations answering a province's obstacles and lagging indicators, highest priority first.",
})
export class ProvinceRecommendationsModel {
  @Field(() => AnalyticsScopeModel)
  province: AnalyticsScopeModel;

  @Field(() => FiscalQuarterModel, { nullable: true })
  quarter: FiscalQuarterModel | null;

  @Field(() => RespondentLevel, { description: 'Whose obstacle answers count' })
  respondentLevel: RespondentLevel;

  @Field(() => Int)
  respondents: number;

  @Field()
  includeSubmitted: boolean;

  @Field({
    description: "Action items are shown to signed-in users who may read the province's report for the quarter",
  })
  actionItemsVisible: boolean;

  @Field({ description: 'How priority is computed, in English' })
  priorityRule: string;

  @Field(() => PriorityRuleCode, { description: 'Stable code of priorityRule, to key a translation by' })
  priorityRuleCode: PriorityRuleCode;

  @Field(() => [RecommendationPriorityModel])
  recommendations: RecommendationPriorityModel[];
}

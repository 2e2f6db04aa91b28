import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ObstacleCategoryModel } from '../../framework/dto/framework.model.js';
import { FiscalQuarterModel } from '../../period/dto/period.model.js';
import { SmallSampleRuleCode } from '../statistics.js';
import { AnalyticsScopeModel, RespondentLevel } from './common.model.js';

registerEnumType(SmallSampleRuleCode, {
  name: 'SmallSampleRuleCode',
  description:
    'Stable code of smallSampleRule: a new code whenever the rule changes, so that clients can key their own wording by it.',
  valuesMap: {
    RESPONDENTS_30_EXPECTED_5: {
      description: 'Small when n < 30, n·p < 5 or n·(1−p) < 5 (the text of smallSampleRule)',
    },
  },
});

@ObjectType('PrevalenceShare', { description: 'A share of respondents with its 95 % Wilson score interval.' })
export class PrevalenceShareModel {
  @Field(() => Int, { description: 'Respondents citing it' })
  count: number;

  @Field(() => Int, { description: 'Respondents asked (the denominator)' })
  respondents: number;

  @Field(() => Float, {
    nullable: true,
    description: 'count / respondents × 100 (as published, for a published value); null without respondents',
  })
  percentage: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the 95 % Wilson score interval, in percent' })
  ciLow: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound of the 95 % Wilson score interval, in percent' })
  ciHigh: number | null;

  @Field({ description: 'Too few respondents to read the share alone: see smallSampleRule' })
  smallSample: boolean;
}

@ObjectType('ObstacleCategoryPrevalence')
export class ObstacleCategoryPrevalenceModel extends PrevalenceShareModel {
  @Field(() => ObstacleCategoryModel)
  category: ObstacleCategoryModel;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean severity (1 minor – 5 blocking) among respondents citing it; null when none did or when not published',
  })
  meanSeverity: number | null;
}

@ObjectType('ObstacleBaseline', {
  description:
    "A published survey held beside the collected data as its own source: DGA's 2024 (B.E. 2567) survey of 76 provinces.",
})
export class ObstacleBaselineModel {
  @Field({ description: 'Published dataset code, e.g. DGA_OBSTACLE_SURVEY_2567' })
  datasetCode: string;

  @Field()
  titleTh: string;

  @Field()
  titleEn: string;

  @Field(() => String, { nullable: true })
  publishedOn: string | null;

  @Field({ description: 'Who was counted, as the source says' })
  population: string;

  @Field({
    description:
      'True when the collected figures count the same kind of respondent nationally (provinces, nation-wide)',
  })
  comparable: boolean;

  @Field(() => PrevalenceShareModel, { description: 'Provinces reporting at least one obstacle' })
  anyObstacle: PrevalenceShareModel;

  @Field(() => [ObstacleCategoryPrevalenceModel], { description: 'As published, in the source’s order' })
  categories: ObstacleCategoryPrevalenceModel[];

  sourceCode: string;
}

@ObjectType('ObstaclePrevalence', {
  description: 'How many respondents cite each obstacle category, over a scope and a quarter or fiscal year.',
})
export class ObstaclePrevalenceModel {
  @Field(() => AnalyticsScopeModel)
  scope: AnalyticsScopeModel;

  @Field(() => RespondentLevel)
  respondentLevel: RespondentLevel;

  @Field(() => FiscalQuarterModel, {
    nullable: true,
    description: 'The quarter, when asked by quarter (null for a fiscal year, or when nothing is visible yet)',
  })
  quarter: FiscalQuarterModel | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The fiscal year (B.E.), when asked by fiscal year: each respondent’s latest response in the year counts',
  })
  fiscalYear: number | null;

  @Field({ description: 'Whether submitted (not yet approved) reports were counted' })
  includeSubmitted: boolean;

  @Field(() => Int, { description: 'Respondents: one obstacle response each (an empty answer means "no obstacle")' })
  respondents: number;

  @Field(() => PrevalenceShareModel, { description: 'Respondents citing at least one obstacle' })
  anyObstacle: PrevalenceShareModel;

  @Field(() => [ObstacleCategoryPrevalenceModel], { description: 'Every category, in DGA’s order' })
  categories: ObstacleCategoryPrevalenceModel[];

  @Field({ description: 'When smallSample is set, in English' })
  smallSampleRule: string;

  @Field(() => SmallSampleRuleCode, { description: 'Stable code of smallSampleRule, to key a translation by' })
  smallSampleRuleCode: SmallSampleRuleCode;

  @Field(() => ObstacleBaselineModel, {
    nullable: true,
    description: "DGA's published national figures, beside the collected ones",
  })
  baseline: ObstacleBaselineModel | null;
}

@ObjectType('AreaObstaclePrevalence', {
  description:
    'Obstacle prevalence over one area of a scope (a province), as obstaclePrevalence gives it for that area.',
})
export class AreaObstaclePrevalenceModel {
  @Field(() => AnalyticsScopeModel, { description: 'The area: a province' })
  scope: AnalyticsScopeModel;

  @Field(() => Int, {
    description:
      'Respondents: one obstacle response each (an empty answer means "no obstacle"); 0 when the area has no visible report',
  })
  respondents: number;

  @Field(() => PrevalenceShareModel, { description: 'Respondents citing at least one obstacle' })
  anyObstacle: PrevalenceShareModel;

  @Field(() => [ObstacleCategoryPrevalenceModel], { description: 'Every category, in DGA’s order' })
  categories: ObstacleCategoryPrevalenceModel[];
}

@ObjectType('ObstaclePrevalenceByArea', {
  description:
    'Obstacle prevalence for every province of a scope (the nation or a region) in one quarter: the figures obstaclePrevalence gives for each province.',
})
export class ObstaclePrevalenceByAreaModel {
  @Field(() => AnalyticsScopeModel, { description: 'The scope whose provinces are listed' })
  scope: AnalyticsScopeModel;

  @Field(() => RespondentLevel)
  respondentLevel: RespondentLevel;

  @Field(() => FiscalQuarterModel, {
    nullable: true,
    description: 'The quarter, the same for every area (null when nothing is visible yet)',
  })
  quarter: FiscalQuarterModel | null;

  @Field({ description: 'Whether submitted (not yet approved) reports were counted' })
  includeSubmitted: boolean;

  @Field(() => [AreaObstaclePrevalenceModel], {
    description: 'Every province of the scope, by code, with or without respondents',
  })
  areas: AreaObstaclePrevalenceModel[];

  @Field({ description: 'When smallSample is set, in English' })
  smallSampleRule: string;

  @Field(() => SmallSampleRuleCode, { description: 'Stable code of smallSampleRule, to key a translation by' })
  smallSampleRuleCode: SmallSampleRuleCode;
}

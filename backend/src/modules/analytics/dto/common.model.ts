import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GrowthMethod, ProgressStatus } from '../progress.js';

export enum ScopeLevel {
  NATION = 'NATION',
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
}

export enum RespondentLevel {
  PROVINCE = 'PROVINCE',
  LOCAL = 'LOCAL',
}

registerEnumType(ScopeLevel, {
  name: 'ScopeLevel',
  description: 'Where an aggregate is taken: the nation ("TH"), one of the six regions, or one province.',
});
registerEnumType(RespondentLevel, {
  name: 'RespondentLevel',
  valuesMap: {
    PROVINCE: { description: "One answer per province (the province's own response), as in DGA's survey" },
    LOCAL: { description: 'One answer per local administrative organization' },
  },
});
registerEnumType(ProgressStatus, {
  name: 'ProgressStatus',
  description: "Open SDG's progress categories (Statistics Canada), applied to quarters with fractional years.",
  valuesMap: {
    ACHIEVED: { description: 'The current value already meets the target' },
    ON_TRACK: { description: 'R ≥ 0.95: observed growth is at least 95 % of the growth the target requires' },
    ACCELERATION_NEEDED: { description: '0.60 ≤ R < 0.95: progress, but too slow to reach the target on time' },
    LIMITED_PROGRESS: { description: '0 ≤ R < 0.60' },
    DETERIORATION: { description: 'R < 0: moving away from the target' },
    INSUFFICIENT_DATA: { description: 'Fewer than two quarters with a value (base and current), or no current value' },
    NO_TARGET: { description: 'No target for the scope and fiscal year; observedGrowth is still given' },
  },
});
registerEnumType(GrowthMethod, {
  name: 'GrowthMethod',
  valuesMap: {
    COMPOUND: { description: 'Compound annual growth rates (fractions per year), the method itself' },
    LINEAR: {
      description: "Change per year in the indicator's unit, used when the base is zero (compound growth is undefined)",
    },
  },
});

@ObjectType('AnalyticsScope', { description: 'The nation, a region or a province an aggregate is taken over.' })
export class AnalyticsScopeModel {
  @Field({ description: '"TH", a region code (NORTHEAST) or a province code (TH-40)' })
  code: string;

  @Field(() => ScopeLevel)
  level: ScopeLevel;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true, description: "A province's region code; null for a region or the nation" })
  regionCode: string | null;
}

@ObjectType('IndicatorValue', {
  description: 'An indicator rolled up over a scope in one quarter, with the sums it comes from.',
})
export class IndicatorValueModel {
  @Field({ description: 'Quarter code, e.g. FY2569Q3' })
  quarterCode: string;

  @Field(() => Float, { description: 'Fractional year of the end of the quarter: fiscal year (B.E.) + quarter / 4' })
  t: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Σ numerator / Σ denominator × multiplier for a ratio; null when the denominator sums to 0',
  })
  value: number | null;

  @Field(() => Float)
  numerator: number;

  @Field(() => Float, { nullable: true })
  denominator: number | null;

  @Field(() => Int, { description: 'Reporting units (local organizations) that entered the roll-up' })
  units: number;

  @Field(() => Int, { description: 'Provinces whose reports entered the roll-up' })
  reportingProvinces: number;

  @Field({ description: 'True when any figure behind it is synthetic demo data' })
  isDemo: boolean;
}

@ObjectType('ProgressTarget', { description: 'The target a progress status is measured against.' })
export class ProgressTargetModel {
  @Field(() => Float)
  value: number;

  @Field(() => Int, { description: 'Fiscal year (B.E.) of the target: the fiscal year of the current quarter' })
  fiscalYear: number;

  @Field({
    description:
      'Whose target it is: the scope itself, or "TH" when the scope has none and the national target applies',
  })
  orgUnitCode: string;

  @Field(() => Float, { nullable: true, description: "The target's milestone for the current quarter, when set" })
  milestone: number | null;

  @Field(() => Float, {
    description: 'Target year as a fractional year: fiscal year + 1 (the end of that fiscal year)',
  })
  t: number;
}

@InputType('PillarWeightInput', { description: 'A relative weight for one pillar of the composite index.' })
export class PillarWeightInput {
  @Field({
    description: 'Pillar code: the obstacle category code (SKILLS, BUDGET, INTEGRATION, SECURITY, SERVICES, POLICY)',
  })
  pillarCode: string;

  @Field(() => Float, {
    description: 'Relative weight ≥ 0; pillars not named keep 1; all are then normalised to sum to 1',
  })
  weight: number;
}

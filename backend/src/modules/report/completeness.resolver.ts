import { Args, Field, Float, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../core/clock.js';
import { requireRole, type Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { PeriodService } from '../period/period.service.js';
import { ReportStatus } from './report.entity.js';

@ObjectType('ProvinceCompleteness')
export class ProvinceCompletenessModel {
  @Field()
  provinceCode: string;

  @Field(() => ReportStatus, { nullable: true, description: 'null when the province has not started a report' })
  status: ReportStatus | null;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field({ description: 'ON_TIME, LATE (submitted after the deadline), OVERDUE (not submitted, deadline passed) or PENDING' })
  timeliness: string;

  @Field(() => Int)
  expectedValues: number;

  @Field(() => Int)
  presentValues: number;

  @Field(() => Float, { description: 'Share of expected values present, 0–100' })
  completenessPct: number;
}

@ObjectType('QuarterCompleteness')
export class QuarterCompletenessModel {
  @Field()
  quarterCode: string;

  @Field()
  deadline: string;

  @Field(() => Int)
  submitted: number;

  @Field(() => Int)
  onTime: number;

  @Field(() => Int)
  late: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => [ProvinceCompletenessModel])
  provinces: ProvinceCompletenessModel[];
}

/** Which provinces have submitted, on time or late, and the share of expected values present. */
@Resolver()
export class CompletenessResolver {
  constructor(
    private readonly db: DataSource,
    private readonly periods: PeriodService,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  @Query(() => QuarterCompletenessModel, { description: 'Submission and completeness of every province for a quarter (planners).' })
  async completeness(@CurrentActor() actor: Actor | null, @Args('quarterCode') quarterCode: string): Promise<QuarterCompletenessModel> {
    requireRole(actor, ['ADMIN', 'PLANNER'], 'see every province\u2019s submission status');
    const q = await this.periods.fiscalQuarter(quarterCode);
    const rows: Array<{ code: string; status: ReportStatus | null; submitted_at: Date | null; expected: number; present: number }> = await this.db.query(
      `WITH required AS (SELECT DISTINCT unnest(ARRAY[numerator_element_id, denominator_element_id]) AS id FROM indicator)
       SELECT p.code, r.status, r.submitted_at,
              (SELECT count(*) FROM org_unit l WHERE l.parent_id = p.id AND l.level = 'LOCAL')::int
                * (SELECT count(*) FROM required WHERE id IS NOT NULL)::int AS expected,
              (SELECT count(*) FROM data_value dv WHERE dv.report_id = r.id AND dv.data_element_id IN (SELECT id FROM required))::int AS present
         FROM org_unit p LEFT JOIN report r ON r.org_unit_id = p.id AND r.quarter_id = $1
        WHERE p.level = 'PROVINCE' ORDER BY p.code`,
      [q.id],
    );
    const today = this.now().toISOString().slice(0, 10);
    const provinces = rows.map((r) => {
      const submittedDay = r.submitted_at ? r.submitted_at.toISOString().slice(0, 10) : null;
      const timeliness = submittedDay ? (submittedDay > q.deadline ? 'LATE' : 'ON_TIME') : today > q.deadline ? 'OVERDUE' : 'PENDING';
      return {
        provinceCode: r.code,
        status: r.status,
        submittedAt: r.submitted_at,
        timeliness,
        expectedValues: r.expected,
        presentValues: r.present,
        completenessPct: r.expected > 0 ? Math.round((r.present / r.expected) * 1000) / 10 : 0,
      };
    });
    return {
      quarterCode: q.code,
      deadline: q.deadline,
      submitted: provinces.filter((p) => p.status === 'SUBMITTED' || p.status === 'APPROVED').length,
      onTime: provinces.filter((p) => p.timeliness === 'ON_TIME').length,
      late: provinces.filter((p) => p.timeliness === 'LATE').length,
      overdue: provinces.filter((p) => p.timeliness === 'OVERDUE').length,
      provinces,
    };
  }
}

import { Args, Field, Float, Int, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../core/clock.js';
import { requireRole, type Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { PeriodService } from '../period/period.service.js';
import { bangkokDate } from '../period/fiscal-calendar.js';
import { completenessCounts, timeliness, Timeliness } from './completeness.js';
import { ReportStatus } from './report.entity.js';

registerEnumType(Timeliness, {
  name: 'Timeliness',
  description:
    'Where a province stands against the quarter\u2019s deadline. Only a report standing submitted (SUBMITTED or APPROVED) is on time or late.',
  valuesMap: {
    ON_TIME: { description: 'Stands submitted, and its latest submission was on or before the deadline' },
    LATE: {
      description:
        'Stands submitted, and its latest submission was after the deadline (a resubmission after a return counts)',
    },
    OVERDUE: { description: 'Not submitted (no report, a draft, or returned) and the deadline has passed' },
    PENDING: { description: 'Not submitted (no report, a draft, or returned) and the deadline has not passed yet' },
  },
});

@ObjectType('ProvinceCompleteness')
export class ProvinceCompletenessModel {
  @Field()
  provinceCode: string;

  @Field(() => ReportStatus, { nullable: true, description: 'null when the province has not started a report' })
  status: ReportStatus | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The latest submission; kept while the report is returned or corrected, cleared when an approved report is reopened',
  })
  submittedAt: Date | null;

  @Field(() => Timeliness)
  timeliness: Timeliness;

  @Field(() => Int)
  expectedValues: number;

  @Field(() => Int)
  presentValues: number;

  @Field(() => Float, { description: 'Share of expected values present, 0–100' })
  completenessPct: number;
}

@ObjectType('QuarterCompleteness', {
  description:
    'Every province once, in exactly one status bucket (notStarted + draft + awaitingApproval + returned + approved = the provinces listed, ' +
    '77 for the nation) and in exactly one timeliness bucket (onTime + late + overdue + pending = the same total). ' +
    'submitted = awaitingApproval + approved = onTime + late.',
})
export class QuarterCompletenessModel {
  @Field()
  quarterCode: string;

  @Field()
  deadline: string;

  @Field(() => Int, { description: 'No report for the quarter' })
  notStarted: number;

  @Field(() => Int, {
    description: 'DRAFT: never submitted, reopened after approval, or edited by the province after a return',
  })
  draft: number;

  @Field(() => Int, { description: 'SUBMITTED: waiting for a planner to approve or return it' })
  awaitingApproval: number;

  @Field(() => Int, { description: 'RETURNED: sent back and not yet edited by the province' })
  returned: number;

  @Field(() => Int, { description: 'APPROVED' })
  approved: number;

  @Field(() => Int, {
    description:
      'Reports standing submitted: awaitingApproval + approved. A returned report is not, until it is submitted again',
  })
  submitted: number;

  @Field(() => Int, { description: 'Of the submitted, those whose latest submission was on or before the deadline' })
  onTime: number;

  @Field(() => Int, { description: 'Of the submitted, those whose latest submission was after the deadline' })
  late: number;

  @Field(() => Int, { description: 'Not submitted (notStarted + draft + returned) with the deadline passed' })
  overdue: number;

  @Field(() => Int, { description: 'Not submitted (notStarted + draft + returned) with the deadline still ahead' })
  pending: number;

  @Field(() => [ProvinceCompletenessModel], { description: 'Every province, by code' })
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

  @Query(() => QuarterCompletenessModel, {
    description: 'Submission and completeness of every province for a quarter (planners).',
  })
  async completeness(
    @CurrentActor() actor: Actor | null,
    @Args('quarterCode') quarterCode: string,
  ): Promise<QuarterCompletenessModel> {
    requireRole(actor, ['ADMIN', 'PLANNER'], 'see every province\u2019s submission status');
    const q = await this.periods.fiscalQuarter(quarterCode);
    const rows: Array<{
      code: string;
      status: ReportStatus | null;
      submitted_at: Date | null;
      expected: number;
      present: number;
    }> = await this.db.query(
      `WITH required AS (SELECT DISTINCT unnest(ARRAY[numerator_element_id, denominator_element_id]) AS id FROM indicator)
       SELECT p.code, r.status, r.submitted_at,
              (SELECT count(*) FROM org_unit l WHERE l.parent_id = p.id AND l.level = 'LOCAL')::int
                * (SELECT count(*) FROM required WHERE id IS NOT NULL)::int AS expected,
              (SELECT count(*) FROM data_value dv WHERE dv.report_id = r.id AND dv.data_element_id IN (SELECT id FROM required))::int AS present
         FROM org_unit p LEFT JOIN report r ON r.org_unit_id = p.id AND r.quarter_id = $1
        WHERE p.level = 'PROVINCE' ORDER BY p.code`,
      [q.id],
    );
    const today = bangkokDate(this.now());
    const provinces = rows.map((r) => ({
      provinceCode: r.code,
      status: r.status,
      submittedAt: r.submitted_at,
      timeliness: timeliness(r.status, r.submitted_at ? bangkokDate(r.submitted_at) : null, q.deadline, today),
      expectedValues: r.expected,
      presentValues: r.present,
      completenessPct: r.expected > 0 ? Math.round((r.present / r.expected) * 1000) / 10 : 0,
    }));
    return { quarterCode: q.code, deadline: q.deadline, ...completenessCounts(provinces), provinces };
  }
}

import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from './json.scalar.js';
import { DataSource } from 'typeorm';
import { requireRole, type Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { BadInputError, NotFoundError } from '../../core/errors/domain-error.js';
import { AuditAction } from './audit-event.entity.js';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(AuditAction, { name: 'AuditAction' });

@ObjectType('AuditEvent', { description: 'One recorded change: who, when, old value, new value, and why.' })
export class AuditEventModel {
  @Field()
  id: string;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true })
  userEmail: string | null;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field(() => Int, { nullable: true })
  reportId: number | null;

  @Field(() => String, { nullable: true })
  orgUnitCode: string | null;

  @Field(() => String, { nullable: true })
  dataElementCode: string | null;

  @Field(() => String, { nullable: true })
  quarterCode: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  oldValue: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  newValue: unknown;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

const EVENT_SQL = `
  SELECT a.id::text, a.at, u.email AS "userEmail", a.action, a.report_id AS "reportId", o.code AS "orgUnitCode",
         e.code AS "dataElementCode", q.code AS "quarterCode", a.old_value AS "oldValue", a.new_value AS "newValue", a.reason
    FROM audit_event a LEFT JOIN app_user u ON u.id = a.user_id LEFT JOIN org_unit o ON o.id = a.org_unit_id
    LEFT JOIN data_element e ON e.id = a.data_element_id LEFT JOIN fiscal_quarter q ON q.id = a.quarter_id`;

/** Most changes one request may list: a page of history, not the whole table. */
const MAX_HISTORY = 500;

/** The audit trail, for planners: the history of a report, of one value, or of the framework. */
@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => [AuditEventModel], { description: 'Every change to a report, oldest first (planners).' })
  async reportHistory(
    @CurrentActor() actor: Actor | null,
    @Args('reportId', { type: () => Int }) reportId: number,
  ): Promise<AuditEventModel[]> {
    requireRole(actor, ['ADMIN', 'PLANNER'], 'read the audit trail');
    return this.db.query(`${EVENT_SQL} WHERE a.report_id = $1 ORDER BY a.at, a.id`, [reportId]);
  }

  @Query(() => [AuditEventModel], {
    description: 'Every change to one value (element × org unit × quarter), oldest first (planners).',
  })
  async valueHistory(
    @CurrentActor() actor: Actor | null,
    @Args('orgUnitCode') orgUnitCode: string,
    @Args('dataElementCode') dataElementCode: string,
    @Args('quarterCode') quarterCode: string,
  ): Promise<AuditEventModel[]> {
    requireRole(actor, ['ADMIN', 'PLANNER'], 'read the audit trail');
    const ids: Array<{ u: number | null; e: number | null; q: number | null }> = await this.db.query(
      `SELECT (SELECT id FROM org_unit WHERE code = $1) AS u, (SELECT id FROM data_element WHERE code = $2) AS e, (SELECT id FROM fiscal_quarter WHERE code = $3) AS q`,
      [orgUnitCode, dataElementCode, quarterCode],
    );
    const { u, e, q } = ids[0];
    if (u === null) throw new NotFoundError('Org unit', orgUnitCode);
    if (e === null) throw new NotFoundError('Data element', dataElementCode);
    if (q === null) throw new NotFoundError('Fiscal quarter', quarterCode);
    return this.db.query(
      `${EVENT_SQL} WHERE a.data_element_id = $1 AND a.org_unit_id = $2 AND a.quarter_id = $3 ORDER BY a.at, a.id`,
      [e, u, q],
    );
  }

  @Query(() => [AuditEventModel], {
    description:
      'Changes to the framework (indicators, targets, recommendations), newest first (planners). newValue.what names ' +
      'what changed (e.g. "target STAFF_DIGITAL_TRAINED_PCT TH-40 FY2570"); oldValue is null for a creation.',
  })
  async frameworkHistory(
    @CurrentActor() actor: Actor | null,
    @Args('limit', { type: () => Int, defaultValue: 100, description: `1–${MAX_HISTORY}` }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<AuditEventModel[]> {
    requireRole(actor, ['ADMIN', 'PLANNER'], 'read the audit trail');
    const problems = [
      ...(Number.isInteger(limit) && limit >= 1 && limit <= MAX_HISTORY
        ? []
        : [{ field: 'limit', code: 'OUT_OF_RANGE', message: `limit is 1–${MAX_HISTORY}` }]),
      ...(Number.isInteger(offset) && offset >= 0
        ? []
        : [{ field: 'offset', code: 'OUT_OF_RANGE', message: 'offset is 0 or more' }]),
    ];
    if (problems.length > 0) throw new BadInputError('Invalid page of the framework history', problems);
    return this.db.query(
      `${EVENT_SQL} WHERE a.action = 'FRAMEWORK_CHANGED' ORDER BY a.at DESC, a.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }
}

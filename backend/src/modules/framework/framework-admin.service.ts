import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { requireRole, requireWriter, type Actor } from '../../core/auth/actor.js';
import { BadInputError, type Problem } from '../../core/errors/domain-error.js';
import { IndicatorInput, RecommendationInput, SetTargetsInput } from './dto/framework-admin.input.js';
import { FrameworkService } from './framework.service.js';
import { AnalyticsCache } from '../../core/cache/analytics-cache.js';
import { auditReason } from '../../core/audit-reason.js';

/** Largest target a count or per-unit indicator may have. */
const MAX_TARGET = 1e9;
import type { IndicatorModel, RecommendationModel, TargetModel } from './dto/framework.model.js';

const CODE = /^[A-Z0-9][A-Z0-9_-]{1,63}$/;

function text(
  problems: Problem[],
  field: string,
  value: string | null | undefined,
  required: boolean,
  max = 500,
): void {
  if (required && !value?.trim()) problems.push({ field, code: 'REQUIRED', message: `${field} is required` });
  if (value && value.length > max)
    problems.push({ field, code: 'TEXT_TOO_LONG', message: `${field} is longer than ${max} characters` });
}

/** Planners manage the framework: indicators, targets per province and year, recommendations and links. */
@Injectable()
export class FrameworkAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly framework: FrameworkService,
    private readonly cache: AnalyticsCache,
  ) {}

  private planner(actor: Actor | null): Actor {
    requireWriter(actor);
    return requireRole(actor, ['ADMIN', 'PLANNER'], 'change the framework');
  }

  /** Written in the change's own transaction (m): a change that rolls back leaves no history behind. */
  private async audit(
    m: EntityManager,
    actor: Actor,
    what: string,
    oldValue: unknown,
    newValue: unknown,
    reason: string | null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO audit_event (user_id, action, old_value, new_value, reason) VALUES ($1, 'FRAMEWORK_CHANGED', $2, $3, $4)`,
      [
        actor.userId,
        oldValue === null ? null : JSON.stringify(oldValue),
        JSON.stringify({ what, ...(newValue as object) }),
        reason,
      ],
    );
  }

  async upsertIndicator(actor: Actor | null, input: IndicatorInput): Promise<IndicatorModel> {
    const a = this.planner(actor);
    const problems: Problem[] = [];
    if (!CODE.test(input.code))
      problems.push({ field: 'code', code: 'BAD_CODE', message: 'Codes are 2–64 upper-case letters, digits, _ or -' });
    text(problems, 'nameTh', input.nameTh, true);
    text(problems, 'nameEn', input.nameEn, true);
    text(problems, 'descriptionEn', input.descriptionEn, false, 4000);
    if (input.direction !== 1 && input.direction !== -1)
      problems.push({ field: 'direction', code: 'OUT_OF_RANGE', message: 'direction is 1 or -1' });
    if (!(input.multiplier > 0 && input.multiplier <= 1e6))
      problems.push({
        field: 'multiplier',
        code: 'OUT_OF_RANGE',
        message: 'multiplier must be above 0 and at most 1,000,000',
      });
    if ((input.aggregation === 'RATIO') !== Boolean(input.denominatorCode)) {
      problems.push({
        field: 'denominatorCode',
        code: 'RATIO_DENOMINATOR',
        message: 'A RATIO needs a denominator, and only a RATIO has one',
      });
    }
    const [refs] = await this.db.query(
      `SELECT (SELECT id FROM data_element WHERE code = $1) AS num, (SELECT id FROM data_element WHERE code = $2) AS den,
              (SELECT code FROM obstacle_category WHERE code = $3) AS cat, (SELECT code FROM source WHERE code = $4) AS src`,
      [input.numeratorCode, input.denominatorCode ?? null, input.obstacleCategoryCode ?? null, input.sourceCode],
    );
    if (refs.num === null)
      problems.push({
        field: 'numeratorCode',
        code: 'UNKNOWN',
        message: `Unknown data element "${input.numeratorCode}"`,
      });
    if (input.denominatorCode && refs.den === null)
      problems.push({
        field: 'denominatorCode',
        code: 'UNKNOWN',
        message: `Unknown data element "${input.denominatorCode}"`,
      });
    if (input.obstacleCategoryCode && refs.cat === null)
      problems.push({
        field: 'obstacleCategoryCode',
        code: 'UNKNOWN',
        message: `Unknown obstacle category "${input.obstacleCategoryCode}"`,
      });
    if (refs.src === null)
      problems.push({ field: 'sourceCode', code: 'UNKNOWN', message: `Unknown source "${input.sourceCode}"` });
    if (problems.length > 0)
      throw new BadInputError(`${problems.length} problem(s) in the indicator: nothing was saved`, problems);
    await this.db.transaction(async (m) => {
      const [old] = await m.query(`SELECT to_jsonb(i) AS row FROM indicator i WHERE code = $1 FOR UPDATE`, [
        input.code,
      ]);
      await m.query(
        `INSERT INTO indicator (code, name_th, name_en, description_en, unit, direction, aggregation, numerator_element_id, denominator_element_id,
                                multiplier, obstacle_category_code, source_code, source_note, sort_order)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13, (SELECT COALESCE(max(sort_order), 0) + 1 FROM indicator))
         ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en, description_en = EXCLUDED.description_en,
           unit = EXCLUDED.unit, direction = EXCLUDED.direction, aggregation = EXCLUDED.aggregation,
           numerator_element_id = EXCLUDED.numerator_element_id, denominator_element_id = EXCLUDED.denominator_element_id,
           multiplier = EXCLUDED.multiplier, obstacle_category_code = EXCLUDED.obstacle_category_code,
           source_code = EXCLUDED.source_code, source_note = EXCLUDED.source_note`,
        [
          input.code,
          input.nameTh.trim(),
          input.nameEn.trim(),
          input.descriptionEn ?? null,
          input.unit,
          input.direction,
          input.aggregation,
          refs.num,
          refs.den,
          input.multiplier,
          input.obstacleCategoryCode ?? null,
          input.sourceCode,
          input.sourceNote ?? null,
        ],
      );
      await this.audit(m, a, `indicator ${input.code}`, old?.row ?? null, { indicator: input }, null);
    });
    this.cache.invalidate();
    return this.framework.indicator(input.code);
  }

  async setTargets(actor: Actor | null, input: SetTargetsInput): Promise<TargetModel[]> {
    const a = this.planner(actor);
    const reason = auditReason(input.reason);
    const problems: Problem[] = [];
    const [ids] = await this.db.query(
      `SELECT (SELECT id FROM indicator WHERE code = $1) AS indicator, (SELECT unit FROM indicator WHERE code = $1) AS unit,
              (SELECT year_be FROM fiscal_year WHERE year_be = $2) AS year`,
      [input.indicatorCode, input.fiscalYear],
    );
    if (ids.indicator === null)
      problems.push({ field: 'indicatorCode', code: 'UNKNOWN', message: `Unknown indicator "${input.indicatorCode}"` });
    if (ids.year === null)
      problems.push({
        field: 'fiscalYear',
        code: 'UNKNOWN',
        message: `Fiscal year ${input.fiscalYear} is not in the calendar`,
      });
    const units: Array<{ code: string; id: number }> = await this.db.query(
      `SELECT code, id FROM org_unit WHERE code = ANY($1) AND level IN ('NATION', 'PROVINCE')`,
      [input.targets.map((t) => t.orgUnitCode)],
    );
    const unitId = new Map(units.map((u) => [u.code, u.id]));
    const seen = new Set<string>();
    // A percent target above 100 % or a count beyond any province's scale is a slip of the keyboard, not a plan.
    const max = ids.unit === 'PERCENT' ? 100 : MAX_TARGET;
    input.targets.forEach((t, i) => {
      const field = `targets[${i}]`;
      if (!unitId.has(t.orgUnitCode))
        problems.push({
          field,
          code: 'UNKNOWN_ORG_UNIT',
          message: `"${t.orgUnitCode}" is neither TH nor a province code`,
        });
      if (seen.has(t.orgUnitCode))
        problems.push({ field, code: 'DUPLICATE', message: `${t.orgUnitCode} is given twice` });
      seen.add(t.orgUnitCode);
      if (t.value !== null && !(t.value >= 0 && t.value <= max))
        problems.push({
          field,
          code: 'OUT_OF_RANGE',
          message: `A target is a number from 0 to ${max.toLocaleString('en-US')}`,
        });
      if (t.milestones && t.milestones.length !== 4)
        problems.push({ field, code: 'MILESTONES', message: 'Give four milestones (Q1–Q4), null where none' });
      if (t.milestones?.some((m) => m !== null && !(m >= 0 && m <= max)))
        problems.push({
          field,
          code: 'OUT_OF_RANGE',
          message: `A milestone is a number from 0 to ${max.toLocaleString('en-US')}`,
        });
    });
    if (problems.length > 0)
      throw new BadInputError(`${problems.length} problem(s) in the targets: nothing was saved`, problems);
    await this.db.transaction(async (m) => {
      for (const t of input.targets) {
        const [old] = await m.query(
          `SELECT value::float AS value FROM target WHERE indicator_id = $1 AND org_unit_id = $2 AND fiscal_year = $3`,
          [ids.indicator, unitId.get(t.orgUnitCode), input.fiscalYear],
        );
        if (t.value === null) {
          await m.query(`DELETE FROM target WHERE indicator_id = $1 AND org_unit_id = $2 AND fiscal_year = $3`, [
            ids.indicator,
            unitId.get(t.orgUnitCode),
            input.fiscalYear,
          ]);
        } else {
          const ms = t.milestones ?? [null, null, null, null];
          await m.query(
            `INSERT INTO target (indicator_id, org_unit_id, fiscal_year, value, q1_milestone, q2_milestone, q3_milestone, q4_milestone, source_code, is_demo)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, false)
             ON CONFLICT (indicator_id, org_unit_id, fiscal_year) DO UPDATE SET value = EXCLUDED.value, q1_milestone = EXCLUDED.q1_milestone,
               q2_milestone = EXCLUDED.q2_milestone, q3_milestone = EXCLUDED.q3_milestone, q4_milestone = EXCLUDED.q4_milestone,
               source_code = NULL, is_demo = false`,
            [ids.indicator, unitId.get(t.orgUnitCode), input.fiscalYear, t.value, ...ms],
          );
        }
        await this.audit(
          m,
          a,
          `target ${input.indicatorCode} ${t.orgUnitCode} FY${input.fiscalYear}`,
          old ?? null,
          { value: t.value, milestones: t.milestones ?? null },
          reason,
        );
      }
    });
    this.cache.invalidate();
    return this.framework.targets({ indicatorCode: input.indicatorCode, fiscalYear: input.fiscalYear });
  }

  async upsertRecommendation(actor: Actor | null, input: RecommendationInput): Promise<RecommendationModel> {
    const a = this.planner(actor);
    const problems: Problem[] = [];
    if (!CODE.test(input.code))
      problems.push({ field: 'code', code: 'BAD_CODE', message: 'Codes are 2–64 upper-case letters, digits, _ or -' });
    text(problems, 'titleTh', input.titleTh, true);
    text(problems, 'titleEn', input.titleEn, true);
    text(problems, 'detailTh', input.detailTh, false, 4000);
    text(problems, 'detailEn', input.detailEn, false, 4000);
    const [refs] = await this.db.query(
      `SELECT (SELECT code FROM recommendation_set WHERE code = $1) AS set,
              ARRAY(SELECT x FROM unnest($2::text[]) x WHERE NOT EXISTS (SELECT 1 FROM obstacle_category c WHERE c.code = x)) AS bad_categories,
              ARRAY(SELECT x FROM unnest($3::text[]) x WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.code = x)) AS bad_indicators`,
      [input.setCode, input.obstacleCategoryCodes, input.indicatorCodes],
    );
    if (refs.set === null)
      problems.push({ field: 'setCode', code: 'UNKNOWN', message: `Unknown recommendation set "${input.setCode}"` });
    for (const c of refs.bad_categories)
      problems.push({ field: 'obstacleCategoryCodes', code: 'UNKNOWN', message: `Unknown obstacle category "${c}"` });
    for (const c of refs.bad_indicators)
      problems.push({ field: 'indicatorCodes', code: 'UNKNOWN', message: `Unknown indicator "${c}"` });
    if (problems.length > 0)
      throw new BadInputError(`${problems.length} problem(s) in the recommendation: nothing was saved`, problems);
    await this.db.transaction(async (m) => {
      const [old] = await m.query(`SELECT to_jsonb(r) AS row FROM recommendation r WHERE code = $1 FOR UPDATE`, [
        input.code,
      ]);
      const [{ id }] = await m.query(
        `INSERT INTO recommendation (code, set_code, group_th, group_en, title_th, title_en, detail_th, detail_en, sort_order)
         VALUES ($1,$2::varchar,$3,$4,$5,$6,$7,$8, (SELECT COALESCE(max(sort_order), 0) + 1 FROM recommendation WHERE set_code = $2::varchar))
         ON CONFLICT (code) DO UPDATE SET set_code = EXCLUDED.set_code, group_th = EXCLUDED.group_th, group_en = EXCLUDED.group_en,
           title_th = EXCLUDED.title_th, title_en = EXCLUDED.title_en, detail_th = EXCLUDED.detail_th, detail_en = EXCLUDED.detail_en
         RETURNING id`,
        [
          input.code,
          input.setCode,
          input.groupTh ?? null,
          input.groupEn ?? null,
          input.titleTh.trim(),
          input.titleEn.trim(),
          input.detailTh ?? null,
          input.detailEn ?? null,
        ],
      );
      await m.query(`DELETE FROM recommendation_obstacle_category WHERE recommendation_id = $1`, [id]);
      await m.query(
        `INSERT INTO recommendation_obstacle_category (recommendation_id, obstacle_category_code) SELECT $1, unnest($2::text[])`,
        [id, [...new Set(input.obstacleCategoryCodes)]],
      );
      await m.query(`DELETE FROM recommendation_indicator WHERE recommendation_id = $1`, [id]);
      await m.query(
        `INSERT INTO recommendation_indicator (recommendation_id, indicator_id) SELECT $1, id FROM indicator WHERE code = ANY($2)`,
        [id, input.indicatorCodes],
      );
      await this.audit(m, a, `recommendation ${input.code}`, old?.row ?? null, { recommendation: input }, null);
    });
    this.cache.invalidate();
    const [found] = (await this.framework.recommendations({ setCode: input.setCode })).filter(
      (r) => r.code === input.code,
    );
    return found;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenError, requireActor, requireRole, seesAllStates, type Actor } from '../../core/auth/actor.js';
import { AnalyticsCache, reportChange } from '../../core/cache/analytics-cache.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '../../core/errors/domain-error.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { PeriodService } from '../period/period.service.js';
import { bangkokDate } from '../period/fiscal-calendar.js';
import { standsSubmitted, timeliness, Timeliness } from './completeness.js';
import {
  ActionItemModel,
  DataValueModel,
  ExtendEntryWindowInput,
  ReportDecisionInput,
  ReportFilterInput,
  ReportModel,
  ReportPageModel,
  RespondentModel,
  SaveReportInput,
  SaveReportResultModel,
} from './dto/report.model.js';
import { loadReportContext, type ReportContext } from './report-context.js';
import { ReportAction, allowedActions, transition } from './report-state.js';
import { applyChanges, findWarnings, type ChangeSet } from './report-writer.js';
import { ReportStatus } from './report.entity.js';
import { ReportPolicy } from './report.policy.js';
import { isCalendarDate } from '../../core/calendar-date.js';
import { auditReason } from '../../core/audit-reason.js';
import { ReportRepository, type Db, type ReportRow } from './report.repository.js';

/** Days of entry windows and deadlines are Bangkok days, whatever the server's time zone. */
const iso = bangkokDate;

export class StaleVersionError extends DomainError {
  constructor(current: number, given: number | null) {
    super(
      ErrorCode.CONFLICT,
      `The report changed since you loaded it (version ${current}, yours ${given ?? 'none'}): reload it; nothing was saved`,
    );
  }
}

@Injectable()
export class ReportService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ReportRepository,
    private readonly periods: PeriodService,
    @Inject(CLOCK) private readonly now: Clock,
    private readonly cache: AnalyticsCache,
  ) {}

  /** What the caller may do with the report now: the state machine, narrowed by role and window. */
  private actionsFor(actor: Actor | null, r: ReportRow): ReportAction[] {
    if (!actor || actor.readOnly) return [];
    const today = iso(this.now());
    const windowOpen = today >= r.entry_opens_on && today <= r.entry_closes_on;
    return allowedActions(r.status).filter((a) => {
      if (a === ReportAction.EDIT || a === ReportAction.SUBMIT) {
        if (actor.role === 'ADMIN') return true;
        return actor.role === 'OFFICER' && actor.provinceId === r.province_id && windowOpen;
      }
      return actor.role === 'ADMIN' || actor.role === 'PLANNER';
    });
  }

  toModel(actor: Actor | null, r: ReportRow, quarter: ReportModel['quarter']): ReportModel {
    const today = iso(this.now());
    return {
      id: r.id,
      provinceId: r.province_id,
      quarterId: r.quarter_id,
      provinceCode: r.province_code,
      provinceNameTh: r.province_name_th,
      provinceNameEn: r.province_name_en,
      quarter,
      status: r.status,
      version: r.version,
      submittedAt: r.submitted_at,
      // The completeness rule: on time or late only while the report stands submitted or approved.
      late: standsSubmitted(r.status)
        ? timeliness(r.status, r.submitted_at ? iso(r.submitted_at) : null, r.deadline, today) === Timeliness.LATE
        : null,
      decidedAt: r.decided_at,
      returnReason: r.return_reason,
      entryClosesOn: r.entry_closes_on,
      entryOpen: today >= r.entry_opens_on && today <= r.entry_closes_on,
      allowedActions: this.actionsFor(actor, r),
      isDemo: r.is_demo,
    };
  }

  private async model(actor: Actor | null, r: ReportRow): Promise<ReportModel> {
    return this.toModel(actor, r, await this.periods.fiscalQuarterById(r.quarter_id));
  }

  private async resolve(provinceCode: string, quarterCode: string): Promise<{ provinceId: number; quarterId: number }> {
    const rows: Array<{ id: number }> = await this.db.query(
      `SELECT id FROM org_unit WHERE code = $1 AND level = 'PROVINCE'`,
      [provinceCode],
    );
    if (!rows[0]) throw new NotFoundError('Province', provinceCode);
    const quarter = await this.periods.fiscalQuarter(quarterCode);
    return { provinceId: rows[0].id, quarterId: quarter.id };
  }

  async report(actor: Actor | null, provinceCode: string, quarterCode: string): Promise<ReportModel | null> {
    requireActor(actor);
    const { provinceId, quarterId } = await this.resolve(provinceCode, quarterCode);
    const row = await this.repo.byProvinceQuarter(this.db, provinceId, quarterId);
    if (!row) {
      // Whether another province has started a report is its own business until it is approved.
      if (!seesAllStates(actor) && actor!.provinceId !== provinceId) {
        throw new ForbiddenError("You may read other provinces' reports only once they are approved");
      }
      return null;
    }
    ReportPolicy.assertCanRead(actor, { provinceId: row.province_id, status: row.status });
    return this.model(actor, row);
  }

  async reportById(actor: Actor | null, id: number): Promise<ReportRow> {
    const row = await this.repo.byId(this.db, id);
    if (!row) throw new NotFoundError('Report', String(id));
    ReportPolicy.assertCanRead(actor, { provinceId: row.province_id, status: row.status });
    return row;
  }

  async reports(
    actor: Actor | null,
    filter: ReportFilterInput | null,
    first: number,
    after: string | null,
  ): Promise<ReportPageModel> {
    const a = requireActor(actor);
    if (first < 1 || first > 500)
      throw new BadInputError('first must be between 1 and 500', [{ field: 'first', message: 'between 1 and 500' }]);
    const afterId = after ? Number(Buffer.from(after, 'base64url').toString()) : null;
    if (after && !Number.isInteger(afterId))
      throw new BadInputError('Bad cursor', [{ field: 'after', message: 'not a cursor from this API' }]);
    const { rows, total } = await this.repo.list(
      this.db,
      {
        quarterCode: filter?.quarterCode ?? null,
        status: filter?.status ?? null,
        provinceCode: filter?.provinceCode ?? null,
        regionCode: filter?.regionCode ?? null,
        approvedOnly: !seesAllStates(a),
        visibleProvinceId: a.role === 'OFFICER' ? a.provinceId : null,
      },
      { first: first + 1, afterId },
    );
    const page = rows.slice(0, first);
    const quarters = new Map((await this.periods.fiscalQuarters()).map((q) => [q.id, q]));
    return {
      items: page.map((r) => this.toModel(a, r, quarters.get(r.quarter_id)!)),
      totalCount: total,
      nextCursor: rows.length > first ? Buffer.from(String(page.at(-1)!.id)).toString('base64url') : null,
    };
  }

  async values(actor: Actor | null, reportId: number, orgUnitCode: string | null): Promise<DataValueModel[]> {
    await this.reportById(actor, reportId);
    const rows = await this.repo.values(this.db, reportId);
    return rows
      .filter((r) => !orgUnitCode || r.org_unit_code === orgUnitCode)
      .map((r) => ({
        orgUnitCode: r.org_unit_code,
        dataElementCode: r.data_element_code,
        value: Number(r.value),
        comment: r.comment,
        evidenceUrl: r.evidence_url,
        updatedAt: r.updated_at,
      }));
  }

  async respondents(actor: Actor | null, reportId: number): Promise<RespondentModel[]> {
    await this.reportById(actor, reportId);
    return (await this.repo.respondents(this.db, reportId)).map((r) => ({
      orgUnitCode: r.org_unit_code,
      asOfDate: r.as_of_date,
      obstacleNote: r.obstacle_note,
      evidenceUrl: r.evidence_url,
      comment: r.comment,
      answers: r.answers,
    }));
  }

  async actionItems(actor: Actor | null, reportId: number): Promise<ActionItemModel[]> {
    const r = await this.reportById(actor, reportId);
    const quarter = await this.periods.fiscalQuarterById(r.quarter_id);
    return (await this.repo.actionItems(this.db, r.province_id, quarter.fiscalYear)).map((a) => ({
      id: a.id,
      fiscalYear: a.fiscal_year,
      recommendationCode: a.recommendation_code,
      titleTh: a.title_th,
      titleEn: a.title_en,
      status: a.status as ActionItemModel['status'],
      dueQuarterCode: a.due_quarter_code,
      progressNote: a.progress_note,
      isDemo: a.is_demo,
    }));
  }

  private assertWindow(actor: Actor, r: ReportRow): void {
    if (!ReportPolicy.boundByWindow(actor)) return;
    const today = iso(this.now());
    if (today < r.entry_opens_on)
      throw new DomainError(ErrorCode.CONFLICT, `Data entry for ${r.quarter_code} opens on ${r.entry_opens_on}`);
    if (today > r.entry_closes_on) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Data entry for ${r.quarter_code} closed on ${r.entry_closes_on}: ask a planner to extend the window`,
      );
    }
  }

  /**
   * Inside the caller's transaction: locks the province's report for the quarter (creating the draft if
   * needed) and checks the version, the entry window and that the state allows editing.
   */
  async lockForEdit(
    m: Db,
    actor: Actor,
    provinceId: number,
    quarterId: number,
    version: number | null | 'any',
  ): Promise<ReportRow> {
    let row = await this.repo.byProvinceQuarter(m, provinceId, quarterId, true);
    if (!row) {
      if (version !== null && version !== 'any') throw new StaleVersionError(0, version);
      const id = await this.repo.ensureDraft(m, provinceId, quarterId);
      row = (await this.repo.byId(m, id, true))!;
      await this.audit(m, actor, row, AuditAction.STATUS_CHANGED, null, { status: ReportStatus.DRAFT }, 'created');
    } else if (version !== 'any' && row.version !== version) {
      throw new StaleVersionError(row.version, version);
    }
    this.assertWindow(actor, row);
    transition(row.status, ReportAction.EDIT);
    return row;
  }

  /** After changes: a returned report becomes a draft; the version moves only if something changed. */
  async finishEdit(m: Db, actor: Actor, row: ReportRow, changed: boolean): Promise<ReportRow> {
    const to = transition(row.status, ReportAction.EDIT);
    if (to !== row.status) {
      await this.repo.setState(m, row.id, { status: to, touch: 'edit', at: this.now() });
      await this.audit(
        m,
        actor,
        row,
        AuditAction.STATUS_CHANGED,
        { status: row.status },
        { status: to },
        'edited after being returned',
      );
    } else if (changed) {
      await this.repo.bumpVersion(m, row.id);
    }
    return (await this.repo.byId(m, row.id))!;
  }

  async resolveProvinceQuarter(provinceCode: string, quarterCode: string) {
    return this.resolve(provinceCode, quarterCode);
  }

  async save(actor: Actor | null, input: SaveReportInput): Promise<SaveReportResultModel> {
    const changes: ChangeSet = {
      values: (input.values ?? []).map((v, i) => ({ ...v, at: { field: `values[${i}]` } })),
      respondents: (input.respondents ?? []).map((r, i) => ({ ...r, at: { field: `respondents[${i}]` } })),
      actionItems: (input.actionItems ?? []).map((x, i) => ({ ...x, at: { field: `actionItems[${i}]` } })),
    };
    const { provinceId, quarterId } = await this.resolve(input.provinceCode, input.quarterCode);
    const a = ReportPolicy.assertCanEdit(actor, provinceId);
    const ctx = await loadReportContext(this.db);
    const { result, report } = await this.db.transaction(async (m) => {
      const row = await this.lockForEdit(m, a, provinceId, quarterId, input.version);
      const applied = await applyChanges(m, ctx, row, changes, { userId: a.userId, reason: auditReason(input.reason) });
      // Every acknowledged save of a known version moves the version, even when nothing changed: otherwise a
      // slower, older request carrying the same version (an autosave the client gave up on) could commit after
      // it and overwrite what the officer saw saved last.
      const changed = applied.inserted + applied.updated + applied.deleted > 0 || input.version !== null;
      return { result: applied, report: await this.finishEdit(m, a, row, changed) };
    });
    // Analytics read what was just committed at once (other servers hear it through PostgreSQL's NOTIFY), with the
    // notification's granularity: an edit leaves the report a draft (the state machine edits no other), which no
    // analytics count, so the cached dashboards stay.
    this.cache.invalidate(reportChange(report.status, [report.quarter_id]));
    return { ...result, report: await this.model(actor, report) };
  }

  private async audit(
    db: Db,
    actor: Actor,
    r: ReportRow,
    action: AuditAction,
    oldValue: unknown,
    newValue: unknown,
    reason: string | null,
  ): Promise<void> {
    await db.query(
      `INSERT INTO audit_event (user_id, action, report_id, org_unit_id, quarter_id, old_value, new_value, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        actor.userId,
        action,
        r.id,
        r.province_id,
        r.quarter_id,
        oldValue === null ? null : JSON.stringify(oldValue),
        JSON.stringify(newValue),
        reason,
      ],
    );
  }

  /** Submit, approve, return or reopen: the state machine decides, the policy says who, the version guards races. */
  async decide(actor: Actor | null, action: ReportAction, input: ReportDecisionInput): Promise<ReportModel> {
    const reason = auditReason(input.reason, {
      required:
        action === ReportAction.RETURN || action === ReportAction.REOPEN
          ? `A reason is required to ${action.toLowerCase()} a report`
          : undefined,
    });
    const first = await this.repo.byId(this.db, input.reportId);
    if (!first) throw new NotFoundError('Report', String(input.reportId));
    const a =
      action === ReportAction.SUBMIT
        ? ReportPolicy.assertCanEdit(actor, first.province_id)
        : ReportPolicy.assertCanDecide(actor);
    const ctx = action === ReportAction.SUBMIT ? await loadReportContext(this.db) : null;
    const row = await this.db.transaction(async (m) => {
      const r = (await this.repo.byId(m, input.reportId, true))!;
      if (r.version !== input.version) throw new StaleVersionError(r.version, input.version);
      const to = transition(r.status, action);
      if (action === ReportAction.SUBMIT) {
        this.assertWindow(a, r);
        await this.assertComplete(m, ctx!, r, input.confirmWarnings);
      }
      const touch = action === ReportAction.SUBMIT ? 'submit' : action === ReportAction.REOPEN ? 'reopen' : 'decide';
      await this.repo.setState(m, r.id, {
        status: to,
        touch,
        submittedBy: action === ReportAction.SUBMIT ? a.userId : null,
        decidedBy: touch === 'decide' ? a.userId : null,
        returnReason: action === ReportAction.RETURN ? reason : null,
        at: this.now(),
      });
      await this.audit(m, a, r, AuditAction.STATUS_CHANGED, { status: r.status }, { status: to, action }, reason);
      return (await this.repo.byId(m, r.id))!;
    });
    // Every decision leaves or enters SUBMITTED or APPROVED: the quarter's results counting either go.
    this.cache.invalidate(
      reportChange(ReportStatus.SUBMITTED, [row.quarter_id]),
      reportChange(ReportStatus.APPROVED, [row.quarter_id]),
    );
    return this.model(actor, row);
  }

  /** Required values are checked on submit, not on saving a draft; unusual values must be confirmed. */
  private async assertComplete(db: Db, ctx: ReportContext, r: ReportRow, confirmWarnings: boolean): Promise<void> {
    const missing: Array<{ unit: string; element: string; total: number }> = await db.query(
      `SELECT u.code AS unit, e.code AS element, count(*) OVER ()::int AS total
         FROM org_unit u CROSS JOIN data_element e
        WHERE u.parent_id = $1 AND u.level = 'LOCAL' AND e.id = ANY($3)
          AND NOT EXISTS (SELECT 1 FROM data_value dv WHERE dv.quarter_id = $2 AND dv.org_unit_id = u.id AND dv.data_element_id = e.id)
        ORDER BY u.sort_order, u.code, e.id LIMIT 200`,
      [r.province_id, r.quarter_id, ctx.requiredElementIds],
    );
    const problems = missing.map((m) => ({
      field: `${m.unit}.${m.element}`,
      code: 'REQUIRED',
      message: `${m.element} is missing for ${m.unit}`,
    }));
    const [{ answered }] = await db.query(
      `SELECT EXISTS (SELECT 1 FROM obstacle_response WHERE report_id = $1 AND respondent_id = $2) AS answered`,
      [r.id, r.province_id],
    );
    if (!answered)
      problems.unshift({
        field: `${r.province_code}.obstacles`,
        code: 'REQUIRED',
        message: `The province's own obstacle answers are missing`,
      });
    if (problems.length > 0) {
      const total = (missing[0]?.total ?? 0) + (answered ? 0 : 1);
      throw new BadInputError(`The report is incomplete: ${total} required value(s) missing`, problems);
    }
    if (confirmWarnings) return;
    const values = await this.repo.values(db, r.id);
    const warnings = await findWarnings(
      db,
      ctx,
      r,
      values.map((v) => ({ unitId: v.org_unit_id, elementId: v.data_element_id, value: Number(v.value) })),
    );
    if (warnings.length > 0) {
      throw new BadInputError(
        `${warnings.length} value(s) look unusual: check them, then submit again confirming the warnings`,
        warnings.slice(0, 200).map((w) => ({
          field: `${w.orgUnitCode}.${w.dataElementCode}`,
          code: 'UNCONFIRMED_WARNING',
          message: `${w.dataElementCode} = ${w.value} for ${w.orgUnitCode} is outside the usual ${w.expectedLow?.toFixed(1)}–${w.expectedHigh?.toFixed(1)} (${w.basis.toLowerCase()})`,
        })),
      );
    }
  }

  async extendWindow(actor: Actor | null, input: ExtendEntryWindowInput): Promise<ReportModel> {
    const a = ReportPolicy.assertCanDecide(actor);
    const reason = auditReason(input.reason);
    if (!isCalendarDate(input.until)) {
      throw new BadInputError('Bad date', [
        { field: 'until', code: 'BAD_DATE', message: 'Give the new last day as YYYY-MM-DD' },
      ]);
    }
    const { provinceId, quarterId } = await this.resolve(input.provinceCode, input.quarterCode);
    const row = await this.db.transaction(async (m) => {
      const id =
        (await this.repo.byProvinceQuarter(m, provinceId, quarterId, true))?.id ??
        (await this.repo.ensureDraft(m, provinceId, quarterId));
      const r = (await this.repo.byId(m, id, true))!;
      if (input.until < iso(this.now()))
        throw new BadInputError('Date in the past', [
          { field: 'until', code: 'OUT_OF_RANGE', message: 'The new last day cannot be in the past' },
        ]);
      await this.repo.extendWindow(m, id, input.until);
      await this.audit(
        m,
        a,
        r,
        AuditAction.WINDOW_EXTENDED,
        { entryClosesOn: r.entry_closes_on },
        { entryClosesOn: input.until },
        reason,
      );
      return (await this.repo.byId(m, id))!;
    });
    return this.model(actor, row);
  }

  requirePlanner(actor: Actor | null, what: string): Actor {
    return requireRole(actor, ['ADMIN', 'PLANNER'], what);
  }
}

import { BadInputError, type Problem, type ProblemLocation } from '../../core/errors/domain-error.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { judgeValue } from './outlier.js';
import type { ReportContext, UnitInfo } from './report-context.js';
import { isCalendarDate } from '../../core/calendar-date.js';
import type { Db, ReportRow } from './report.repository.js';

/** Values, obstacle answers and action items to apply to one report, each with where it came from. */
export interface ValueChange {
  orgUnitCode: string;
  dataElementCode: string;
  value: number | null;
  comment?: string | null;
  evidenceUrl?: string | null;
  at: ProblemLocation;
}

export interface RespondentChange {
  orgUnitCode: string;
  answers: Array<{ categoryCode: string; severity: number; note?: string | null }>;
  asOfDate?: string | null;
  obstacleNote?: string | null;
  evidenceUrl?: string | null;
  comment?: string | null;
  at: ProblemLocation;
}

export interface ActionItemChange {
  id: number;
  status: string;
  progressNote?: string | null;
  at: ProblemLocation;
}

export interface ChangeSet {
  values: ValueChange[];
  respondents: RespondentChange[];
  actionItems: ActionItemChange[];
}

export interface ApplyResult {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
  warnings: Array<{
    orgUnitCode: string;
    dataElementCode: string;
    value: number;
    expectedLow: number | null;
    expectedHigh: number | null;
    basis: string;
  }>;
}

export const MAX_TEXT = 2000;

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function unitProblem(ctx: ReportContext, code: string, report: ReportRow, at: ProblemLocation): Problem | UnitInfo {
  const unit = ctx.units.get(code);
  if (!unit) return { ...at, code: 'UNKNOWN_ORG_UNIT', message: `Unknown organization code "${code}"` };
  if (unit.provinceId !== report.province_id) {
    return {
      ...at,
      code: 'OTHER_PROVINCE',
      message: `"${code}" belongs to ${unit.provinceCode}, not to ${report.province_code}`,
    };
  }
  return unit;
}

/** Shape, type and range of each change, before anything is read or written. */
function validate(ctx: ReportContext, report: ReportRow, changes: ChangeSet): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, ProblemLocation>();
  for (const v of changes.values) {
    const unit = unitProblem(ctx, v.orgUnitCode, report, v.at);
    if ('message' in unit) problems.push(unit);
    const el = ctx.elements.get(v.dataElementCode);
    if (!el) {
      problems.push({ ...v.at, code: 'UNKNOWN_DATA_ELEMENT', message: `Unknown data element "${v.dataElementCode}"` });
      continue;
    }
    const key = `${v.orgUnitCode}:${v.dataElementCode}`;
    if (seen.has(key))
      problems.push({
        ...v.at,
        code: 'DUPLICATE',
        message: `${v.dataElementCode} for ${v.orgUnitCode} is given twice`,
      });
    seen.set(key, v.at);
    if (v.value !== null) {
      if (!Number.isFinite(v.value))
        problems.push({ ...v.at, code: 'WRONG_TYPE', message: `${v.dataElementCode} must be a number` });
      else if ((el.valueType === 'INTEGER' || el.valueType === 'BOOLEAN') && !Number.isInteger(v.value)) {
        problems.push({
          ...v.at,
          code: 'NOT_WHOLE_NUMBER',
          message: `${v.dataElementCode} must be a whole number, got ${v.value}`,
        });
      } else if (el.valueType === 'BOOLEAN' && v.value !== 0 && v.value !== 1) {
        problems.push({
          ...v.at,
          code: 'OUT_OF_RANGE',
          message: `${v.dataElementCode} is yes/no: 1 or 0, got ${v.value}`,
        });
      } else if ((el.min ?? 0) > v.value) {
        problems.push({
          ...v.at,
          code: 'OUT_OF_RANGE',
          message: `${v.dataElementCode} cannot be below ${el.min ?? 0}, got ${v.value}`,
        });
      } else if (el.max !== null && v.value > el.max) {
        problems.push({
          ...v.at,
          code: 'OUT_OF_RANGE',
          message: `${v.dataElementCode} cannot be above ${el.max}, got ${v.value}`,
        });
      }
    }
    if (v.comment && v.comment.length > MAX_TEXT)
      problems.push({ ...v.at, code: 'TEXT_TOO_LONG', message: `The comment is longer than ${MAX_TEXT} characters` });
    if (v.evidenceUrl && !isHttpUrl(v.evidenceUrl))
      problems.push({ ...v.at, code: 'BAD_URL', message: `The evidence link must be an http(s) address` });
  }
  const respondents = new Set<string>();
  for (const r of changes.respondents) {
    const unit = unitProblem(ctx, r.orgUnitCode, report, r.at);
    if ('message' in unit) problems.push(unit);
    if (respondents.has(r.orgUnitCode))
      problems.push({ ...r.at, code: 'DUPLICATE', message: `Respondent ${r.orgUnitCode} is given twice` });
    respondents.add(r.orgUnitCode);
    const cats = new Set<string>();
    for (const a of r.answers) {
      if (!ctx.categories.has(a.categoryCode))
        problems.push({ ...r.at, code: 'UNKNOWN_CATEGORY', message: `Unknown obstacle category "${a.categoryCode}"` });
      if (cats.has(a.categoryCode))
        problems.push({ ...r.at, code: 'DUPLICATE', message: `Obstacle ${a.categoryCode} is given twice` });
      cats.add(a.categoryCode);
      if (!Number.isInteger(a.severity) || a.severity < 1 || a.severity > 5) {
        problems.push({
          ...r.at,
          code: 'OUT_OF_RANGE',
          message: `Severity of ${a.categoryCode} must be a whole number from 1 to 5, got ${a.severity}`,
        });
      }
      if (a.note && a.note.length > MAX_TEXT)
        problems.push({ ...r.at, code: 'TEXT_TOO_LONG', message: `The note is longer than ${MAX_TEXT} characters` });
    }
    if (r.asOfDate && !isCalendarDate(r.asOfDate))
      problems.push({ ...r.at, code: 'BAD_DATE', message: `The date must be a day that exists, written YYYY-MM-DD` });
    if (r.evidenceUrl && !isHttpUrl(r.evidenceUrl))
      problems.push({ ...r.at, code: 'BAD_URL', message: `The evidence link must be an http(s) address` });
    for (const t of [r.comment, r.obstacleNote]) {
      if (t && t.length > MAX_TEXT)
        problems.push({ ...r.at, code: 'TEXT_TOO_LONG', message: `Text is longer than ${MAX_TEXT} characters` });
    }
  }
  return problems;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a change set to one (locked) report inside the caller's transaction: validates everything
 * first (nothing is written if anything is wrong), writes only what changed, and records every change
 * in the audit trail. Returns counts and the unusual values to confirm.
 */
export async function applyChanges(
  db: Db,
  ctx: ReportContext,
  report: ReportRow,
  changes: ChangeSet,
  who: { userId: string; reason: string | null; action?: AuditAction },
): Promise<ApplyResult> {
  const problems = validate(ctx, report, changes);
  if (problems.length > 0)
    throw new BadInputError(`${problems.length} problem(s) in the data: nothing was saved`, problems);
  const auditAction = who.action ?? AuditAction.VALUE_CHANGED;

  // Existing values of every unit touched, so that ratios can be checked on the merged result.
  const unitIds = [...new Set(changes.values.map((v) => ctx.units.get(v.orgUnitCode)!.id))];
  const existing = new Map<string, { value: number; comment: string | null; evidenceUrl: string | null }>();
  if (unitIds.length > 0) {
    const rows: Array<{
      org_unit_id: number;
      data_element_id: number;
      value: string;
      comment: string | null;
      evidence_url: string | null;
    }> = await db.query(
      `SELECT org_unit_id, data_element_id, value::text, comment, evidence_url FROM data_value
          WHERE quarter_id = $1 AND org_unit_id = ANY($2)`,
      [report.quarter_id, unitIds],
    );
    for (const r of rows)
      existing.set(`${r.org_unit_id}:${r.data_element_id}`, {
        value: Number(r.value),
        comment: r.comment,
        evidenceUrl: r.evidence_url,
      });
  }

  const merged = new Map(existing);
  const upserts: Array<{
    unitId: number;
    elementId: number;
    value: number;
    comment: string | null;
    evidenceUrl: string | null;
    old: unknown;
  }> = [];
  const deletes: Array<{ unitId: number; elementId: number; old: unknown }> = [];
  let unchanged = 0;
  for (const v of changes.values) {
    const unitId = ctx.units.get(v.orgUnitCode)!.id;
    const elementId = ctx.elements.get(v.dataElementCode)!.id;
    const key = `${unitId}:${elementId}`;
    const old = existing.get(key) ?? null;
    if (v.value === null) {
      if (old) {
        deletes.push({ unitId, elementId, old });
        merged.delete(key);
      } else unchanged++;
      continue;
    }
    const next = {
      value: v.value,
      comment: v.comment === undefined ? (old?.comment ?? null) : v.comment || null,
      evidenceUrl: v.evidenceUrl === undefined ? (old?.evidenceUrl ?? null) : v.evidenceUrl || null,
    };
    if (old && same(old, next)) {
      unchanged++;
      continue;
    }
    merged.set(key, next);
    upserts.push({ unitId, elementId, ...next, old });
  }

  // A numerator may not exceed its denominator once the changes are applied.
  const ratioProblems: Problem[] = [];
  for (const v of changes.values) {
    const unitId = ctx.units.get(v.orgUnitCode)!.id;
    const elementId = ctx.elements.get(v.dataElementCode)!.id;
    for (const p of ctx.ratioPairs) {
      if (p.numeratorId !== elementId && p.denominatorId !== elementId) continue;
      const n = merged.get(`${unitId}:${p.numeratorId}`)?.value;
      const d = merged.get(`${unitId}:${p.denominatorId}`)?.value;
      if (n !== undefined && d !== undefined && n > d) {
        ratioProblems.push({
          ...v.at,
          code: 'NUMERATOR_ABOVE_DENOMINATOR',
          message: `${ctx.elementsById.get(p.numeratorId)!.code} (${n}) cannot exceed ${ctx.elementsById.get(p.denominatorId)!.code} (${d}) for ${v.orgUnitCode}`,
        });
      }
    }
  }
  if (ratioProblems.length > 0)
    throw new BadInputError(`${ratioProblems.length} problem(s) in the data: nothing was saved`, ratioProblems);

  if (upserts.length > 0) {
    await db.query(
      `INSERT INTO data_value (quarter_id, data_element_id, org_unit_id, report_id, value, comment, evidence_url, updated_at, updated_by_id)
       SELECT $1, e, u, $2, v, c, x, now(), $3 FROM unnest($4::smallint[], $5::int[], $6::numeric[], $7::text[], $8::text[]) AS t(e, u, v, c, x)
       ON CONFLICT (quarter_id, data_element_id, org_unit_id) DO UPDATE
         SET value = EXCLUDED.value, comment = EXCLUDED.comment, evidence_url = EXCLUDED.evidence_url,
             updated_at = now(), updated_by_id = EXCLUDED.updated_by_id, is_demo = false`,
      [
        report.quarter_id,
        report.id,
        who.userId,
        upserts.map((u) => u.elementId),
        upserts.map((u) => u.unitId),
        upserts.map((u) => u.value),
        upserts.map((u) => u.comment),
        upserts.map((u) => u.evidenceUrl),
      ],
    );
  }
  if (deletes.length > 0) {
    await db.query(
      `DELETE FROM data_value d USING unnest($2::smallint[], $3::int[]) AS t(e, u)
        WHERE d.quarter_id = $1 AND d.data_element_id = t.e AND d.org_unit_id = t.u`,
      [report.quarter_id, deletes.map((d) => d.elementId), deletes.map((d) => d.unitId)],
    );
  }
  const audit: Array<{
    action: AuditAction;
    unitId: number | null;
    elementId: number | null;
    old: unknown;
    next: unknown;
  }> = [
    ...upserts.map((u) => ({
      action: auditAction,
      unitId: u.unitId,
      elementId: u.elementId,
      old: u.old,
      next: { value: u.value, comment: u.comment, evidenceUrl: u.evidenceUrl },
    })),
    ...deletes.map((d) => ({ action: auditAction, unitId: d.unitId, elementId: d.elementId, old: d.old, next: null })),
  ];

  const respondentResult = await applyRespondents(db, ctx, report, changes.respondents);
  audit.push(...respondentResult.audit);
  for (const item of changes.actionItems) {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [Array<{ old_status: string; old_note: string | null }>, number] = await db.query(
      `UPDATE action_item a SET status = $3::action_item_status, progress_note = $4, updated_at = now()
         FROM (SELECT id, status AS old_status, progress_note AS old_note FROM action_item
                WHERE id = $1 AND org_unit_id = $2 AND fiscal_year = (SELECT fiscal_year FROM fiscal_quarter WHERE id = $5) FOR UPDATE) o
        WHERE a.id = o.id RETURNING o.old_status, o.old_note`,
      [item.id, report.province_id, item.status, item.progressNote ?? null, report.quarter_id],
    );
    // A report speaks for its own fiscal year's plan: last year's items are closed to this year's draft.
    if (rows.length === 0)
      throw new BadInputError('Unknown action item', [
        {
          ...item.at,
          code: 'UNKNOWN_ACTION_ITEM',
          message: `Action item ${item.id} is not one of ${report.province_code}'s for this report's fiscal year`,
        },
      ]);
    const old = { status: rows[0].old_status, progressNote: rows[0].old_note };
    const next = { status: item.status, progressNote: item.progressNote ?? null };
    if (!same(old, next))
      audit.push({
        action: AuditAction.ACTION_ITEM_CHANGED,
        unitId: report.province_id,
        elementId: null,
        old: { id: item.id, ...old },
        next: { id: item.id, ...next },
      });
  }

  if (audit.length > 0) {
    await db.query(
      `INSERT INTO audit_event (user_id, action, report_id, org_unit_id, data_element_id, quarter_id, old_value, new_value, reason)
       SELECT $1, a::audit_action, $2, u, e, $3, o, n, $4 FROM unnest($5::text[], $6::int[], $7::smallint[], $8::jsonb[], $9::jsonb[]) AS t(a, u, e, o, n)`,
      [
        who.userId,
        report.id,
        report.quarter_id,
        who.reason,
        audit.map((a) => a.action),
        audit.map((a) => a.unitId),
        audit.map((a) => a.elementId),
        audit.map((a) => (a.old === null ? null : JSON.stringify(a.old))),
        audit.map((a) => (a.next === null ? null : JSON.stringify(a.next))),
      ],
    );
  }

  const warnings = await findWarnings(
    db,
    ctx,
    report,
    upserts.map((u) => ({ unitId: u.unitId, elementId: u.elementId, value: u.value })),
  );
  return {
    inserted: upserts.filter((u) => u.old === null).length + respondentResult.inserted,
    updated: upserts.filter((u) => u.old !== null).length + respondentResult.updated,
    deleted: deletes.length,
    unchanged: unchanged + respondentResult.unchanged,
    warnings,
  };
}

async function applyRespondents(db: Db, ctx: ReportContext, report: ReportRow, respondents: RespondentChange[]) {
  const audit: Array<{
    action: AuditAction;
    unitId: number | null;
    elementId: number | null;
    old: unknown;
    next: unknown;
  }> = [];
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  if (respondents.length === 0) return { audit, inserted, updated, unchanged };
  const ids = respondents.map((r) => ctx.units.get(r.orgUnitCode)!.id);
  const rows: Array<{
    id: number;
    respondent_id: number;
    as_of_date: string | null;
    obstacle_note: string | null;
    evidence_url: string | null;
    comment: string | null;
    answers: Array<{ categoryCode: string; severity: number; note: string | null }>;
  }> = await db.query(
    `SELECT r.id, r.respondent_id, to_char(r.as_of_date, 'YYYY-MM-DD') AS as_of_date, r.obstacle_note, r.evidence_url, r.comment,
              COALESCE((SELECT json_agg(json_build_object('categoryCode', a.category_code, 'severity', a.severity, 'note', a.note) ORDER BY a.category_code)
                          FROM obstacle_answer a WHERE a.response_id = r.id), '[]') AS answers
         FROM obstacle_response r WHERE r.report_id = $1 AND r.respondent_id = ANY($2) FOR UPDATE OF r`,
    [report.id, ids],
  );
  const old = new Map(rows.map((r) => [r.respondent_id, r]));
  // Work out what changed in memory, then write it in three statements whatever the number of respondents.
  const upserts: Array<{
    unitId: number;
    row: { asOfDate: string | null; obstacleNote: string | null; evidenceUrl: string | null; comment: string | null };
    answers: Array<{ categoryCode: string; severity: number; note: string | null }> | null;
  }> = [];
  for (const r of respondents) {
    const unitId = ctx.units.get(r.orgUnitCode)!.id;
    const prev = old.get(unitId);
    const nextAnswers = [...r.answers]
      .map((a) => ({ categoryCode: a.categoryCode, severity: a.severity, note: a.note || null }))
      .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode));
    const nextRow = {
      asOfDate: r.asOfDate ?? null,
      obstacleNote: r.obstacleNote || null,
      evidenceUrl: r.evidenceUrl || null,
      comment: r.comment || null,
    };
    const prevRow = prev
      ? {
          asOfDate: prev.as_of_date,
          obstacleNote: prev.obstacle_note,
          evidenceUrl: prev.evidence_url,
          comment: prev.comment,
        }
      : null;
    const prevAnswers = prev?.answers ?? null;
    const answersChanged = !same(prevAnswers, nextAnswers);
    if (prev && same(prevRow, nextRow) && !answersChanged) {
      unchanged++;
      continue;
    }
    upserts.push({ unitId, row: nextRow, answers: answersChanged ? nextAnswers : null });
    if (answersChanged)
      audit.push({
        action: AuditAction.OBSTACLES_CHANGED,
        unitId,
        elementId: null,
        old: prevAnswers,
        next: nextAnswers,
      });
    if (!same(prevRow, nextRow))
      audit.push({ action: AuditAction.RESPONDENT_CHANGED, unitId, elementId: null, old: prevRow, next: nextRow });
    if (prev) updated++;
    else inserted++;
  }
  if (upserts.length === 0) return { audit, inserted, updated, unchanged };
  const written: Array<{ id: number; respondent_id: number }> = await db.query(
    `INSERT INTO obstacle_response (report_id, respondent_id, as_of_date, obstacle_note, evidence_url, comment)
     SELECT $1, u, d, n, e, c FROM unnest($2::int[], $3::date[], $4::text[], $5::text[], $6::text[]) AS t(u, d, n, e, c)
     ON CONFLICT (report_id, respondent_id) DO UPDATE SET as_of_date = EXCLUDED.as_of_date, obstacle_note = EXCLUDED.obstacle_note,
       evidence_url = EXCLUDED.evidence_url, comment = EXCLUDED.comment, is_demo = false
     RETURNING id, respondent_id`,
    [
      report.id,
      upserts.map((u) => u.unitId),
      upserts.map((u) => u.row.asOfDate),
      upserts.map((u) => u.row.obstacleNote),
      upserts.map((u) => u.row.evidenceUrl),
      upserts.map((u) => u.row.comment),
    ],
  );
  const responseOf = new Map(written.map((r) => [r.respondent_id, r.id]));
  const replaced = upserts.filter((u) => u.answers !== null);
  if (replaced.length > 0) {
    await db.query(`DELETE FROM obstacle_answer WHERE response_id = ANY($1::int[])`, [
      replaced.map((u) => responseOf.get(u.unitId)!),
    ]);
    const answers = replaced.flatMap((u) => u.answers!.map((a) => ({ response: responseOf.get(u.unitId)!, ...a })));
    if (answers.length > 0) {
      await db.query(
        `INSERT INTO obstacle_answer (response_id, category_code, severity, note)
         SELECT r, c, s, n FROM unnest($1::int[], $2::text[], $3::smallint[], $4::text[]) AS t(r, c, s, n)`,
        [
          answers.map((a) => a.response),
          answers.map((a) => a.categoryCode),
          answers.map((a) => a.severity),
          answers.map((a) => a.note),
        ],
      );
    }
  }
  return { audit, inserted, updated, unchanged };
}

/** Unusual values among the given ones: far from the unit's last four quarters, or from its peers. */
export async function findWarnings(
  db: Db,
  ctx: ReportContext,
  report: ReportRow,
  values: Array<{ unitId: number; elementId: number; value: number }>,
): Promise<ApplyResult['warnings']> {
  const checkable = values.filter((v) => ctx.elementsById.get(v.elementId)?.valueType !== 'BOOLEAN');
  if (checkable.length === 0) return [];
  const history: Array<{ u: number; e: number; hist: string[] }> = await db.query(
    `WITH prev AS (SELECT id FROM fiscal_quarter WHERE (fiscal_year, quarter) < (SELECT fiscal_year, quarter FROM fiscal_quarter WHERE id = $1)
                    ORDER BY fiscal_year DESC, quarter DESC LIMIT 4)
     SELECT t.u, t.e, array_agg(dv.value::text) AS hist
       FROM unnest($2::int[], $3::smallint[]) AS t(u, e)
       JOIN data_value dv ON dv.org_unit_id = t.u AND dv.data_element_id = t.e AND dv.quarter_id IN (SELECT id FROM prev)
      GROUP BY t.u, t.e`,
    [report.quarter_id, checkable.map((v) => v.unitId), checkable.map((v) => v.elementId)],
  );
  const hist = new Map(history.map((h) => [`${h.u}:${h.e}`, h.hist.map(Number)]));
  const needPeers = checkable.filter((v) => !hist.has(`${v.unitId}:${v.elementId}`));
  const peers = new Map<string, { low: number; high: number }>();
  if (needPeers.length > 0) {
    // Peers: organizations of the same type in the same region, previous quarter, 5th–95th percentile.
    const rows: Array<{ e: number; local_type: string | null; low: string; high: string }> = await db.query(
      `WITH prev AS (SELECT id FROM fiscal_quarter WHERE (fiscal_year, quarter) < (SELECT fiscal_year, quarter FROM fiscal_quarter WHERE id = $1)
                      ORDER BY fiscal_year DESC, quarter DESC LIMIT 1),
            region AS (SELECT r.path FROM org_unit p JOIN org_unit r ON r.id = p.parent_id WHERE p.id = $2)
       SELECT dv.data_element_id AS e, u.local_type,
              percentile_cont(0.05) WITHIN GROUP (ORDER BY dv.value) AS low, percentile_cont(0.95) WITHIN GROUP (ORDER BY dv.value) AS high
         FROM data_value dv JOIN org_unit u ON u.id = dv.org_unit_id JOIN report rep ON rep.id = dv.report_id, region
        WHERE dv.quarter_id IN (SELECT id FROM prev) AND dv.data_element_id = ANY($3) AND u.path LIKE region.path || '%'
          -- The range is shown to the officer: other provinces count only with what they have had approved.
          AND (rep.status = 'APPROVED' OR rep.org_unit_id = $2)
        GROUP BY dv.data_element_id, u.local_type`,
      [report.quarter_id, report.province_id, [...new Set(needPeers.map((v) => v.elementId))]],
    );
    for (const r of rows) peers.set(`${r.e}:${r.local_type}`, { low: Number(r.low), high: Number(r.high) });
  }
  const unitById = new Map([...ctx.units.values()].map((u) => [u.id, u]));
  const out: ApplyResult['warnings'] = [];
  for (const v of checkable) {
    const unit = unitById.get(v.unitId)!;
    const verdict = judgeValue(v.value, {
      history: hist.get(`${v.unitId}:${v.elementId}`) ?? [],
      peers: peers.get(`${v.elementId}:${unit.localType}`) ?? null,
    });
    if (verdict.outlier) {
      out.push({
        orgUnitCode: unit.code,
        dataElementCode: ctx.elementsById.get(v.elementId)!.code,
        value: v.value,
        expectedLow: verdict.expectedLow,
        expectedHigh: verdict.expectedHigh,
        basis: verdict.basis!,
      });
    }
  }
  return out;
}

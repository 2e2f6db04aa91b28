import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReportStatus } from './report.entity.js';

/** A DataSource or a transaction's EntityManager: both answer raw SQL. */
export type Db = Pick<EntityManager, 'query'>;

export interface ReportRow {
  id: number;
  province_id: number;
  province_code: string;
  province_name_th: string;
  province_name_en: string;
  quarter_id: number;
  quarter_code: string;
  status: ReportStatus;
  version: number;
  submitted_at: Date | null;
  decided_at: Date | null;
  return_reason: string | null;
  entry_opens_on: string;
  entry_closes_on: string;
  deadline: string;
  is_demo: boolean;
}

export interface ValueRow {
  org_unit_id: number;
  org_unit_code: string;
  data_element_id: number;
  data_element_code: string;
  value: string;
  comment: string | null;
  evidence_url: string | null;
  updated_at: Date;
}

const REPORT_SQL = `
  SELECT r.id, r.org_unit_id AS province_id, p.code AS province_code, p.name_th AS province_name_th, p.name_en AS province_name_en,
         r.quarter_id, q.code AS quarter_code, r.status, r.version, r.submitted_at, r.decided_at, r.return_reason,
         to_char(q.entry_opens_on, 'YYYY-MM-DD') AS entry_opens_on,
         to_char(GREATEST(q.entry_closes_on, COALESCE(r.entry_extended_until, q.entry_closes_on)), 'YYYY-MM-DD') AS entry_closes_on,
         to_char(q.deadline, 'YYYY-MM-DD') AS deadline, r.is_demo
    FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id`;

@Injectable()
export class ReportRepository {
  constructor(readonly db: DataSource) {}

  async byId(db: Db, id: number, lock = false): Promise<ReportRow | null> {
    const rows: ReportRow[] = await db.query(`${REPORT_SQL} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async byProvinceQuarter(db: Db, provinceId: number, quarterId: number, lock = false): Promise<ReportRow | null> {
    const rows: ReportRow[] = await db.query(
      `${REPORT_SQL} WHERE r.org_unit_id = $1 AND r.quarter_id = $2${lock ? ' FOR UPDATE OF r' : ''}`,
      [provinceId, quarterId],
    );
    return rows[0] ?? null;
  }

  /** Creates the draft if it does not exist (two first saves at once create one report). */
  async ensureDraft(db: Db, provinceId: number, quarterId: number): Promise<number> {
    const rows: Array<{ id: number }> = await db.query(
      `INSERT INTO report (org_unit_id, quarter_id) VALUES ($1, $2)
       ON CONFLICT (org_unit_id, quarter_id) DO UPDATE SET updated_at = report.updated_at
       RETURNING id`,
      [provinceId, quarterId],
    );
    return rows[0].id;
  }

  async setState(
    db: Db,
    id: number,
    change: {
      status: ReportStatus;
      submittedBy?: string | null;
      decidedBy?: string | null;
      returnReason?: string | null;
      touch: 'submit' | 'decide' | 'edit' | 'reopen';
      at: Date;
    },
  ): Promise<void> {
    // `at` is the application's clock, the one deadlines and entry windows are judged by, not the database's now().
    await db.query(
      `UPDATE report SET status = $2, version = version + 1, updated_at = now(),
              submitted_at = CASE WHEN $3 = 'submit' THEN $7::timestamptz WHEN $3 = 'reopen' THEN NULL ELSE submitted_at END,
              submitted_by_id = CASE WHEN $3 = 'submit' THEN $4::uuid WHEN $3 = 'reopen' THEN NULL ELSE submitted_by_id END,
              decided_at = CASE WHEN $3 = 'decide' THEN $7::timestamptz WHEN $3 IN ('submit', 'reopen') THEN NULL ELSE decided_at END,
              decided_by_id = CASE WHEN $3 = 'decide' THEN $5::uuid WHEN $3 IN ('submit', 'reopen') THEN NULL ELSE decided_by_id END,
              return_reason = CASE WHEN $3 = 'decide' THEN $6 WHEN $3 = 'submit' THEN NULL ELSE return_reason END
        WHERE id = $1`,
      [
        id,
        change.status,
        change.touch,
        change.submittedBy ?? null,
        change.decidedBy ?? null,
        change.returnReason ?? null,
        change.at,
      ],
    );
  }

  async bumpVersion(db: Db, id: number): Promise<void> {
    await db.query(`UPDATE report SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  async extendWindow(db: Db, id: number, until: string): Promise<void> {
    await db.query(
      `UPDATE report SET entry_extended_until = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, until],
    );
  }

  async values(db: Db, reportId: number, orgUnitIds: number[] | null = null): Promise<ValueRow[]> {
    return db.query(
      `SELECT dv.org_unit_id, u.code AS org_unit_code, dv.data_element_id, e.code AS data_element_code, dv.value::text AS value,
              dv.comment, dv.evidence_url, dv.updated_at
         FROM data_value dv JOIN org_unit u ON u.id = dv.org_unit_id JOIN data_element e ON e.id = dv.data_element_id
        WHERE dv.report_id = $1 AND ($2::int[] IS NULL OR dv.org_unit_id = ANY($2))
        ORDER BY u.sort_order, u.code, e.id`,
      [reportId, orgUnitIds],
    );
  }

  async respondents(db: Db, reportId: number) {
    return db.query(
      `SELECT u.code AS org_unit_code, to_char(r.as_of_date, 'YYYY-MM-DD') AS as_of_date, r.obstacle_note, r.evidence_url, r.comment,
              COALESCE((SELECT json_agg(json_build_object('categoryCode', a.category_code, 'severity', a.severity, 'note', a.note)
                                 ORDER BY c.sort_order)
                          FROM obstacle_answer a JOIN obstacle_category c ON c.code = a.category_code WHERE a.response_id = r.id), '[]') AS answers
         FROM obstacle_response r JOIN org_unit u ON u.id = r.respondent_id
        WHERE r.report_id = $1 ORDER BY u.level, u.sort_order, u.code`,
      [reportId],
    ) as Promise<
      Array<{
        org_unit_code: string;
        as_of_date: string | null;
        obstacle_note: string | null;
        evidence_url: string | null;
        comment: string | null;
        answers: Array<{ categoryCode: string; severity: number; note: string | null }>;
      }>
    >;
  }

  async actionItems(db: Db, provinceId: number, fiscalYear: number) {
    return db.query(
      `SELECT a.id, a.fiscal_year, r.code AS recommendation_code, a.title_th, a.title_en, a.status, q.code AS due_quarter_code,
              a.progress_note, a.is_demo
         FROM action_item a LEFT JOIN recommendation r ON r.id = a.recommendation_id LEFT JOIN fiscal_quarter q ON q.id = a.due_quarter_id
        WHERE a.org_unit_id = $1 AND a.fiscal_year = $2 ORDER BY a.id`,
      [provinceId, fiscalYear],
    ) as Promise<
      Array<{
        id: number;
        fiscal_year: number;
        recommendation_code: string | null;
        title_th: string;
        title_en: string | null;
        status: string;
        due_quarter_code: string | null;
        progress_note: string | null;
        is_demo: boolean;
      }>
    >;
  }

  async list(
    db: Db,
    f: {
      quarterCode: string | null;
      status: ReportStatus | null;
      provinceCode: string | null;
      regionCode: string | null;
      visibleProvinceId: number | null;
      approvedOnly: boolean;
    },
    page: { first: number; afterId: number | null },
  ): Promise<{ rows: ReportRow[]; total: number }> {
    const where = `WHERE ($1::text IS NULL OR q.code = $1) AND ($2::report_status IS NULL OR r.status = $2)
        AND ($3::text IS NULL OR p.code = $3)
        AND ($4::text IS NULL OR p.path LIKE '/TH/' || $4 || '/%')
        AND (NOT $5::boolean OR r.status = 'APPROVED' OR r.org_unit_id = $6)`;
    const params = [f.quarterCode, f.status, f.provinceCode, f.regionCode, f.approvedOnly, f.visibleProvinceId];
    const [{ total }] = await db.query(
      `SELECT count(*)::int AS total FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id ${where}`,
      params,
    );
    const rows: ReportRow[] = await db.query(
      `${REPORT_SQL} ${where} AND ($7::int IS NULL OR r.id > $7) ORDER BY r.id LIMIT $8`,
      [...params, page.afterId, page.first],
    );
    return { rows, total };
  }
}

import { query } from './test-db.js';
import type { TestApp } from './test-app.js';

export const SAVE = `mutation($i: SaveReportInput!) { saveReport(input: $i) {
  inserted updated deleted unchanged warnings { orgUnitCode dataElementCode value basis }
  report { id status version } } }`;
export const SUBMIT = 'mutation($i: ReportDecisionInput!) { submitReport(input: $i) { id status version } }';
export const APPROVE = 'mutation($i: ReportDecisionInput!) { approveReport(input: $i) { id status version } }';
export const RETURN =
  'mutation($i: ReportDecisionInput!) { returnReport(input: $i) { id status version returnReason } }';
export const REOPEN = 'mutation($i: ReportDecisionInput!) { reopenReport(input: $i) { id status version } }';
export const EXTEND = 'mutation($i: ExtendEntryWindowInput!) { extendEntryWindow(input: $i) { id entryClosesOn } }';
export const REPORT =
  'query($p: String!, $q: String!) { report(provinceCode: $p, quarterCode: $q) { id status version allowedActions returnReason } }';

export function code(res: { errors?: Array<{ extensions?: { code?: string } }> }): string {
  return res.errors?.[0]?.extensions?.code ?? 'OK';
}

export async function reportRow(
  db: string,
  province: string,
  quarter: string,
): Promise<{ id: number; status: string; version: number } | undefined> {
  const [row] = await query<{ id: number; status: string; version: number }>(
    db,
    `SELECT r.id, r.status, r.version FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id
      WHERE p.code = $1 AND q.code = $2`,
    [province, quarter],
  );
  return row;
}

/** Puts a province's report for a quarter in a given state (test arrangement), creating it when missing. */
export async function arrange(
  db: string,
  province: string,
  quarter: string,
  status: string,
): Promise<{ id: number; version: number }> {
  const [row] = await query<{ id: number; version: number }>(
    db,
    `INSERT INTO report (org_unit_id, quarter_id, status, submitted_at)
     SELECT p.id, q.id, $3::report_status, CASE WHEN $3 <> 'DRAFT' THEN now() END FROM org_unit p, fiscal_quarter q WHERE p.code = $1 AND q.code = $2
     ON CONFLICT (org_unit_id, quarter_id) DO UPDATE SET status = EXCLUDED.status, version = report.version + 1
     RETURNING id, version`,
    [province, quarter, status],
  );
  return row;
}

/**
 * A complete quarter for a province: every local organization's figures copied from its previous quarter
 * (so that none is unusual), and the province's own obstacle answers.
 */
export async function completeValues(db: string, province: string, fromQuarter: string, localOnly = true) {
  const rows = await query<{ org: string; el: string; value: string }>(
    db,
    `SELECT u.code AS org, e.code AS el, dv.value::text AS value
       FROM data_value dv JOIN org_unit u ON u.id = dv.org_unit_id JOIN org_unit p ON p.id = u.parent_id
       JOIN data_element e ON e.id = dv.data_element_id JOIN fiscal_quarter q ON q.id = dv.quarter_id
      WHERE p.code = $1 AND q.code = $2 ${localOnly ? "AND u.level = 'LOCAL'" : ''} ORDER BY u.code, e.id`,
    [province, fromQuarter],
  );
  return rows.map((r) => ({ orgUnitCode: r.org, dataElementCode: r.el, value: Number(r.value) }));
}

export async function auditCount(db: string): Promise<number> {
  const [{ n }] = await query<{ n: number }>(db, `SELECT count(*)::int AS n FROM audit_event`);
  return n;
}

export async function saveAs(app: TestApp, token: string | undefined, input: Record<string, unknown>) {
  return app.gql<{
    saveReport: {
      report: { id: number; status: string; version: number };
      inserted: number;
      updated: number;
      unchanged: number;
      warnings: unknown[];
    };
  }>(SAVE, { i: input }, token);
}

import { demoResponses, demoValues, loadReferenceData, planDemo, type DemoQuarter } from '@digigov/seed';
import type pg from 'pg';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import copyStreams from 'pg-copy-streams';
import { hashPassword } from '../auth/password.js';
import { DEMO_META_KEY, type DemoMeta } from '../system/system.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { withBulkLoad, withTriggersDisabled } from './bulk-load.js';
import { inTransaction } from './sql.js';

export const DEMO_SEED = 2570;
export const DEMO_FIRST_QUARTER = 'FY2566Q1';

export interface DemoLoadResult {
  ms: number;
  localOrganizations: number;
  reports: number;
  dataValues: number;
  obstacleResponses: number;
}

export async function isDemoLoaded(client: pg.ClientBase): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM app_meta WHERE key = $1', [DEMO_META_KEY]);
  return (rowCount ?? 0) > 0;
}

/** Text-format COPY field: backslash, tab and newlines escaped; null as \N. */
function field(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copyRows(
  client: pg.ClientBase,
  sql: string,
  rows: Iterable<Array<string | number | boolean | null>>,
): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let batch = '';
    for (const row of rows) {
      batch += row.map(field).join('\t') + '\n';
      count++;
      if (batch.length > 1 << 16) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), client.query(copyStreams.from(sql)));
  return count;
}

/**
 * Loads the synthetic demo data in one transaction (all or nothing), streaming rows with COPY.
 * Every row is flagged is_demo; app_meta records the seed and date so that the load is reproducible.
 */
export async function loadDemoData(
  client: pg.ClientBase,
  options: {
    asOf: Date;
    seed?: number;
    scale?: number;
    firstQuarter?: string;
    onPhase?: (phase: string, ms: number) => void;
  },
): Promise<DemoLoadResult> {
  const t0 = performance.now();
  const seed = options.seed ?? DEMO_SEED;
  const scale = options.scale ?? 1;
  const ref = loadReferenceData();
  const first = options.firstQuarter ?? DEMO_FIRST_QUARTER;
  const asOfDate = options.asOf.toISOString().slice(0, 10);

  const { rows: quarterRows } = await client.query<DemoQuarter & { id: number }>(
    `SELECT id, code, fiscal_year AS "fiscalYear", quarter, to_char(end_date, 'YYYY-MM-DD') AS "endDate",
            to_char(deadline, 'YYYY-MM-DD') AS deadline, to_char(entry_closes_on, 'YYYY-MM-DD') AS "entryClosesOn"
       FROM fiscal_quarter
      WHERE code >= $1 AND start_date <= $2::date
      ORDER BY fiscal_year, quarter`,
    [first, asOfDate],
  );
  const opts = { seed, asOf: options.asOf, quarters: quarterRows, scale };
  const plan = planDemo(ref, opts);

  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  return inTransaction(client, async () => {
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    await q(
      `CREATE TEMP TABLE demo_lao (code text, province_code text, local_type local_organization_type, name_th text, name_en text, sort_order smallint) ON COMMIT DROP`,
    );
    await copyRows(
      client,
      'COPY demo_lao FROM STDIN',
      plan.localOrganizations.map((o) => [o.code, o.provinceCode, o.type, o.nameTh, o.nameEn, o.sortOrder]),
    );
    await q(
      `INSERT INTO org_unit (code, level, local_type, name_th, name_en, parent_id, path, sort_order, is_demo)
       SELECT d.code, 'LOCAL', d.local_type, d.name_th, d.name_en, p.id, p.path || d.code || '/', d.sort_order, true
         FROM demo_lao d JOIN org_unit p ON p.code = d.province_code`,
    );

    phase('local organizations');
    await q(
      `CREATE TEMP TABLE demo_report (province_code text, quarter_code text, status report_status, submitted_at timestamptz, decided_at timestamptz, return_reason text) ON COMMIT DROP`,
    );
    await copyRows(
      client,
      'COPY demo_report FROM STDIN',
      plan.reports.map((r) => [r.provinceCode, r.quarterCode, r.status, r.submittedAt, r.decidedAt, r.returnReason]),
    );
    const demoReportIds = (
      await q(
        `INSERT INTO report (org_unit_id, quarter_id, status, submitted_at, decided_at, return_reason, is_demo, created_at, updated_at)
       SELECT p.id, fq.id, d.status, d.submitted_at, d.decided_at, d.return_reason, true,
              COALESCE(d.submitted_at, now()), COALESCE(d.decided_at, d.submitted_at, now())
         FROM demo_report d JOIN org_unit p ON p.code = d.province_code JOIN fiscal_quarter fq ON fq.code = d.quarter_code
       RETURNING id`,
      )
    ).rows.map((r: { id: number }) => r.id);

    phase('reports');
    // Ids resolved in memory so that millions of values stream straight into data_value.
    const ids = async (sql: string) =>
      new Map((await q(sql)).rows.map((r: { code: string; id: number }) => [r.code, r.id]));
    const unitId = await ids(`SELECT code, id FROM org_unit WHERE level IN ('PROVINCE', 'LOCAL')`);
    const elementId = await ids(`SELECT code, id FROM data_element`);
    const quarterId = new Map(quarterRows.map((r) => [r.code, r.id]));
    const reportId = new Map(
      (
        await q(
          `SELECT p.code || ':' || fq.code AS code, r.id FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter fq ON fq.id = r.quarter_id`,
        )
      ).rows.map((r: { code: string; id: number }) => [r.code, r.id]),
    );
    const provinceOfUnit = new Map(plan.localOrganizations.map((o) => [o.code, o.provinceCode]));

    // The roll-up trigger would hand all 2 M rows to analytics_refresh_rollup as a transition table, planned
    // without statistics (24 s instead of 5 s); the roll-up is filled once below instead.
    const dataValues = await withBulkLoad(client, 'data_value', () =>
      withTriggersDisabled(client, 'data_value', ['trg_data_value_rollup_insert'], () =>
        copyRows(
          client,
          'COPY data_value (quarter_id, data_element_id, org_unit_id, report_id, value, is_demo) FROM STDIN',
          (function* () {
            for (const v of demoValues(ref, plan, opts)) {
              yield [
                quarterId.get(v.quarterCode)!,
                elementId.get(v.elementCode)!,
                unitId.get(v.orgUnitCode)!,
                reportId.get(`${provinceOfUnit.get(v.orgUnitCode)}:${v.quarterCode}`)!,
                v.value,
                true,
              ];
            }
          })(),
        ),
      ),
    );

    phase('data values');
    await q(
      `CREATE TEMP TABLE demo_answer (report_id int, respondent_id int, category_code text, severity smallint) ON COMMIT DROP`,
    );
    let obstacleResponses = 0;
    await copyRows(
      client,
      'COPY demo_answer FROM STDIN',
      (function* () {
        for (const r of demoResponses(ref, plan, opts)) {
          obstacleResponses++;
          const report = reportId.get(`${r.provinceCode}:${r.quarterCode}`)!;
          const respondent = unitId.get(r.respondentCode)!;
          if (r.answers.length === 0) yield [report, respondent, null, null];
          for (const a of r.answers) yield [report, respondent, a.categoryCode, a.severity];
        }
      })(),
    );
    await withBulkLoad(client, 'obstacle_response', () =>
      q(
        `INSERT INTO obstacle_response (report_id, respondent_id, is_demo) SELECT DISTINCT report_id, respondent_id, true FROM demo_answer`,
      ),
    );
    await withBulkLoad(client, 'obstacle_answer', () =>
      q(
        `INSERT INTO obstacle_answer (response_id, category_code, severity)
         SELECT r.id, a.category_code, a.severity FROM demo_answer a
           JOIN obstacle_response r ON r.report_id = a.report_id AND r.respondent_id = a.respondent_id
          WHERE a.category_code IS NOT NULL`,
      ),
    );

    phase('obstacle answers');
    await q(
      `INSERT INTO target (indicator_id, org_unit_id, fiscal_year, value, q1_milestone, q2_milestone, q3_milestone, q4_milestone, is_demo)
       SELECT i.id, u.id, t.fy, t.value, t.m1, t.m2, t.m3, t.m4, true
         FROM unnest($1::text[], $2::text[], $3::int[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[])
              AS t(indicator_code, unit_code, fy, value, m1, m2, m3, m4)
         JOIN indicator i ON i.code = t.indicator_code JOIN org_unit u ON u.code = t.unit_code
       ON CONFLICT (indicator_id, org_unit_id, fiscal_year) DO NOTHING`,
      [
        plan.targets.map((t) => t.indicatorCode),
        plan.targets.map((t) => t.provinceCode),
        plan.targets.map((t) => t.fiscalYear),
        plan.targets.map((t) => t.value),
        ...[0, 1, 2, 3].map((k) => plan.targets.map((t) => t.milestones[k])),
      ],
    );
    const items = plan.actionItems;
    await q(
      `INSERT INTO action_item (org_unit_id, fiscal_year, recommendation_id, title_th, title_en, status, due_quarter_id, is_demo)
       SELECT u.id, a.fy, r.id, a.title_th, a.title_en, a.status::action_item_status, fq.id, true
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              AS a(unit_code, fy, rec_code, title_th, title_en, status, quarter_code)
         JOIN org_unit u ON u.code = a.unit_code JOIN recommendation r ON r.code = a.rec_code
         JOIN fiscal_quarter fq ON fq.code = a.quarter_code`,
      [
        items.map((a) => a.provinceCode),
        items.map((a) => a.fiscalYear),
        items.map((a) => a.recommendationCode),
        items.map((a) => a.titleTh),
        items.map((a) => a.titleEn),
        items.map((a) => a.status),
        items.map((a) => a.dueQuarterCode),
      ],
    );

    phase('targets and action items');
    for (const a of DEMO_ACCOUNTS) {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      await q(
        `INSERT INTO app_user (email, password_hash, display_name, role, province_id, is_demo)
         VALUES ($1, $2, $3, $4, (SELECT id FROM org_unit WHERE code = $5), true)
         ON CONFLICT (email) DO NOTHING`,
        [a.email, passwordHash, a.displayName, a.role, a.provinceCode],
      );
    }

    phase('accounts');
    const meta: DemoMeta = {
      loadedAt: new Date().toISOString(),
      asOf: asOfDate,
      seed,
      scale,
      localOrganizations: plan.localOrganizations.length,
      dataValues,
    };
    await q(`INSERT INTO app_meta (key, value) VALUES ($1, $2)`, [DEMO_META_KEY, JSON.stringify(meta)]);
    await q('ANALYZE');
    phase('analyze');
    // What the trigger would have done: every value is new and belongs to a report of this load. After ANALYZE,
    // so that the function joins numerators to denominators by hash.
    await q(`SELECT analytics_refresh_rollup($1::int[])`, [demoReportIds]);
    await q('ANALYZE indicator_rollup');
    phase('indicator roll-up');
    return {
      ms: performance.now() - t0,
      localOrganizations: plan.localOrganizations.length,
      reports: plan.reports.length,
      dataValues,
      obstacleResponses,
    };
  });
}

// Builds the national-scale benchmark database: 77 provinces, about 7,850 local organizations,
// 40 quarters (FY2560 Q3 – FY2570 Q1), about 10 million stored values. Synthetic, like the demo data.
import { migrateUp, seedReference, withClient } from '../dist/core/database/database-setup.js';
import { loadDemoData } from '../dist/modules/seed/demo.seeder.js';
import { withBulkLoad, withTriggersDisabled } from '../dist/modules/seed/bulk-load.js';
import { inTransaction } from '../dist/modules/seed/sql.js';

export const BENCH_AS_OF = new Date('2026-11-21T12:00:00Z');
export const FIRST_QUARTER = 'FY2560Q3';
/**
 * The 11 indicators need 16 data elements, so 7,850 units × 40 quarters hold about 5 million values.
 * The issue sizes the store at about 10 million; 16 filler elements (no indicator reads them) double the
 * table and its indexes to that size, so that every query runs against a store of the stated size.
 */
export const FILLER_ELEMENTS = 16;

export async function buildBenchDatabase(url, log) {
  const t0 = performance.now();
  await migrateUp(url);
  await seedReference(url);
  const demo = await withClient(url, (c) =>
    loadDemoData(c, {
      asOf: BENCH_AS_OF,
      firstQuarter: FIRST_QUARTER,
      scale: 1,
      onPhase: (p, ms) => log(`  ${p}: ${(ms / 1000).toFixed(1)} s`),
    }),
  );
  log(`demo data: ${demo.localOrganizations} local organizations, ${demo.reports} reports, ${demo.dataValues} values`);
  const fillers = await withClient(url, (c) =>
    inTransaction(c, async () => {
      for (let i = 1; i <= FILLER_ELEMENTS; i++) {
        const code = `BENCH_FILLER_${String(i).padStart(2, '0')}`;
        await c.query(
          `INSERT INTO data_element (code, name_th, name_en, value_type, aggregation, min_value) VALUES ($1::text, $1::text, $1::text, 'INTEGER', 'SUM', 0) ON CONFLICT (code) DO NOTHING`,
          [code],
        );
      }
      // No indicator reads the fillers, so the roll-up trigger would only copy millions of rows into its
      // transition table to find no report to refresh.
      return withBulkLoad(c, 'data_value', () =>
        withTriggersDisabled(c, 'data_value', ['trg_data_value_rollup_insert'], async () => {
          const r = await c.query(
            `INSERT INTO data_value (quarter_id, data_element_id, org_unit_id, report_id, value, is_demo)
           SELECT dv.quarter_id, f.id, dv.org_unit_id, dv.report_id, (hashint4(dv.org_unit_id * 31 + f.id) & 1023), true
             FROM data_value dv JOIN data_element u ON u.id = dv.data_element_id AND u.code = 'UNIT_REPORTING'
             CROSS JOIN data_element f WHERE f.code LIKE 'BENCH_FILLER_%'`,
          );
          return r.rowCount;
        }),
      );
    }),
  );
  await withClient(url, (c) => c.query('VACUUM ANALYZE'));
  const [{ n }] = (await withClient(url, (c) => c.query('SELECT count(*)::bigint AS n FROM data_value'))).rows;
  log(`filler values: ${fillers}; data_value rows: ${n}; built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return { values: Number(n), localOrganizations: demo.localOrganizations, reports: demo.reports };
}

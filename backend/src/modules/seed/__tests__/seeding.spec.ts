import { loadReferenceData } from '@digigov/seed';
import { prepareDatabase } from '../../../core/database/database-setup.js';
import { createTestDatabase, query } from '../../../test/test-db.js';

/** A fingerprint of every table's content, to prove a second seeding changed nothing. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ tablename: string }>(
    url,
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await query<{ n: string; h: string | null }>(
      url,
      `SELECT count(*)::text AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS h FROM "${tablename}" t`,
    );
    out[tablename] = `${row.n}:${row.h}`;
  }
  return out;
}

describe('Seeding', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('changes nothing when run a second time (reference data and demo data)', async () => {
    const before = await fingerprint(db.url);
    const result = await prepareDatabase(db.url, { demo: true, asOf: new Date('2027-03-01'), scale: 0.1 });
    expect(result.demoAlreadyLoaded).toBe(true);
    expect(result.migrationsApplied).toEqual([]);
    expect(await fingerprint(db.url)).toEqual(before);
  });

  it('fills the indicator roll-up with exactly the sums computed from the data values, triggers enabled again', async () => {
    // From scratch, the rule of 0003_analytics: a unit counts for an indicator when it reported the numerator
    // and, for a ratio, the denominator too. Rows are compared as text, so that 1.0 and 1.00 differ.
    const [diff] = await query<{
      expected: number;
      actual: number;
      missing: number;
      extra: number;
      reports_with_values: number;
      reports_rolled_up: number;
    }>(
      db.url,
      `WITH expected AS (
         SELECT n.quarter_id, i.id AS indicator_id, n.report_id, sum(n.value) AS numerator, sum(d.value) AS denominator,
                count(*)::int AS units, bool_or(n.is_demo OR COALESCE(d.is_demo, false)) AS is_demo
           FROM indicator i
           JOIN data_value n ON n.data_element_id = i.numerator_element_id
           LEFT JOIN data_value d ON d.data_element_id = i.denominator_element_id
                                 AND (d.quarter_id, d.org_unit_id, d.report_id) = (n.quarter_id, n.org_unit_id, n.report_id)
          WHERE i.denominator_element_id IS NULL OR d.value IS NOT NULL
          GROUP BY n.quarter_id, i.id, n.report_id),
       actual AS (SELECT quarter_id, indicator_id, report_id, numerator, denominator, units, is_demo FROM indicator_rollup)
       SELECT (SELECT count(*) FROM expected)::int AS expected, (SELECT count(*) FROM actual)::int AS actual,
              (SELECT count(*) FROM (SELECT e::text FROM expected e EXCEPT SELECT a::text FROM actual a) x)::int AS missing,
              (SELECT count(*) FROM (SELECT a::text FROM actual a EXCEPT SELECT e::text FROM expected e) x)::int AS extra,
              (SELECT count(DISTINCT report_id) FROM data_value)::int AS reports_with_values,
              (SELECT count(DISTINCT report_id) FROM actual)::int AS reports_rolled_up`,
    );
    expect(diff.expected).toBeGreaterThan(1000);
    expect(diff).toEqual({
      ...diff,
      actual: diff.expected,
      missing: 0,
      extra: 0,
      reports_rolled_up: diff.reports_with_values,
    });
    const triggers = await query<{ tgname: string; tgenabled: string }>(
      db.url,
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'data_value'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(triggers.map((t) => t.tgname)).toContain('trg_data_value_rollup_insert');
    expect(triggers.filter((t) => t.tgenabled !== 'O')).toEqual([]);
  });

  it('holds the 77 provinces with ISO codes in the six official regions', async () => {
    const rows = await query<{ region: string; n: number }>(
      db.url,
      `SELECT r.code AS region, count(*)::int AS n FROM org_unit p JOIN org_unit r ON r.id = p.parent_id
        WHERE p.level = 'PROVINCE' GROUP BY r.code ORDER BY r.code`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.region, r.n]))).toEqual({
      CENTRAL: 22,
      EAST: 7,
      NORTH: 9,
      NORTHEAST: 20,
      SOUTH: 14,
      WEST: 5,
    });
    const codes = await query<{ code: string }>(
      db.url,
      `SELECT code FROM org_unit WHERE level = 'PROVINCE' ORDER BY code`,
    );
    expect(codes).toHaveLength(77);
    expect(codes[0].code).toBe('TH-10');
    expect(codes[76].code).toBe('TH-96');
    expect(codes.map((c) => c.code)).not.toContain('TH-S');
  });

  it('answers "everything under a region" with one prefix query on the materialized path', async () => {
    const [{ provinces, locals }] = await query<{ provinces: number; locals: number }>(
      db.url,
      `SELECT count(*) FILTER (WHERE u.level = 'PROVINCE')::int AS provinces, count(*) FILTER (WHERE u.level = 'LOCAL')::int AS locals
         FROM org_unit u, (SELECT path FROM org_unit WHERE code = 'NORTHEAST') r WHERE u.path LIKE r.path || '%'`,
    );
    expect(provinces).toBe(20);
    const [{ direct }] = await query<{ direct: number }>(
      db.url,
      `SELECT count(*)::int AS direct FROM org_unit l JOIN org_unit p ON p.id = l.parent_id JOIN org_unit r ON r.id = p.parent_id
        WHERE l.level = 'LOCAL' AND r.code = 'NORTHEAST'`,
    );
    expect(locals).toBe(direct);
    const plan = await query<{ 'QUERY PLAN': string }>(
      db.url,
      `EXPLAIN SELECT id FROM org_unit WHERE path LIKE '/TH/NORTHEAST/%'`,
    );
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/idx_org_unit_path|Seq Scan/);
  });

  it("stores DGA's published survey exactly as published, citing its source", async () => {
    const rows = await query<{
      measure_code: string;
      category_code: string | null;
      count: number;
      denominator: number;
      percentage: string;
      source_code: string;
      document: string;
    }>(
      db.url,
      `SELECT v.measure_code, v.category_code, v.count, v.denominator, v.percentage::text, d.source_code, s.document
         FROM published_value v JOIN published_dataset d ON d.code = v.dataset_code JOIN source s ON s.code = d.source_code
        WHERE d.code = 'DGA_OBSTACLE_SURVEY_2567' ORDER BY v.count DESC`,
    );
    expect(rows.map((r) => [r.category_code ?? r.measure_code, r.count, r.percentage])).toEqual([
      ['ANY', 54, '71.05'],
      ['SKILLS', 44, '57.89'],
      ['BUDGET', 41, '53.95'],
      ['INTEGRATION', 32, '42.11'],
      ['SECURITY', 23, '30.26'],
      ['SERVICES', 20, '26.32'],
      ['TECHNOLOGY', 19, '25.00'],
      ['POLICY', 18, '23.68'],
      ['COLLABORATION', 14, '18.42'],
      ['LAW', 8, '10.53'],
      ['OTHER', 1, '1.32'],
    ]);
    expect(new Set(rows.map((r) => r.denominator))).toEqual(new Set([76]));
    expect(rows[0].document).toBe('seeds/001_a0f0efe18b862115.txt');
  });

  it('keeps the Thai obstacle labels verbatim and every reference row cites a source', async () => {
    const [skills] = await query<{ label_th: string }>(
      db.url,
      `SELECT label_th FROM obstacle_category WHERE code = 'SKILLS'`,
    );
    expect(skills.label_th).toBe('ด้านศักยภาพ ความสามารถและทักษะด้านดิจิทัลของเจ้าหน้าที่ในหน่วยงาน');
    for (const table of [
      'obstacle_category',
      'indicator',
      'recommendation_set',
      'published_dataset',
      'org_unit_group_set',
    ]) {
      const [{ n }] = await query<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM ${table} WHERE source_code IS NULL`,
      );
      expect({ table, missing: n }).toEqual({ table, missing: 0 });
    }
    const [{ n }] = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM org_unit WHERE level IN ('NATION','REGION','PROVINCE') AND source_code IS NULL`,
    );
    expect(n).toBe(0);
  });

  it('loads the 18 provincial clusters as data covering the 76 provinces outside Bangkok once each', async () => {
    const rows = await query<{ code: string; n: number }>(
      db.url,
      `SELECT u.code, count(*)::int AS n FROM org_unit_group_member m JOIN org_unit_group g ON g.id = m.group_id
         JOIN org_unit_group_set s ON s.id = g.set_id JOIN org_unit u ON u.id = m.org_unit_id
        WHERE s.code = 'PROVINCIAL_CLUSTERS_18' GROUP BY u.code`,
    );
    expect(rows).toHaveLength(76);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows.map((r) => r.code)).not.toContain('TH-10');
    const [{ groups }] = await query<{ groups: number }>(
      db.url,
      `SELECT count(*)::int AS groups FROM org_unit_group g JOIN org_unit_group_set s ON s.id = g.set_id WHERE s.code = 'PROVINCIAL_CLUSTERS_18'`,
    );
    expect(groups).toBe(18);
  });

  it('links every recommendation set from the sources to obstacle categories', async () => {
    const ref = loadReferenceData();
    const sets = await query<{ code: string; items: number; linked: number }>(
      db.url,
      `SELECT s.code, count(DISTINCT r.id)::int AS items, count(DISTINCT c.recommendation_id)::int AS linked
         FROM recommendation_set s JOIN recommendation r ON r.set_code = s.code
         LEFT JOIN recommendation_obstacle_category c ON c.recommendation_id = r.id GROUP BY s.code ORDER BY s.code`,
    );
    expect(sets.map((s) => s.code).sort()).toEqual(ref.recommendationSets.map((s) => s.code).sort());
    for (const s of sets) expect(s.linked).toBeGreaterThan(0);
  });

  it('creates the demo accounts with argon2id password hashes, and flags demo rows', async () => {
    const users = await query<{
      email: string;
      role: string;
      password_hash: string;
      province: string | null;
      is_demo: boolean;
    }>(
      db.url,
      `SELECT u.email, u.role, u.password_hash, p.code AS province, u.is_demo FROM app_user u LEFT JOIN org_unit p ON p.id = u.province_id ORDER BY u.email`,
    );
    expect(users.map((u) => [u.email, u.role, u.province])).toEqual([
      ['admin@demo.local', 'ADMIN', null],
      ['analyst@demo.local', 'ANALYST', null],
      ['officer.th40@demo.local', 'OFFICER', 'TH-40'],
      ['officer.th50@demo.local', 'OFFICER', 'TH-50'],
      ['planner@demo.local', 'PLANNER', null],
    ]);
    for (const u of users) {
      expect(u.password_hash).toMatch(/^\$argon2id\$/);
      expect(u.is_demo).toBe(true);
    }
    const [{ real }] = await query<{ real: number }>(
      db.url,
      `SELECT (SELECT count(*) FROM data_value WHERE NOT is_demo) + (SELECT count(*) FROM report WHERE NOT is_demo)
            + (SELECT count(*) FROM org_unit WHERE level = 'LOCAL' AND NOT is_demo) AS real`,
    );
    expect(Number(real)).toBe(0);
  });
});

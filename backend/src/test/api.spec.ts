import { createTestDatabase, query } from './test-db.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('GraphQL API over HTTP', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('answers the documented provinces query as written', async () => {
    const res = await app.gql<{
      provinces: Array<{ code: string; nameTh: string; nameEn: string; region: { code: string } }>;
    }>('{ provinces { code nameTh nameEn region { code } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.provinces).toHaveLength(77);
    expect(res.data!.provinces.find((p) => p.code === 'TH-40')).toEqual({
      code: 'TH-40',
      nameTh: 'ขอนแก่น',
      nameEn: 'Khon Kaen',
      region: { code: 'NORTHEAST' },
    });
  });

  it('filters provinces by region and by provincial cluster', async () => {
    const res = await app.gql<{ north: unknown[]; cluster: Array<{ code: string }> }>(
      `{ north: provinces(filter: { regionCode: "NORTH" }) { code }
         cluster: provinces(filter: { groupCode: "${(await query<{ code: string }>(db.url, `SELECT g.code FROM org_unit_group g JOIN org_unit_group_member m ON m.group_id = g.id JOIN org_unit u ON u.id = m.org_unit_id JOIN org_unit_group_set s ON s.id = g.set_id WHERE u.code = 'TH-40' AND s.code = 'PROVINCIAL_CLUSTERS_18'`))[0].code}" }) { code } }`,
    );
    expect(res.data!.north).toHaveLength(9);
    expect(res.data!.cluster.map((p) => p.code)).toContain('TH-40');
  });

  it('lists the six regions with their province counts and source', async () => {
    const res = await app.gql<{
      regions: Array<{ code: string; provinceCount: number; provinces: unknown[]; source: { code: string } | null }>;
    }>('{ regions { code provinceCount provinces { code } source { code } } }');
    expect(res.data!.regions.map((r) => [r.code, r.provinceCount])).toEqual([
      ['NORTH', 9],
      ['NORTHEAST', 20],
      ['CENTRAL', 22],
      ['EAST', 7],
      ['WEST', 5],
      ['SOUTH', 14],
    ]);
    for (const r of res.data!.regions) {
      expect(r.provinces).toHaveLength(r.provinceCount);
      expect(r.source).not.toBeNull();
    }
  });

  it('returns one province by code with its local organizations, and NOT_FOUND for an unknown code', async () => {
    const ok = await app.gql<{
      province: {
        nameEn: string;
        localOrganizationCount: number;
        localOrganizations: Array<{ type: string; isDemo: boolean }>;
      };
    }>('{ province(code: "TH-50") { nameEn localOrganizationCount localOrganizations { type isDemo } } }');
    expect(ok.data!.province.nameEn).toBe('Chiang Mai');
    expect(ok.data!.province.localOrganizations).toHaveLength(ok.data!.province.localOrganizationCount);
    expect(ok.data!.province.localOrganizations[0]).toEqual({ type: 'PAO', isDemo: true });
    const missing = await app.gql('{ province(code: "TH-99") { code } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists fiscal quarters with B.E. years and entry windows', async () => {
    const res = await app.gql<{
      fiscalQuarters: Array<Record<string, unknown>>;
      fiscalQuarter: Record<string, unknown>;
    }>(
      '{ fiscalQuarters(fiscalYear: 2570) { code quarter startDate endDate } fiscalQuarter(code: "FY2570Q1") { deadline entryOpensOn entryClosesOn } }',
    );
    expect(res.data!.fiscalQuarters.map((q) => q.code)).toEqual(['FY2570Q1', 'FY2570Q2', 'FY2570Q3', 'FY2570Q4']);
    expect(res.data!.fiscalQuarters[0]).toMatchObject({ startDate: '2026-10-01', endDate: '2026-12-31' });
    expect(res.data!.fiscalQuarter).toEqual({
      entryOpensOn: '2026-10-01',
      deadline: '2027-01-30',
      entryClosesOn: '2027-03-01',
    });
  });

  it('serves obstacle categories, indicators with their formula, and recommendations linked to obstacles', async () => {
    const res = await app.gql<{
      obstacleCategories: Array<{ code: string }>;
      indicators: Array<{
        code: string;
        aggregation: string;
        numerator: { code: string };
        denominator: { code: string } | null;
        nationalTarget: number | null;
        source: { code: string };
      }>;
      recommendations: Array<{ code: string; obstacleCategoryCodes: string[] }>;
    }>(
      `{ obstacleCategories { code }
         indicators { code aggregation numerator { code } denominator { code } nationalTarget source { code } }
         recommendations(filter: { obstacleCategoryCode: "SKILLS" }) { code obstacleCategoryCodes } }`,
    );
    expect(res.data!.obstacleCategories.map((c) => c.code)).toEqual([
      'SKILLS',
      'BUDGET',
      'INTEGRATION',
      'SECURITY',
      'SERVICES',
      'TECHNOLOGY',
      'POLICY',
      'COLLABORATION',
      'LAW',
      'OTHER',
    ]);
    const trained = res.data!.indicators.find((i) => i.code === 'STAFF_DIGITAL_TRAINED_PCT')!;
    expect(trained).toMatchObject({ aggregation: 'RATIO', nationalTarget: 20 });
    expect(trained.denominator).not.toBeNull();
    expect(res.data!.recommendations.length).toBeGreaterThan(0);
    for (const r of res.data!.recommendations) expect(r.obstacleCategoryCodes).toContain('SKILLS');
  });

  it("returns DGA's published survey exactly, with its source", async () => {
    const res = await app.gql<{
      publishedDataset: {
        denominator: number;
        source: { document: string };
        values: Array<{
          measureCode: string;
          count: number;
          percentage: number;
          obstacleCategory: { code: string } | null;
        }>;
      };
    }>(
      '{ publishedDataset(code: "DGA_OBSTACLE_SURVEY_2567") { denominator source { document } values { measureCode count percentage obstacleCategory { code } } } }',
    );
    const d = res.data!.publishedDataset;
    expect(d.denominator).toBe(76);
    expect(d.source.document).toBe('seeds/001_a0f0efe18b862115.txt');
    const any = d.values.find((v) => v.measureCode === 'ANY')!;
    expect([any.count, any.percentage]).toEqual([54, 71.05]);
    const skills = d.values.find((v) => v.obstacleCategory?.code === 'SKILLS')!;
    expect([skills.count, skills.percentage]).toEqual([44, 57.89]);
    expect(d.values.filter((v) => v.measureCode === 'CATEGORY').map((v) => v.count)).toEqual([
      44, 41, 32, 23, 20, 19, 18, 14, 8, 1,
    ]);
  });

  it('rolls an indicator up per province as a ratio of sums over approved reports, checked against SQL', async () => {
    const res = await app.gql<{
      provinceIndicatorValues: {
        quarter: { code: string };
        values: Array<{ provinceCode: string; value: number; numerator: number; denominator: number; isDemo: boolean }>;
      };
    }>(
      '{ provinceIndicatorValues(indicatorCode: "STAFF_DIGITAL_TRAINED_PCT", quarterCode: "FY2568Q4") { quarter { code } values { provinceCode value numerator denominator isDemo } } }',
    );
    const values = res.data!.provinceIndicatorValues.values;
    expect(values.length).toBeGreaterThan(50);
    const [hand] = await query<{ n: string; d: string }>(
      db.url,
      `SELECT sum(dv.value) FILTER (WHERE e.code = 'STAFF_TRAINED_DIGITAL') AS n, sum(dv.value) FILTER (WHERE e.code = 'STAFF_TOTAL') AS d
         FROM data_value dv JOIN data_element e ON e.id = dv.data_element_id JOIN report r ON r.id = dv.report_id
         JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = dv.quarter_id
        WHERE p.code = 'TH-40' AND q.code = 'FY2568Q4' AND r.status = 'APPROVED'`,
    );
    const kk = values.find((v) => v.provinceCode === 'TH-40');
    if (hand.n === null) {
      expect(kk).toBeUndefined();
    } else {
      expect(kk!.numerator).toBe(Number(hand.n));
      expect(kk!.denominator).toBe(Number(hand.d));
      expect(kk!.value).toBeCloseTo((Number(hand.n) / Number(hand.d)) * 100, 10);
      expect(kk!.isDemo).toBe(true);
    }
    for (const v of values) expect(v.value).toBeCloseTo((v.numerator / v.denominator) * 100, 10);
  });

  it('leaves submitted and draft reports out of the open province values', async () => {
    const [{ code }] = await query<{ code: string }>(
      db.url,
      `SELECT p.code FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id
        WHERE q.code = 'FY2569Q4' AND r.status <> 'APPROVED' LIMIT 1`,
    );
    const res = await app.gql<{ provinceIndicatorValues: { values: Array<{ provinceCode: string }> } }>(
      '{ provinceIndicatorValues(indicatorCode: "STAFF_DIGITAL_TRAINED_PCT", quarterCode: "FY2569Q4") { values { provinceCode } } }',
    );
    expect(res.data!.provinceIndicatorValues.values.map((v) => v.provinceCode)).not.toContain(code);
  });

  it('says that demo data is loaded', async () => {
    const res = await app.gql<{ systemInfo: { demoDataLoaded: boolean; demoDataNote: string; demoAsOf: string } }>(
      '{ systemInfo { demoDataLoaded demoDataNote demoAsOf } }',
    );
    expect(res.data!.systemInfo).toMatchObject({ demoDataLoaded: true, demoAsOf: '2026-11-21' });
    expect(res.data!.systemInfo.demoDataNote).toMatch(/synthetic/);
  });

  it('answers bad queries with a GraphQL validation code, not a stack trace', async () => {
    const res = await app.gql('{ provinces { nope } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/at .*\.js:\d+/);
  });

  it('reports health for the container check', async () => {
    const res = await fetch(`${app.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});

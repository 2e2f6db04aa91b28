import pg from 'pg';
import { createTestDatabase, query } from './test-db.js';
import { movableClock, signIn, startTestApp, type TestApp } from './test-app.js';
import { arrange, code, reportRow, saveAs } from './reporting-helpers.js';

const OVERVIEW =
  'query($q: String, $s: Boolean! = false) { nationalOverview(quarterCode: $q, includeSubmitted: $s) { reportingProvinces } }';
const INFO = '{ systemInfo { analyticsCache { enabled version hits misses } } }';

describe('Analytics cache', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let planner: string;
  let quarter: string;
  const info = async () =>
    (
      await app.gql<{
        systemInfo: { analyticsCache: { enabled: boolean; version: number; hits: number; misses: number } | null };
      }>(INFO, {}, planner)
    ).data!.systemInfo.analyticsCache!;
  const reporting = async (token?: string, includeSubmitted = false) =>
    (
      await app.gql<{ nationalOverview: { reportingProvinces: number } }>(
        OVERVIEW,
        { q: quarter, s: includeSubmitted },
        token,
      )
    ).data!.nationalOverview.reportingProvinces;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A day FY2570Q1 is open for entry, so that officers can save drafts.
    app = await startTestApp(
      db.url,
      { ANALYTICS_CACHE: 'true' },
      { clock: movableClock('2026-11-21T10:00:00+07:00').clock },
    );
    planner = await signIn(app, 'planner@demo.local');
    [{ code: quarter }] = await query<{ code: string }>(
      db.url,
      `SELECT q.code FROM fiscal_quarter q JOIN report r ON r.quarter_id = q.id GROUP BY q.code HAVING count(*) FILTER (WHERE r.status = 'SUBMITTED') >= 2 ORDER BY q.code DESC LIMIT 1`,
    );
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('shows its counters to planners only: they reveal when data is written', async () => {
    const anonymous = await app.gql<{ systemInfo: { analyticsCache: unknown } }>(INFO);
    expect(anonymous.data!.systemInfo.analyticsCache).toBeNull();
    expect((await info()).enabled).toBe(true);
  });

  it('serves a repeated query from the cache', async () => {
    expect((await info()).enabled).toBe(true);
    const before = await info();
    const a = await reporting();
    const b = await reporting();
    expect(b).toBe(a);
    const after = await info();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(1);
  });

  it('shows an approval made through the API at once', async () => {
    const before = await reporting();
    const [r] = await query<{ id: number; version: number }>(
      db.url,
      `SELECT r.id, r.version FROM report r JOIN fiscal_quarter q ON q.id = r.quarter_id WHERE q.code = $1 AND r.status = 'SUBMITTED' ORDER BY r.id LIMIT 1`,
      [quarter],
    );
    const res = await app.gql(
      'mutation($i: ReportDecisionInput!) { approveReport(input: $i) { status } }',
      { i: { reportId: r.id, version: r.version } },
      planner,
    );
    expect(code(res)).toBe('OK');
    expect(await reporting()).toBe(before + 1);
  });

  it('drops cached results when another process changes the data (PostgreSQL notification)', async () => {
    const before = await reporting();
    const { version } = await info();
    await query(
      db.url,
      `UPDATE report SET status = 'APPROVED' WHERE id = (SELECT r.id FROM report r JOIN fiscal_quarter q ON q.id = r.quarter_id
        WHERE q.code = $1 AND r.status = 'SUBMITTED' ORDER BY r.id LIMIT 1)`,
      [quarter],
    );
    const until = Date.now() + 5000;
    while ((await info()).version === version && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect((await info()).version).toBeGreaterThan(version);
    expect(await reporting()).toBe(before + 1);
  });

  it('still refuses what the caller may not see when the result is cached for someone who may', async () => {
    await reporting(planner, true);
    const officer = await signIn(app, 'officer.th40@demo.local');
    const res = await app.gql(OVERVIEW, { q: quarter, s: true }, officer);
    expect(code(res)).toBe('FORBIDDEN');
  });
});

/**
 * A data-entry season: officers save drafts every few seconds while the public reads approved figures. Only what
 * a change can alter is dropped: its report state (drafts: nothing, no result counts them) and its quarters
 * (results without a quarter read the default one, which any approval may move).
 */
describe('Analytics cache: what a change drops', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let planner: string;
  let officer: string;
  let latest: { id: number; code: string };
  let earlier: { id: number; code: string };
  let listener: pg.Client;
  const heard: Array<{ kind: string; quarterIds: number[] | null }> = [];

  const info = async () =>
    (
      await app.gql<{ systemInfo: { analyticsCache: { version: number; hits: number; misses: number } } }>(
        INFO,
        {},
        planner,
      )
    ).data!.systemInfo.analyticsCache;
  const overview = async (q: string | null, token?: string, includeSubmitted = false) => {
    const res = await app.gql<{ nationalOverview: { quarter: { code: string } | null; reportingProvinces: number } }>(
      'query($q: String, $s: Boolean!) { nationalOverview(quarterCode: $q, includeSubmitted: $s) { quarter { code } reportingProvinces } }',
      { q, s: includeSubmitted },
      token,
    );
    expect(code(res)).toBe('OK');
    return res.data!.nationalOverview;
  };
  /** Runs change(), then waits until the server has applied every notification it caused (counted on our own connection). */
  const settled = async (change: () => Promise<unknown>, made = 0) => {
    const { version } = await info();
    const before = heard.length;
    await change();
    // A marker after the change: notifications arrive in commit order, so once ours is heard the change's were.
    await query(db.url, `SELECT pg_notify('digigov_data_changed', '{"kind":"draft","quarterIds":[]}')`);
    const until = Date.now() + 5000;
    while (!heard.slice(before).some((h) => h.kind === 'draft' && h.quarterIds?.length === 0) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 10));
    const count = heard.length - before;
    while ((await info()).version < version + made + count && Date.now() < until)
      await new Promise((r) => setTimeout(r, 10));
    expect((await info()).version).toBe(version + made + count);
    return heard.slice(before, -1);
  };
  /** Hits and misses of the calls in fn. */
  const counted = async (fn: () => Promise<unknown>) => {
    const a = await info();
    await fn();
    const b = await info();
    return { hits: b.hits - a.hits, misses: b.misses - a.misses };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(
      db.url,
      { ANALYTICS_CACHE: 'true' },
      { clock: movableClock('2026-11-21T10:00:00+07:00').clock },
    );
    planner = await signIn(app, 'planner@demo.local');
    officer = await signIn(app, 'officer.th40@demo.local');
    // The tests below approve two submitted reports of the latest quarter and return a third.
    [latest] = await query<{ id: number; code: string }>(
      db.url,
      `SELECT q.id, q.code FROM fiscal_quarter q JOIN report r ON r.quarter_id = q.id GROUP BY q.id
       HAVING count(*) FILTER (WHERE r.status = 'APPROVED') > 0 AND count(*) FILTER (WHERE r.status = 'SUBMITTED') >= 3
        ORDER BY q.fiscal_year DESC, q.quarter DESC LIMIT 1`,
    );
    [earlier] = await query<{ id: number; code: string }>(
      db.url,
      `SELECT q.id, q.code FROM fiscal_quarter q WHERE EXISTS (SELECT 1 FROM report r WHERE r.quarter_id = q.id AND r.status = 'APPROVED')
          AND (q.fiscal_year, q.quarter) < (SELECT fiscal_year, quarter FROM fiscal_quarter WHERE id = $1)
        ORDER BY q.fiscal_year DESC, q.quarter DESC LIMIT 1`,
      [latest.id],
    );
    await arrange(db.url, 'TH-40', 'FY2570Q1', 'DRAFT');
    listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => heard.push(JSON.parse(n.payload!)));
    await listener.query('LISTEN digigov_data_changed');
  });
  afterAll(async () => {
    await listener.end();
    await app.close();
    await db.drop();
  });

  it('keeps serving the public dashboards while an officer autosaves a draft through the API', async () => {
    const [{ unit, element }] = await query<{ unit: string; element: string }>(
      db.url,
      `SELECT u.code AS unit, e.code AS element FROM org_unit u JOIN org_unit p ON p.id = u.parent_id, indicator i JOIN data_element e ON e.id = i.numerator_element_id
        WHERE p.code = 'TH-40' AND u.level = 'LOCAL' AND e.value_type = 'INTEGER' ORDER BY u.code, i.sort_order LIMIT 1`,
    );
    await overview(null);
    await overview(latest.code);
    let version = (await reportRow(db.url, 'TH-40', 'FY2570Q1'))!.version;
    for (const value of [3, 4, 5]) {
      const heardNow = await settled(async () => {
        const res = await saveAs(app, officer, {
          provinceCode: 'TH-40',
          quarterCode: 'FY2570Q1',
          version,
          values: [{ orgUnitCode: unit, dataElementCode: element, value }],
        });
        expect(code(res)).toBe('OK');
        expect(res.data!.saveReport.inserted + res.data!.saveReport.updated).toBe(1);
        version = res.data!.saveReport.report.version;
      }, 1);
      // The trigger says what changed: a draft of FY2570Q1, once.
      const [{ id: open }] = await query<{ id: number }>(
        db.url,
        `SELECT id FROM fiscal_quarter WHERE code = 'FY2570Q1'`,
      );
      expect(heardNow).toEqual([{ kind: 'draft', quarterIds: [open] }]);
      expect(
        await counted(async () => {
          await overview(null);
          await overview(latest.code);
        }),
      ).toEqual({ hits: 2, misses: 0 });
    }
  });

  it('keeps them when another process changes a draft or a returned report (PostgreSQL notification)', async () => {
    await overview(null);
    const heardNow = await settled(() =>
      query(
        db.url,
        `UPDATE data_value SET value = value + 1 WHERE (quarter_id, data_element_id, org_unit_id) IN (
           SELECT dv.quarter_id, dv.data_element_id, dv.org_unit_id FROM data_value dv JOIN report r ON r.id = dv.report_id
             JOIN indicator i ON i.numerator_element_id = dv.data_element_id
            WHERE r.status IN ('DRAFT', 'RETURNED') LIMIT 3)`,
      ),
    );
    expect(heardNow.length).toBeGreaterThan(0);
    expect(heardNow.every((h) => h.kind === 'draft')).toBe(true);
    expect(await counted(() => overview(null))).toEqual({ hits: 1, misses: 0 });
  });

  it('makes an approval by another process visible within a second, in the default quarter too', async () => {
    const before = { latest: await overview(latest.code), default: await overview(null) };
    const t = Date.now();
    await query(
      db.url,
      `UPDATE report SET status = 'APPROVED' WHERE id = (SELECT id FROM report WHERE quarter_id = $1 AND status = 'SUBMITTED' ORDER BY id LIMIT 1)`,
      [latest.id],
    );
    while (
      (await overview(latest.code)).reportingProvinces === before.latest.reportingProvinces &&
      Date.now() - t < 5000
    )
      await new Promise((r) => setTimeout(r, 10));
    expect(Date.now() - t).toBeLessThan(1000);
    expect((await overview(latest.code)).reportingProvinces).toBe(before.latest.reportingProvinces + 1);
    if (before.default.quarter?.code === latest.code)
      expect((await overview(null)).reportingProvinces).toBe(before.default.reportingProvinces + 1);
  });

  it("drops an approval's quarter and the default quarter, and keeps the results of earlier quarters", async () => {
    await overview(earlier.code);
    await overview(latest.code);
    await overview(null);
    const heardNow = await settled(() =>
      query(
        db.url,
        `UPDATE report SET status = 'APPROVED' WHERE id = (SELECT id FROM report WHERE quarter_id = $1 AND status = 'SUBMITTED' ORDER BY id LIMIT 1)`,
        [latest.id],
      ),
    );
    expect(heardNow).toEqual(
      expect.arrayContaining([
        { kind: 'approved', quarterIds: [latest.id] },
        { kind: 'submitted', quarterIds: [latest.id] },
      ]),
    );
    expect(await counted(() => overview(earlier.code))).toEqual({ hits: 1, misses: 0 });
    expect(await counted(() => overview(latest.code))).toEqual({ hits: 0, misses: 1 });
    expect(await counted(() => overview(null))).toEqual({ hits: 0, misses: 1 });
  });

  it('drops what counts submitted reports when one is returned, and keeps what counts approved ones only', async () => {
    const submitted = await overview(latest.code, planner, true);
    await overview(latest.code);
    await settled(() =>
      query(
        db.url,
        `UPDATE report SET status = 'RETURNED' WHERE id = (SELECT id FROM report WHERE quarter_id = $1 AND status = 'SUBMITTED' ORDER BY id LIMIT 1)`,
        [latest.id],
      ),
    );
    expect(await counted(() => overview(latest.code))).toEqual({ hits: 1, misses: 0 });
    expect(
      await counted(async () =>
        expect((await overview(latest.code, planner, true)).reportingProvinces).toBe(submitted.reportingProvinces - 1),
      ),
    ).toEqual({ hits: 0, misses: 1 });
  });

  it('reads org units and indicators again once a framework change is heard (they are kept with the results)', async () => {
    const scorecard = async () =>
      (
        await app.gql<{
          provinceScorecard: { province: { nameEn: string }; indicators: Array<{ indicator: { nameEn: string } }> };
        }>(
          'query($q: String) { provinceScorecard(provinceCode: "TH-50", quarterCode: $q) { province { nameEn } indicators { indicator { nameEn } } } }',
          { q: earlier.code },
        )
      ).data!.provinceScorecard;
    const before = await scorecard();
    const t = Date.now();
    await query(db.url, `UPDATE org_unit SET name_en = name_en || ' (renamed)' WHERE code = 'TH-50'`);
    await query(
      db.url,
      `UPDATE indicator SET name_en = name_en || ' (renamed)' WHERE sort_order = (SELECT min(sort_order) FROM indicator)`,
    );
    let after = await scorecard();
    while (!after.indicators[0].indicator.nameEn.endsWith('(renamed)') && Date.now() - t < 5000)
      after = await scorecard();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(after.province.nameEn).toBe(`${before.province.nameEn} (renamed)`);
    expect(after.indicators[0].indicator.nameEn).toBe(`${before.indicators[0].indicator.nameEn} (renamed)`);
  });

  it('drops everything when the framework changes', async () => {
    await overview(earlier.code);
    const heardNow = await settled(() =>
      query(db.url, `UPDATE target SET value = value WHERE id = (SELECT min(id) FROM target)`),
    );
    expect(heardNow).toContainEqual({ kind: 'framework', quarterIds: null });
    expect(await counted(() => overview(earlier.code))).toEqual({ hits: 0, misses: 1 });
  });
});

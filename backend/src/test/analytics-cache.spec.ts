import { createTestDatabase, query } from './test-db.js';
import { signIn, startTestApp, type TestApp } from './test-app.js';
import { code } from './reporting-helpers.js';

const OVERVIEW = 'query($q: String, $s: Boolean! = false) { nationalOverview(quarterCode: $q, includeSubmitted: $s) { reportingProvinces } }';
const INFO = '{ systemInfo { analyticsCache { enabled version hits misses } } }';

describe('Analytics cache', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let planner: string;
  let quarter: string;
  const info = async () => (await app.gql<{ systemInfo: { analyticsCache: { enabled: boolean; version: number; hits: number; misses: number } | null } }>(INFO, {}, planner)).data!.systemInfo.analyticsCache!;
  const reporting = async (token?: string, includeSubmitted = false) =>
    (await app.gql<{ nationalOverview: { reportingProvinces: number } }>(OVERVIEW, { q: quarter, s: includeSubmitted }, token)).data!.nationalOverview.reportingProvinces;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, { ANALYTICS_CACHE: 'true' });
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
    const res = await app.gql('mutation($i: ReportDecisionInput!) { approveReport(input: $i) { status } }', { i: { reportId: r.id, version: r.version } }, planner);
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

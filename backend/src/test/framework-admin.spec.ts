import { createTestDatabase, query } from './test-db.js';
import { signIn, startTestApp, type TestApp } from './test-app.js';
import { code } from './reporting-helpers.js';

const UPSERT_INDICATOR =
  'mutation($i: IndicatorInput!) { upsertIndicator(input: $i) { code aggregation numerator { code } denominator { code } } }';
const SET_TARGETS = 'mutation($i: SetTargetsInput!) { setTargets(input: $i) { orgUnitCode value milestones isDemo } }';
const UPSERT_REC =
  'mutation($i: RecommendationInput!) { upsertRecommendation(input: $i) { code obstacleCategoryCodes indicatorCodes } }';

describe('Framework administration', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let planner: string;
  let officer: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url);
    planner = await signIn(app, 'planner@demo.local');
    officer = await signIn(app, 'officer.th40@demo.local');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const indicator = {
    code: 'E_SERVICE_USERS_PCT',
    nameTh: 'ร้อยละของบริการที่ใช้งานผ่านระบบดิจิทัล',
    nameEn: 'Digital services in use',
    unit: 'PERCENT',
    direction: 1,
    aggregation: 'RATIO',
    numeratorCode: 'DIGITAL_SERVICES',
    denominatorCode: 'UNIT_REPORTING',
    multiplier: 100,
    obstacleCategoryCode: 'SERVICES',
    sourceCode: 'DIGIGOV_PLANNING_DEFAULTS',
  };

  it('lets a planner create an indicator, and refuses officers and analysts', async () => {
    expect(code(await app.gql(UPSERT_INDICATOR, { i: indicator }, officer))).toBe('FORBIDDEN');
    expect(code(await app.gql(UPSERT_INDICATOR, { i: indicator }))).toBe('UNAUTHENTICATED');
    const res = await app.gql<{ upsertIndicator: { code: string; denominator: { code: string } } }>(
      UPSERT_INDICATOR,
      { i: indicator },
      planner,
    );
    expect(res.data!.upsertIndicator).toMatchObject({
      code: 'E_SERVICE_USERS_PCT',
      denominator: { code: 'UNIT_REPORTING' },
    });
    const [{ n }] = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'FRAMEWORK_CHANGED'`,
    );
    expect(n).toBe(1);
  });

  it('refuses an inconsistent indicator with located problems and saves nothing', async () => {
    const res = await app.gql(
      UPSERT_INDICATOR,
      { i: { ...indicator, code: 'bad code', denominatorCode: null, numeratorCode: 'NOPE', direction: 2 } },
      planner,
    );
    expect(code(res)).toBe('BAD_USER_INPUT');
    const fields = (res.errors![0].extensions as { problems: Array<{ field: string }> }).problems
      .map((p) => p.field)
      .sort();
    expect(fields).toEqual(['code', 'denominatorCode', 'direction', 'numeratorCode']);
    expect(await query(db.url, `SELECT 1 FROM indicator WHERE code = 'bad code'`)).toHaveLength(0);
  });

  it('sets targets per province and fiscal year with quarterly milestones, and removes one with null', async () => {
    const res = await app.gql<{
      setTargets: Array<{ orgUnitCode: string; value: number; milestones: Array<number | null>; isDemo: boolean }>;
    }>(
      SET_TARGETS,
      {
        i: {
          indicatorCode: 'E_SERVICE_USERS_PCT',
          fiscalYear: 2571,
          targets: [
            { orgUnitCode: 'TH', value: 60 },
            { orgUnitCode: 'TH-40', value: 55, milestones: [10, 25, 40, 55] },
          ],
          reason: 'ministry plan',
        },
      },
      planner,
    );
    expect(res.data!.setTargets).toEqual([
      { orgUnitCode: 'TH', value: 60, milestones: [null, null, null, null], isDemo: false },
      { orgUnitCode: 'TH-40', value: 55, milestones: [10, 25, 40, 55], isDemo: false },
    ]);
    const removed = await app.gql<{ setTargets: unknown[] }>(
      SET_TARGETS,
      {
        i: { indicatorCode: 'E_SERVICE_USERS_PCT', fiscalYear: 2571, targets: [{ orgUnitCode: 'TH-40', value: null }] },
      },
      planner,
    );
    expect(removed.data!.setTargets).toHaveLength(1);
    const bad = await app.gql(
      SET_TARGETS,
      {
        i: {
          indicatorCode: 'E_SERVICE_USERS_PCT',
          fiscalYear: 2571,
          targets: [
            { orgUnitCode: 'LAO-40-0001', value: 5 },
            { orgUnitCode: 'TH-41', value: -1 },
          ],
        },
      },
      planner,
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(
      code(
        await app.gql(
          SET_TARGETS,
          { i: { indicatorCode: 'E_SERVICE_USERS_PCT', fiscalYear: 2571, targets: [] } },
          officer,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('creates a recommendation linked to obstacle categories and indicators', async () => {
    const [set] = await query<{ code: string }>(
      db.url,
      `SELECT code FROM recommendation_set ORDER BY sort_order LIMIT 1`,
    );
    const res = await app.gql<{
      upsertRecommendation: { code: string; obstacleCategoryCodes: string[]; indicatorCodes: string[] };
    }>(
      UPSERT_REC,
      {
        i: {
          code: 'MINISTRY-2571-1',
          setCode: set.code,
          titleTh: 'อบรมเจ้าหน้าที่ทุกไตรมาส',
          titleEn: 'Train staff every quarter',
          obstacleCategoryCodes: ['SKILLS', 'TECHNOLOGY'],
          indicatorCodes: ['STAFF_DIGITAL_TRAINED_PCT'],
        },
      },
      planner,
    );
    expect(res.data!.upsertRecommendation).toEqual({
      code: 'MINISTRY-2571-1',
      obstacleCategoryCodes: ['SKILLS', 'TECHNOLOGY'],
      indicatorCodes: ['STAFF_DIGITAL_TRAINED_PCT'],
    });
    const bad = await app.gql(
      UPSERT_REC,
      {
        i: {
          code: 'X-1',
          setCode: set.code,
          titleTh: 'x',
          titleEn: 'x',
          obstacleCategoryCodes: ['NOPE'],
          indicatorCodes: [],
        },
      },
      planner,
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
  });

  it('lists the framework changes newest first, with who and why, for planners only', async () => {
    const HISTORY =
      'query($l: Int, $o: Int) { frameworkHistory(limit: $l, offset: $o) { at userEmail action oldValue newValue reason } }';
    type Event = {
      at: string;
      userEmail: string;
      action: string;
      oldValue: unknown;
      newValue: { what: string };
      reason: string | null;
    };
    const res = await app.gql<{ frameworkHistory: Event[] }>(HISTORY, {}, planner);
    const events = res.data!.frameworkHistory;
    const [{ n }] = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'FRAMEWORK_CHANGED'`,
    );
    expect(events).toHaveLength(n);
    expect(events.every((e) => e.action === 'FRAMEWORK_CHANGED' && e.userEmail === 'planner@demo.local')).toBe(true);
    // Newest first: the recommendation made last in this file, then the targets, the indicator at the end (created: no old value).
    expect(events[0]!.newValue.what).toBe('recommendation MINISTRY-2571-1');
    expect(events.at(-1)).toMatchObject({ oldValue: null, newValue: { what: 'indicator E_SERVICE_USERS_PCT' } });
    expect(
      [...events]
        .map((e) => e.at)
        .sort()
        .reverse(),
    ).toEqual(events.map((e) => e.at));

    const page = await app.gql<{ frameworkHistory: Event[] }>(HISTORY, { l: 1, o: 1 }, planner);
    expect(page.data!.frameworkHistory).toEqual([events[1]]);
    expect(code(await app.gql(HISTORY, { l: 0 }, planner))).toBe('BAD_USER_INPUT');
    expect(code(await app.gql(HISTORY, { o: -1 }, planner))).toBe('BAD_USER_INPUT');
    // The History tab's CSV: one line per change, the JSON values written as JSON text.
    const csv = await fetch(`${app.baseUrl}/api/export.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${planner}` },
      body: JSON.stringify({
        query: 'query($l: Int, $o: Int) { frameworkHistory(limit: $l, offset: $o) { at userEmail newValue reason } }',
        variables: { l: 500, o: 0 },
        path: 'frameworkHistory',
      }),
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(events.length + 1);
    expect(lines[1]).toContain('recommendation MINISTRY-2571-1');
    expect(code(await app.gql(HISTORY, {}, officer))).toBe('FORBIDDEN');
    expect(code(await app.gql(HISTORY, {}))).toBe('UNAUTHENTICATED');
  });
});

import { createTestDatabase, query } from './test-db.js';
import { movableClock, signIn, startTestApp, type TestApp } from './test-app.js';

type Res<T> = { data?: T | null; errors?: Array<{ extensions?: { code?: string } }> };
const code = (res: Res<unknown>) => res.errors?.[0]?.extensions?.code ?? 'OK';

const TRAINED = 'STAFF_DIGITAL_TRAINED_PCT';
const Q = 'FY2569Q3';

interface Progress {
  indicator: { code: string; direction: number };
  scope: { code: string };
  current: {
    value: number;
    numerator: number;
    denominator: number;
    units: number;
    t: number;
    quarterCode: string;
  } | null;
  base: { value: number; t: number; quarterCode: string } | null;
  target: { value: number; orgUnitCode: string; t: number; fiscalYear: number } | null;
  achievementPct: number | null;
  observedGrowth: number | null;
  requiredGrowth: number | null;
  ratio: number | null;
  growthMethod: string | null;
  status: string;
}
const PROGRESS_FIELDS = `indicator { code direction } scope { code } current { value numerator denominator units t quarterCode } base { value t quarterCode }
  target { value orgUnitCode t fiscalYear } achievementPct observedGrowth requiredGrowth ratio growthMethod status`;

describe('Analytics over HTTP', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  const time = movableClock('2026-11-21T10:00:00+07:00');
  const tokens: Record<string, string> = {};

  /** Σ numerator / Σ denominator straight from data_value over units reporting both: the hand check. */
  async function handRatio(quarterCode: string, pathPrefix: string, n: string, d: string, statuses = ['APPROVED']) {
    const [row] = await query<{ n: string | null; d: string | null; units: number }>(
      db.url,
      `WITH unit AS (
         SELECT dv.org_unit_id, max(dv.value) FILTER (WHERE e.code = $4) AS n, max(dv.value) FILTER (WHERE e.code = $5) AS d
           FROM data_value dv JOIN data_element e ON e.id = dv.data_element_id JOIN report r ON r.id = dv.report_id
           JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = dv.quarter_id
          WHERE q.code = $1 AND r.status = ANY($3::report_status[]) AND p.path LIKE $2 AND e.code IN ($4, $5)
          GROUP BY dv.org_unit_id)
       SELECT sum(n) AS n, sum(d) AS d, count(*)::int AS units FROM unit WHERE n IS NOT NULL AND d IS NOT NULL`,
      [quarterCode, pathPrefix, statuses, n, d],
    );
    return { n: Number(row.n), d: Number(row.d), units: row.units, value: (100 * Number(row.n)) / Number(row.d) };
  }

  async function progressOf(indicatorCode: string, scopeCode: string, extra = '', token?: string) {
    const res = await app.gql<{ indicatorProgress: Progress }>(
      `{ indicatorProgress(indicatorCode: "${indicatorCode}", scopeCode: "${scopeCode}" ${extra}) { ${PROGRESS_FIELDS} } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.indicatorProgress;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, {}, { clock: time.clock });
    for (const who of ['admin', 'planner', 'analyst', 'officer.th40'])
      tokens[who] = await signIn(app, `${who}@demo.local`);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  describe('obstaclePrevalence', () => {
    const PREVALENCE = `respondents anyObstacle { count respondents percentage ciLow ciHigh smallSample }
      categories { category { code } count percentage ciLow ciHigh meanSeverity smallSample } smallSampleRule smallSampleRuleCode
      baseline { datasetCode comparable population anyObstacle { count respondents percentage ciLow ciHigh } categories { category { code } count percentage } source { code document } }`;
    type Prevalence = {
      respondents: number;
      anyObstacle: {
        count: number;
        respondents: number;
        percentage: number;
        ciLow: number;
        ciHigh: number;
        smallSample: boolean;
      };
      categories: Array<{
        category: { code: string };
        count: number;
        percentage: number;
        meanSeverity: number | null;
        smallSample: boolean;
      }>;
      smallSampleRule: string;
      smallSampleRuleCode: string;
      baseline: {
        datasetCode: string;
        comparable: boolean;
        anyObstacle: { count: number; respondents: number; percentage: number; ciLow: number; ciHigh: number };
        categories: Array<{ category: { code: string }; count: number; percentage: number }>;
        source: { code: string; document: string };
      };
    };

    it("counts a province's local respondents and each category exactly as SQL does", async () => {
      const res = await app.gql<{ obstaclePrevalence: Prevalence }>(
        `{ obstaclePrevalence(scopeCode: "TH-40", quarterCode: "${Q}", respondentLevel: LOCAL) { ${PREVALENCE} } }`,
      );
      const p = res.data!.obstaclePrevalence;
      const hand = await query<{ respondents: number; any: number; skills: number; severity: number | null }>(
        db.url,
        `SELECT count(*)::int AS respondents,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM obstacle_answer a WHERE a.response_id = o.id))::int AS any,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM obstacle_answer a WHERE a.response_id = o.id AND a.category_code = 'SKILLS'))::int AS skills,
                (SELECT avg(a.severity)::float8 FROM obstacle_answer a JOIN obstacle_response o2 ON o2.id = a.response_id
                  WHERE o2.report_id = r.id AND o2.respondent_id <> p.id AND a.category_code = 'SKILLS') AS severity
           FROM obstacle_response o JOIN report r ON r.id = o.report_id JOIN org_unit p ON p.id = r.org_unit_id
           JOIN org_unit u ON u.id = o.respondent_id JOIN fiscal_quarter q ON q.id = r.quarter_id
          WHERE p.code = 'TH-40' AND q.code = $1 AND r.status = 'APPROVED' AND u.level = 'LOCAL'
          GROUP BY r.id, p.id`,
        [Q],
      );
      expect(hand).toHaveLength(1);
      expect(p.respondents).toBe(hand[0].respondents);
      expect(p.respondents).toBeGreaterThan(5);
      expect(p.anyObstacle.count).toBe(hand[0].any);
      const skills = p.categories.find((c) => c.category.code === 'SKILLS')!;
      expect(skills.count).toBe(hand[0].skills);
      expect(skills.percentage).toBeCloseTo((100 * hand[0].skills) / hand[0].respondents, 10);
      if (hand[0].severity !== null) expect(skills.meanSeverity).toBeCloseTo(hand[0].severity, 10);
      expect(p.categories).toHaveLength(10);
      // About 10 local organizations at the test scale: too few to read alone.
      expect(skills.smallSample).toBe(p.respondents < 30 || skills.count < 5 || p.respondents - skills.count < 5);
    });

    it("counts provinces nationally, one answer each, and puts DGA's published survey beside them exactly", async () => {
      const res = await app.gql<{ obstaclePrevalence: Prevalence }>(
        `{ obstaclePrevalence(quarterCode: "${Q}") { ${PREVALENCE} } }`,
      );
      const p = res.data!.obstaclePrevalence;
      const [hand] = await query<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM obstacle_response o JOIN report r ON r.id = o.report_id JOIN fiscal_quarter q ON q.id = r.quarter_id
          WHERE q.code = $1 AND r.status = 'APPROVED' AND o.respondent_id = r.org_unit_id`,
        [Q],
      );
      expect(p.respondents).toBe(hand.n);
      expect(p.anyObstacle.ciLow).toBeLessThan(p.anyObstacle.percentage);
      expect(p.anyObstacle.ciHigh).toBeGreaterThan(p.anyObstacle.percentage);
      expect(p.smallSampleRule).toMatch(/30/);
      expect(p.smallSampleRuleCode).toBe('RESPONDENTS_30_EXPECTED_5');

      const b = p.baseline;
      expect(b).toMatchObject({ datasetCode: 'DGA_OBSTACLE_SURVEY_2567', comparable: true });
      expect(b.source).toEqual({ code: 'DGA_2567_LOCAL_DIGITAL', document: 'seeds/001_a0f0efe18b862115.txt' });
      expect([b.anyObstacle.count, b.anyObstacle.respondents, b.anyObstacle.percentage]).toEqual([54, 76, 71.05]);
      const skills = b.categories.find((c) => c.category.code === 'SKILLS')!;
      expect([skills.count, skills.percentage]).toEqual([44, 57.89]);
      expect(b.categories.map((c) => c.count)).toEqual([44, 41, 32, 23, 20, 19, 18, 14, 8, 1]);
      // Wilson interval of 54 / 76, by hand: centre 0.700222, half 0.099993.
      expect(b.anyObstacle.ciLow).toBeCloseTo(60.0404, 3);
      expect(b.anyObstacle.ciHigh).toBeCloseTo(80.039, 3);
    });

    it("over a fiscal year counts each respondent's latest response once", async () => {
      const res = await app.gql<{ obstaclePrevalence: Prevalence & { fiscalYear: number; quarter: null } }>(
        `{ obstaclePrevalence(scopeCode: "NORTHEAST", fiscalYear: 2568, respondentLevel: LOCAL) { fiscalYear quarter { code } ${PREVALENCE} } }`,
      );
      const p = res.data!.obstaclePrevalence;
      const [hand] = await query<{ respondents: number; budget: number }>(
        db.url,
        `WITH latest AS (
           SELECT DISTINCT ON (o.respondent_id) o.id
             FROM obstacle_response o JOIN report r ON r.id = o.report_id JOIN fiscal_quarter q ON q.id = r.quarter_id
             JOIN org_unit u ON u.id = o.respondent_id
            WHERE q.fiscal_year = 2568 AND r.status = 'APPROVED' AND u.level = 'LOCAL' AND u.path LIKE '/TH/NORTHEAST/%'
            ORDER BY o.respondent_id, q.quarter DESC)
         SELECT count(*)::int AS respondents,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM obstacle_answer a WHERE a.response_id = latest.id AND a.category_code = 'BUDGET'))::int AS budget
           FROM latest`,
      );
      expect(p).toMatchObject({ fiscalYear: 2568, quarter: null, respondents: hand.respondents });
      expect(p.categories.find((c) => c.category.code === 'BUDGET')!.count).toBe(hand.budget);
      expect(p.baseline.comparable).toBe(false);
    });

    it('refuses a quarter and a fiscal year together, and an unknown scope', async () => {
      expect(code(await app.gql(`{ obstaclePrevalence(quarterCode: "${Q}", fiscalYear: 2569) { respondents } }`))).toBe(
        'BAD_USER_INPUT',
      );
      expect(code(await app.gql(`{ obstaclePrevalence(scopeCode: "TH-99") { respondents } }`))).toBe('NOT_FOUND');
    });
  });

  describe('obstaclePrevalenceByArea', () => {
    const SUBMITTED_Q = 'FY2569Q4';
    const SHARE = 'count respondents percentage ciLow ciHigh smallSample';
    const FIGURES = `respondents anyObstacle { ${SHARE} } categories { category { code } ${SHARE} meanSeverity }`;
    type Figures = {
      respondents: number;
      anyObstacle: { count: number };
      categories: Array<{ category: { code: string }; count: number }>;
    };
    type Area = Figures & { scope: { code: string; level: string; regionCode: string | null } };
    type ByArea = {
      scope: { code: string };
      quarter: { code: string } | null;
      includeSubmitted: boolean;
      areas: Area[];
    };

    async function byArea(args: string, token?: string): Promise<ByArea> {
      const res = await app.gql<{ obstaclePrevalenceByArea: ByArea }>(
        `{ obstaclePrevalenceByArea(${args}) { scope { code } quarter { code } includeSubmitted areas { scope { code level regionCode } ${FIGURES} } } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.obstaclePrevalenceByArea;
    }
    async function single(args: string, token?: string): Promise<Figures & { quarter: { code: string } | null }> {
      const res = await app.gql<{ obstaclePrevalence: Figures & { quarter: { code: string } | null } }>(
        `{ obstaclePrevalence(${args}) { quarter { code } ${FIGURES} } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.obstaclePrevalence;
    }
    const figures = ({ scope: _, ...rest }: Area) => rest;
    const provinceWith = async (status: string) =>
      (
        await query<{ code: string }>(
          db.url,
          `SELECT p.code FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id
          WHERE q.code = $1 AND r.status = $2 AND EXISTS (SELECT 1 FROM obstacle_response o WHERE o.report_id = r.id AND o.respondent_id <> p.id)
          ORDER BY p.code LIMIT 1`,
          [SUBMITTED_Q, status],
        )
      )[0].code;

    it('gives each province exactly the figures obstaclePrevalence gives it, at both respondent levels', async () => {
      // A province without an approved report in the quarter has no respondents there.
      const [approved, unapproved] = [await provinceWith('APPROVED'), await provinceWith('SUBMITTED')];
      const codes = ['TH-10', 'TH-40', 'TH-50', approved, unapproved];
      let compared = 0;
      for (const quarterCode of [Q, SUBMITTED_Q]) {
        for (const level of ['LOCAL', 'PROVINCE']) {
          const list = await byArea(`quarterCode: "${quarterCode}", respondentLevel: ${level}`);
          expect(list.quarter).toEqual({ code: quarterCode });
          for (const c of codes) {
            const area = list.areas.find((a) => a.scope.code === c)!;
            const { quarter: _, ...expected } = await single(
              `scopeCode: "${c}", quarterCode: "${quarterCode}", respondentLevel: ${level}`,
            );
            expect(figures(area)).toEqual(expected);
            if (area.respondents > 0) compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(8);
      const unapprovedArea = (await byArea(`quarterCode: "${SUBMITTED_Q}", respondentLevel: LOCAL`)).areas.find(
        (a) => a.scope.code === unapproved,
      )!;
      expect(unapprovedArea.respondents).toBe(0);
      expect(unapprovedArea.anyObstacle).toMatchObject({ count: 0, percentage: null, ciLow: null, smallSample: true });
      expect(unapprovedArea.categories).toHaveLength(10);
    });

    it("lists the nation's 77 provinces, or a region's own, in the scope's default quarter", async () => {
      const nation = await byArea('respondentLevel: LOCAL');
      const provinces = await query<{ code: string }>(
        db.url,
        `SELECT code FROM org_unit WHERE level = 'PROVINCE' ORDER BY code`,
      );
      expect(provinces).toHaveLength(77);
      expect(nation.scope.code).toBe('TH');
      expect(nation.areas.map((a) => a.scope.code)).toEqual(provinces.map((p) => p.code));
      expect(nation.areas.every((a) => a.scope.level === 'PROVINCE' && a.categories.length === 10)).toBe(true);
      const national = await single('respondentLevel: LOCAL');
      expect(nation.quarter).toEqual(national.quarter);
      // Every local respondent belongs to one province: the provinces add up to the nation.
      expect(nation.areas.reduce((n, a) => n + a.respondents, 0)).toBe(national.respondents);

      const northeast = await byArea(`scopeCode: "NORTHEAST", quarterCode: "${Q}", respondentLevel: PROVINCE`);
      const own = await query<{ code: string }>(
        db.url,
        `SELECT code FROM org_unit WHERE level = 'PROVINCE' AND path LIKE '/TH/NORTHEAST/%' ORDER BY code`,
      );
      expect(northeast.areas.map((a) => a.scope.code)).toEqual(own.map((p) => p.code));
      expect(northeast.areas.every((a) => a.scope.regionCode === 'NORTHEAST' && a.respondents <= 1)).toBe(true);
      const region = await single(`scopeCode: "NORTHEAST", quarterCode: "${Q}", respondentLevel: PROVINCE`);
      expect(northeast.areas.reduce((n, a) => n + a.anyObstacle.count, 0)).toBe(region.anyObstacle.count);
    });

    it('counts a submitted report only for planners who ask, and refuses everybody else who asks', async () => {
      const submitted = await provinceWith('SUBMITTED');
      const args = `quarterCode: "${SUBMITTED_Q}", respondentLevel: LOCAL, includeSubmitted: true`;
      const asked = `{ obstaclePrevalenceByArea(${args}) { areas { respondents } } }`;
      expect(code(await app.gql(asked))).toBe('UNAUTHENTICATED');
      expect(code(await app.gql(asked, {}, tokens['officer.th40']))).toBe('FORBIDDEN');
      expect(code(await app.gql(asked, {}, tokens.analyst))).toBe('FORBIDDEN');

      const approvedOnly = await byArea(`quarterCode: "${SUBMITTED_Q}", respondentLevel: LOCAL`, tokens.planner);
      expect(approvedOnly.includeSubmitted).toBe(false);
      expect(approvedOnly.areas.find((a) => a.scope.code === submitted)!.respondents).toBe(0);

      const planner = await byArea(args, tokens.planner);
      expect(planner.includeSubmitted).toBe(true);
      const area = planner.areas.find((a) => a.scope.code === submitted)!;
      const [hand] = await query<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM obstacle_response o JOIN report r ON r.id = o.report_id JOIN org_unit p ON p.id = r.org_unit_id
           JOIN fiscal_quarter q ON q.id = r.quarter_id WHERE p.code = $1 AND q.code = $2 AND o.respondent_id <> p.id`,
        [submitted, SUBMITTED_Q],
      );
      expect(area.respondents).toBe(hand.n);
      expect(area.respondents).toBeGreaterThan(0);
      const { quarter: _, ...expected } = await single(`scopeCode: "${submitted}", ${args}`, tokens.planner);
      expect(figures(area)).toEqual(expected);
    });

    it('refuses an unknown scope or quarter, and a province (it has no provinces under it)', async () => {
      expect(
        code(
          await app.gql(
            `{ obstaclePrevalenceByArea(scopeCode: "TH-99", respondentLevel: LOCAL) { areas { respondents } } }`,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        code(
          await app.gql(
            `{ obstaclePrevalenceByArea(quarterCode: "FY2400Q1", respondentLevel: LOCAL) { areas { respondents } } }`,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        code(
          await app.gql(
            `{ obstaclePrevalenceByArea(scopeCode: "TH-40", respondentLevel: LOCAL) { areas { respondents } } }`,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('indicatorProgress', () => {
    it("rolls a rate up nationally as a ratio of sums, not as an average of the provinces' ratios", async () => {
      const p = await progressOf(TRAINED, 'TH', `quarterCode: "${Q}"`);
      const hand = await handRatio(Q, '/TH/%', 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL');
      expect(p.current!.numerator).toBe(hand.n);
      expect(p.current!.denominator).toBe(hand.d);
      expect(p.current!.units).toBe(hand.units);
      expect(p.current!.value).toBeCloseTo(hand.value, 10);
      const [avg] = await query<{ v: number }>(
        db.url,
        `SELECT avg(100 * n / d)::float8 AS v FROM (
           SELECT r.id, sum(dv.value) FILTER (WHERE e.code = 'STAFF_TRAINED_DIGITAL') AS n, sum(dv.value) FILTER (WHERE e.code = 'STAFF_TOTAL') AS d
             FROM data_value dv JOIN data_element e ON e.id = dv.data_element_id JOIN report r ON r.id = dv.report_id
             JOIN fiscal_quarter q ON q.id = r.quarter_id WHERE q.code = $1 AND r.status = 'APPROVED' GROUP BY r.id) x`,
        [Q],
      );
      expect(Math.abs(p.current!.value - avg.v)).toBeGreaterThan(0.001);
    });

    it('returns every component of the status, and the status follows from them', async () => {
      const p = await progressOf(TRAINED, 'TH', `quarterCode: "${Q}"`);
      expect(p.base!.quarterCode).toBe('FY2566Q1');
      expect(p.current!.t).toBe(2569.75);
      expect(p.base!.t).toBe(2566.25);
      expect(p.target).toMatchObject({ value: 20, orgUnitCode: 'TH', fiscalYear: 2569, t: 2570 });
      const cagrO = Math.pow(p.current!.value / p.base!.value, 1 / (p.current!.t - p.base!.t)) - 1;
      const cagrR = Math.pow(p.target!.value / p.base!.value, 1 / (p.target!.t - p.base!.t)) - 1;
      expect(p.observedGrowth).toBeCloseTo(cagrO, 12);
      expect(p.requiredGrowth).toBeCloseTo(cagrR, 12);
      expect(p.ratio).toBeCloseTo(cagrO / Math.abs(cagrR), 12);
      expect(p.achievementPct).toBeCloseTo((100 * p.current!.value) / 20, 10);
      const expected =
        p.current!.value >= 20
          ? 'ACHIEVED'
          : p.ratio! >= 0.95
            ? 'ON_TRACK'
            : p.ratio! >= 0.6
              ? 'ACCELERATION_NEEDED'
              : p.ratio! >= 0
                ? 'LIMITED_PROGRESS'
                : 'DETERIORATION';
      expect(p.status).toBe(expected);
      expect(p.growthMethod).toBe('COMPOUND');
    });

    it('holds a region to the national target and a province to its own, and says whose it is', async () => {
      expect((await progressOf(TRAINED, 'NORTHEAST', `quarterCode: "${Q}"`)).target!.orgUnitCode).toBe('TH');
      expect((await progressOf(TRAINED, 'TH-40', `quarterCode: "${Q}"`)).target!.orgUnitCode).toBe('TH-40');
      const noTarget = await progressOf('DIGITAL_BUDGET_PCT', 'TH', `quarterCode: "${Q}"`);
      expect(noTarget).toMatchObject({ target: null, status: 'NO_TARGET', requiredGrowth: null });
      expect(noTarget.observedGrowth).not.toBeNull();
    });

    it("gives each of Open SDG's statuses at its threshold, from a target set for the province", async () => {
      const args = `quarterCode: "${Q}", baseQuarterCode: "FY2566Q1"`;
      const p = await progressOf(TRAINED, 'TH-40', args);
      expect(p.observedGrowth!).toBeGreaterThan(0);
      // The target that makes R what we want: CAGRr = CAGRo / R, target = base × (1 + CAGRr)^(t_target − t_base).
      const targetFor = (r: number) => p.base!.value * Math.pow(1 + p.observedGrowth! / r, p.target!.t - p.base!.t);
      const setTarget = (v: number) =>
        query(
          db.url,
          `UPDATE target SET value = $1 WHERE fiscal_year = 2569 AND indicator_id = (SELECT id FROM indicator WHERE code = $2)
                         AND org_unit_id = (SELECT id FROM org_unit WHERE code = 'TH-40')`,
          [v, TRAINED],
        );
      const original = p.target!.value;
      try {
        for (const [r, status] of [
          [0.99, 'ON_TRACK'],
          [0.96, 'ON_TRACK'],
          [0.9, 'ACCELERATION_NEEDED'],
          [0.61, 'ACCELERATION_NEEDED'],
          [0.5, 'LIMITED_PROGRESS'],
        ] as const) {
          await setTarget(targetFor(r));
          const q = await progressOf(TRAINED, 'TH-40', args);
          expect(q.ratio).toBeCloseTo(r, 6);
          expect(q.status).toBe(status);
        }
        await setTarget(p.current!.value - 0.5);
        expect((await progressOf(TRAINED, 'TH-40', args)).status).toBe('ACHIEVED');
      } finally {
        await setTarget(original);
      }
    });

    it('sees changed data values at once (the roll-up follows data_value), and a fall is a deterioration', async () => {
      const before = await progressOf(TRAINED, 'TH-40', `quarterCode: "${Q}"`);
      const where = `FROM report r, org_unit p, fiscal_quarter q, data_element e
        WHERE r.id = dv.report_id AND p.id = r.org_unit_id AND q.id = r.quarter_id AND e.id = dv.data_element_id
          AND p.code = 'TH-40' AND q.code = $1 AND e.code = 'STAFF_TRAINED_DIGITAL'`;
      const saved = await query<{ org_unit_id: number; value: string }>(
        db.url,
        `SELECT dv.org_unit_id, dv.value::text AS value FROM data_value dv, ${where.slice(5)}`,
        [Q],
      );
      await query(db.url, `UPDATE data_value dv SET value = round(dv.value / 10) ${where}`, [Q]);
      try {
        const after = await progressOf(TRAINED, 'TH-40', `quarterCode: "${Q}"`);
        const hand = await handRatio(Q, '/TH/NORTHEAST/TH-40/%', 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL');
        expect(after.current!.numerator).toBe(hand.n);
        expect(after.current!.numerator).toBeLessThan(before.current!.numerator);
        expect(after.current!.value).toBeLessThan(after.base!.value);
        expect(after.ratio!).toBeLessThan(0);
        expect(after.status).toBe('DETERIORATION');
      } finally {
        await query(
          db.url,
          `UPDATE data_value dv SET value = s.value FROM unnest($2::int[], $3::numeric[]) AS s(org_unit_id, value), ${where.slice(5)} AND dv.org_unit_id = s.org_unit_id`,
          [Q, saved.map((v) => v.org_unit_id), saved.map((v) => v.value)],
        );
      }
      expect((await progressOf(TRAINED, 'TH-40', `quarterCode: "${Q}"`)).current).toEqual(before.current);
    });

    it('rolls up a newly defined indicator at once, and again when its denominator changes', async () => {
      await query(
        db.url,
        `INSERT INTO indicator (code, name_th, name_en, unit, direction, aggregation, numerator_element_id, denominator_element_id, multiplier, source_code)
         SELECT 'TEST_TRAINED_COPY', name_th, name_en, unit, direction, aggregation, numerator_element_id, denominator_element_id, multiplier, source_code
           FROM indicator WHERE code = $1`,
        [TRAINED],
      );
      try {
        const copy = await progressOf('TEST_TRAINED_COPY', 'TH', `quarterCode: "${Q}"`);
        expect(copy.current).toEqual((await progressOf(TRAINED, 'TH', `quarterCode: "${Q}"`)).current);
        await query(
          db.url,
          `UPDATE indicator SET denominator_element_id = (SELECT id FROM data_element WHERE code = 'UNIT_REPORTING') WHERE code = 'TEST_TRAINED_COPY'`,
        );
        const perUnit = await progressOf('TEST_TRAINED_COPY', 'TH', `quarterCode: "${Q}"`);
        expect(perUnit.current!.denominator).toBe(
          (await handRatio(Q, '/TH/%', 'STAFF_TRAINED_DIGITAL', 'UNIT_REPORTING')).d,
        );
      } finally {
        await query(db.url, `DELETE FROM indicator WHERE code = 'TEST_TRAINED_COPY'`);
      }
    });

    it('refuses an unknown indicator and an org unit that is not a nation, region or province', async () => {
      expect(code(await app.gql(`{ indicatorProgress(indicatorCode: "NOPE") { status } }`))).toBe('NOT_FOUND');
      const [lao] = await query<{ code: string }>(db.url, `SELECT code FROM org_unit WHERE level = 'LOCAL' LIMIT 1`);
      expect(
        code(await app.gql(`{ indicatorProgress(indicatorCode: "${TRAINED}", scopeCode: "${lao.code}") { status } }`)),
      ).toBe('NOT_FOUND');
      expect(
        code(
          await app.gql(
            `{ indicatorProgress(indicatorCode: "${TRAINED}", quarterCode: "FY2566Q1", baseQuarterCode: "FY2567Q1") { status } }`,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('trends and comparisons', () => {
    it('gives a series per quarter with the change since the previous one, checked against SQL', async () => {
      const res = await app.gql<{
        indicatorSeries: { points: Array<{ quarterCode: string; value: number; changeFromPrevious: number | null }> };
      }>(
        `{ indicatorSeries(indicatorCode: "${TRAINED}", scopeCode: "NORTHEAST", toQuarterCode: "${Q}") { points { quarterCode value changeFromPrevious } } }`,
      );
      const points = res.data!.indicatorSeries.points;
      expect(points[0]).toMatchObject({ quarterCode: 'FY2566Q1', changeFromPrevious: null });
      expect(points.at(-1)!.quarterCode).toBe(Q);
      for (const [i, quarterCode] of [
        [points.length - 1, Q],
        [3, points[3].quarterCode],
      ] as const) {
        expect(points[i].value).toBeCloseTo(
          (await handRatio(quarterCode, '/TH/NORTHEAST/%', 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL')).value,
          10,
        );
      }
      expect(points[5].changeFromPrevious).toBeCloseTo(points[5].value - points[4].value, 12);
    });

    it('compares the six regions, ranked, each checked against SQL', async () => {
      type V = {
        scope: { code: string };
        value: number;
        rank: number;
        previousValue: number;
        changeFromPrevious: number;
        target: number;
      };
      const res = await app.gql<{
        regionComparison: { quarter: { code: string }; previousQuarter: { code: string }; national: V; values: V[] };
      }>(
        `{ regionComparison(indicatorCode: "${TRAINED}", quarterCode: "${Q}") { quarter { code } previousQuarter { code }
             national { value target } values { scope { code } value rank previousValue changeFromPrevious target } } }`,
      );
      const r = res.data!.regionComparison;
      expect(r.previousQuarter.code).toBe('FY2569Q2');
      expect(r.values.map((v) => v.scope.code).sort()).toEqual([
        'CENTRAL',
        'EAST',
        'NORTH',
        'NORTHEAST',
        'SOUTH',
        'WEST',
      ]);
      expect(r.values.map((v) => v.rank)).toEqual([1, 2, 3, 4, 5, 6]);
      for (let i = 1; i < r.values.length; i++) expect(r.values[i - 1].value).toBeGreaterThanOrEqual(r.values[i].value);
      for (const v of r.values) {
        expect(v.value).toBeCloseTo(
          (await handRatio(Q, `/TH/${v.scope.code}/%`, 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL')).value,
          10,
        );
        expect(v.changeFromPrevious).toBeCloseTo(v.value - v.previousValue, 12);
        expect(v.target).toBe(20);
      }
      expect(r.national.value).toBeCloseTo(
        (await handRatio(Q, '/TH/%', 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL')).value,
        10,
      );
    });

    it('ranks provinces best first, all or within a region', async () => {
      type V = { scope: { code: string; regionCode: string }; value: number | null; rank: number | null };
      const res = await app.gql<{ all: { values: V[] }; north: { values: V[] } }>(
        `{ all: provinceRanking(indicatorCode: "${TRAINED}", quarterCode: "${Q}") { values { scope { code regionCode } value rank } }
           north: provinceRanking(indicatorCode: "${TRAINED}", quarterCode: "${Q}", regionCode: "NORTH") { values { scope { code regionCode } value rank } } }`,
      );
      const all = res.data!.all.values;
      expect(all).toHaveLength(77);
      expect(all[0].rank).toBe(1);
      const ranked = all.filter((v) => v.rank !== null);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].value!).toBeGreaterThanOrEqual(ranked[i].value!);
      expect(all.filter((v) => v.value === null).every((v) => v.rank === null)).toBe(true);
      expect(res.data!.north.values).toHaveLength(9);
      expect(res.data!.north.values.every((v) => v.scope.regionCode === 'NORTH')).toBe(true);
    });
  });

  describe('compositeIndex and provinceScorecard', () => {
    type Index = {
      province: { code: string };
      index: number | null;
      rank: number | null;
      rankedCount: number;
      pillars: Array<{ pillarCode: string; weight: number; score: number; contribution: number }>;
    };
    const INDEX = 'province { code } index rank rankedCount pillars { pillarCode weight score contribution }';

    it('builds each index from pillar contributions on fixed goalposts, ranked highest first', async () => {
      const res = await app.gql<{
        compositeIndex: {
          method: string;
          methodCode: string;
          pillars: Array<{
            code: string;
            weight: number;
            indicators: Array<{ indicatorCode: string; worst: number; best: number }>;
          }>;
          provinces: Index[];
        };
      }>(
        `{ compositeIndex(quarterCode: "${Q}") { method methodCode pillars { code weight indicators { indicatorCode worst best } } provinces { ${INDEX} } } }`,
      );
      const c = res.data!.compositeIndex;
      expect(c.methodCode).toBe('GOALPOST_PILLARS_V1');
      expect(c.pillars.map((p) => p.code)).toEqual([
        'SKILLS',
        'BUDGET',
        'INTEGRATION',
        'SECURITY',
        'SERVICES',
        'POLICY',
      ]);
      for (const p of c.pillars) expect(p.weight).toBeCloseTo(1 / 6, 12);
      expect(c.pillars[0].indicators.find((i) => i.indicatorCode === TRAINED)).toEqual({
        indicatorCode: TRAINED,
        worst: 0,
        best: 20,
      });
      const ranked = c.provinces.filter((p) => p.index !== null);
      expect(ranked.length).toBeGreaterThan(60);
      expect(ranked[0].rank).toBe(1);
      for (const p of ranked) {
        expect(p.index!).toBeGreaterThanOrEqual(0);
        expect(p.index!).toBeLessThanOrEqual(100);
        expect(p.pillars.reduce((s, x) => s + x.contribution, 0)).toBeCloseTo(p.index!, 10);
      }
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].index!).toBeGreaterThanOrEqual(ranked[i].index!);
    });

    it('takes configurable weights, and refuses unknown pillars', async () => {
      const res = await app.gql<{ compositeIndex: { provinces: Index[] } }>(
        `{ compositeIndex(quarterCode: "${Q}", weights: [{ pillarCode: "SKILLS", weight: 1 }, { pillarCode: "BUDGET", weight: 0 }, { pillarCode: "INTEGRATION", weight: 0 },
             { pillarCode: "SECURITY", weight: 0 }, { pillarCode: "SERVICES", weight: 0 }, { pillarCode: "POLICY", weight: 0 }]) { provinces { ${INDEX} } } }`,
      );
      const kk = res.data!.compositeIndex.provinces.find((p) => p.province.code === 'TH-40')!;
      expect(kk.index).toBeCloseTo(kk.pillars.find((p) => p.pillarCode === 'SKILLS')!.score, 10);
      expect(code(await app.gql(`{ compositeIndex(weights: [{ pillarCode: "NOPE", weight: 1 }]) { method } }`))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        code(await app.gql(`{ compositeIndex(weights: [{ pillarCode: "SKILLS", weight: -1 }]) { method } }`)),
      ).toBe('BAD_USER_INPUT');
    });

    it("shows a province's indicators with progress and rank, and its index, consistent with the other queries", async () => {
      type Card = {
        quarter: { code: string };
        indicators: Array<Progress & { rank: number; rankedCount: number; nationalValue: number }>;
        index: Index;
      };
      const res = await app.gql<{
        provinceScorecard: Card;
        compositeIndex: { provinces: Index[] };
        provinceRanking: { values: Array<{ scope: { code: string }; rank: number }> };
        nationalOverview: { indicators: Progress[] };
      }>(
        `{ provinceScorecard(provinceCode: "TH-40", quarterCode: "${Q}") { quarter { code } indicators { ${PROGRESS_FIELDS} rank rankedCount nationalValue } index { ${INDEX} } }
           compositeIndex(quarterCode: "${Q}") { provinces { ${INDEX} } }
           provinceRanking(indicatorCode: "${TRAINED}", quarterCode: "${Q}") { values { scope { code } rank } }
           nationalOverview(quarterCode: "${Q}") { indicators { ${PROGRESS_FIELDS} } } }`,
      );
      expect(res.errors).toBeUndefined();
      const card = res.data!.provinceScorecard;
      expect(card.indicators).toHaveLength(11);
      expect(card.index).toEqual(res.data!.compositeIndex.provinces.find((p) => p.province.code === 'TH-40'));
      const trained = card.indicators.find((i) => i.indicator.code === TRAINED)!;
      expect(trained.rank).toBe(res.data!.provinceRanking.values.find((v) => v.scope.code === 'TH-40')!.rank);
      expect(trained.nationalValue).toBeCloseTo(
        res.data!.nationalOverview.indicators.find((i) => i.indicator.code === TRAINED)!.current!.value,
        10,
      );
      expect(trained.current!.value).toBeCloseTo(
        (await handRatio(Q, '/TH/NORTHEAST/TH-40/%', 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL')).value,
        10,
      );
      expect(trained.target!.orgUnitCode).toBe('TH-40');
    });
  });

  describe('provinceRecommendations', () => {
    type Recs = {
      respondents: number;
      actionItemsVisible: boolean;
      priorityRule: string;
      priorityRuleCode: string;
      recommendations: Array<{
        recommendation: { code: string };
        priority: number;
        obstacleScore: number;
        indicatorGap: number;
        obstacles: Array<{
          category: { code: string };
          percentage: number;
          meanSeverity: number | null;
          weight: number;
        }>;
        indicators: Array<{ indicatorCode: string; gap: number | null }>;
        actionItems: Array<{ id: number; status: string; recommendationCode: string }>;
      }>;
    };
    const RECS = `respondents actionItemsVisible priorityRule priorityRuleCode recommendations { recommendation { code } priority obstacleScore indicatorGap
      obstacles { category { code } percentage meanSeverity weight } indicators { indicatorCode gap } actionItems { id status recommendationCode } }`;

    it("orders recommendations by the documented priority, from the province's obstacles and lagging indicators", async () => {
      const res = await app.gql<{
        provinceRecommendations: Recs;
        obstaclePrevalence: {
          categories: Array<{ category: { code: string }; percentage: number; meanSeverity: number | null }>;
        };
      }>(
        `{ provinceRecommendations(provinceCode: "TH-40", quarterCode: "${Q}") { ${RECS} }
           obstaclePrevalence(scopeCode: "TH-40", quarterCode: "${Q}", respondentLevel: LOCAL) { categories { category { code } percentage meanSeverity } } }`,
        {},
        tokens.planner,
      );
      const r = res.data!.provinceRecommendations;
      expect(r.recommendations.length).toBeGreaterThan(0);
      expect(r.priorityRule).toMatch(/severity/);
      expect(r.priorityRuleCode).toBe('MAX_OBSTACLE_SCORE_PLUS_MAX_GAP_V1');
      const prevalence = new Map(res.data!.obstaclePrevalence.categories.map((c) => [c.category.code, c]));
      for (let i = 0; i < r.recommendations.length; i++) {
        const rec = r.recommendations[i];
        if (i > 0) expect(r.recommendations[i - 1].priority).toBeGreaterThanOrEqual(rec.priority);
        expect(rec.priority).toBeCloseTo(rec.obstacleScore + rec.indicatorGap, 12);
        for (const o of rec.obstacles) {
          const p = prevalence.get(o.category.code)!;
          expect(o.weight).toBeCloseTo(p.meanSeverity === null ? 0 : ((p.percentage / 100) * p.meanSeverity) / 5, 12);
        }
        expect(rec.obstacleScore).toBeCloseTo(Math.max(0, ...rec.obstacles.map((o) => o.weight)), 12);
        expect(rec.indicatorGap).toBeCloseTo(Math.max(0, ...rec.indicators.map((x) => x.gap ?? 0)), 12);
        for (const a of rec.actionItems) expect(a.recommendationCode).toBe(rec.recommendation.code);
      }
      const [{ n }] = await query<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM action_item a JOIN org_unit p ON p.id = a.org_unit_id JOIN recommendation r ON r.id = a.recommendation_id
          WHERE p.code = 'TH-40' AND a.fiscal_year = 2569 AND r.code = ANY($1)`,
        [r.recommendations.map((x) => x.recommendation.code)],
      );
      expect(r.actionItemsVisible).toBe(true);
      expect(r.recommendations.reduce((s, x) => s + x.actionItems.length, 0)).toBe(n);
    });

    it('shows the action items to signed-in readers of the report, not to anonymous callers', async () => {
      const anonymous = await app.gql<{ provinceRecommendations: Recs }>(
        `{ provinceRecommendations(provinceCode: "TH-40", quarterCode: "${Q}") { ${RECS} } }`,
      );
      expect(anonymous.data!.provinceRecommendations.actionItemsVisible).toBe(false);
      expect(anonymous.data!.provinceRecommendations.recommendations.every((r) => r.actionItems.length === 0)).toBe(
        true,
      );
      const analyst = await app.gql<{ provinceRecommendations: Recs }>(
        `{ provinceRecommendations(provinceCode: "TH-40", quarterCode: "${Q}") { actionItemsVisible } }`,
        {},
        tokens.analyst,
      );
      expect(analyst.data!.provinceRecommendations.actionItemsVisible).toBe(true);
    });
  });

  describe('visibility', () => {
    const SUBMITTED_Q = 'FY2569Q4';
    const OVERVIEW = `{ nationalOverview(quarterCode: "${SUBMITTED_Q}") { reportingProvinces includeSubmitted indicators { indicator { code } current { numerator denominator value } } } }`;
    type Overview = {
      nationalOverview: { reportingProvinces: number; includeSubmitted: boolean; indicators: Progress[] };
    };
    const counts = async () =>
      (
        await query<{ approved: number; submitted: number }>(
          db.url,
          `SELECT count(*) FILTER (WHERE r.status = 'APPROVED')::int AS approved, count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted
           FROM report r JOIN fiscal_quarter q ON q.id = r.quarter_id WHERE q.code = $1`,
          [SUBMITTED_Q],
        )
      )[0];

    it('lets anonymous callers read approved aggregates, the open-data view', async () => {
      const res = await app.gql<Overview>(OVERVIEW);
      expect(res.errors).toBeUndefined();
      expect(res.data!.nationalOverview.reportingProvinces).toBe((await counts()).approved);
      expect(res.data!.nationalOverview.includeSubmitted).toBe(false);
    });

    it('counts submitted reports only for planners and administrators who ask', async () => {
      const withSubmitted = OVERVIEW.replace(
        `quarterCode: "${SUBMITTED_Q}"`,
        `quarterCode: "${SUBMITTED_Q}", includeSubmitted: true`,
      );
      expect(code(await app.gql(withSubmitted))).toBe('UNAUTHENTICATED');
      expect(code(await app.gql(withSubmitted, {}, tokens['officer.th40']))).toBe('FORBIDDEN');
      expect(code(await app.gql(withSubmitted, {}, tokens.analyst))).toBe('FORBIDDEN');
      for (const q of [
        `{ obstaclePrevalence(includeSubmitted: true) { respondents } }`,
        `{ indicatorSeries(indicatorCode: "${TRAINED}", includeSubmitted: true) { points { value } } }`,
        `{ provinceScorecard(provinceCode: "TH-40", includeSubmitted: true) { quarter { code } } }`,
        `{ compositeIndex(includeSubmitted: true) { method } }`,
        `{ provinceRecommendations(provinceCode: "TH-40", includeSubmitted: true) { respondents } }`,
        `{ regionComparison(indicatorCode: "${TRAINED}", includeSubmitted: true) { values { value } } }`,
      ]) {
        expect(code(await app.gql(q, {}, tokens['officer.th40']))).toBe('FORBIDDEN');
      }
      const { approved, submitted } = await counts();
      expect(submitted).toBeGreaterThan(0);
      const planner = await app.gql<Overview>(withSubmitted, {}, tokens.planner);
      expect(planner.data!.nationalOverview).toMatchObject({
        reportingProvinces: approved + submitted,
        includeSubmitted: true,
      });
      const hand = await handRatio(SUBMITTED_Q, '/TH/%', 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL', [
        'APPROVED',
        'SUBMITTED',
      ]);
      expect(
        planner.data!.nationalOverview.indicators.find((i) => i.indicator.code === TRAINED)!.current!.numerator,
      ).toBe(hand.n);
      const admin = await app.gql<Overview>(withSubmitted, {}, tokens.admin);
      expect(admin.data!.nationalOverview.reportingProvinces).toBe(approved + submitted);
    });

    it("never shows an officer another province's unapproved data", async () => {
      const [{ code: other }] = await query<{ code: string }>(
        db.url,
        `SELECT p.code FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id
          WHERE q.code = $1 AND r.status = 'SUBMITTED' ORDER BY p.code LIMIT 1`,
        [SUBMITTED_Q],
      );
      const officer = tokens['officer.th40'];
      const res = await app.gql<{
        provinceScorecard: {
          indicators: Array<{ current: unknown; rank: number | null }>;
          index: { index: number | null; rank: number | null };
        };
        indicatorProgress: { current: unknown };
        indicatorSeries: { points: Array<{ quarterCode: string }> };
        obstaclePrevalence: { respondents: number };
        provinceRecommendations: { respondents: number; actionItemsVisible: boolean };
        compositeIndex: { provinces: Array<{ province: { code: string }; index: number | null }> };
        provinceRanking: { values: Array<{ scope: { code: string }; value: number | null }> };
        provinceIndicatorValues: { values: Array<{ provinceCode: string }> };
      }>(
        `{ provinceScorecard(provinceCode: "${other}", quarterCode: "${SUBMITTED_Q}") { indicators { current { value } rank } index { index rank } }
           indicatorProgress(indicatorCode: "${TRAINED}", scopeCode: "${other}", quarterCode: "${SUBMITTED_Q}") { current { value } }
           indicatorSeries(indicatorCode: "${TRAINED}", scopeCode: "${other}") { points { quarterCode } }
           obstaclePrevalence(scopeCode: "${other}", quarterCode: "${SUBMITTED_Q}", respondentLevel: LOCAL) { respondents }
           provinceRecommendations(provinceCode: "${other}", quarterCode: "${SUBMITTED_Q}") { respondents actionItemsVisible }
           compositeIndex(quarterCode: "${SUBMITTED_Q}") { provinces { province { code } index } }
           provinceRanking(indicatorCode: "${TRAINED}", quarterCode: "${SUBMITTED_Q}") { values { scope { code } value } }
           provinceIndicatorValues(indicatorCode: "${TRAINED}", quarterCode: "${SUBMITTED_Q}") { values { provinceCode } } }`,
        {},
        officer,
      );
      expect(res.errors).toBeUndefined();
      const d = res.data!;
      expect(d.provinceScorecard.indicators.every((i) => i.current === null && i.rank === null)).toBe(true);
      expect(d.provinceScorecard.index).toMatchObject({ index: null, rank: null });
      expect(d.indicatorProgress.current).toBeNull();
      expect(d.indicatorSeries.points.map((p) => p.quarterCode)).not.toContain(SUBMITTED_Q);
      expect(d.obstaclePrevalence.respondents).toBe(0);
      expect(d.provinceRecommendations).toEqual({ respondents: 0, actionItemsVisible: false });
      expect(d.compositeIndex.provinces.find((p) => p.province.code === other)!.index).toBeNull();
      expect(d.provinceRanking.values.find((v) => v.scope.code === other)!.value).toBeNull();
      expect(d.provinceIndicatorValues.values.map((v) => v.provinceCode)).not.toContain(other);

      const planner = await app.gql<{ indicatorProgress: { current: { value: number } | null } }>(
        `{ indicatorProgress(indicatorCode: "${TRAINED}", scopeCode: "${other}", quarterCode: "${SUBMITTED_Q}", includeSubmitted: true) { current { value } } }`,
        {},
        tokens.planner,
      );
      expect(planner.data!.indicatorProgress.current).not.toBeNull();
    });

    it('shows an approval at once: no batch job between the report and the numbers', async () => {
      const before = (await app.gql<Overview>(OVERVIEW)).data!.nationalOverview;
      const [{ code: province }] = await query<{ code: string }>(
        db.url,
        `UPDATE report r SET status = 'APPROVED', decided_at = now() FROM fiscal_quarter q, org_unit p
          WHERE q.id = r.quarter_id AND p.id = r.org_unit_id AND q.code = $1
            AND r.id = (SELECT r2.id FROM report r2 JOIN fiscal_quarter q2 ON q2.id = r2.quarter_id JOIN org_unit p2 ON p2.id = r2.org_unit_id
                         WHERE q2.code = $1 AND r2.status = 'SUBMITTED' ORDER BY p2.code LIMIT 1)
          RETURNING p.code`,
        [SUBMITTED_Q],
      );
      const after = (await app.gql<Overview>(OVERVIEW)).data!.nationalOverview;
      expect(after.reportingProvinces).toBe(before.reportingProvinces + 1);
      const hand = await handRatio(SUBMITTED_Q, '/TH/%', 'STAFF_TRAINED_DIGITAL', 'STAFF_TOTAL');
      const trained = after.indicators.find((i) => i.indicator.code === TRAINED)!;
      expect(trained.current!.numerator).toBe(hand.n);
      expect(trained.current!.numerator).toBeGreaterThan(
        before.indicators.find((i) => i.indicator.code === TRAINED)!.current!.numerator,
      );
      const anonymous = await app.gql<{
        provinceScorecard: { indicators: Array<{ current: { value: number } | null }> };
      }>(
        `{ provinceScorecard(provinceCode: "${province}", quarterCode: "${SUBMITTED_Q}") { indicators { current { value } } } }`,
      );
      expect(anonymous.data!.provinceScorecard.indicators.every((i) => i.current !== null)).toBe(true);
    });
  });
});

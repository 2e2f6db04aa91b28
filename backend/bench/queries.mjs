// The two dashboard queries the benchmark times, each beside SQL that gives the same figures run directly:
// once over the roll-up the API reads (the API's own statements, in one round trip) and once straight over
// the base tables (data_value), as an analyst without the roll-up would write it.

const OVERVIEW = `query($q: String) { nationalOverview(quarterCode: $q) {
  quarter { code } reportingProvinces
  indicators { indicator { code } status achievementPct observedGrowth requiredGrowth ratio
    current { value quarterCode } base { value quarterCode } target { value } }
  obstacles { respondents anyObstacle { count percentage ciLow ciHigh }
    categories { category { code } count percentage ciLow ciHigh meanSeverity smallSample } baseline { anyObstacle { count percentage } } } } }`;

const SCORECARD = `query($p: String!, $q: String) { provinceScorecard(provinceCode: $p, quarterCode: $q) {
  quarter { code } index { index rank }
  indicators { indicator { code } status rank rankedCount nationalValue achievementPct
    current { value } base { value quarterCode } target { value } } } }`;

/** National sums per indicator for the current and base quarters, targets, and province-level prevalence. */
const OVERVIEW_ROLLUP_SQL = `
WITH q AS (SELECT unnest($1::smallint[]) AS id),
sums AS (
  SELECT x.indicator_id, x.quarter_id, sum(x.numerator) AS n, sum(x.denominator) AS d, sum(x.units) AS units
    FROM indicator_rollup x JOIN report r ON r.id = x.report_id
   WHERE x.quarter_id IN (SELECT id FROM q) AND r.quarter_id IN (SELECT id FROM q) AND r.status = 'APPROVED'
   GROUP BY x.indicator_id, x.quarter_id),
targets AS (SELECT t.indicator_id, t.value FROM target t JOIN org_unit n ON n.id = t.org_unit_id AND n.level = 'NATION' WHERE t.fiscal_year = $2),
prevalence AS (
  SELECT a.category_code, count(*) AS cited, avg(a.severity) AS severity
    FROM report r JOIN obstacle_response o ON o.report_id = r.id AND o.respondent_id = r.org_unit_id
    JOIN obstacle_answer a ON a.response_id = o.id
   WHERE r.quarter_id = $3 AND r.status = 'APPROVED' GROUP BY a.category_code)
SELECT (SELECT json_agg(s) FROM sums s) AS sums, (SELECT json_agg(t) FROM targets t) AS targets,
       (SELECT json_agg(p) FROM prevalence p) AS prevalence,
       (SELECT count(*) FROM report r WHERE r.quarter_id = $3 AND r.status = 'APPROVED') AS respondents`;

/** The same national sums taken from data_value itself (ratio of sums over units reporting both figures). */
const OVERVIEW_BASE_SQL = `
WITH q AS (SELECT unnest($1::smallint[]) AS id),
unit AS (
  SELECT i.id AS indicator_id, dv.quarter_id, dv.org_unit_id,
         max(dv.value) FILTER (WHERE dv.data_element_id = i.numerator_element_id) AS n,
         max(dv.value) FILTER (WHERE dv.data_element_id = i.denominator_element_id) AS d
    FROM data_value dv JOIN report r ON r.id = dv.report_id AND r.status = 'APPROVED'
    JOIN indicator i ON dv.data_element_id IN (i.numerator_element_id, i.denominator_element_id)
   WHERE dv.quarter_id IN (SELECT id FROM q)
   GROUP BY i.id, dv.quarter_id, dv.org_unit_id)
SELECT indicator_id, quarter_id, sum(n) AS n, sum(d) AS d, count(*) AS units FROM unit
 WHERE n IS NOT NULL GROUP BY indicator_id, quarter_id`;

/** One province: its series for every quarter, every province's sums in the current quarter (for ranks), targets. */
const SCORECARD_ROLLUP_SQL = `
WITH series AS (
  SELECT x.indicator_id, x.quarter_id, x.numerator AS n, x.denominator AS d, x.units
    FROM indicator_rollup x JOIN report r ON r.id = x.report_id
   WHERE r.org_unit_id = $1 AND r.status = 'APPROVED'),
ranks AS (
  SELECT r.org_unit_id, x.indicator_id, x.numerator AS n, x.denominator AS d
    FROM indicator_rollup x JOIN report r ON r.id = x.report_id
   WHERE x.quarter_id = $2 AND r.quarter_id = $2 AND r.status = 'APPROVED'),
targets AS (SELECT t.indicator_id, t.org_unit_id, t.value FROM target t WHERE t.org_unit_id IN ($1, $3) AND t.fiscal_year = $4)
SELECT (SELECT json_agg(s) FROM series s) AS series, (SELECT json_agg(k) FROM ranks k) AS ranks, (SELECT json_agg(t) FROM targets t) AS targets`;

const SCORECARD_BASE_SQL = `
WITH unit AS (
  SELECT i.id AS indicator_id, dv.quarter_id, dv.org_unit_id, r.org_unit_id AS province_id,
         max(dv.value) FILTER (WHERE dv.data_element_id = i.numerator_element_id) AS n,
         max(dv.value) FILTER (WHERE dv.data_element_id = i.denominator_element_id) AS d
    FROM data_value dv JOIN report r ON r.id = dv.report_id AND r.status = 'APPROVED'
    JOIN indicator i ON dv.data_element_id IN (i.numerator_element_id, i.denominator_element_id)
   WHERE r.org_unit_id = $1 OR dv.quarter_id = $2
   GROUP BY i.id, dv.quarter_id, dv.org_unit_id, r.org_unit_id)
SELECT province_id, indicator_id, quarter_id, sum(n) AS n, sum(d) AS d FROM unit
 WHERE n IS NOT NULL AND (province_id = $1 OR quarter_id = $2) GROUP BY province_id, indicator_id, quarter_id`;

export const QUERIES = {
  async context(sql) {
    const [latest] = (
      await sql.query(
        `SELECT q.id, q.code, q.fiscal_year FROM fiscal_quarter q WHERE EXISTS (SELECT 1 FROM report r WHERE r.quarter_id = q.id AND r.status = 'APPROVED')
          ORDER BY q.fiscal_year DESC, q.quarter DESC LIMIT 1`,
      )
    ).rows;
    const quarters = (
      await sql.query(
        `SELECT id FROM fiscal_quarter WHERE id <= $1 AND EXISTS (SELECT 1 FROM report r WHERE r.quarter_id = fiscal_quarter.id) ORDER BY id`,
        [latest.id],
      )
    ).rows.map((r) => r.id);
    const provinces = (await sql.query(`SELECT id, code FROM org_unit WHERE level = 'PROVINCE' ORDER BY code`)).rows;
    const [nation] = (await sql.query(`SELECT id FROM org_unit WHERE level = 'NATION'`)).rows;
    // Current, previous and base (first) quarter: what the overview compares.
    const overviewQuarters = [...new Set([latest.id, quarters.at(-2), quarters[0]])];
    return { latest, quarters, overviewQuarters, provinces, nation };
  },
  list: [
    {
      name: 'national overview',
      graphql: OVERVIEW,
      variables: (ctx) => ({ q: ctx.latest.code }),
      sql: OVERVIEW_ROLLUP_SQL,
      sqlParams: (ctx) => [ctx.overviewQuarters, ctx.latest.fiscal_year, ctx.latest.id],
      baseSql: OVERVIEW_BASE_SQL,
      baseSqlParams: (ctx) => [ctx.overviewQuarters],
    },
    {
      name: 'province scorecard',
      graphql: SCORECARD,
      variables: (ctx, i) => ({ p: ctx.provinces[i % ctx.provinces.length].code, q: ctx.latest.code }),
      sql: SCORECARD_ROLLUP_SQL,
      sqlParams: (ctx, i) => [
        ctx.provinces[i % ctx.provinces.length].id,
        ctx.latest.id,
        ctx.nation.id,
        ctx.latest.fiscal_year,
      ],
      baseSql: SCORECARD_BASE_SQL,
      baseSqlParams: (ctx, i) => [ctx.provinces[i % ctx.provinces.length].id, ctx.latest.id],
    },
  ],

  /** Approves a submitted report of the latest quarter through the API and polls the overview until it counts it. */
  async approvalVisibility(base, sql, ctx, gql) {
    const login = await gql(
      base,
      'mutation { login(input: { email: "planner@demo.local", password: "demo-pass-2570" }) { token } }',
    );
    const token = login.login.token;
    let [report] = (
      await sql.query(`SELECT id, version FROM report WHERE quarter_id = $1 AND status = 'SUBMITTED' LIMIT 1`, [
        ctx.latest.id,
      ])
    ).rows;
    if (!report) {
      [report] = (
        await sql.query(
          `UPDATE report SET status = 'SUBMITTED' WHERE id = (SELECT id FROM report WHERE quarter_id = $1 AND status = 'APPROVED' LIMIT 1) RETURNING id, version`,
          [ctx.latest.id],
        )
      ).rows;
    }
    const count = async () =>
      (
        await gql(base, 'query($q: String) { nationalOverview(quarterCode: $q) { reportingProvinces } }', {
          q: ctx.latest.code,
        })
      ).nationalOverview.reportingProvinces;
    const before = await count();
    const t = performance.now();
    await gql(
      base,
      'mutation($i: ReportDecisionInput!) { approveReport(input: $i) { status } }',
      { i: { reportId: report.id, version: report.version } },
      token,
    );
    let polls = 0;
    while ((await count()) === before) {
      polls++;
      if (performance.now() - t > 10_000) throw new Error('approval not visible after 10 s');
    }
    return { ms: performance.now() - t, polls, before, after: before + 1 };
  },
};

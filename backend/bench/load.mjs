// npm run bench:load: a data-entry season under load. Virtual users, all on loopback, for a bounded time and
// number of requests, against a server of its own on the full demo data (the national-scale database of
// run.mjs, in .cache/bench, reused with --reuse):
//   60 % anonymous readers: nationalOverview, provinceScorecard (random provinces), provinceIndicatorValues;
//   20 % analysts with an API token: compositeIndex, indicatorSeries, obstaclePrevalence, indicatorProgress,
//        regionComparison, provinceRanking;
//   20 % officers saving drafts (saveReport) of the quarter open for entry, one province each, every 1.5 s
//        as the report form's autosave does.
// Readers pause between requests (--think-ms, the mean of a uniform pause). Reports p50/p95/p99, throughput,
// errors, the cache's counters and the load average; checks afterwards that every officer's last saved
// values are in the database. Writes bench-results/load.md (and load.json, one entry per --label).
// Not a test: figures, not pass/fail.
//
// Flags: --users 200 --seconds 60 --think-ms 300 --max-requests 200000 --reuse --label after
//        --render (only rewrite load.md from load.json and load-notes.md)
//        --short (20 users, 10 s: a smoke run) --dist DIR --commit SHA (another build of the server, e.g. the
//        commit before a change, and its commit for the table; default backend/dist and HEAD)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../dist/modules/auth/password.js';
import { openBenchDatabase } from './database.mjs';
import { freePort, percentile } from './http.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'bench-results');
const log = (s) => console.log(`[bench:load] ${s}`);
const flag = (name) => process.argv.includes(name);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const short = flag('--short');
const OPTIONS = {
  users: Number(arg('--users', short ? 20 : 200)),
  seconds: Number(arg('--seconds', short ? 10 : 60)),
  thinkMs: Number(arg('--think-ms', 300)),
  maxRequests: Number(arg('--max-requests', 200_000)),
  label: arg('--label', short ? 'smoke' : 'latest'),
  dist: resolve(arg('--dist', join(ROOT, 'backend', 'dist'))),
  commit: arg('--commit', null),
  autosaveMs: 1500,
  requestTimeoutMs: 30_000,
};
const BENCH_PASSWORD = 'bench-load-pass-2570';

const Q = {
  overview: `{ nationalOverview { quarter { code } reportingProvinces indicators { indicator { code } status achievementPct current { value } base { value } target { value } }
    obstacles { respondents anyObstacle { percentage } categories { category { code } percentage ciLow ciHigh } } } }`,
  scorecard: `query($p: String!) { provinceScorecard(provinceCode: $p) { quarter { code } index { index rank }
    indicators { indicator { code } status rank rankedCount nationalValue achievementPct current { value } base { value quarterCode } target { value } } } }`,
  values: `query($i: String!) { provinceIndicatorValues(indicatorCode: $i) { quarter { code } values { provinceCode value numerator denominator } } }`,
  composite: `{ compositeIndex { quarter { code } provinces { province { code } index rank pillars { pillarCode score } } } }`,
  series: `query($i: String!, $s: String!) { indicatorSeries(indicatorCode: $i, scopeCode: $s) { points { quarterCode value changeFromPrevious } } }`,
  prevalence: `query($s: String!) { obstaclePrevalence(scopeCode: $s) { respondents anyObstacle { percentage ciLow ciHigh } categories { category { code } percentage } } }`,
  progress: `query($i: String!, $s: String!) { indicatorProgress(indicatorCode: $i, scopeCode: $s) { status achievementPct current { value } target { value } } }`,
  regions: `query($i: String!) { regionComparison(indicatorCode: $i) { values { scope { code } value rank } } }`,
  ranking: `query($i: String!) { provinceRanking(indicatorCode: $i) { values { scope { code } value rank } } }`,
  save: `mutation($i: SaveReportInput!) { saveReport(input: $i) { report { version status } inserted updated } }`,
  report: `query($p: String!, $q: String!) { report(provinceCode: $p, quarterCode: $q) { version status } }`,
  cache: `{ systemInfo { analyticsCache { enabled version hits misses } } }`,
};

async function post(base, query, variables, token) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(OPTIONS.requestTimeoutMs),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}, no JSON` }] }));
  if (res.status !== 200 || body.errors) {
    const e = body.errors?.[0];
    throw new Error(`${res.status} ${e?.extensions?.code ?? ''} ${e?.message ?? ''}`.trim());
  }
  return body.data;
}

const pick = (xs, rnd) => xs[Math.floor(rnd() * xs.length)];

/** A small seeded generator, so that two runs ask the same mix. */
function generator(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the run needs from the database: provinces, indicators, the quarter open for entry and officers for it. */
async function prepare(sql, officerCount) {
  const provinces = (await sql.query(`SELECT id, code FROM org_unit WHERE level = 'PROVINCE' ORDER BY code`)).rows;
  const regions = (await sql.query(`SELECT code FROM org_unit WHERE level = 'REGION' ORDER BY code`)).rows.map(
    (r) => r.code,
  );
  const indicators = (await sql.query(`SELECT code FROM indicator ORDER BY sort_order`)).rows.map((r) => r.code);
  const [open] = (
    await sql.query(
      `SELECT id, code FROM fiscal_quarter WHERE (now() AT TIME ZONE 'Asia/Bangkok')::date BETWEEN entry_opens_on AND entry_closes_on
        ORDER BY fiscal_year DESC, quarter DESC LIMIT 1`,
    )
  ).rows;
  if (!open) throw new Error('no quarter is open for data entry today');
  // Provinces whose report of the open quarter an officer may edit: none yet, a draft or a returned one.
  const editable = (
    await sql.query(
      `SELECT p.id, p.code FROM org_unit p LEFT JOIN report r ON r.org_unit_id = p.id AND r.quarter_id = $1
        WHERE p.level = 'PROVINCE' AND (r.id IS NULL OR r.status IN ('DRAFT', 'RETURNED')) ORDER BY p.code LIMIT $2`,
      [open.id, officerCount],
    )
  ).rows;
  // One element an indicator reads (so that a save changes the roll-up, as a real one does), integer-valued.
  const [element] = (
    await sql.query(
      `SELECT e.code FROM data_element e JOIN indicator i ON e.id = i.numerator_element_id
        WHERE e.value_type = 'INTEGER' ORDER BY i.sort_order LIMIT 1`,
    )
  ).rows;
  const units = new Map();
  for (const p of editable) {
    units.set(
      p.code,
      (
        await sql.query(`SELECT code FROM org_unit WHERE parent_id = $1 AND level = 'LOCAL' ORDER BY code LIMIT 3`, [
          p.id,
        ])
      ).rows.map((r) => r.code),
    );
  }
  // Officer accounts of the benchmark, one per province (is_demo: they go with the demo data).
  const hash = await hashPassword(BENCH_PASSWORD);
  for (const p of editable) {
    await sql.query(
      `INSERT INTO app_user (email, password_hash, display_name, role, province_id, is_demo) VALUES ($1, $2, $3, 'OFFICER', $4, true)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, province_id = EXCLUDED.province_id, is_active = true,
         failed_login_count = 0, locked_until = NULL`,
      [`bench.officer.${p.code.toLowerCase()}@bench.local`, hash, `Benchmark officer ${p.code}`, p.id],
    );
  }
  return { provinces: provinces.map((p) => p.code), regions, indicators, open, editable, element: element.code, units };
}

async function startServer(databaseUrl) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['--max-old-space-size=192', '--max-semi-space-size=8', join(OPTIONS.dist, 'main.js')],
    {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_DATA: 'false',
        NODE_ENV: 'development',
        // 200 users from one loopback address: the per-client limits (where the build has them) would refuse them.
        CLIENT_MAX_IN_FLIGHT: '10000',
        CLIENT_BURST: '100000',
        CLIENT_PER_SECOND: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  server.stdout.on('data', (d) => (text += d));
  server.stderr.on('data', (d) => (text += d));
  for (let i = 0; !text.includes('Press Ctrl-C'); i++) {
    if (server.exitCode !== null || i > 1200) throw new Error(`server did not start:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, base: `http://127.0.0.1:${port}`, output: () => text };
}

async function signIn(base, email, password) {
  return (await post(base, 'mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } }))
    .login.token;
}

async function run(base, ctx) {
  const { users, seconds, thinkMs, maxRequests } = OPTIONS;
  const planner = await signIn(base, 'planner@demo.local', 'demo-pass-2570');
  const analystLogin = await signIn(base, 'analyst@demo.local', 'demo-pass-2570');
  const analyst = (
    await post(
      base,
      'mutation { createApiToken(input: { name: "bench:load", expiresInDays: 1 }) { token } }',
      {},
      analystLogin,
    )
  ).createApiToken.token;

  const anonymous = Math.round(users * 0.6);
  const analysts = Math.round(users * 0.2);
  const officerWanted = users - anonymous - analysts;
  const officers = [];
  for (const p of ctx.editable.slice(0, officerWanted)) {
    const token = await signIn(base, `bench.officer.${p.code.toLowerCase()}@bench.local`, BENCH_PASSWORD);
    const report = (await post(base, Q.report, { p: p.code, q: ctx.open.code }, token)).report;
    officers.push({
      province: p.code,
      token,
      version: report?.version ?? null,
      units: ctx.units.get(p.code),
      acked: null,
      unsure: [],
      saves: 0,
    });
  }
  if (officers.length < officerWanted)
    log(`only ${officers.length} provinces have an editable report in ${ctx.open.code}: ${officers.length} officers`);

  const samples = new Map();
  const errors = new Map();
  let requests = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const more = () => performance.now() < until && requests < maxRequests;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const timed = async (kind, fn) => {
    requests++;
    const t = performance.now();
    try {
      await fn();
      const list = samples.get(kind) ?? [];
      list.push(performance.now() - t);
      samples.set(kind, list);
      return true;
    } catch (err) {
      const key = `${kind}: ${String(err.message).slice(0, 160)}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
      return false;
    }
  };

  const reader = async (i, role) => {
    const rnd = generator(1000 + i);
    await sleep(rnd() * 1000);
    while (more()) {
      const ind = pick(ctx.indicators, rnd);
      const scope = pick(['TH', ...ctx.regions, ...ctx.provinces], rnd);
      const x = rnd();
      if (role === 'anonymous') {
        if (x < 1 / 3) await timed('nationalOverview', () => post(base, Q.overview, {}));
        else if (x < 2 / 3)
          await timed('provinceScorecard', () => post(base, Q.scorecard, { p: pick(ctx.provinces, rnd) }));
        else await timed('provinceIndicatorValues', () => post(base, Q.values, { i: ind }));
      } else {
        const q = [
          ['compositeIndex', Q.composite, {}],
          ['indicatorSeries', Q.series, { i: ind, s: scope }],
          ['obstaclePrevalence', Q.prevalence, { s: scope }],
          ['indicatorProgress', Q.progress, { i: ind, s: scope }],
          ['regionComparison', Q.regions, { i: ind }],
          ['provinceRanking', Q.ranking, { i: ind }],
        ][Math.floor(x * 6)];
        await timed(q[0], () => post(base, q[1], q[2], analyst));
      }
      await sleep(rnd() * 2 * thinkMs);
    }
  };

  const officer = async (o, i) => {
    const rnd = generator(5000 + i);
    await sleep(rnd() * OPTIONS.autosaveMs);
    while (more()) {
      o.saves++;
      const values = o.units.map((u, k) => ({
        orgUnitCode: u,
        dataElementCode: ctx.element,
        value: 10 + ((o.saves * 7 + k) % 90),
      }));
      const input = {
        provinceCode: o.province,
        quarterCode: ctx.open.code,
        version: o.version,
        values,
        reason: 'bench:load autosave',
      };
      let result = null;
      const ok = await timed('saveReport', async () => (result = await post(base, Q.save, { i: input }, o.token)));
      if (ok) {
        o.version = result.saveReport.report.version;
        o.acked = values;
        o.unsure = [];
      } else {
        // The outcome of a failed save is unknown (a timeout may still commit): either may be in the database.
        o.unsure.push(values);
        const report = await post(base, Q.report, { p: o.province, q: ctx.open.code }, o.token).catch(() => null);
        if (report?.report) o.version = report.report.version;
      }
      await sleep(OPTIONS.autosaveMs);
    }
  };

  log(
    `${users} virtual users (${anonymous} anonymous, ${analysts} analysts, ${officers.length} officers) for ${seconds} s, readers' pause ${thinkMs} ms on average`,
  );
  await Promise.all([
    ...Array.from({ length: anonymous }, (_, i) => reader(i, 'anonymous')),
    ...Array.from({ length: analysts }, (_, i) => reader(anonymous + i, 'analyst')),
    ...officers.map((o, i) => officer(o, i)),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  const cache = (await post(base, Q.cache, {}, planner)).systemInfo.analyticsCache;
  return {
    elapsed,
    samples,
    errors,
    requests,
    officers,
    cache,
    counts: { anonymous, analysts, officers: officers.length },
  };
}

/** Every officer's last acknowledged values are in the database (or, after a failed save, one of those tried since). */
async function checkNothingLost(sql, ctx, officers) {
  let checked = 0;
  const lost = [];
  for (const o of officers) {
    if (!o.acked) continue;
    for (const [k, v] of o.acked.entries()) {
      const { rows } = await sql.query(
        `SELECT dv.value::float AS value FROM data_value dv JOIN org_unit u ON u.id = dv.org_unit_id JOIN data_element e ON e.id = dv.data_element_id
          WHERE dv.quarter_id = $1 AND u.code = $2 AND e.code = $3`,
        [ctx.open.id, v.orgUnitCode, v.dataElementCode],
      );
      const allowed = [v.value, ...o.unsure.map((u) => u[k].value)];
      checked++;
      if (!rows[0] || !allowed.includes(rows[0].value))
        lost.push(`${o.province} ${v.orgUnitCode}: saved ${v.value}, found ${rows[0]?.value ?? 'nothing'}`);
    }
  }
  return { checked, lost };
}

function summarise(r, lost, load) {
  const all = [...r.samples.values()].flat().sort((a, b) => a - b);
  const stat = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
  };
  const errorCount = [...r.errors.values()].reduce((a, b) => a + b, 0);
  return {
    label: OPTIONS.label,
    at: new Date().toISOString(),
    commit: OPTIONS.commit ?? execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
    machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`,
    loadBefore: load.before,
    loadAfter: os.loadavg().map((x) => Number(x.toFixed(2))),
    options: {
      users: OPTIONS.users,
      seconds: OPTIONS.seconds,
      thinkMs: OPTIONS.thinkMs,
      maxRequests: OPTIONS.maxRequests,
      autosaveMs: OPTIONS.autosaveMs,
    },
    users: r.counts,
    elapsed: r.elapsed,
    requests: r.requests,
    ok: all.length,
    errors: errorCount,
    errorKinds: Object.fromEntries([...r.errors.entries()].slice(0, 10)),
    throughput: r.requests / r.elapsed,
    overall: stat(all),
    byQuery: Object.fromEntries([...r.samples.entries()].map(([k, v]) => [k, stat(v)])),
    cache: r.cache,
    lost: { checked: lost.checked, lost: lost.lost.length, examples: lost.lost.slice(0, 5) },
  };
}

function render(runs) {
  const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
  const lines = [
    '# Load benchmark: a data-entry season',
    '',
    '`npm run bench:load` (backend/bench/load.mjs): its own server (the same V8 flags as `npm start`, analytics cache on) on the national-scale demo',
    'database of `npm run bench` (77 provinces, about 7,850 local organizations, 40 quarters, about 9.4 million values), all traffic on loopback.',
    'Virtual users: 60 % anonymous (nationalOverview, provinceScorecard of random provinces, provinceIndicatorValues, each a third), 20 % analysts',
    'with an API token (compositeIndex, indicatorSeries, obstaclePrevalence, indicatorProgress, regionComparison, provinceRanking, each a sixth),',
    '20 % officers, each of its own province, saving a draft of the quarter open for entry (3 values an indicator reads) every 1.5 s like the',
    "form's autosave. Readers pause between requests (uniform, mean given). The load generator runs on the same 2 cores as the server and its",
    'database, and the machine is shared with other work: the load average is given before and after each run.',
    '',
    'Targets: 200 users, 0 errors, p95 ≤ 500 ms, ≥ 300 requests/s.',
    '',
    "| run | commit | users | duration | requests | req/s | errors | p50 / p95 / p99 ms | cache hits / misses | officers' values lost | load avg before → after |",
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (x) =>
        `| ${x.label} (${x.at.slice(0, 16)}Z) | ${x.commit?.slice(0, 9) ?? ''} | ${x.options.users} (${x.users.anonymous}/${x.users.analysts}/${x.users.officers}), pause ${x.options.thinkMs} ms | ${x.elapsed.toFixed(0)} s | ${x.requests} | **${x.throughput.toFixed(0)}** | ${x.errors} | **${f(x.overall.p50)} / ${f(x.overall.p95)} / ${f(x.overall.p99)}** | ${x.cache ? `${x.cache.hits} / ${x.cache.misses}` : 'n/a'} | ${x.lost.lost} of ${x.lost.checked} checked | ${x.loadBefore.join(' ')} → ${x.loadAfter.join(' ')} |`,
    ),
    '',
    ...runs.slice(-4).flatMap((x) => [
      `## ${x.label} (${x.at.slice(0, 16)}Z): per query (p50 / p95 / p99 ms, count)`,
      '',
      '| query | p50 | p95 | p99 | n |',
      '|---|---|---|---|---|',
      ...Object.entries(x.byQuery)
        .sort()
        .map(([k, s]) => `| ${k} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${s.n} |`),
      '',
      ...(x.errors ? ['Errors:', '', ...Object.entries(x.errorKinds).map(([k, n]) => `- ${n} × ${k}`), ''] : []),
    ]),
  ];
  return lines.join('\n');
}

function write(runs) {
  // Findings written by hand beside the figures (bench-results/load-notes.md) stay with them when the file is regenerated.
  const notes = existsSync(join(OUT, 'load-notes.md')) ? `\n${readFileSync(join(OUT, 'load-notes.md'), 'utf8')}` : '';
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'load.json'), JSON.stringify(runs, null, 2) + '\n');
  writeFileSync(join(OUT, 'load.md'), render(runs) + '\n' + notes);
}

async function main() {
  const jsonFile = join(OUT, 'load.json');
  if (flag('--render')) return write(JSON.parse(readFileSync(jsonFile, 'utf8')));
  const load = { before: os.loadavg().map((x) => Number(x.toFixed(2))) };
  const { db } = await openBenchDatabase(ROOT, { reuse: flag('--reuse'), log });
  let summary;
  try {
    const sql = new pg.Client({ connectionString: db.url });
    sql.on('error', () => {});
    await sql.connect();
    const officerCount = OPTIONS.users - Math.round(OPTIONS.users * 0.6) - Math.round(OPTIONS.users * 0.2);
    const ctx = await prepare(sql, officerCount);
    log(`open quarter ${ctx.open.code}; ${ctx.editable.length} provinces with an editable report`);
    const { server, base, output } = await startServer(db.url);
    let r;
    try {
      r = await run(base, ctx);
    } catch (err) {
      console.error(output().slice(-3000));
      throw err;
    } finally {
      server.kill('SIGINT');
      await new Promise((res) => server.on('exit', res));
    }
    const lost = await checkNothingLost(sql, ctx, r.officers);
    await sql.end();
    summary = summarise(r, lost, load);
  } finally {
    await db.stop();
  }
  // Every run is kept (the last 12): on a shared machine one run says little, a series says more.
  const runs = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')).slice(-11) : [];
  runs.push(summary);
  write(runs);
  const o = summary.overall;
  log(
    `${summary.requests} requests in ${summary.elapsed.toFixed(1)} s: ${summary.throughput.toFixed(0)} req/s, ${summary.errors} errors, p50 ${o.p50?.toFixed(0)} ms, p95 ${o.p95?.toFixed(0)} ms, p99 ${o.p99?.toFixed(0)} ms`,
  );
  log(
    `cache ${JSON.stringify(summary.cache)}; officers' values: ${summary.lost.lost} lost of ${summary.lost.checked} checked; load ${summary.loadBefore.join(' ')} → ${summary.loadAfter.join(' ')}`,
  );
  log('saved to bench-results/load.md');
  if (summary.lost.lost > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

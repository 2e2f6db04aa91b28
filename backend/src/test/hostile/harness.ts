import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { REPO_ROOT } from '../../core/paths.js';
import { freePort } from '../free-port.js';
import { createTestDatabase, query } from '../test-db.js';

/**
 * The hostile-input suite attacks the real server as a separate process, started the way `npm start` starts it
 * (the same bounded heap), so that a blow-up kills that process and not jest, and its memory can be read from
 * /proc. Each spec file starts one server on its own clone of the seeded template database.
 */

export const DEMO_PASSWORD = 'demo-pass-2570';
/** The server's resident memory must stay under this after any attack (the bound). */
export const MAX_RSS_MB = 300;
/** A trivial query sent while an attack runs must be answered within this. */
export const TRIVIAL_MS = 1000;
/** The trivial query is someone else's: another client address than the attack's (the server trusts the loopback proxy). */
export const TRIVIAL_FROM = '192.0.2.1';

/** Tables whose writes are the point of a refusal (counting attempts, auditing sign-in failures), not data. */
const BOOKKEEPING = /throttle|login_attempt|audit_event|app_meta|session/;

export interface HostileResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  ms: number;
}

export interface HostileServer {
  baseUrl: string;
  pid: number;
  dbUrl: string;
  /** Resident memory of the server process, in MB (VmRSS). */
  rssMb(): number;
  /** Everything the server wrote to stdout/stderr so far. */
  log(): string;
  /** True while the server process runs. */
  alive(): boolean;
  gql<T = any>(query: string, variables?: object, token?: string): Promise<HostileResponse<T>>;
  /** Any HTTP request to the server, with its timing; the body is parsed as JSON when it is JSON. */
  request<T = any>(path: string, init?: RequestInit): Promise<HostileResponse<T>>;
  signIn(email: string, password?: string): Promise<string>;
  /** Changes whenever a row of a data table is inserted, updated or deleted (bookkeeping tables aside). */
  writeFingerprint(options?: { include?: RegExp; exclude?: RegExp }): Promise<string>;
  close(): Promise<void>;
}

function parseBody(headers: Headers, text: string): unknown {
  if ((headers.get('content-type') ?? '').includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * One request on a connection of its own (node:http without an agent): fetch pools connections per origin and
 * queues the rest in the client, which would time the test's own queue instead of the server, and would keep
 * the trivial query of "someone else" waiting behind the attack's requests in the same process.
 */
function send(url: string, init: RequestInit): Promise<{ status: number; headers: Headers; body: string }> {
  return encode(url, init).then(
    ({ headers, body }) =>
      new Promise((resolve, reject) => {
        if (body) headers.set('content-length', String(body.length));
        const req = httpRequest(
          url,
          { method: init.method ?? 'GET', headers: Object.fromEntries(headers.entries()), agent: false },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const h = new Headers();
              for (const [k, v] of Object.entries(res.headers))
                if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
              resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
  );
}

/** The body as bytes and its headers (FormData and the like encoded the way fetch would, boundary included). */
async function encode(url: string, init: RequestInit): Promise<{ headers: Headers; body: Buffer | undefined }> {
  if (init.body === undefined || init.body === null) return { headers: new Headers(init.headers), body: undefined };
  if (typeof init.body === 'string') return { headers: new Headers(init.headers), body: Buffer.from(init.body) };
  if (init.body instanceof Uint8Array || init.body instanceof ArrayBuffer)
    return { headers: new Headers(init.headers), body: Buffer.from(init.body as Uint8Array) };
  const encoded = new Request(url, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
    duplex: 'half',
  } as RequestInit);
  return { headers: new Headers(encoded.headers), body: Buffer.from(await encoded.arrayBuffer()) };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export async function startHostileServer(env: Record<string, string> = {}): Promise<HostileServer> {
  const db = await createTestDatabase();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-old-space-size=192', '--max-semi-space-size=8', join(REPO_ROOT, 'backend', 'dist', 'main.js')],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: db.url,
        DEMO_DATA: 'false',
        // The suite speaks for many clients from one machine: X-Forwarded-For names the client (see TRIVIAL_FROM).
        TRUST_PROXY: 'loopback',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the server exited while starting:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  const request = async <T>(path: string, init: RequestInit = {}): Promise<HostileResponse<T>> => {
    const t0 = performance.now();
    const { status, headers, body } = await send(`${baseUrl}${path}`, init);
    return { status, headers, body: parseBody(headers, body) as T, ms: performance.now() - t0 };
  };
  const gql = <T>(q: string, variables?: object, token?: string) =>
    request<T>('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: q, variables }),
    });

  return {
    baseUrl,
    pid: child.pid!,
    dbUrl: db.url,
    rssMb: () => rssOf(child.pid!),
    log: () => output,
    alive: () => !exited,
    gql,
    request,
    async signIn(email, password = DEMO_PASSWORD) {
      const res = await gql<{ data?: { login?: { token: string } } }>(
        'mutation($i: LoginInput!) { login(input: $i) { token } }',
        { i: { email, password } },
      );
      const token = res.body?.data?.login?.token;
      if (!token) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.body)}`);
      return token;
    },
    async writeFingerprint(options = {}) {
      const tables = (
        await query<{ t: string }>(
          db.url,
          `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
        )
      )
        .map((r) => r.t)
        .filter(
          (t) =>
            (options.include ? options.include.test(t) : true) &&
            !(options.exclude ?? BOOKKEEPING).test(t) &&
            t !== 'migrations',
        );
      // A row's xmin is the transaction that wrote it: any insert or update raises the maximum, a delete lowers the count.
      const parts = await query<{ t: string; n: string; x: string | null }>(
        db.url,
        tables
          .map((t) => `SELECT '${t}' AS t, count(*)::text AS n, max(xmin::text::bigint)::text AS x FROM "${t}"`)
          .join(' UNION ALL '),
      );
      return parts
        .map((p) => `${p.t}:${p.n}:${p.x ?? '-'}`)
        .sort()
        .join(' ');
    },
    async close() {
      if (!exited) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
        if (!exited) child.kill('SIGKILL');
      }
      await db.drop();
    },
  };
}

/**
 * The trivial query is sent by a process of its own, as another user's browser would: sent from this process,
 * it would wait behind the attack's own hundreds of responses in this process's event loop, and time the
 * test's client instead of the server. The child is started before the attack; it sends on a line "go",
 * and prints the status and its own timing.
 */
const TRIVIAL_CHILD = `
const http = require('node:http');
process.stdin.once('data', () => {
  const body = JSON.stringify({ query: '{ __typename }' });
  const t0 = performance.now();
  const req = http.request(process.argv[1], { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': process.argv[2] } }, (res) => {
    res.resume();
    res.on('end', () => { console.log(JSON.stringify({ status: res.statusCode, ms: performance.now() - t0 })); process.exit(0); });
  });
  req.on('error', (e) => { console.log(JSON.stringify({ status: 0, ms: performance.now() - t0, error: e.message })); process.exit(0); });
  req.end(body);
});
`;

function trivialProbe(baseUrl: string): { go(): Promise<{ status: number; ms: number }> } {
  const child = spawn(process.execPath, ['-e', TRIVIAL_CHILD, `${baseUrl}/graphql`, TRIVIAL_FROM], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const finished = new Promise<{ status: number; ms: number }>((resolve, reject) => {
    child.once('exit', () => {
      try {
        resolve(JSON.parse(out.trim()));
      } catch {
        reject(new Error(`the trivial query's process printed: ${out}`));
      }
    });
  });
  return {
    go() {
      child.stdin!.end('go\n');
      return finished;
    },
  };
}

/**
 * Runs an attack and, 100 ms into it, a trivial query from another process and another client address: returns
 * how long the attack took to be answered and how long the trivial query took. The caller asserts the refusal's
 * code, the timings, the memory and the data.
 */
export async function underAttack<T>(
  server: HostileServer,
  attack: () => Promise<T>,
): Promise<{ result: T; ms: number; trivialMs: number }> {
  const probe = trivialProbe(server.baseUrl);
  // Let the probe's process start (its start-up is not the server's time).
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  const attacking = attack().then((result) => ({ result, ms: performance.now() - t0 }));
  await new Promise((r) => setTimeout(r, 100));
  const trivial = await probe.go();
  if (trivial.status !== 200) throw new Error(`the trivial query failed during the attack: ${JSON.stringify(trivial)}`);
  const { result, ms } = await attacking;
  return { result, ms, trivialMs: trivial.ms };
}

/** Prints one line per attack, collected by the suite for the closing figures. */
export function record(name: string, figures: { ms: number; trivialMs: number; rssMb: number }): void {
  console.log(
    `[hostile] ${name}: refused in ${figures.ms.toFixed(0)} ms; trivial query ${figures.trivialMs.toFixed(0)} ms; server RSS ${figures.rssMb.toFixed(0)} MB`,
  );
}

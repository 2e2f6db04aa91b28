import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../core/paths.js';
import { freePort } from './free-port.js';
import { createTestDatabase } from './test-db.js';

const MAIN = join(REPO_ROOT, 'backend', 'dist', 'main.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The built product, started as a user starts it (npm start runs this file). */
function run(env: Record<string, string>): Run {
  let out = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(r: Run, text: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!r.output().includes(text)) {
    if (Date.now() > until) throw new Error(`timed out waiting for "${text}"; output:\n${r.output()}`);
    if (r.child.exitCode !== null)
      throw new Error(`exited ${r.child.exitCode} before "${text}"; output:\n${r.output()}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function provinceCount(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ provinces { code } systemInfo { demoDataLoaded } }' }),
  });
  const body = (await res.json()) as { data: { provinces: unknown[] } };
  return body.data.provinces.length;
}

async function counts(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ provinces { code localOrganizationCount } }' }),
  });
  return JSON.stringify(await res.json());
}

describe('Start-up (npm start)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'digigov-start-'));
    // PostgreSQL runs as its own user (we run as root), which must be able to reach the data folder.
    chmodSync(d, 0o755);
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('starts an embedded PostgreSQL, serves API and dashboard, stops on Ctrl-C, and a restart keeps the data without duplicating it', async () => {
    const dataDir = tempDir();
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      DEMO_SCALE: '0.02',
    };
    const first = run(env);
    await waitFor(first, 'Press Ctrl-C to stop.');
    expect(first.output()).toMatch(/officer\.th40@demo\.local/);
    expect(first.output()).toMatch(/demo data loaded/);
    expect(await provinceCount(Number(env.PORT))).toBe(77);
    const before = await counts(Number(env.PORT));
    const page = await fetch(`http://127.0.0.1:${env.PORT}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="app">/);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    // A second instance on the same folder is refused while the first runs, and leaves the first alone.
    const twin = run({ ...env, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(await twin.exited).toBe(1);
    expect(twin.output()).toMatch(/already in use by process/);
    expect(twin.output()).not.toMatch(/\n\s+at /);
    expect(await provinceCount(Number(env.PORT))).toBe(77);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = run(env);
    await waitFor(second, 'Press Ctrl-C to stop.');
    expect(second.output()).toMatch(/demo data already present/);
    expect(await counts(Number(env.PORT))).toBe(before);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('uses DATABASE_URL instead of the embedded database when given', async () => {
    const db = await createTestDatabase({ empty: true });
    const dataDir = tempDir();
    const port = await freePort();
    const r = run({ DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: String(port), DEMO_DATA: 'false' });
    try {
      await waitFor(r, 'Press Ctrl-C to stop.');
      expect(r.output()).toMatch(/using DATABASE_URL/);
      expect(await provinceCount(port)).toBe(77);
      expect(existsSync(join(dataDir, 'pg'))).toBe(false);
      expect(r.output()).not.toMatch(/Demo accounts/);
    } finally {
      r.child.kill('SIGINT');
      await r.exited;
      await db.drop();
    }
  });

  it('explains a port in use instead of printing a stack trace', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const r = run({ DATA_DIR: tempDir(), PORT: String(port) });
      expect(await r.exited).toBe(1);
      expect(r.output()).toMatch(new RegExp(`Port ${port} is already in use`));
      expect(r.output()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('names the bad variable and refuses production with the default token secret', async () => {
    const bad = run({ PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/PORT/);
    const prod = run({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x:y@127.0.0.1:1/z' });
    expect(await prod.exited).toBe(1);
    expect(prod.output()).toMatch(/TOKEN_SECRET/);
  });

  it('refuses production on a database that holds the demo accounts, in one line and without a stack', async () => {
    const db = await createTestDatabase();
    try {
      const prod = run({
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        TOKEN_SECRET: 'p'.repeat(40),
        PORT: String(await freePort()),
      });
      expect(await prod.exited).toBe(1);
      expect(prod.output()).toMatch(/demo account/);
      expect(prod.output()).not.toMatch(/\n\s+at /);
    } finally {
      await db.drop();
    }
  });
});

// Runs once before the test files, in plain ESM against the built backend (npm test builds first):
// jest loads global setup outside its module transform.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../dist/core/database/embedded-postgres.js';
import { prepareDatabase } from '../dist/core/database/database-setup.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// One folder per run: several test runs (developers, CI) may share a machine.
const CACHE_DIR = join(REPO_ROOT, '.cache', 'test', String(process.pid));
const TEMPLATE_DB = 'digigov_template';
/** A fixed "today", so the demo data and the tests reading it are the same on every run. */
const DEMO_AS_OF = '2026-11-21';
/** A tenth of the national scale keeps the template small; the generator's full scale is unit-tested. */
const DEMO_SCALE = 0.1;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** One real PostgreSQL for the whole run; each test file clones the migrated, seeded template database. */
export default async function globalSetup() {
  const t0 = performance.now();
  rmSync(CACHE_DIR, { recursive: true, force: true });
  mkdirSync(CACHE_DIR, { recursive: true });
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir: join(CACHE_DIR, 'pg'), port, database: TEMPLATE_DB });
  globalThis.__TEST_PG__ = pg;
  const admin = new URL(pg.url);
  admin.pathname = '/postgres';
  const template = new URL(pg.url);
  template.pathname = `/${TEMPLATE_DB}`;
  await prepareDatabase(template.toString(), {
    demo: true,
    asOf: new Date(`${DEMO_AS_OF}T12:00:00Z`),
    scale: DEMO_SCALE,
  });
  const envFile = join(CACHE_DIR, 'env.json');
  writeFileSync(
    envFile,
    JSON.stringify({ adminUrl: admin.toString(), template: TEMPLATE_DB, port, demoAsOf: DEMO_AS_OF }),
  );
  // Test files run in this process (--runInBand) and find the database through this variable.
  process.env.DIGIGOV_TEST_ENV = envFile;
  globalThis.__TEST_CACHE_DIR__ = CACHE_DIR;
  console.log(
    `\n[test] PostgreSQL on port ${port}; template database ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

import { loadReferenceData } from '@digigov/seed';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { MIGRATIONS_DIR } from '../paths.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { Migrator, readMigrations } from './migrator.js';
import { seedReferenceData } from '../../modules/seed/reference.seeder.js';
import { inTransaction } from '../../modules/seed/sql.js';
import { isDemoLoaded, loadDemoData, type DemoLoadResult } from '../../modules/seed/demo.seeder.js';

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise a real PostgreSQL from embedded-postgres in DATA_DIR, supervised (restarted
 * when it dies, stopped when we die). `notice` receives the supervisor's messages, `log` PostgreSQL's own output.
 */
export async function openDatabase(
  config: AppConfig,
  notice: (line: string) => void = () => {},
  log: (line: string) => void = () => {},
): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const db = await startEmbeddedPostgres({
    dataDir: config.embeddedPostgres.dataDir,
    port: config.embeddedPostgres.port,
    database: 'digigov',
    log,
    notice,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'digigov-setup' });
  // A dropped connection (e.g. Ctrl-C during set-up) surfaces as the pending query's error, not a crash.
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function migrateUp(url: string): Promise<string[]> {
  return withClient(url, (c) => new Migrator(c, readMigrations(MIGRATIONS_DIR)).up());
}

export async function migrateDown(url: string, steps = 1): Promise<string[]> {
  return withClient(url, (c) => new Migrator(c, readMigrations(MIGRATIONS_DIR)).down(steps));
}

export async function seedReference(url: string): Promise<void> {
  const ref = loadReferenceData();
  await withClient(url, (c) => inTransaction(c, () => seedReferenceData(c, ref)));
}

export interface PrepareResult {
  migrationsApplied: string[];
  demo: DemoLoadResult | null;
  demoAlreadyLoaded: boolean;
  /** How long another process held the set-up lock before this one could start (0 when none did). */
  waitedMs: number;
}

// Any fixed number other than the migrator's; holding it serialises the whole set-up of processes that start at once.
export const SETUP_LOCK = 727_2571;

/**
 * Migrate, load reference data, and load the demo data the first time only. Replicas that start together on one
 * database take turns under a session-level advisory lock: the first prepares, the others wait and then find the
 * demo data present (without the lock both would load it, and the second would fail on duplicate org units).
 * Session-level rather than per transaction because the set-up is several transactions; PostgreSQL releases it
 * when the session ends, so a process killed half-way frees the next one, which finds its load rolled back.
 */
export async function prepareDatabase(
  url: string,
  options: { demo: boolean; asOf?: Date; scale?: number },
): Promise<PrepareResult> {
  return withClient(url, async (c) => {
    const t0 = performance.now();
    const { rows } = await c.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [SETUP_LOCK]);
    if (!rows[0].got) await c.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    const waitedMs = rows[0].got ? 0 : performance.now() - t0;
    try {
      const migrationsApplied = await new Migrator(c, readMigrations(MIGRATIONS_DIR)).up();
      await inTransaction(c, () => seedReferenceData(c, loadReferenceData()));
      if (!options.demo) return { migrationsApplied, demo: null, demoAlreadyLoaded: false, waitedMs };
      if (await isDemoLoaded(c)) return { migrationsApplied, demo: null, demoAlreadyLoaded: true, waitedMs };
      const demo = await loadDemoData(c, { asOf: options.asOf ?? new Date(), scale: options.scale });
      return { migrationsApplied, demo, demoAlreadyLoaded: false, waitedMs };
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => {});
    }
  });
}

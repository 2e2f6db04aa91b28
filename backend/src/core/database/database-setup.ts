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
}

/** Migrate, load reference data, and load the demo data the first time only. */
export async function prepareDatabase(url: string, options: { demo: boolean; asOf?: Date; scale?: number }): Promise<PrepareResult> {
  const migrationsApplied = await migrateUp(url);
  await seedReference(url);
  if (!options.demo) return { migrationsApplied, demo: null, demoAlreadyLoaded: false };
  return withClient(url, async (c) => {
    if (await isDemoLoaded(c)) return { migrationsApplied, demo: null, demoAlreadyLoaded: true };
    const demo = await loadDemoData(c, { asOf: options.asOf ?? new Date(), scale: options.scale });
    return { migrationsApplied, demo, demoAlreadyLoaded: false };
  });
}

import pg from 'pg';
import { createDataSource } from '../data-source.js';
import { migrateDown, migrateUp, withClient } from '../database-setup.js';
import { MIGRATIONS_DIR } from '../../paths.js';
import { readMigrations } from '../migrator.js';
import { createTestDatabase } from '../../../test/test-db.js';

async function tables(url: string): Promise<string[]> {
  return withClient(url, async (c: pg.Client) =>
    (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map(
      (r) => r.tablename,
    ),
  );
}

describe('Migrations', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.drop());

  it('every up has a down', () => {
    const migrations = readMigrations(MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(m.down.trim()).not.toBe('');
  });

  it('go up, down to nothing, and up again', async () => {
    const applied = await migrateUp(db.url);
    expect(applied).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.id));
    expect(await tables(db.url)).toEqual(
      expect.arrayContaining(['org_unit', 'report', 'data_value', 'published_value']),
    );

    await migrateDown(db.url, Infinity);
    expect(await tables(db.url)).toEqual(['schema_migration']);
    const types = await withClient(
      db.url,
      async (c) =>
        (
          await c.query(
            `SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
          )
        ).rows,
    );
    expect(types).toEqual([]);

    expect(await migrateUp(db.url)).toHaveLength(applied.length);
    expect(await migrateUp(db.url)).toEqual([]);
  });

  it('leave nothing for TypeORM to change: the entities and the migrations agree', async () => {
    await migrateUp(db.url);
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});

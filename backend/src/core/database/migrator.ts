import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface Migration {
  id: string;
  up: string;
  down: string;
}

// Any fixed number; holding it serialises migrations when two processes start at once.
const MIGRATION_LOCK = 727_2570;

/**
 * Reviewed SQL migrations: `migrations/NNNN_name.up.sql` with its `NNNN_name.down.sql`.
 * Each runs in its own transaction and is recorded in `schema_migration`.
 */
export function readMigrations(dir: string): Migration[] {
  const files = readdirSync(dir);
  const ups = files.filter((f) => f.endsWith('.up.sql')).sort();
  return ups.map((file) => {
    const id = file.slice(0, -'.up.sql'.length);
    const downFile = `${id}.down.sql`;
    if (!files.includes(downFile)) throw new Error(`Migration ${id} has no ${downFile}`);
    return {
      id,
      up: readFileSync(join(dir, file), 'utf8'),
      down: readFileSync(join(dir, downFile), 'utf8'),
    };
  });
}

export class Migrator {
  constructor(
    private readonly client: pg.ClientBase,
    private readonly migrations: Migration[],
  ) {}

  private async ensureTable(): Promise<void> {
    await this.client.query(
      `CREATE TABLE IF NOT EXISTS schema_migration (
         id varchar(200) PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  async applied(): Promise<string[]> {
    await this.ensureTable();
    const { rows } = await this.client.query<{ id: string }>('SELECT id FROM schema_migration ORDER BY id');
    return rows.map((r) => r.id);
  }

  private async locked<T>(fn: () => Promise<T>): Promise<T> {
    await this.client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await fn();
    } finally {
      await this.client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  }

  private async inTransaction(sql: string, record: () => Promise<unknown>): Promise<void> {
    await this.client.query('BEGIN');
    try {
      await this.client.query(sql);
      await record();
      await this.client.query('COMMIT');
    } catch (err) {
      await this.client.query('ROLLBACK');
      throw err;
    }
  }

  /** Applies every pending migration in order; returns the ids applied. */
  async up(): Promise<string[]> {
    return this.locked(async () => {
      const done = new Set(await this.applied());
      const unknown = [...done].filter((id) => !this.migrations.some((m) => m.id === id));
      if (unknown.length > 0) {
        throw new Error(`The database has migrations this version does not know: ${unknown.join(', ')}`);
      }
      const pending = this.migrations.filter((m) => !done.has(m.id));
      for (const m of pending) {
        await this.inTransaction(m.up, () =>
          this.client.query('INSERT INTO schema_migration (id) VALUES ($1)', [m.id]),
        );
      }
      return pending.map((m) => m.id);
    });
  }

  /** Reverts the last `steps` applied migrations (all when steps is Infinity). */
  async down(steps = 1): Promise<string[]> {
    return this.locked(async () => {
      const done = (await this.applied()).reverse().slice(0, steps);
      for (const id of done) {
        const m = this.migrations.find((x) => x.id === id);
        if (!m) throw new Error(`Cannot revert ${id}: its files are missing`);
        await this.inTransaction(m.down, () => this.client.query('DELETE FROM schema_migration WHERE id = $1', [id]));
      }
      return done;
    });
  }
}

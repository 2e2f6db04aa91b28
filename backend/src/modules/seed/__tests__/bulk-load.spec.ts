import pg from 'pg';
import { createTestDatabase, query } from '../../../test/test-db.js';
import { withTriggersDisabled } from '../bulk-load.js';
import { inTransaction } from '../sql.js';

const TRIGGER = 'trg_data_value_rollup_insert';

describe(withTriggersDisabled.name, () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  const mode = async (c: pg.ClientBase | string) => {
    const sql = `SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'data_value'::regclass AND tgname = $1`;
    const rows =
      typeof c === 'string'
        ? await query<{ tgenabled: string }>(c, sql, [TRIGGER])
        : (await c.query<{ tgenabled: string }>(sql, [TRIGGER])).rows;
    return rows[0]?.tgenabled;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('disables the triggers during the load only, and only inside its transaction', async () => {
    const during = await inTransaction(client, () =>
      withTriggersDisabled(client, 'data_value', [TRIGGER], async () => ({
        own: await mode(client),
        others: await mode(db.url),
      })),
    );
    expect(during).toEqual({ own: 'D', others: 'O' });
    expect(await mode(db.url)).toBe('O');
  });

  it('leaves the triggers enabled when the load fails, through the rollback', async () => {
    const failing = inTransaction(client, () =>
      withTriggersDisabled(client, 'data_value', [TRIGGER], async () => {
        await client.query(`SELECT 1 / 0`);
      }),
    );
    await expect(failing).rejects.toMatchObject({ code: '22012' });
    expect(await mode(db.url)).toBe('O');
  });

  it('refuses to run outside a transaction, where the disabling would outlive a failed load', async () => {
    await expect(withTriggersDisabled(client, 'data_value', [TRIGGER], async () => 1)).rejects.toMatchObject({
      code: '25P01',
    });
    expect(await mode(db.url)).toBe('O');
  });

  it('restores a trigger that fires always in that mode', async () => {
    await client.query(`ALTER TABLE data_value ENABLE ALWAYS TRIGGER "${TRIGGER}"`);
    await inTransaction(client, () => withTriggersDisabled(client, 'data_value', [TRIGGER], async () => undefined));
    expect(await mode(db.url)).toBe('A');
    await client.query(`ALTER TABLE data_value ENABLE TRIGGER "${TRIGGER}"`);
  });
});

import pg from 'pg';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { ErrorCode } from '../../errors/domain-error.js';
import { createTestDatabase } from '../../../test/test-db.js';
import { domainErrorOf, isDatabaseUnavailable } from '../unavailable.js';

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Real errors from a real PostgreSQL (and a real closed port), not imitations of them. */
describe('isDatabaseUnavailable', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  });
  afterAll(() => db.drop());

  it('recognises a refused connection, from pg and through TypeORM', async () => {
    const port = await closedPort();
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    expect(isDatabaseUnavailable(await caught(() => client.connect()))).toBe(true);
    const ds = new DataSource({ type: 'postgres', url: `postgres://x:y@127.0.0.1:${port}/x`, connectTimeoutMS: 1000 });
    expect(isDatabaseUnavailable(await caught(() => ds.initialize()))).toBe(true);
  });

  it('recognises a fast shutdown of the connection (57P01) and the dead client afterwards', async () => {
    const victim = new pg.Client({ connectionString: db.url });
    victim.on('error', () => {});
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const killer = new pg.Client({ connectionString: db.url });
    await killer.connect();
    const pending = caught(() => victim.query('SELECT pg_sleep(5)'));
    await new Promise((r) => setTimeout(r, 200));
    await killer.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await killer.end();
    const terminated = await pending;
    expect((terminated as { code?: string }).code).toBe('57P01');
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(isDatabaseUnavailable(await caught(() => victim.query('SELECT 1')))).toBe(true);
  });

  it('leaves errors of the request itself alone: they are not "try again later"', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect(isDatabaseUnavailable(await caught(() => client.query('SELEC 1')))).toBe(false);
      expect(isDatabaseUnavailable(await caught(() => client.query('SELECT 1/0')))).toBe(false);
      expect(isDatabaseUnavailable(await caught(() => client.query('SELECT * FROM no_such_table')))).toBe(false);
    } finally {
      await client.end();
    }
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('makes a lost database a SERVICE_UNAVAILABLE domain error, and keeps faults as faults', async () => {
    const port = await closedPort();
    const refused = await caught(() => new pg.Client({ host: '127.0.0.1', port }).connect());
    expect(domainErrorOf(refused)?.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(domainErrorOf(new TypeError('x'))).toBeNull();
  });
});

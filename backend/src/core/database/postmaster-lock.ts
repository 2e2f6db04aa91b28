import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export class PostmasterLockError extends Error {}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The arguments a process was started with, from /proc; null where there is no /proc (macOS) or no process. */
function argsOf(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  try {
    return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}

/** What holds a data folder's postmaster.pid. */
export type LockHolder =
  | { kind: 'none' }
  /** The process is gone (a killed run): the lock is only a file. */
  | { kind: 'dead'; pid: number }
  /** Another program reuses the pid (e.g. after a reboot): the lock is stale. */
  | { kind: 'other'; pid: number }
  /** Our postgres for this folder, still running after the program that started it died. */
  | { kind: 'orphan'; pid: number }
  /** Our postgres for this folder, under a live node process: another instance of the app. */
  | { kind: 'in-use'; pid: number }
  /** Alive, and this system cannot tell whose it is. */
  | { kind: 'unknown'; pid: number };

export function lockHolder(dataDir: string): LockHolder {
  const lock = join(dataDir, 'postmaster.pid');
  if (!existsSync(lock)) return { kind: 'none' };
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return { kind: 'dead', pid };
  const args = argsOf(pid);
  if (!args) return { kind: 'unknown', pid };
  const d = args.indexOf('-D');
  const ours = basename(args[0] ?? '') === 'postgres' && d >= 0 && resolve(args[d + 1] ?? '') === resolve(dataDir);
  if (!ours) return { kind: 'other', pid };
  // The app starts its postgres directly; when the app dies the postgres is re-parented (to init or a subreaper).
  const parent = parentOf(pid);
  const parentArgs = parent && parent > 1 ? argsOf(parent) : null;
  return parentArgs && /^node/.test(basename(parentArgs[0] ?? '')) ? { kind: 'in-use', pid } : { kind: 'orphan', pid };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (isProcessAlive(pid)) {
    if (Date.now() > until) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Makes the data folder startable after a crashed run: a lock file naming a dead or unrelated process is removed;
 * a postgres of ours left running for this folder (its app was killed) gets a fast shutdown, as pg_ctl stop -m fast
 * does; a folder in use by a running instance, or a process this system cannot identify, is refused.
 */
export async function clearStaleLock(dataDir: string, notice: (line: string) => void = () => {}): Promise<void> {
  const holder = lockHolder(dataDir);
  switch (holder.kind) {
    case 'none':
      return;
    case 'dead':
    case 'other':
      rmSync(join(dataDir, 'postmaster.pid'), { force: true });
      return;
    case 'orphan': {
      notice(`stopping the embedded PostgreSQL (pid ${holder.pid}) left running by an earlier run in ${dataDir}`);
      process.kill(holder.pid, 'SIGINT');
      if (await waitGone(holder.pid, 20_000)) return;
      // Immediate shutdown: the next start replays the WAL, as after a crash; nothing committed is lost.
      process.kill(holder.pid, 'SIGQUIT');
      if (await waitGone(holder.pid, 5_000)) return;
      throw new PostmasterLockError(
        `The embedded PostgreSQL left running in ${dataDir} (pid ${holder.pid}) does not stop. Stop it by hand, then start again.`,
      );
    }
    case 'in-use':
    case 'unknown':
      throw new PostmasterLockError(
        `The embedded database in ${dataDir} is already in use by process ${holder.pid} ` +
          `(another DigiGov Monitor still running?). Stop it first, or set DATA_DIR to use another folder.`,
      );
    default: {
      const never: never = holder;
      throw new Error(`unhandled lock holder ${JSON.stringify(never)}`);
    }
  }
}

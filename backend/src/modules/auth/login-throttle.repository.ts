import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoginThrottleKind } from './login-throttle.entity.js';

export interface ThrottleRule {
  /** Attempts allowed in one window; the next one is refused and starts a lock. */
  limit: number;
  windowMs: number;
  /** The first lock lasts this long, each further one in a row twice as long, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
}

const MINUTE = 60_000;

/**
 * The scheme (OWASP Authentication Cheat Sheet, "Protect against automated attacks", and its "device cookies"
 * lock-out of untrusted clients, with the client address standing in for the device):
 * - ADDRESS is the hard limit: 30 attempts per 15 minutes from one address (an IPv6 /64), then locks of 1, 2, 4 …
 *   minutes up to an hour. It bounds what a password sprayer gets from one place, whatever accounts it tries.
 * - ACCOUNT is per e-mail, but only for addresses the owner has not signed in from in the last 30 days: 5 attempts,
 *   then locks of 1, 2, 4 … up to 15 minutes. An attacker who locks an account locks it only for strangers.
 * - ACCOUNT_ADDRESS is the owner's own counter at an address they signed in from (same numbers), so a lock made
 *   elsewhere never reaches them there, while guessing from that address is still bounded.
 * Locks are temporary and back off; a quiet day or a successful sign-in forgets the back-off. The known gap of
 * addresses as devices: an attacker behind the owner's own NAT shares the owner's counter (device cookies would
 * close it, at the cost of a client-held secret).
 */
export const THROTTLE_RULES: Record<LoginThrottleKind, ThrottleRule> = {
  [LoginThrottleKind.ADDRESS]: { limit: 30, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE },
  [LoginThrottleKind.ACCOUNT]: { limit: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
  [LoginThrottleKind.ACCOUNT_ADDRESS]: { limit: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 15 * MINUTE },
};
/** How long an address stays trusted for an account after a successful sign-in from it. */
export const TRUSTED_ADDRESS_DAYS = 30;
/** A counter untouched this long forgets its back-off. */
const QUIET_MS = 24 * 60 * MINUTE;

export interface ThrottleHit {
  kind: LoginThrottleKind;
  key: string;
  allowed: boolean;
  lockedUntil: Date | null;
  /** This attempt started the lock (exactly one attempt does, however many race). */
  startedLock: boolean;
}

// The attempt's state against the row as it stands ($3 is now, $4 the window, $5 the limit). Every SET below sees
// the row before the update, so the three conditions are evaluated once against one version of it. Each is true or
// false, never null (NOT of a null would silently take the ELSE branch).
const LOCKED = `(t.locked_until IS NOT NULL AND t.locked_until > $3)`;
const FRESH = `(t.locked_until IS NOT NULL OR t.window_started_at <= $3 - $4::int * interval '1 millisecond')`;
const OVER = `t.attempts >= $5`;
const LOCK_COUNT = `(CASE WHEN t.updated_at <= $3 - $8::int * interval '1 millisecond' THEN 0 ELSE t.lock_count END)`;

/**
 * Counts one attempt and decides it in a single statement: concurrent attempts queue on the row's lock and each
 * sees the count the previous one left, so a burst cannot slip past the limit. A locked counter refuses without
 * counting (it only notes how many it refused).
 */
const HIT_SQL = `
  INSERT INTO login_throttle AS t (kind, key, attempts, window_started_at, updated_at)
  VALUES ($1, $2, 1, $3, $3)
  ON CONFLICT (kind, key) DO UPDATE SET
    attempts = CASE WHEN ${LOCKED} THEN t.attempts WHEN ${FRESH} THEN 1 WHEN ${OVER} THEN t.attempts ELSE t.attempts + 1 END,
    window_started_at = CASE WHEN ${LOCKED} THEN t.window_started_at WHEN ${FRESH} THEN $3 ELSE t.window_started_at END,
    locked_until = CASE
      WHEN ${LOCKED} THEN t.locked_until
      WHEN ${FRESH} THEN NULL
      WHEN ${OVER} THEN $3 + LEAST($6::float8 * power(2, LEAST(${LOCK_COUNT}, 30)), $7::float8) * interval '1 millisecond'
      ELSE NULL END,
    lock_count = CASE WHEN NOT ${LOCKED} AND NOT ${FRESH} AND ${OVER} THEN ${LOCK_COUNT} + 1 ELSE ${LOCK_COUNT} END,
    refused = CASE WHEN ${LOCKED} THEN t.refused + 1 ELSE 0 END,
    updated_at = $3
  RETURNING locked_until AS "lockedUntil", refused`;

@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly db: DataSource) {}

  async hit(kind: LoginThrottleKind, key: string, now: Date): Promise<ThrottleHit> {
    const r = THROTTLE_RULES[kind];
    const [row]: Array<{ lockedUntil: Date | null; refused: number }> = await this.db.query(HIT_SQL, [
      kind,
      key,
      now,
      r.windowMs,
      r.limit,
      r.baseLockMs,
      r.maxLockMs,
      QUIET_MS,
    ]);
    const allowed = row.lockedUntil === null;
    return { kind, key, allowed, lockedUntil: row.lockedUntil, startedLock: !allowed && row.refused === 0 };
  }

  /** True when the owner of the e-mail signed in from this address recently. */
  async trusted(pairKey: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM login_throttle WHERE kind = 'ACCOUNT_ADDRESS' AND key = $1 AND trusted_until > $2`,
      [pairKey, now],
    );
    return rows.length > 0;
  }

  /**
   * After a successful sign-in: the address gets its attempt back (an office behind one address is not throttled
   * by its own users' sign-ins) and becomes trusted for the account, with a fresh counter. The strangers' counter
   * forgets the attempts of a sign-in that came through it, but keeps its lock and back-off: a sign-in by the
   * owner at home must not hand an attacker a fresh set of guesses.
   */
  async succeeded(address: string, email: string, pairKey: string, viaStrangers: boolean, now: Date): Promise<void> {
    await this.db.query(
      `WITH addr AS (
         UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0), updated_at = $4 WHERE kind = 'ADDRESS' AND key = $1
       ), account AS (
         UPDATE login_throttle SET attempts = 0, updated_at = $4
          WHERE $6 AND kind = 'ACCOUNT' AND key = $2 AND (locked_until IS NULL OR locked_until <= $4)
       )
       INSERT INTO login_throttle (kind, key, attempts, window_started_at, trusted_until, updated_at)
       VALUES ('ACCOUNT_ADDRESS', $3, 0, $4, $4::timestamptz + $5::int * interval '1 day', $4)
       ON CONFLICT (kind, key) DO UPDATE SET attempts = 0, locked_until = NULL, lock_count = 0, refused = 0,
         window_started_at = EXCLUDED.window_started_at, trusted_until = EXCLUDED.trusted_until, updated_at = EXCLUDED.updated_at`,
      [address, email, pairKey, now, TRUSTED_ADDRESS_DAYS, viaStrangers],
    );
  }

  /** Gives the address its attempt back after an attempt that succeeded outside sign-in (a set-password link). */
  async giveBack(address: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0), updated_at = $2 WHERE kind = 'ADDRESS' AND key = $1`,
      [address, now],
    );
  }

  /** Drops counters nobody has touched for two days and no longer trusted or locked. */
  async purge(): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM login_throttle WHERE updated_at < now() - interval '2 days'
          AND (trusted_until IS NULL OR trusted_until < now()) AND (locked_until IS NULL OR locked_until < now())`,
    );
    return count;
  }
}

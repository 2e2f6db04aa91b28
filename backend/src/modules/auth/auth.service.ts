import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { ForbiddenError, requireActor, UnauthenticatedError, type Actor, type Role } from '../../core/auth/actor.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { API_TOKEN_PREFIX, ApiTokenService } from './api-token.service.js';
import { clientKey } from '../../core/http/client-address.js';
import { LoginThrottleKind } from './login-throttle.entity.js';
import { LoginThrottleRepository, type ThrottleHit } from './login-throttle.repository.js';
import { VerifierBusyError, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import { UserSessionRepository } from './user-session.repository.js';
import { UserRepository, type SignInUserRow } from '../user/user.repository.js';

/**
 * The one answer to every refused sign-in: a wrong e-mail, a wrong password, a disabled account, a lock, a busy
 * server. Telling them apart would tell a stranger which accounts exist and which are under attack.
 */
export const SIGN_IN_REFUSED =
  'Wrong e-mail or password, or too many attempts: check them and try again in a few minutes';

/** Longer than any real e-mail (the column holds 254) or password: refused without hashing megabytes. */
const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1024;
const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Checked when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password. An argon2id hash
 * (same parameters as real ones) of a random string nobody kept.
 */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$mKwM4IuwfXo7EYW7Jv9j7w$y7qgK1tcvsxmaNpZ+ONmzHx+AB4/JH6wpcKFaLLAMuM';

function toActor(u: SignInUserRow, readOnly: boolean, sessionId?: string): Actor {
  return {
    userId: u.id,
    email: u.email,
    role: u.role,
    provinceId: u.province_id,
    provinceCode: u.province_code,
    readOnly,
    sessionId,
  };
}

@Injectable()
export class AuthService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuthService.name);
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly apiTokens: ApiTokenService,
    private readonly throttle: LoginThrottleRepository,
    private readonly sessions: UserSessionRepository,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /**
   * Counts the attempt against the address and the account first (atomically, in PostgreSQL), and checks the
   * password only if both allow it: a refused attempt never reaches argon2.
   */
  async login(
    email: string,
    password: string,
    ip: string | undefined,
  ): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const now = this.now();
    const address = clientKey(ip);
    const account = email
      .trim()
      .toLowerCase()
      .slice(0, MAX_EMAIL_LENGTH + 1);
    const pairKey = `${address} ${account}`;
    const seen = { email: account.slice(0, MAX_EMAIL_LENGTH), address };

    const byAddress = await this.throttle.hit(LoginThrottleKind.ADDRESS, address, now);
    if (!byAddress.allowed) return this.refuseLocked(byAddress, seen);
    const trusted = await this.throttle.trusted(pairKey, now);
    const byAccount = trusted
      ? await this.throttle.hit(LoginThrottleKind.ACCOUNT_ADDRESS, pairKey, now)
      : await this.throttle.hit(LoginThrottleKind.ACCOUNT, account, now);
    if (!byAccount.allowed) return this.refuseLocked(byAccount, seen);

    if (account.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH)
      return this.refuseFailed(null, seen);
    const user = await this.users.forSignIn(account);
    let ok: boolean;
    try {
      ok = (await verifyPassword(user?.password_hash ?? DUMMY_HASH, password)) && user !== undefined && user.is_active;
    } catch (err) {
      if (err instanceof VerifierBusyError) throw new UnauthenticatedError(SIGN_IN_REFUSED);
      throw err;
    }
    if (!ok || !user) return this.refuseFailed(user?.id ?? null, seen);

    await this.throttle.succeeded(address, account, pairKey, !trusted, now);
    return this.startSession(user, seen);
  }

  /**
   * A new sign-in session and its token, audited as a sign-in: after a password check, a new password (the old
   * sessions were revoked by the database), or an identity provider's answer (`seen` says which).
   */
  async startSession(
    user: SignInUserRow,
    seen: Record<string, unknown>,
  ): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const now = this.now();
    const expiresAt = this.tokens.expiryFrom(now);
    const sessionId = await this.sessions.create(user.id, now, expiresAt);
    const { token } = await this.tokens.issue({ userId: user.id, sessionId }, now);
    await this.audit.record([{ action: AuditAction.SIGNED_IN, userId: user.id, newValue: { ...seen, sessionId } }]);
    return { token, expiresAt, actor: toActor(user, false, sessionId) };
  }

  /** Signs the caller's sign-in token out on every replica (the session row is revoked). */
  async logout(actor: Actor | null, ip: string | undefined): Promise<boolean> {
    const a = requireActor(actor);
    if (!a.sessionId) throw new ForbiddenError('An API token does not sign out: revoke it instead');
    const revoked = await this.sessions.revoke(a.sessionId, a.userId, this.now());
    if (revoked) {
      await this.audit.record([
        {
          action: AuditAction.SIGNED_OUT,
          userId: a.userId,
          newValue: { address: clientKey(ip), sessionId: a.sessionId },
        },
      ]);
    }
    return true;
  }

  /** The caller behind the request's bearer token; a missing token is an anonymous caller, not an error. */
  async actorFromRequest(req: Request | undefined): Promise<{ actor: Actor | null; problem: string | null }> {
    const header = req?.headers?.authorization;
    if (!header) return { actor: null, problem: null };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { actor: null, problem: 'The Authorization header must be "Bearer <token>"' };
    if (match[1].startsWith(API_TOKEN_PREFIX)) {
      const claims = await this.apiTokens.userFor(match[1]);
      if ('problem' in claims) return { actor: null, problem: claims.problem };
      const user = await this.users.forId(claims.userId);
      if (!user || !user.is_active) return { actor: null, problem: 'This account no longer exists or is disabled' };
      // API tokens only ever read, whatever the role of their owner.
      return { actor: toActor(user, true), problem: null };
    }
    const claims = await this.tokens.verify(match[1]);
    if ('problem' in claims) return { actor: null, problem: claims.problem };
    const row = await this.users.forSession(claims.sessionId, claims.userId);
    if (!row) return { actor: null, problem: 'This session no longer exists: sign in again' };
    if (row.revoked_at) return { actor: null, problem: 'You were signed out: sign in again' };
    if (!row.is_active) return { actor: null, problem: 'This account no longer exists or is disabled' };
    return { actor: toActor(row, false, claims.sessionId), problem: null };
  }

  private async refuseLocked(hit: ThrottleHit, seen: { email: string; address: string }): Promise<never> {
    // Only the attempt that starts a lock is recorded: refusals during it are counted on the throttle row, so a
    // flood cannot grow the audit trail.
    if (hit.startedLock) {
      await this.audit.record([
        {
          action: AuditAction.SIGN_IN_LOCKED,
          userId: null,
          newValue: { ...seen, lock: hit.kind, lockedUntil: hit.lockedUntil },
        },
      ]);
    }
    throw new UnauthenticatedError(SIGN_IN_REFUSED);
  }

  private async refuseFailed(userId: string | null, seen: { email: string; address: string }): Promise<never> {
    await this.audit.record([{ action: AuditAction.SIGN_IN_FAILED, userId, newValue: seen }]);
    throw new UnauthenticatedError(SIGN_IN_REFUSED);
  }

  /**
   * Old throttle counters and expired sessions go once an hour, off the requests' path. By the database's clock, not
   * the app's: the app's can be moved (tests), and a purge must never end a session that is still live.
   */
  onModuleInit(): void {
    this.purgeTimer = setInterval(() => {
      Promise.all([this.throttle.purge(), this.sessions.purge()]).catch((err: unknown) =>
        this.logger.warn(`purge failed: ${String(err)}`),
      );
    }, PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenError, requireActor, UnauthenticatedError, type Actor } from '../../core/auth/actor.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import { BadInputError, type Problem } from '../../core/errors/domain-error.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuthService } from '../auth/auth.service.js';
import { clientKey } from '../../core/http/client-address.js';
import { LoginThrottleKind } from '../auth/login-throttle.entity.js';
import { LoginThrottleRepository } from '../auth/login-throttle.repository.js';
import { hashPassword, VerifierBusyError, verifyPassword } from '../auth/password.js';
import { hashPasswordToken } from './account-rules.js';
import { MAX_PASSWORD_LENGTH, passwordProblems } from './password-policy.js';
import { UserRepository } from './user.repository.js';

/** A token is 43 base64url characters; anything else is not one of ours (and is not hashed or looked up). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const LINK_NOT_VALID: Problem = {
  field: 'token',
  code: 'LINK_NOT_VALID',
  message:
    'This link is not valid any more (used, replaced, expired after 72 hours, or the account is deactivated): ask an administrator for a new one',
};

/** Passwords chosen by their owners: through a set-password link, or by a signed-in user. */
@Injectable()
export class UserPasswordService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleRepository,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /** What the set-password page shows (whose account, until when), or null when the link cannot be used. */
  async linkInfo(token: string): Promise<{ email: string; kind: string; expiresAt: Date } | null> {
    if (!TOKEN.test(token)) return null;
    const link = await this.users.usablePasswordToken(this.db, hashPasswordToken(token), this.now());
    return link ? { email: link.email, kind: link.kind, expiresAt: link.expiresAt } : null;
  }

  /**
   * Consumes a link and signs its owner in. Counted against the client address like a sign-in (the same throttle),
   * so a stranger gets 30 guesses per quarter hour at a 256-bit token; a used link gives the attempt back.
   */
  async setPassword(
    token: string,
    newPassword: string,
    ip: string | undefined,
  ): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const now = this.now();
    const address = clientKey(ip);
    const hit = await this.throttle.hit(LoginThrottleKind.ADDRESS, address, now);
    if (!hit.allowed)
      throw new BadInputError('Too many attempts from this address: try again in a few minutes', [
        { field: 'token', code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts' },
      ]);
    const tokenHash = TOKEN.test(token) ? hashPasswordToken(token) : null;
    const link = tokenHash ? await this.users.usablePasswordToken(this.db, tokenHash, now) : undefined;
    if (!link || !tokenHash) throw new BadInputError('The link is not valid', [LINK_NOT_VALID]);
    const problems = passwordProblems(newPassword, link.email);
    if (problems.length > 0) throw new BadInputError('Choose another password', problems);
    // Hashed before the transaction: argon2 takes tens of milliseconds, and the row locks should not wait for it.
    const hash = await hashPassword(newPassword);
    const userId = await this.db.transaction(async (m) => {
      // Locked and checked again: two tabs submitting one link at once, only one uses it.
      const still = await this.users.usablePasswordToken(m, tokenHash, this.now(), true);
      if (!still) return null;
      await this.users.markPasswordTokenUsed(m, still.id, this.now());
      await this.users.setPasswordHash(m, still.userId, hash);
      await this.users.revokePasswordTokens(m, still.userId, this.now());
      await this.audit.record(
        [{ action: AuditAction.PASSWORD_CHANGED, userId: still.userId, newValue: { via: still.kind, address } }],
        m,
      );
      return still.userId;
    });
    if (!userId) throw new BadInputError('The link is not valid', [LINK_NOT_VALID]);
    await this.throttle.giveBack(address, this.now());
    const user = await this.users.forId(userId);
    return this.auth.startSession(user!, { email: link.email, address, via: 'set-password' });
  }

  /**
   * A signed-in user changes their password. The database then revokes every session of the user, this one too
   * (migration 0008's trigger): a new session is started and its token returned, so the user stays signed in here
   * and is signed out everywhere else, which is the point of changing a password someone may know.
   */
  async changeOwnPassword(
    actor: Actor | null,
    currentPassword: string,
    newPassword: string,
    ip: string | undefined,
  ): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const a = requireActor(actor);
    if (a.readOnly || !a.sessionId)
      throw new ForbiddenError('Sign in with your password to change it (an API token cannot)');
    const now = this.now();
    const address = clientKey(ip);
    // The current password is a guess like any sign-in: counted for the address and the account.
    const hit = await this.throttle.hit(LoginThrottleKind.ACCOUNT_ADDRESS, `${address} ${a.email}`, now);
    if (!hit.allowed)
      throw new BadInputError('Too many attempts: try again in a few minutes', [
        { field: 'currentPassword', code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts' },
      ]);
    const user = await this.users.forId(a.userId);
    if (!user) throw new UnauthenticatedError();
    let ok = false;
    if (user.password_hash && currentPassword.length <= MAX_PASSWORD_LENGTH) {
      try {
        ok = await verifyPassword(user.password_hash, currentPassword);
      } catch (err) {
        if (err instanceof VerifierBusyError)
          throw new BadInputError('The server is busy: try again in a moment', [
            { field: 'currentPassword', code: 'TOO_MANY_ATTEMPTS', message: 'Busy' },
          ]);
        throw err;
      }
    }
    const problems: Problem[] = [];
    if (!ok)
      problems.push({
        field: 'currentPassword',
        code: 'WRONG_PASSWORD',
        message: user.password_hash
          ? 'The current password is wrong'
          : 'This account has no password (it signs in through the identity provider)',
      });
    problems.push(...passwordProblems(newPassword, a.email));
    if (ok && newPassword === currentPassword)
      problems.push({
        field: 'newPassword',
        code: 'PASSWORD_UNCHANGED',
        message: 'Choose a password different from the current one',
      });
    if (problems.length > 0) {
      if (!ok)
        await this.audit.record([
          {
            action: AuditAction.SIGN_IN_FAILED,
            userId: a.userId,
            newValue: { email: a.email, address, via: 'change-password' },
          },
        ]);
      throw new BadInputError('The password was not changed', problems);
    }
    const hash = await hashPassword(newPassword);
    await this.db.transaction(async (m) => {
      await this.users.setPasswordHash(m, a.userId, hash);
      await this.audit.record(
        [{ action: AuditAction.PASSWORD_CHANGED, userId: a.userId, newValue: { via: 'own', address } }],
        m,
      );
    });
    return this.auth.startSession((await this.users.forId(a.userId))!, {
      email: a.email,
      address,
      via: 'change-password',
    });
  }
}

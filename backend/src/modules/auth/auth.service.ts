import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { UnauthenticatedError, type Actor, type Role } from '../../core/auth/actor.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import { hashPassword, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import { API_TOKEN_PREFIX, ApiTokenService } from './api-token.service.js';

/** After this many consecutive failures an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  province_id: number | null;
  province_code: string | null;
  is_active: boolean;
  failed_login_count: number;
  locked_until: Date | null;
}

const USER_SQL = `SELECT u.id, u.email, u.password_hash, u.role, u.province_id, p.code AS province_code, u.is_active,
                         u.failed_login_count, u.locked_until
                    FROM app_user u LEFT JOIN org_unit p ON p.id = u.province_id`;

function toActor(u: UserRow, readOnly = false): Actor {
  return { userId: u.id, email: u.email, role: u.role, provinceId: u.province_id, provinceCode: u.province_code, readOnly };
}

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly apiTokens: ApiTokenService,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  async login(email: string, password: string): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const rows: UserRow[] = await this.db.query(`${USER_SQL} WHERE u.email = $1`, [email.trim().toLowerCase()]);
    const user = rows[0];
    const now = this.now();
    if (!user) {
      this.dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await this.dummyHash, password);
      throw new UnauthenticatedError('Wrong e-mail or password');
    }
    if (user.locked_until && user.locked_until > now) {
      throw new UnauthenticatedError(`Too many failed sign-ins: this account is locked until ${user.locked_until.toISOString()}`);
    }
    const ok = user.is_active && (await verifyPassword(user.password_hash, password));
    if (!ok) {
      // Count the failure atomically; the fifth consecutive failure locks the account for a while.
      await this.db.query(
        `UPDATE app_user SET failed_login_count = failed_login_count + 1,
                locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
          WHERE id = $1`,
        [user.id, MAX_FAILED_LOGINS, new Date(now.getTime() + LOCK_MINUTES * 60_000)],
      );
      throw new UnauthenticatedError('Wrong e-mail or password');
    }
    if (user.failed_login_count > 0 || user.locked_until) {
      await this.db.query(`UPDATE app_user SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [user.id]);
    }
    const { token, expiresAt } = await this.tokens.issue(user.id, now);
    return { token, expiresAt, actor: toActor(user) };
  }

  /** The caller behind the request's bearer token; a missing token is an anonymous caller, not an error. */
  async actorFromRequest(req: Request | undefined): Promise<{ actor: Actor | null; problem: string | null }> {
    const header = req?.headers?.authorization;
    if (!header) return { actor: null, problem: null };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { actor: null, problem: 'The Authorization header must be "Bearer <token>"' };
    const isApiToken = match[1].startsWith(API_TOKEN_PREFIX);
    const claims = isApiToken ? await this.apiTokens.userFor(match[1]) : await this.tokens.verify(match[1]);
    if ('problem' in claims) return { actor: null, problem: claims.problem };
    const rows: UserRow[] = await this.db.query(`${USER_SQL} WHERE u.id = $1`, [claims.userId]);
    const user = rows[0];
    if (!user || !user.is_active) return { actor: null, problem: 'This account no longer exists or is disabled' };
    // API tokens only ever read, whatever the role of their owner.
    return { actor: toActor(user, isApiToken), problem: null };
  }
}

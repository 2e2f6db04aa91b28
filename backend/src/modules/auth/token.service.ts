import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CLOCK, type Clock } from '../../core/clock.js';

const ISSUER = 'digigov-monitor';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionClaims {
  userId: string;
  /** The user_session row this token belongs to: revoking it signs the token out on every replica. */
  sessionId: string;
}

/** Signed sign-in tokens (HS256 JWT) that expire after TOKEN_TTL_SECONDS and name their session. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly now: Clock,
  ) {
    this.key = new TextEncoder().encode(config.auth.tokenSecret);
  }

  /** When a token issued now expires (the session row is written with the same time). */
  expiryFrom(now: Date): Date {
    return new Date((Math.floor(now.getTime() / 1000) + this.config.auth.tokenTtlSeconds) * 1000);
  }

  async issue(claims: SessionClaims, now = this.now()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const expiresAt = this.expiryFrom(now);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(expiresAt.getTime() / 1000)
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims, or the reason the token is not valid. */
  async verify(token: string): Promise<SessionClaims | { problem: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      // Checked here, not left to PostgreSQL's uuid cast: a malformed id is a bad token, not a server error.
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub))
        return { problem: 'The token names no valid user: sign in again' };
      if (typeof payload.sid !== 'string' || !UUID.test(payload.sid))
        return { problem: 'The token names no session: sign in again' };
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { problem: 'Your session has expired: sign in again' };
      return { problem: 'The token is not valid: sign in again' };
    }
  }
}

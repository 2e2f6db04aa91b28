import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CLOCK, type Clock } from '../../core/clock.js';

const ISSUER = 'digigov-monitor';

export interface SessionClaims {
  userId: string;
}

/** Signed sign-in tokens (HS256 JWT) that expire after TOKEN_TTL_SECONDS. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly now: Clock,
  ) {
    this.key = new TextEncoder().encode(config.auth.tokenSecret);
  }

  async issue(userId: string, now = this.now()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.config.auth.tokenTtlSeconds;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims, or the reason the token is not valid. */
  async verify(token: string): Promise<SessionClaims | { problem: string }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'], currentDate: this.now() });
      if (!payload.sub) return { problem: 'The token names no user' };
      return { userId: payload.sub };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { problem: 'Your session has expired: sign in again' };
      return { problem: 'The token is not valid: sign in again' };
    }
  }
}

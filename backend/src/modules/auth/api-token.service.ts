import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { requireActor, ForbiddenError, type Actor } from '../../core/auth/actor.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import { BadInputError, NotFoundError } from '../../core/errors/domain-error.js';

/** Tokens look like "dgm_<43 base64url characters>"; the prefix tells them apart from sign-in JWTs. */
export const API_TOKEN_PREFIX = 'dgm_';
const MAX_TOKENS_PER_USER = 20;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class ApiTokenService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /** Creates a token for the caller; the plain token is returned this once and never stored. */
  async create(actor: Actor | null, name: string, expiresInDays: number | null): Promise<{ token: string; info: ApiTokenInfo }> {
    const a = requireActor(actor);
    if (a.readOnly) throw new ForbiddenError('An API token cannot create tokens: sign in');
    const clean = name.trim();
    if (clean.length < 1 || clean.length > 100) throw new BadInputError('Bad name', [{ field: 'name', code: 'OUT_OF_RANGE', message: 'Name the token (1–100 characters)' }]);
    if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 730)) {
      throw new BadInputError('Bad expiry', [{ field: 'expiresInDays', code: 'OUT_OF_RANGE', message: 'Between 1 and 730 days' }]);
    }
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM api_token WHERE user_id = $1 AND revoked_at IS NULL`, [a.userId]);
    if (n >= MAX_TOKENS_PER_USER) throw new BadInputError('Too many tokens', [{ field: 'name', code: 'LIMIT', message: `At most ${MAX_TOKENS_PER_USER} active tokens: revoke one first` }]);
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = expiresInDays === null ? null : new Date(this.now().getTime() + expiresInDays * 86_400_000);
    const [row] = await this.db.query(
      `INSERT INTO api_token (user_id, name, prefix, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, name, prefix, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`,
      [a.userId, clean, token.slice(0, 10), hashApiToken(token), this.now(), expiresAt],
    );
    return { token, info: row };
  }

  async list(actor: Actor | null): Promise<ApiTokenInfo[]> {
    const a = requireActor(actor);
    return this.db.query(
      `SELECT id, name, prefix, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
         FROM api_token WHERE user_id = $1 ORDER BY created_at DESC`,
      [a.userId],
    );
  }

  async revoke(actor: Actor | null, id: string): Promise<ApiTokenInfo> {
    const a = requireActor(actor);
    if (a.readOnly) throw new ForbiddenError('An API token cannot revoke tokens: sign in');
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [ApiTokenInfo[], number] = await this.db.query(
      `UPDATE api_token SET revoked_at = COALESCE(revoked_at, $3) WHERE id::text = $1 AND user_id = $2
       RETURNING id, name, prefix, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`,
      [id, a.userId, this.now()],
    );
    if (!rows[0]) throw new NotFoundError('API token', id);
    return rows[0];
  }

  /** The user behind a presented API token, if it is valid (not revoked, not expired). */
  async userFor(token: string): Promise<{ userId: string } | { problem: string }> {
    const rows: Array<{ id: string; user_id: string; revoked_at: Date | null; expires_at: Date | null; last_used_at: Date | null }> = await this.db.query(
      `SELECT id, user_id, revoked_at, expires_at, last_used_at FROM api_token WHERE token_hash = $1`,
      [hashApiToken(token)],
    );
    const row = rows[0];
    const now = this.now();
    if (!row) return { problem: 'Unknown API token' };
    if (row.revoked_at) return { problem: 'This API token was revoked' };
    if (row.expires_at && row.expires_at <= now) return { problem: 'This API token has expired' };
    // Record use at most once a minute: a script's every request need not write.
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
      await this.db.query(`UPDATE api_token SET last_used_at = $2 WHERE id = $1`, [row.id, now]);
    }
    return { userId: row.user_id };
  }
}

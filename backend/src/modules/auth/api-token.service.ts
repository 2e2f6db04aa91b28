import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { requireActor, ForbiddenError, type Actor } from '../../core/auth/actor.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import { BadInputError, NotFoundError } from '../../core/errors/domain-error.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditRepository } from '../audit/audit.repository.js';

/** Tokens look like "dgm_<43 base64url characters>"; the prefix tells them apart from sign-in JWTs. */
export const API_TOKEN_PREFIX = 'dgm_';
const MAX_TOKENS_PER_USER = 20;
/** Every token expires: a forgotten script's secret should not outlive a year. */
export const MAX_API_TOKEN_DAYS = 365;
export const DEFAULT_API_TOKEN_DAYS = 90;

/**
 * Who may create tokens: analysts only. A token is a long-lived bearer secret that lives in scripts, notebooks and
 * CI logs, the credential most likely to leak, and it reads with its owner's scope. An analyst's scope is approved
 * and published data; a planner's or administrator's takes in every province's unapproved drafts, an officer's
 * their province's. So the leak that matters least is the only one possible; other roles use the dashboard, or an
 * analyst account for scripts. (A role change revokes the user's tokens: migration 0008.)
 */
export const API_TOKEN_ROLES: ReadonlyArray<Actor['role']> = ['ANALYST'];

// Rows written before 0008 by an older replica may lack an expiry: they count as 90 days from creation.
const EXPIRES_AT = `COALESCE(expires_at, created_at + interval '${DEFAULT_API_TOKEN_DAYS} days')`;
const INFO_COLUMNS = `id, name, prefix, created_at AS "createdAt", ${EXPIRES_AT} AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class ApiTokenService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /** Creates a token for the caller; the plain token is returned this once and never stored. */
  async create(
    actor: Actor | null,
    name: string,
    expiresInDays: number | null,
  ): Promise<{ token: string; info: ApiTokenInfo }> {
    const a = requireActor(actor);
    if (a.readOnly) throw new ForbiddenError('An API token cannot create tokens: sign in');
    if (!API_TOKEN_ROLES.includes(a.role))
      throw new ForbiddenError(`Your role (${a.role}) may not create API tokens: they are for analyst accounts`);
    const clean = name.trim();
    const problems = [
      ...(clean.length >= 1 && clean.length <= 100
        ? []
        : [{ field: 'name', code: 'OUT_OF_RANGE', message: 'Name the token (1–100 characters)' }]),
      ...(expiresInDays !== null &&
      Number.isInteger(expiresInDays) &&
      expiresInDays >= 1 &&
      expiresInDays <= MAX_API_TOKEN_DAYS
        ? []
        : [
            {
              field: 'expiresInDays',
              code: 'OUT_OF_RANGE',
              message: `Between 1 and ${MAX_API_TOKEN_DAYS} days: every token expires`,
            },
          ]),
    ];
    if (problems.length > 0) throw new BadInputError('Invalid API token', problems);
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + expiresInDays! * 86_400_000);
    const info = await this.db.transaction(async (m) => {
      // The count and the insert under the user's row lock: two concurrent creations cannot both pass the limit.
      await m.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [a.userId]);
      const [{ n }] = await m.query(
        `SELECT count(*)::int AS n FROM api_token WHERE user_id = $1 AND revoked_at IS NULL AND ${EXPIRES_AT} > $2`,
        [a.userId, now],
      );
      if (n >= MAX_TOKENS_PER_USER)
        throw new BadInputError('Too many tokens', [
          { field: 'name', code: 'LIMIT', message: `At most ${MAX_TOKENS_PER_USER} active tokens: revoke one first` },
        ]);
      const [row]: ApiTokenInfo[] = await m.query(
        `INSERT INTO api_token (user_id, name, prefix, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${INFO_COLUMNS}`,
        [a.userId, clean, token.slice(0, 10), hashApiToken(token), now, expiresAt],
      );
      await this.audit.record(
        [
          {
            action: AuditAction.API_TOKEN_CREATED,
            userId: a.userId,
            newValue: { id: row.id, name: row.name, prefix: row.prefix, expiresAt: row.expiresAt },
          },
        ],
        m,
      );
      return row;
    });
    return { token, info };
  }

  async list(actor: Actor | null): Promise<ApiTokenInfo[]> {
    const a = requireActor(actor);
    return this.db.query(`SELECT ${INFO_COLUMNS} FROM api_token WHERE user_id = $1 ORDER BY created_at DESC`, [
      a.userId,
    ]);
  }

  async revoke(actor: Actor | null, id: string): Promise<ApiTokenInfo> {
    const a = requireActor(actor);
    if (a.readOnly) throw new ForbiddenError('An API token cannot revoke tokens: sign in');
    return this.db.transaction(async (m) => {
      // TypeORM answers an UPDATE with [rows, count]. Only a token still active is revoked (and audited) here.
      const [revoked]: [ApiTokenInfo[], number] = await m.query(
        `UPDATE api_token SET revoked_at = $3 WHERE id::text = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING ${INFO_COLUMNS}`,
        [id, a.userId, this.now()],
      );
      if (revoked[0]) {
        const t = revoked[0];
        await this.audit.record(
          [
            {
              action: AuditAction.API_TOKEN_REVOKED,
              userId: a.userId,
              oldValue: { id: t.id, name: t.name, prefix: t.prefix },
            },
          ],
          m,
        );
        return t;
      }
      const [already]: ApiTokenInfo[] = await m.query(
        `SELECT ${INFO_COLUMNS} FROM api_token WHERE id::text = $1 AND user_id = $2`,
        [id, a.userId],
      );
      if (!already) throw new NotFoundError('API token', id);
      return already;
    });
  }

  /** The user behind a presented API token, if it is valid (not revoked, not expired). */
  async userFor(token: string): Promise<{ userId: string } | { problem: string }> {
    const rows: Array<{
      id: string;
      user_id: string;
      revoked_at: Date | null;
      expires_at: Date;
      last_used_at: Date | null;
    }> = await this.db.query(
      `SELECT id, user_id, revoked_at, ${EXPIRES_AT} AS expires_at, last_used_at FROM api_token WHERE token_hash = $1`,
      [hashApiToken(token)],
    );
    const row = rows[0];
    const now = this.now();
    if (!row) return { problem: 'Unknown API token' };
    if (row.revoked_at) return { problem: 'This API token was revoked' };
    if (row.expires_at <= now) return { problem: 'This API token has expired' };
    // Record use at most once a minute: a script's every request need not write.
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
      await this.db.query(`UPDATE api_token SET last_used_at = $2 WHERE id = $1`, [row.id, now]);
    }
    return { userId: row.user_id };
  }
}

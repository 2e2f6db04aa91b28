import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../../core/auth/actor.js';
import type { PasswordTokenKind } from './password-token.entity.js';

/** What sign-in and every authenticated request need of a user. */
export interface SignInUserRow {
  id: string;
  email: string;
  password_hash: string | null;
  role: Role;
  province_id: number | null;
  province_code: string | null;
  is_active: boolean;
}

/** An account as administrators see it. */
export interface UserAccountRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  provinceId: number | null;
  provinceCode: string | null;
  active: boolean;
  isDemo: boolean;
  hasPassword: boolean;
  oidcLinked: boolean;
  createdAt: Date;
}

export interface UserListFilter {
  role: Role | null;
  provinceCode: string | null;
  active: boolean | null;
  /** Part of the e-mail or the display name, case-insensitive. */
  search: string | null;
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  provinceId: number | null;
  passwordHash: string | null;
  oidcSubject?: string | null;
}

export type Db = DataSource | EntityManager;

const SIGN_IN_COLUMNS = `u.id, u.email, u.password_hash, u.role, u.province_id, p.code AS province_code, u.is_active`;
const ACCOUNT_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.role, u.province_id AS "provinceId", p.code AS "provinceCode",
  u.is_active AS active, u.is_demo AS "isDemo", u.password_hash IS NOT NULL AS "hasPassword", u.oidc_subject IS NOT NULL AS "oidcLinked",
  u.created_at AS "createdAt"`;
const FROM = `FROM app_user u LEFT JOIN org_unit p ON p.id = u.province_id`;

/** Escapes LIKE's wildcards so that a search for "a_b" finds "a_b" only. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The SQL of accounts and set-password links (issue 11: user SQL lives in modules/user, auth calls it). */
@Injectable()
export class UserRepository {
  constructor(private readonly db: DataSource) {}

  async forSignIn(email: string): Promise<SignInUserRow | undefined> {
    const rows: SignInUserRow[] = await this.db.query(`SELECT ${SIGN_IN_COLUMNS} ${FROM} WHERE u.email = $1`, [email]);
    return rows[0];
  }

  async forId(id: string, db: Db = this.db): Promise<SignInUserRow | undefined> {
    const rows: SignInUserRow[] = await db.query(`SELECT ${SIGN_IN_COLUMNS} ${FROM} WHERE u.id = $1`, [id]);
    return rows[0];
  }

  /** One query per request: the user and the session, which a sign-out, a new password or a new role revokes. */
  async forSession(
    sessionId: string,
    userId: string,
  ): Promise<(SignInUserRow & { revoked_at: Date | null }) | undefined> {
    const rows: Array<SignInUserRow & { revoked_at: Date | null }> = await this.db.query(
      `SELECT ${SIGN_IN_COLUMNS}, s.revoked_at FROM user_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN org_unit p ON p.id = u.province_id
        WHERE s.id = $1 AND s.user_id = $2`,
      [sessionId, userId],
    );
    return rows[0];
  }

  async forOidcSubject(subject: string): Promise<SignInUserRow | undefined> {
    const rows: SignInUserRow[] = await this.db.query(`SELECT ${SIGN_IN_COLUMNS} ${FROM} WHERE u.oidc_subject = $1`, [
      subject,
    ]);
    return rows[0];
  }

  /** Accounts ordered by e-mail, after the cursor's e-mail; `first` rows (ask one more to know if a page follows). */
  async list(
    filter: UserListFilter,
    page: { first: number; afterEmail: string | null },
  ): Promise<{ rows: UserAccountRow[]; total: number }> {
    const where = [
      `($1::user_role IS NULL OR u.role = $1)`,
      `($2::text IS NULL OR p.code = $2)`,
      `($3::boolean IS NULL OR u.is_active = $3)`,
      `($4::text IS NULL OR u.email ILIKE $4 OR u.display_name ILIKE $4)`,
    ].join(' AND ');
    const params = [filter.role, filter.provinceCode, filter.active, filter.search ? likePattern(filter.search) : null];
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `SELECT ${ACCOUNT_COLUMNS} ${FROM} WHERE ${where} AND ($5::text IS NULL OR u.email > $5) ORDER BY u.email LIMIT $6`,
        [...params, page.afterEmail, page.first],
      ) as Promise<UserAccountRow[]>,
      this.db.query(`SELECT count(*)::int AS n ${FROM} WHERE ${where}`, params) as Promise<Array<{ n: number }>>,
    ]);
    return { rows, total: count.n };
  }

  /** The account, locked for the rest of the transaction when `forUpdate`. */
  async account(db: Db, id: string, forUpdate = false): Promise<UserAccountRow | undefined> {
    const rows: UserAccountRow[] = await db.query(
      `SELECT ${ACCOUNT_COLUMNS} ${FROM} WHERE u.id = $1 ${forUpdate ? 'FOR UPDATE OF u' : ''}`,
      [id],
    );
    return rows[0];
  }

  async accountByEmail(db: Db, email: string): Promise<UserAccountRow | undefined> {
    const rows: UserAccountRow[] = await db.query(`SELECT ${ACCOUNT_COLUMNS} ${FROM} WHERE u.email = $1`, [email]);
    return rows[0];
  }

  /** Province ids by ISO code (TH-xx), only for org units that are provinces. */
  async provinceIds(db: Db, codes: string[]): Promise<Map<string, number>> {
    if (codes.length === 0) return new Map();
    const rows: Array<{ code: string; id: number }> = await db.query(
      `SELECT code, id FROM org_unit WHERE level = 'PROVINCE' AND code = ANY($1::text[])`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** Which of these e-mails (lower-case) already have an account. */
  async existingEmails(db: Db, emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows: Array<{ email: string }> = await db.query(`SELECT email FROM app_user WHERE email = ANY($1::text[])`, [
      emails,
    ]);
    return new Set(rows.map((r) => r.email));
  }

  /** Inserts the accounts in one statement and returns their ids, in the order given (matched by e-mail, which is unique). */
  async insert(db: Db, users: NewUser[]): Promise<string[]> {
    const rows: Array<{ id: string; email: string }> = await db.query(
      `INSERT INTO app_user (email, display_name, role, province_id, password_hash, oidc_subject)
       SELECT u.email, u.display_name, u.role::user_role, u.province_id, u.password_hash, u.oidc_subject
         FROM jsonb_to_recordset($1::jsonb) AS u(email text, display_name text, role text, province_id int, password_hash text, oidc_subject text)
       RETURNING id, email`,
      [
        JSON.stringify(
          users.map((u) => ({
            email: u.email,
            display_name: u.displayName,
            role: u.role,
            province_id: u.provinceId,
            password_hash: u.passwordHash,
            oidc_subject: u.oidcSubject ?? null,
          })),
        ),
      ],
    );
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    return users.map((u) => byEmail.get(u.email)!);
  }

  async update(
    db: Db,
    id: string,
    fields: { role: Role; provinceId: number | null; displayName: string; active: boolean },
  ): Promise<void> {
    await db.query(`UPDATE app_user SET role = $2, province_id = $3, display_name = $4, is_active = $5 WHERE id = $1`, [
      id,
      fields.role,
      fields.provinceId,
      fields.displayName,
      fields.active,
    ]);
  }

  /** A new password hash: the trigger of migration 0008 revokes every session of the user. */
  async setPasswordHash(db: Db, id: string, hash: string): Promise<void> {
    await db.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [id, hash]);
  }

  /** True when bound now; false when the account is bound to another subject already. */
  async bindOidcSubject(id: string, subject: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE app_user SET oidc_subject = $2 WHERE id = $1 AND oidc_subject IS NULL RETURNING id`,
      [id, subject],
    );
    return rows.length > 0;
  }

  /** Locks the active administrators' rows (so that two demotions cannot both pass the last-admin check) and counts them. */
  async lockActiveAdmins(db: Db): Promise<string[]> {
    const rows: Array<{ id: string }> = await db.query(
      `SELECT id FROM app_user WHERE role = 'ADMIN' AND is_active ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async insertPasswordTokens(
    db: Db,
    tokens: Array<{
      userId: string;
      kind: PasswordTokenKind;
      tokenHash: string;
      createdById: string | null;
      createdAt: Date;
      expiresAt: Date;
    }>,
  ): Promise<void> {
    if (tokens.length === 0) return;
    await db.query(
      `INSERT INTO password_token (user_id, kind, token_hash, created_by_id, created_at, expires_at)
       SELECT t.user_id, t.kind::password_token_kind, t.token_hash, t.created_by_id, t.created_at, t.expires_at
         FROM jsonb_to_recordset($1::jsonb) AS t(user_id uuid, kind text, token_hash text, created_by_id uuid, created_at timestamptz, expires_at timestamptz)`,
      [
        JSON.stringify(
          tokens.map((t) => ({
            user_id: t.userId,
            kind: t.kind,
            token_hash: t.tokenHash,
            created_by_id: t.createdById,
            created_at: t.createdAt,
            expires_at: t.expiresAt,
          })),
        ),
      ],
    );
  }

  /** Earlier links of the user stop working (a new one was issued, or the account was deactivated). */
  async revokePasswordTokens(db: Db, userId: string, at: Date): Promise<void> {
    await db.query(
      `UPDATE password_token SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, at],
    );
  }

  /** The link's account while it is usable (not used, revoked or expired, and the account active). */
  async usablePasswordToken(
    db: Db,
    tokenHash: string,
    now: Date,
    forUpdate = false,
  ): Promise<{ id: string; userId: string; email: string; kind: PasswordTokenKind; expiresAt: Date } | undefined> {
    const rows: Array<{ id: string; userId: string; email: string; kind: PasswordTokenKind; expiresAt: Date }> =
      await db.query(
        `SELECT t.id, t.user_id AS "userId", u.email, t.kind, t.expires_at AS "expiresAt"
         FROM password_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > $2 AND u.is_active
        ${forUpdate ? 'FOR UPDATE OF t' : ''}`,
        [tokenHash, now],
      );
    return rows[0];
  }

  async markPasswordTokenUsed(db: Db, id: string, at: Date): Promise<void> {
    await db.query(`UPDATE password_token SET used_at = $2 WHERE id = $1`, [id, at]);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { requireRole, requireWriter, type Actor, type Role } from '../../core/auth/actor.js';
import { auditReason } from '../../core/audit-reason.js';
import { CLOCK, type Clock } from '../../core/clock.js';
import { BadInputError, DomainError, ErrorCode, NotFoundError, type Problem } from '../../core/errors/domain-error.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditRepository, type AuditRecord } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/password.js';
import {
  auditView,
  checkAccountFields,
  newPasswordToken,
  PASSWORD_LINK_HOURS,
  setPasswordPath,
  type AccountFields,
} from './account-rules.js';
import { passwordProblems } from './password-policy.js';
import { PasswordTokenKind } from './password-token.entity.js';
import { UserRepository, type UserAccountRow } from './user.repository.js';
import type { CreateUserInput, UpdateUserInput } from './dto/user.input.js';
import type { UserFilterInput } from './dto/user.model.js';

/** Who acts: an administrator, or the command line on the server (`npm run user:create`), audited as "cli". */
export type Acting = Actor | 'cli';

export interface PasswordLink {
  user: UserAccountRow;
  kind: PasswordTokenKind;
  token: string;
  setPasswordPath: string;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PAGE = 200;

/** Two invitations for one e-mail at the same moment: the unique index decides, and the loser hears why. */
async function emailTakenOnRace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const driver =
      (err as { driverError?: { code?: string; constraint?: string } }).driverError ??
      (err as { code?: string; constraint?: string });
    if (driver?.code === '23505' && driver.constraint === 'uq_app_user_email') {
      throw new BadInputError('An account with this e-mail exists', [
        { field: 'email', code: 'EMAIL_TAKEN', message: 'An account with this e-mail exists' },
      ]);
    }
    throw err;
  }
}

function by(acting: Acting): { userId: string | null; tag: Record<string, unknown> } {
  return acting === 'cli' ? { userId: null, tag: { by: 'cli' } } : { userId: acting.userId, tag: {} };
}

/**
 * Accounts: administrators list, invite, change, deactivate and reset them. Planners do not read the list: it holds
 * every officer's e-mail (personal data under Thailand's PDPA, kept to those who need it), and planners need no
 * account to plan; officers and analysts never see it.
 */
@Injectable()
export class UserService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  private admin(actor: Actor | null): Actor {
    requireWriter(actor);
    return requireRole(actor, ['ADMIN'], 'manage accounts');
  }

  async list(
    actor: Actor | null,
    filter: UserFilterInput | null,
    first: number,
    after: string | null,
  ): Promise<{ items: UserAccountRow[]; totalCount: number; nextCursor: string | null }> {
    requireRole(actor, ['ADMIN'], 'list accounts');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw new BadInputError(`first must be between 1 and ${MAX_PAGE}`, [
        { field: 'first', code: 'OUT_OF_RANGE', message: `between 1 and ${MAX_PAGE}` },
      ]);
    const afterEmail = after ? Buffer.from(after, 'base64url').toString() : null;
    if (after && (!afterEmail || afterEmail.length > 254))
      throw new BadInputError('Bad cursor', [
        { field: 'after', code: 'BAD_CURSOR', message: 'not a cursor from this API' },
      ]);
    const search = filter?.search?.trim() || null;
    if (search && search.length > 254)
      throw new BadInputError('Search too long', [
        { field: 'filter.search', code: 'TEXT_TOO_LONG', message: 'At most 254 characters' },
      ]);
    const { rows, total } = await this.users.list(
      {
        role: filter?.role ?? null,
        provinceCode: filter?.provinceCode?.trim().toUpperCase() || null,
        active: filter?.active ?? null,
        search,
      },
      { first: first + 1, afterEmail },
    );
    const items = rows.slice(0, first);
    return {
      items,
      totalCount: total,
      nextCursor: rows.length > first ? Buffer.from(items.at(-1)!.email).toString('base64url') : null,
    };
  }

  async account(actor: Actor | null, id: string): Promise<UserAccountRow> {
    requireRole(actor, ['ADMIN'], 'read accounts');
    return this.existing(this.db, id);
  }

  /** An administrator invites someone: the account has no password until its owner opens the link. */
  async createUser(actor: Actor | null, input: CreateUserInput): Promise<PasswordLink> {
    const a = this.admin(actor);
    const fields = await this.checkNew(input);
    return emailTakenOnRace(() =>
      this.db.transaction(async (m) => {
        const [link] = await this.createAccounts(m, a, [fields], null);
        return link;
      }),
    );
  }

  /**
   * The command line creates an account with a password (the first administrator of a new installation: nobody can
   * sign in yet to invite one). Same rules as an invitation, plus the password policy.
   */
  async createWithPassword(input: CreateUserInput, password: string): Promise<UserAccountRow> {
    const fields = await this.checkNew(input, password);
    const hash = await hashPassword(password);
    return emailTakenOnRace(() =>
      this.db.transaction(async (m) => {
        const [id] = await this.users.insert(m, [
          { ...fields, provinceId: await this.provinceId(m, fields.provinceCode), passwordHash: hash },
        ]);
        const user = (await this.users.account(m, id))!;
        await this.audit.record(
          [{ action: AuditAction.USER_CREATED, userId: null, newValue: { ...auditView(user), by: 'cli', userId: id } }],
          m,
        );
        return user;
      }),
    );
  }

  /**
   * An account made at its first sign-in through the agency's identity provider (the claims mapped to a role):
   * no password, bound to the provider's subject. Null when the province does not exist.
   */
  async createFromOidc(fields: AccountFields, subject: string): Promise<string | null> {
    const problems: Problem[] = [];
    const clean = checkAccountFields(fields, (field) => ({ field }), problems);
    if (problems.length > 0) return null;
    return emailTakenOnRace(() =>
      this.db.transaction(async (m) => {
        const provinceId = await this.provinceId(m, clean.provinceCode);
        if (clean.provinceCode && provinceId === null) return null;
        const [id] = await this.users.insert(m, [{ ...clean, provinceId, passwordHash: null, oidcSubject: subject }]);
        await this.audit.record(
          [
            {
              action: AuditAction.USER_CREATED,
              userId: null,
              newValue: { ...auditView({ ...clean, active: true }), by: 'oidc', userId: id },
            },
          ],
          m,
        );
        return id;
      }),
    );
  }

  /**
   * Inserts checked accounts and an invitation for each, in the caller's transaction (an import is all or nothing).
   * `source` tags the audit rows (e.g. "import").
   */
  async createAccounts(
    m: EntityManager,
    acting: Acting,
    accounts: AccountFields[],
    source: string | null,
  ): Promise<PasswordLink[]> {
    const who = by(acting);
    const provinces = await this.users.provinceIds(m, [
      ...new Set(accounts.map((f) => f.provinceCode).filter((c): c is string => c !== null)),
    ]);
    const ids = await this.users.insert(
      m,
      accounts.map((f) => ({
        ...f,
        provinceId: f.provinceCode ? provinces.get(f.provinceCode)! : null,
        passwordHash: null,
      })),
    );
    const now = this.now();
    const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3600_000);
    const tokens = ids.map(() => newPasswordToken());
    await this.users.insertPasswordTokens(
      m,
      ids.map((userId, i) => ({
        userId,
        kind: PasswordTokenKind.INVITATION,
        tokenHash: tokens[i].hash,
        createdById: who.userId,
        createdAt: now,
        expiresAt,
      })),
    );
    const events: AuditRecord[] = [];
    const links: PasswordLink[] = [];
    for (const [i, id] of ids.entries()) {
      const user: UserAccountRow = {
        id,
        email: accounts[i].email,
        displayName: accounts[i].displayName,
        role: accounts[i].role,
        provinceCode: accounts[i].provinceCode,
        provinceId: accounts[i].provinceCode ? provinces.get(accounts[i].provinceCode!)! : null,
        active: true,
        isDemo: false,
        hasPassword: false,
        oidcLinked: false,
        createdAt: now,
      };
      events.push({
        action: AuditAction.USER_CREATED,
        userId: who.userId,
        newValue: { ...auditView(user), ...who.tag, userId: id, ...(source ? { source } : {}) },
      });
      events.push({
        action: AuditAction.PASSWORD_LINK_ISSUED,
        userId: who.userId,
        newValue: { userId: id, email: user.email, kind: PasswordTokenKind.INVITATION, expiresAt, ...who.tag },
      });
      links.push({
        user,
        kind: PasswordTokenKind.INVITATION,
        token: tokens[i].token,
        setPasswordPath: setPasswordPath(tokens[i].token),
        expiresAt,
      });
    }
    await this.audit.record(events, m);
    return links;
  }

  async updateUser(actor: Actor | null, input: UpdateUserInput): Promise<UserAccountRow> {
    const a = this.admin(actor);
    const reason = auditReason(input.reason);
    return this.db.transaction(async (m) => {
      // The administrators' rows first, then the account's: every update locks in this order, so two demotions
      // wait for each other (the last-admin check sees the other's result) instead of deadlocking.
      const admins = await this.users.lockActiveAdmins(m);
      const old = await this.existing(m, input.id, true);
      const problems: Problem[] = [];
      const role: Role = input.role ?? old.role;
      const changingProvince = input.provinceCode !== undefined && input.provinceCode !== null;
      let provinceCode =
        role === 'OFFICER' ? (changingProvince ? input.provinceCode!.trim().toUpperCase() : old.provinceCode) : null;
      if (role !== 'OFFICER' && changingProvince && input.provinceCode!.trim() !== '') {
        problems.push({
          field: 'provinceCode',
          code: 'PROVINCE_NOT_ALLOWED',
          message: 'Only officers have a province; other roles see every province',
        });
      }
      if (role === 'OFFICER' && !provinceCode)
        problems.push({
          field: 'provinceCode',
          code: 'PROVINCE_REQUIRED',
          message: 'An officer needs a province (TH-xx)',
        });
      const provinceId = provinceCode ? (await this.users.provinceIds(m, [provinceCode])).get(provinceCode) : null;
      if (provinceCode && provinceId === undefined) {
        problems.push({
          field: 'provinceCode',
          code: 'UNKNOWN_PROVINCE',
          message: `"${provinceCode.slice(0, 20)}" is not a province code (TH-xx)`,
        });
        provinceCode = null;
      }
      const displayName =
        input.displayName === undefined || input.displayName === null
          ? old.displayName
          : input.displayName.trim().replace(/\s+/g, ' ');
      if (!displayName)
        problems.push({ field: 'displayName', code: 'REQUIRED', message: 'Give the name shown for the account' });
      if (displayName.length > 200)
        problems.push({ field: 'displayName', code: 'TEXT_TOO_LONG', message: 'At most 200 characters' });
      const active = input.active ?? old.active;
      if (problems.length > 0) throw new BadInputError(`${problems.length} problem(s): nothing was changed`, problems);

      const next = { role, provinceCode, provinceId: provinceId ?? null, displayName, active };
      if (
        role === old.role &&
        provinceCode === old.provinceCode &&
        displayName === old.displayName &&
        active === old.active
      )
        return old;
      if (old.role === 'ADMIN' && old.active && (role !== 'ADMIN' || !active) && admins.every((x) => x === old.id)) {
        // Someone must be able to manage accounts: the last active administrator stays one.
        throw new DomainError(ErrorCode.CONFLICT, 'This is the last active administrator: make another one first', [
          {
            field: role !== 'ADMIN' ? 'role' : 'active',
            code: 'LAST_ADMIN',
            message: 'The last active administrator cannot be demoted or deactivated',
          },
        ]);
      }
      await this.users.update(m, old.id, next);
      // A deactivated account's unused links must not bring it back.
      if (!active) await this.users.revokePasswordTokens(m, old.id, this.now());
      const updated = (await this.users.account(m, old.id))!;
      await this.audit.record(
        [
          {
            action: AuditAction.USER_CHANGED,
            userId: a.userId,
            oldValue: { ...auditView(old), userId: old.id },
            newValue: { ...auditView(updated), userId: old.id },
            reason,
          },
        ],
        m,
      );
      return updated;
    });
  }

  deactivateUser(actor: Actor | null, id: string, reason: string | null): Promise<UserAccountRow> {
    return this.updateUser(actor, { id, active: false, reason });
  }

  /**
   * A new set-password link; the old password stops working at once and the database signs the user out
   * everywhere (the trigger of migration 0008 fires on the cleared hash). Earlier links are revoked.
   */
  async resetUserPassword(actor: Actor | null, id: string, reason: string | null): Promise<PasswordLink> {
    const a = this.admin(actor);
    const why = auditReason(reason);
    return this.db.transaction(async (m) => {
      const user = await this.existing(m, id, true);
      if (!user.active)
        throw new BadInputError('The account is deactivated: activate it first', [
          { field: 'id', code: 'ACCOUNT_INACTIVE', message: 'The account is deactivated' },
        ]);
      const now = this.now();
      const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3600_000);
      const { token, hash } = newPasswordToken();
      await this.users.revokePasswordTokens(m, id, now);
      await m.query(`UPDATE app_user SET password_hash = NULL WHERE id = $1`, [id]);
      await this.users.insertPasswordTokens(m, [
        {
          userId: id,
          kind: PasswordTokenKind.RESET,
          tokenHash: hash,
          createdById: a.userId,
          createdAt: now,
          expiresAt,
        },
      ]);
      await this.audit.record(
        [
          {
            action: AuditAction.PASSWORD_LINK_ISSUED,
            userId: a.userId,
            newValue: { userId: id, email: user.email, kind: PasswordTokenKind.RESET, expiresAt },
            reason: why,
          },
        ],
        m,
      );
      return {
        user: { ...user, hasPassword: false },
        kind: PasswordTokenKind.RESET,
        token,
        setPasswordPath: setPasswordPath(token),
        expiresAt,
      };
    });
  }

  /** Checks a new account (fields, province, free e-mail, and the password when one is given). */
  private async checkNew(input: CreateUserInput, password?: string): Promise<AccountFields> {
    const problems: Problem[] = [];
    const fields = checkAccountFields(
      {
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        provinceCode: input.provinceCode ?? null,
      },
      (field) => ({ field }),
      problems,
    );
    if (
      fields.provinceCode &&
      !problems.some((p) => p.field === 'provinceCode') &&
      !(await this.users.provinceIds(this.db, [fields.provinceCode])).has(fields.provinceCode)
    ) {
      problems.push({
        field: 'provinceCode',
        code: 'UNKNOWN_PROVINCE',
        message: `No province has the code ${fields.provinceCode}`,
      });
    }
    if (
      fields.email &&
      !problems.some((p) => p.field === 'email') &&
      (await this.users.existingEmails(this.db, [fields.email])).size > 0
    ) {
      problems.push({ field: 'email', code: 'EMAIL_TAKEN', message: 'An account with this e-mail exists' });
    }
    if (password !== undefined) problems.push(...passwordProblems(password, fields.email, 'password'));
    if (problems.length > 0)
      throw new BadInputError(`${problems.length} problem(s) in the account: nothing was created`, problems);
    return fields;
  }

  private async provinceId(m: EntityManager, code: string | null): Promise<number | null> {
    return code ? ((await this.users.provinceIds(m, [code])).get(code) ?? null) : null;
  }

  private async existing(m: EntityManager | DataSource, id: string, forUpdate = false): Promise<UserAccountRow> {
    if (!UUID.test(id)) throw new NotFoundError('Account', id.slice(0, 40));
    const user = await this.users.account(m, id, forUpdate);
    if (!user) throw new NotFoundError('Account', id);
    return user;
  }
}

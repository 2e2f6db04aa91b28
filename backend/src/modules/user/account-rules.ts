import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../core/auth/actor.js';
import type { Problem, ProblemLocation } from '../../core/errors/domain-error.js';

export const ROLES: readonly Role[] = ['ADMIN', 'PLANNER', 'OFFICER', 'ANALYST'];
/** How long a set-password link works (an invitation or a reset). */
export const PASSWORD_LINK_HOURS = 72;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_DISPLAY_NAME_LENGTH = 200;

/**
 * A deliberately loose check (something@domain.tld, no spaces): the real proof of an address is its owner opening
 * the invitation. Stricter patterns refuse valid addresses; RFC 5322 in full is not what people type.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PROVINCE_CODE = /^TH-\d{2}$/;

export interface AccountFields {
  email: string;
  displayName: string;
  role: Role;
  provinceCode: string | null;
}

/**
 * The one set of rules for an account's fields, whether typed in a form (located by field) or read from a CSV row
 * (located by row and column: `at` maps a field to its location). The province's existence is checked by the caller
 * against the database. Returns the cleaned fields.
 */
export function checkAccountFields(
  raw: { email: string; displayName: string | null; role: string | null; provinceCode: string | null },
  at: (field: 'email' | 'displayName' | 'role' | 'provinceCode') => ProblemLocation,
  problems: Problem[],
): AccountFields {
  const email = raw.email.trim().toLowerCase();
  if (!email) problems.push({ ...at('email'), code: 'REQUIRED', message: 'Give an e-mail address' });
  else if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email))
    problems.push({
      ...at('email'),
      code: 'BAD_EMAIL',
      message: `"${raw.email.slice(0, 80)}" is not an e-mail address`,
    });
  const displayName = (raw.displayName ?? '').trim().replace(/\s+/g, ' ');
  if (!displayName)
    problems.push({ ...at('displayName'), code: 'REQUIRED', message: 'Give the name shown for the account' });
  else if (displayName.length > MAX_DISPLAY_NAME_LENGTH)
    problems.push({
      ...at('displayName'),
      code: 'TEXT_TOO_LONG',
      message: `At most ${MAX_DISPLAY_NAME_LENGTH} characters`,
    });
  const role = (raw.role ?? '').trim().toUpperCase() as Role;
  if (!ROLES.includes(role))
    problems.push({ ...at('role'), code: 'UNKNOWN_ROLE', message: `The role is one of ${ROLES.join(', ')}` });
  const provinceCode = raw.provinceCode?.trim().toUpperCase() || null;
  if (role === 'OFFICER' && !provinceCode)
    problems.push({ ...at('provinceCode'), code: 'PROVINCE_REQUIRED', message: 'An officer needs a province (TH-xx)' });
  if (role !== 'OFFICER' && provinceCode && ROLES.includes(role)) {
    problems.push({
      ...at('provinceCode'),
      code: 'PROVINCE_NOT_ALLOWED',
      message: 'Only officers have a province; other roles see every province',
    });
  }
  if (provinceCode && !PROVINCE_CODE.test(provinceCode))
    problems.push({
      ...at('provinceCode'),
      code: 'UNKNOWN_PROVINCE',
      message: `"${provinceCode.slice(0, 20)}" is not a province code (TH-xx)`,
    });
  return { email, displayName, role, provinceCode: role === 'OFFICER' ? provinceCode : null };
}

/** A set-password token: 256 random bits; only its SHA-256 is stored, like API tokens. */
export function newPasswordToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashPasswordToken(token) };
}

export function hashPasswordToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function setPasswordPath(token: string): string {
  return `/set-password?token=${token}`;
}

/** The fields the audit trail keeps of an account (never a hash or a token). */
export function auditView(a: {
  email: string;
  displayName: string;
  role: Role;
  provinceCode: string | null;
  active: boolean;
}): Record<string, unknown> {
  return { email: a.email, displayName: a.displayName, role: a.role, provinceCode: a.provinceCode, active: a.active };
}

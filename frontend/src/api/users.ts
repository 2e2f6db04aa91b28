import { gql } from '@urql/core';
import type { User, UserRole } from './auth';
import type { ApiProblem } from './errors';

/**
 * Accounts (administrators): list, invite, change, deactivate, reset, import
 * from CSV; and for everyone, setting a password through a link and changing
 * one's own. The product sends no e-mail yet: an invitation or reset link is
 * shown once to the administrator, who hands it on.
 */

export interface UserAccount {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  provinceCode: string | null;
  active: boolean;
  isDemo: boolean;
  /** False while an invitation waits, after a reset, and for identity-provider accounts. */
  hasPassword: boolean;
  oidcLinked: boolean;
  createdAt: string;
}

export type PasswordLinkKind = 'INVITATION' | 'RESET';

/** A single-use link, valid 72 hours, shown this once (the server keeps only its hash). */
export interface PasswordLink {
  kind: PasswordLinkKind;
  token: string;
  setPasswordPath: string;
  expiresAt: string;
  user: UserAccount;
}

export interface UserFilter {
  role?: UserRole | null;
  provinceCode?: string | null;
  active?: boolean | null;
  search?: string | null;
}

const ACCOUNT_FIELDS = 'id email displayName role provinceCode active isDemo hasPassword oidcLinked createdAt';
const LINK_FIELDS = `kind token setPasswordPath expiresAt user { ${ACCOUNT_FIELDS} }`;
const SESSION_FIELDS = 'token expiresAt user { id email role provinceCode readOnly }';

export const USERS_PAGE_SIZE = 50;

export const UsersQuery = gql<
  { users: { items: UserAccount[]; totalCount: number; nextCursor: string | null } },
  { filter: UserFilter; first: number; after: string | null }
>`
  query Users($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) { totalCount nextCursor items { ${ACCOUNT_FIELDS} } }
  }
`;

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: UserRole;
  provinceCode: string | null;
}

export const CreateUserMutation = gql<{ createUser: PasswordLink }, { input: CreateUserInput }>`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${LINK_FIELDS} } }
`;

export interface UpdateUserInput {
  id: string;
  role?: UserRole;
  provinceCode?: string | null;
  displayName?: string;
  active?: boolean;
  reason?: string | null;
}

export const UpdateUserMutation = gql<{ updateUser: UserAccount }, { input: UpdateUserInput }>`
  mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { ${ACCOUNT_FIELDS} } }
`;

export const ResetUserPasswordMutation = gql<
  { resetUserPassword: PasswordLink },
  { input: { id: string; reason?: string | null } }
>`
  mutation ResetUserPassword($input: UserIdInput!) { resetUserPassword(input: $input) { ${LINK_FIELDS} } }
`;

export const PasswordLinkQuery = gql<
  { passwordLink: { email: string; kind: PasswordLinkKind; expiresAt: string } | null },
  { token: string }
>`
  query PasswordLink($token: String!) {
    passwordLink(token: $token) {
      email
      kind
      expiresAt
    }
  }
`;

export interface SessionPayload {
  token: string;
  expiresAt: string;
  user: User;
}

export const SetPasswordMutation = gql<
  { setPassword: SessionPayload },
  { input: { token: string; newPassword: string } }
>`
  mutation SetPassword($input: SetPasswordInput!) { setPassword(input: $input) { ${SESSION_FIELDS} } }
`;

export const ChangeOwnPasswordMutation = gql<
  { changeOwnPassword: SessionPayload },
  { input: { currentPassword: string; newPassword: string } }
>`
  mutation ChangeOwnPassword($input: ChangeOwnPasswordInput!) { changeOwnPassword(input: $input) { ${SESSION_FIELDS} } }
`;

export const OidcSignInQuery = gql<{ oidcSignIn: { label: string; startPath: string } | null }, Record<string, never>>`
  query OidcSignIn {
    oidcSignIn {
      label
      startPath
    }
  }
`;

/** The server's password rule, repeated here only to say it before the user types (the server decides). */
export const MIN_PASSWORD_LENGTH = 12;

/** The link to hand on: this site's address and the path the server gave. */
export function absoluteLink(path: string, origin: string = globalThis.location?.origin ?? ''): string {
  return `${origin}${path}`;
}

// ---- CSV import (REST: a file, like the report import) ----

export const USER_IMPORT_MAX_BYTES = 1_000_000;
export const USER_IMPORT_MAX_ROWS = 2_000;

export interface ImportedAccount {
  row: number;
  email: string;
  displayName: string;
  role: UserRole;
  provinceCode: string | null;
}

export interface ImportInvitation extends ImportedAccount {
  setPasswordPath: string;
  expiresAt: string;
}

export interface UserImportResult {
  dryRun: boolean;
  rowCount: number;
  problems: ApiProblem[];
  accounts: ImportedAccount[];
  invitations: ImportInvitation[];
}

export type UserImportOutcome =
  { ok: true; result: UserImportResult } | { ok: false; status: number; code: string; problems: ApiProblem[] };

/** Sends the CSV; a dry run lists problems, a commit creates every account or none. */
export async function uploadUserCsv(
  file: Blob,
  dryRun: boolean,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<UserImportOutcome> {
  let res: Response;
  try {
    res = await fetchImpl(`/api/users/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: file,
    });
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', problems: [] };
  }
  const body = (await res.json().catch(() => null)) as (UserImportResult & { code?: string }) | null;
  if (res.ok && body) return { ok: true, result: body };
  return { ok: false, status: res.status, code: body?.code ?? 'UNKNOWN', problems: body?.problems ?? [] };
}

function csvField(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet (CSV injection): quote it and prefix an apostrophe.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The invitations as a CSV to hand on (UTF-8 with a BOM, so Excel shows Thai names). */
export function invitationsCsv(invitations: readonly ImportInvitation[], origin?: string): string {
  const lines = [['email', 'display name', 'role', 'province code', 'invitation link', 'expires at'].join(',')];
  for (const i of invitations) {
    lines.push(
      [i.email, i.displayName, i.role, i.provinceCode ?? '', absoluteLink(i.setPasswordPath, origin), i.expiresAt]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

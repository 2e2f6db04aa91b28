import { DomainError, ErrorCode } from '../errors/domain-error.js';

export type Role = 'ADMIN' | 'PLANNER' | 'OFFICER' | 'ANALYST';

/** Who is calling: a signed-in user (by sign-in token or API token), or null for an anonymous caller. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** The officer's province (org unit id and ISO code); null for every other role. */
  provinceId: number | null;
  provinceCode: string | null;
  /** API tokens are read-only whatever the user's role. */
  readOnly: boolean;
  /** The sign-in session of a sign-in token (what `logout` revokes); absent for API tokens. */
  sessionId?: string;
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in first') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

export function requireRole(actor: Actor | null, roles: Role[], what: string): Actor {
  const a = requireActor(actor);
  if (!roles.includes(a.role)) throw new ForbiddenError(`Your role (${a.role}) may not ${what}`);
  return a;
}

/** Mutations refuse read-only credentials (analysts' API tokens). */
export function requireWriter(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.readOnly) throw new ForbiddenError('This token is read-only');
  return a;
}

/** Planners and administrators see every province's data at every state. */
export function seesAllStates(actor: Actor | null): boolean {
  return actor !== null && (actor.role === 'ADMIN' || actor.role === 'PLANNER');
}

/** Codes every domain uses; one place (graphql/format-error.ts) maps them onto GraphQL extensions.code. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** The database cannot be reached just now (restarting, down): try again shortly; nothing was done. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** Where a problem is: a field of an input, or a row and column of an uploaded file. */
export interface ProblemLocation {
  field?: string;
  row?: number;
  column?: string;
}

export interface Problem extends ProblemLocation {
  message: string;
  /** A machine-readable kind, e.g. OUT_OF_RANGE, UNKNOWN_ORG_UNIT, UNCONFIRMED_WARNING. */
  code?: string;
}

/** Base of every domain exception; services throw these, never HTTP errors. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, key: string) {
    super(ErrorCode.NOT_FOUND, `${what} "${key}" does not exist`);
  }
}

export class BadInputError extends DomainError {
  constructor(message: string, problems: Problem[] = []) {
    super(ErrorCode.BAD_USER_INPUT, message, problems);
  }
}

/** Seconds a client should wait before retrying while the database is away (an embedded restart takes 1-3 s). */
export const RETRY_AFTER_SECONDS = 3;

export class ServiceUnavailableError extends DomainError {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
  constructor(
    message = 'The database is not reachable just now: try again in a few seconds (a change sent at that moment may not have been kept).',
  ) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}

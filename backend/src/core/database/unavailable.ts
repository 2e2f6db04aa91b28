import { DomainError, ServiceUnavailableError } from '../errors/domain-error.js';
import { logger } from '../observability/logger.js';

/**
 * SQLSTATEs that mean "the server is away, not that the request was wrong": class 08 (connection exception),
 * 57P01 admin_shutdown (fast shutdown), 57P02 crash_shutdown (another backend crashed), 57P03 cannot_connect_now
 * (starting up or in recovery), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** node-postgres raises these without a code: a socket closed under a query, the pool's connect timeout, a dead client. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|Client has encountered a connection error/i;

/**
 * TypeORM releases a query runner whose connection emits an error (the server went away between two queries of a
 * transaction, or before its COMMIT); the transaction's next query then fails with one of these instead of the
 * connection's own error. Nothing of that transaction was committed.
 */
const RELEASED_BY_CONNECTION_ERROR = new Set([
  'QueryRunnerProviderAlreadyReleasedError',
  'QueryRunnerAlreadyReleasedError',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
  originalError?: unknown;
}

/** True when an error (of pg, pg-pool or TypeORM, however wrapped) says the database cannot be reached just now. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as ErrorLike;
  if (
    typeof e.code === 'string' &&
    (UNAVAILABLE_SQLSTATES.has(e.code) || e.code.startsWith('08') || UNAVAILABLE_ERRNOS.has(e.code))
  )
    return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  if (typeof e.name === 'string' && RELEASED_BY_CONNECTION_ERROR.has(e.name)) return true;
  // TypeORM keeps pg's error as driverError; connect() to 'localhost' fails with an AggregateError of both addresses.
  const inner = [e.driverError, e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => i !== err && isDatabaseUnavailable(i, depth + 1));
}

const WARN_EVERY_MS = 10_000;
let lastWarning = 0;

/**
 * The domain error an error stands for: itself, SERVICE_UNAVAILABLE for a lost database, or null (a fault).
 * An outage is logged one line at a time (at most every 10 s), not a stack per failed request.
 */
export function domainErrorOf(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  if (!isDatabaseUnavailable(err)) return null;
  if (Date.now() - lastWarning > WARN_EVERY_MS) {
    lastWarning = Date.now();
    logger().warn(
      { component: 'database', reason: err instanceof Error ? err.message : String(err) },
      'database unreachable: answering SERVICE_UNAVAILABLE',
    );
  }
  return new ServiceUnavailableError();
}

import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { LimitError, QUERY_TOO_COMPLEX, RESULT_TOO_LARGE } from './limits.js';
import { domainErrorOf } from '../database/unavailable.js';
import { dataExceptionMessage, isStatementTimeout } from '../errors/pg-errors.js';
import { logger } from '../observability/logger.js';

/** extensions.code of a request stopped by the database's statement_timeout. */
export const TIMEOUT = 'TIMEOUT';

/**
 * Codes that reach the client as they are: the domain's, ours, and Apollo Server's own request errors
 * (BAD_REQUEST: CSRF preflight rule, batching, malformed body; GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED;
 * OPERATION_RESOLUTION_FAILURE; PERSISTED_QUERY_*). Anything else is internal.
 */
const KNOWN = new Set<string>([
  ...Object.values(ErrorCode),
  QUERY_TOO_COMPLEX,
  RESULT_TOO_LARGE,
  TIMEOUT,
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Kept here for the GraphQL layer's callers; the one mapping lives in core/http/http-error.ts. */
export { httpStatusOf } from '../http/http-error.js';

/**
 * Domain errors keep their code and problems; limit refusals keep theirs (Apollo re-codes validation errors);
 * a statement stopped by statement_timeout is TIMEOUT, a value PostgreSQL refused as data BAD_USER_INPUT; Apollo's and GraphQL's own request errors keep theirs;
 * anything else is an internal error whose details stay in the server log.
 */
export function createFormatError(options: { statementTimeoutMs: number }) {
  const seconds = Math.round(options.statementTimeoutMs / 100) / 10;
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const raw = (error as { originalError?: unknown })?.originalError ?? error;
    // A lost database connection is SERVICE_UNAVAILABLE (retry shortly), not an internal error.
    const original = domainErrorOf(raw) ?? raw;
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return {
        message: original.message,
        ...base,
        extensions: { code: original.code, ...(original.problems.length > 0 ? { problems: original.problems } : {}) },
      };
    }
    if (original instanceof LimitError) {
      return { message: original.message, ...base, extensions: { code: original.code, limit: original.limit } };
    }
    if (isStatementTimeout(original)) {
      return {
        message: `The database stopped this request after ${seconds} s: ask for less (one scope, fewer fields or a smaller page)`,
        ...base,
        extensions: { code: TIMEOUT },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (KNOWN.has(code) || code.startsWith('GRAPHQL_'))) {
      return { message: formatted.message, ...base, extensions: { code } };
    }
    const dataProblem = dataExceptionMessage((original as { driverError?: unknown })?.driverError ?? original);
    if (dataProblem) return { message: dataProblem, ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    logger().error({ component: 'graphql', err: original }, 'internal error');
    return { message: 'Internal server error', ...base, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

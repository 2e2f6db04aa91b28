import type { Response } from 'express';
import { domainErrorOf } from '../database/unavailable.js';
import { ErrorCode, ServiceUnavailableError } from '../errors/domain-error.js';

/**
 * The one mapping from an error code (a domain's, a limit's, Apollo's) to an HTTP status, for every route that
 * answers outside GraphQL's own envelope (imports, exports, the executor) and for the GraphQL responses' status.
 */
export function httpStatusOf(code: string): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.CONFLICT:
      return 409;
    case 'RESULT_TOO_LARGE':
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
    case 'TIMEOUT':
      return 503;
    case 'INTERNAL_SERVER_ERROR':
      return 500;
    default:
      return 400;
  }
}

/**
 * Answers a domain error, or a lost database as SERVICE_UNAVAILABLE with Retry-After, as JSON with its code;
 * false for anything else (a fault, for the caller to log).
 */
export function sendDomainError(res: Response, err: unknown): boolean {
  const domain = domainErrorOf(err);
  if (!domain) return false;
  if (domain instanceof ServiceUnavailableError) res.setHeader('Retry-After', String(domain.retryAfterSeconds));
  res.status(httpStatusOf(domain.code)).json({ code: domain.code, message: domain.message, problems: domain.problems });
  return true;
}

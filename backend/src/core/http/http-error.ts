import type { Response } from 'express';
import { domainErrorOf } from '../database/unavailable.js';
import { ErrorCode, ServiceUnavailableError } from '../errors/domain-error.js';

/** How a domain error code becomes an HTTP status on the plain-HTTP routes (files in and out). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * Answers a domain error, or a lost database as SERVICE_UNAVAILABLE with Retry-After, as JSON with its code;
 * false for anything else (a fault, for the caller to log).
 */
export function sendDomainError(res: Response, err: unknown): boolean {
  const domain = domainErrorOf(err);
  if (!domain) return false;
  if (domain instanceof ServiceUnavailableError) res.setHeader('Retry-After', String(domain.retryAfterSeconds));
  res.status(HTTP_STATUS[domain.code]).json({ code: domain.code, message: domain.message, problems: domain.problems });
  return true;
}

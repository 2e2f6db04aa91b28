import type { CombinedError } from '@urql/core';

/**
 * The error codes the server puts in GraphQL `extensions.code`, plus the two
 * the client itself can observe. Each maps to a message key `errors.<code>`.
 */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'NETWORK',
  'UNKNOWN',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  /** i18n key of the message to show, e.g. "errors.NETWORK". */
  messageKey: `errors.${ApiErrorCode}`;
  /** The server's or the network's own wording, for logs only. */
  detail: string;
}

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

/** Reduces urql's combined error to the first code the UI can explain. */
export function toApiError(error: CombinedError): ApiError {
  let code: ApiErrorCode = 'UNKNOWN';
  if (error.networkError) {
    code = 'NETWORK';
  } else {
    const known = error.graphQLErrors.map((e) => e.extensions?.code).find(isApiErrorCode);
    if (known) code = known;
  }
  return { code, messageKey: `errors.${code}`, detail: error.message };
}

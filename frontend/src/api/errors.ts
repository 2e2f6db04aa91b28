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
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_REQUESTS',
  'TIMEOUT',
  'RESULT_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'SERVICE_UNAVAILABLE',
  'NETWORK',
  'UNKNOWN',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * One thing wrong with an input, as the server lists them in
 * `extensions.problems`: where (an input field such as "values[3]" or
 * "LAO-40-0001.STAFF_TOTAL", or a row and column of a file), a stable code
 * (OUT_OF_RANGE, REQUIRED, UNCONFIRMED_WARNING…) and an English sentence.
 */
export interface ApiProblem {
  field?: string | null;
  row?: number | null;
  column?: string | null;
  code?: string | null;
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  /** i18n key of the message to show, e.g. "errors.NETWORK". */
  messageKey: `errors.${ApiErrorCode}`;
  /** The server's or the network's own wording, for logs and as a detail line. */
  detail: string;
  /** The problems of a BAD_USER_INPUT, empty otherwise. */
  problems: ApiProblem[];
}

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

function isProblem(value: unknown): value is ApiProblem {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** Reduces urql's combined error to the first code the UI can explain. */
export function toApiError(error: CombinedError): ApiError {
  if (error.networkError) {
    return { code: 'NETWORK', messageKey: 'errors.NETWORK', detail: error.message, problems: [] };
  }
  const first = error.graphQLErrors.find((e) => isApiErrorCode(e.extensions?.code));
  const code: ApiErrorCode = first && isApiErrorCode(first.extensions.code) ? first.extensions.code : 'UNKNOWN';
  const raw = first?.extensions.problems;
  const problems = Array.isArray(raw) ? raw.filter(isProblem) : [];
  return { code, messageKey: `errors.${code}`, detail: first?.message ?? error.message, problems };
}

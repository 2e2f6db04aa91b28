import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { dataExceptionMessage } from '../errors/pg-errors.js';

const KNOWN = new Set<string>(Object.values(ErrorCode));

/**
 * Domain errors keep their code and problems; GraphQL's own validation errors keep theirs;
 * anything else is an internal error whose details stay in the server log.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.problems.length > 0 ? { problems: original.problems } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (KNOWN.has(code) || code.startsWith('GRAPHQL_') || code === 'PERSISTED_QUERY_NOT_FOUND')) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  const dataProblem = dataExceptionMessage((original as { driverError?: unknown })?.driverError ?? original);
  if (dataProblem) {
    return { message: dataProblem, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  console.error('[graphql] internal error:', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

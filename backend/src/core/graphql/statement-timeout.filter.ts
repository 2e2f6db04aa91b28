import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { QueryFailedError } from 'typeorm';

/** PostgreSQL's query_canceled: statement_timeout (or a cancel request) stopped the statement. */
const PG_QUERY_CANCELED = '57014';

export function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return e?.code === PG_QUERY_CANCELED || e?.driverError?.code === PG_QUERY_CANCELED;
}

/**
 * A statement stopped by statement_timeout is an answer (TIMEOUT, format-error.ts), not a fault: one line in the
 * log instead of Nest's stack trace, which a burst of slow requests would repeat hundreds of times. Other
 * database errors go on to formatError, which logs them as internal errors.
 */
@Catch(QueryFailedError)
export class StatementTimeoutFilter implements GqlExceptionFilter {
  catch(exception: QueryFailedError): QueryFailedError {
    if (isStatementTimeout(exception)) console.warn(`[graphql] statement timeout: ${exception.query.replace(/\s+/g, ' ').slice(0, 120)}`);
    return exception;
  }
}

import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { QueryFailedError } from 'typeorm';
import { BadInputError, DomainError } from '../errors/domain-error.js';
import { dataExceptionMessage, isStatementTimeout } from '../errors/pg-errors.js';

/** Domain errors are answers (NOT_FOUND, FORBIDDEN…), not faults: pass them to formatError without logging. */
@Catch(DomainError)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainError): DomainError {
    return exception;
  }
}

/**
 * A caller's value that PostgreSQL refused as data (class 22: out of range, not a date…) is the caller's
 * BAD_USER_INPUT, answered without a stack trace in the log; any other database failure stays internal.
 * A statement stopped by statement_timeout is an answer too (TIMEOUT, format-error.ts): one line in the log
 * instead of Nest's stack trace, which a burst of slow requests would repeat hundreds of times.
 */
@Catch(QueryFailedError)
export class DataExceptionFilter implements GqlExceptionFilter {
  catch(exception: QueryFailedError): Error {
    const message = dataExceptionMessage(exception.driverError);
    if (message) return new BadInputError(message);
    if (isStatementTimeout(exception)) {
      console.warn(`[graphql] statement timeout: ${exception.query.replace(/\s+/g, ' ').slice(0, 120)}`);
      return exception;
    }
    throw exception;
  }
}

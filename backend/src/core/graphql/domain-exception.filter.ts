import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { domainErrorOf } from '../database/unavailable.js';
import { BadInputError } from '../errors/domain-error.js';
import { dataExceptionMessage, isStatementTimeout } from '../errors/pg-errors.js';
import { sendDomainError } from '../http/http-error.js';
import { logger } from '../observability/logger.js';

/**
 * Domain errors are answers (NOT_FOUND, FORBIDDEN…), not faults: pass them to formatError without logging. A lost
 * database is such an answer too (SERVICE_UNAVAILABLE, retry shortly): without this, every request during a
 * database restart would log a stack. On plain HTTP routes they become JSON with their code (503 + Retry-After);
 * anything else keeps Nest's own handling (GraphQL faults are logged by formatError).
 */
@Catch()
export class DomainExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return domainErrorOf(exception) ?? exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (host.getType() === 'http' && !res.headersSent && sendDomainError(res, exception)) return undefined;
    return super.catch(exception, host);
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
      logger().warn(
        { component: 'graphql', query: exception.query.replace(/\s+/g, ' ').slice(0, 120) },
        'statement timeout',
      );
      return exception;
    }
    throw exception;
  }
}

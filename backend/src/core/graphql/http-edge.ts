import { Catch, HttpException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { LIMITS } from './limits.js';

/**
 * The JSON body limit of /graphql and the other JSON endpoints (the default parser's own limit, stated here so
 * that it is a documented figure; an upload to /api/imports streams its raw body and is not parsed as JSON).
 */
export function configureGraphqlHttp(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: LIMITS.maxBodyBytes });
}

/** extensions.code for the HTTP errors that reach the edge before GraphQL (body parser, unknown route). */
function codeOf(status: number): string {
  switch (status) {
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'PAYLOAD_TOO_LARGE';
    case HttpStatus.NOT_FOUND:
      return 'NOT_FOUND';
    case HttpStatus.UNAUTHORIZED:
      return 'UNAUTHENTICATED';
    case HttpStatus.FORBIDDEN:
      return 'FORBIDDEN';
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
    case HttpStatus.BAD_REQUEST:
      return 'BAD_REQUEST';
    default:
      return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  }
}

function messageOf(status: number, exception: HttpException): string {
  if (status === HttpStatus.PAYLOAD_TOO_LARGE)
    return `The request body is larger than ${LIMITS.maxBodyBytes / 1024} KB`;
  if (status === HttpStatus.BAD_REQUEST) return `The request body is not valid JSON (${exception.message})`;
  return exception.message;
}

/**
 * Nest's HTTP errors on /graphql and /api/ (a body that is not JSON, one over the limit, an unknown route)
 * answered in the API's own shape with a code, and without a stack trace in the log: they are the caller's
 * mistakes. /graphql gets GraphQL's `{ errors: [{ message, extensions: { code } }] }`, /api/ the file endpoints'
 * `{ code, message }`. Elsewhere, and for exceptions inside GraphQL resolvers, Nest's handling stands.
 */
@Catch(HttpException)
export class HttpEdgeExceptionFilter extends BaseExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const status = exception.getStatus();
    const path = req.path ?? '';
    if (!path.startsWith('/graphql') && !path.startsWith('/api/')) return super.catch(exception, host);
    const code = codeOf(status);
    const message = messageOf(status, exception);
    if (res.headersSent) return res.end();
    return path.startsWith('/graphql')
      ? res.status(status).json({ errors: [{ message, extensions: { code } }] })
      : res.status(status).json({ code, message });
  }
}

import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode, DomainError } from '../../core/errors/domain-error.js';
import { domainErrorOf } from '../../core/database/unavailable.js';
import { sendDomainError } from '../../core/http/http-error.js';
import { ImportObserver } from '../../core/observability/import-observer.js';
import { logger } from '../../core/observability/logger.js';
import { AuthService } from '../auth/auth.service.js';
import { TooManyImportsError } from './import-gate.js';
import { IMPORT_LIMITS, ImportService } from './import.service.js';
import { UploadBody } from './upload-body.js';

function sendError(res: Response, err: unknown): void {
  if (err instanceof TooManyImportsError) {
    res.setHeader('Retry-After', String(err.retryAfterSeconds));
    res.status(429).json({ code: err.code, message: err.message, retryAfterSeconds: err.retryAfterSeconds });
    return;
  }
  if (sendDomainError(res, err)) return;
  logger().error({ component: 'import', err }, 'import failed');
  res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
}

/**
 * After a refusal, what the client is still sending is read and discarded, up to this much of the request in
 * all (twice the largest upload) and for this long, before answering, so that it can read the answer; past it
 * the answer goes out and the connection is closed.
 */
const MAX_REQUEST_BYTES = 2 * IMPORT_LIMITS.maxBytes;
const DISCARD_MS = 15_000;
const MAX_FILENAME = 255;

const badFilename = (message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ code: 'BAD_FILENAME', message }]);

/** The X-Filename header (percent-encoded UTF-8): it is shown in messages and kept in the audit trail. */
function uploadFilename(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string') throw badFilename('Send one X-Filename header');
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw badFilename('The X-Filename header is not valid percent-encoded UTF-8 (encodeURIComponent of the file name)');
  }
  if (name.length > MAX_FILENAME) throw badFilename(`The file name is longer than ${MAX_FILENAME} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badFilename('The file name holds control characters');
  return name;
}

/**
 * Before answering: the rest of the body is discarded within the bound, or the connection is marked to
 * close once the answer is out (a declared length past the bound is not read at all).
 */
async function finishBody(req: Request, res: Response, body: UploadBody): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const complete = declared <= MAX_REQUEST_BYTES && (await body.discardRest(MAX_REQUEST_BYTES, DISCARD_MS));
  if (complete) return;
  if (!res.headersSent) res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroy());
}

/**
 * Files are not GraphQL's strength: templates download and uploads stream over plain HTTP, with the same
 * bearer token and the same rules as the API.
 */
@Controller('api')
export class ImportController {
  constructor(
    private readonly imports: ImportService,
    private readonly auth: AuthService,
    private readonly observer: ImportObserver,
  ) {}

  @Get('reports/:provinceCode/:quarterCode/template.:format')
  async template(
    @Req() req: Request,
    @Res() res: Response,
    @Param('provinceCode') provinceCode: string,
    @Param('quarterCode') quarterCode: string,
    @Param('format') format: string,
  ): Promise<void> {
    try {
      if (format !== 'xlsx' && format !== 'csv')
        throw new DomainError(ErrorCode.NOT_FOUND, 'Templates come as .xlsx or .csv');
      const { actor } = await this.auth.actorFromRequest(req);
      const filename = `digigov-${provinceCode}-${quarterCode}.${format}`;
      // Build before sending headers so that a refusal is still a clean JSON error.
      const chunks: Buffer[] = [];
      const { PassThrough } = await import('node:stream');
      const sink = new PassThrough();
      sink.on('data', (c: Buffer) => chunks.push(c));
      await this.imports.template(actor, provinceCode, quarterCode, format, sink);
      res.setHeader(
        'Content-Type',
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
      );
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      res.end(Buffer.concat(chunks));
    } catch (err) {
      sendError(res, err);
    }
  }

  /** POST the raw file; ?quarterCode=FY2570Q1&dryRun=true. Answers NDJSON: progress lines, then the result. */
  @Post('imports')
  async upload(
    @Req() req: Request,
    @Res() res: Response,
    @Query('quarterCode') quarterCode: unknown,
    @Query('dryRun') dryRun: unknown,
  ): Promise<void> {
    const body = new UploadBody(req);
    try {
      const { actor } = await this.auth.actorFromRequest(req);
      if (!quarterCode) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Say which quarter: ?quarterCode=FY2570Q1');
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > IMPORT_LIMITS.maxBytes) {
        throw new DomainError(
          ErrorCode.BAD_USER_INPUT,
          `The file is ${(length / 1e6).toFixed(1)} MB; the limit is ${IMPORT_LIMITS.maxBytes / 1e6} MB`,
          [{ code: 'FILE_TOO_LARGE', message: 'File too large' }],
        );
      }
      const filename = uploadFilename(req.headers['x-filename']);
      const events = this.observer.track(
        req,
        actor,
        this.imports.run(actor, body, { quarterCode: quarterCode as string, dryRun: dryRun !== 'false', filename }),
      );
      for await (const ev of events) {
        // The result is known: what the client still sends is not needed.
        if (ev.type === 'result') await finishBody(req, res, body);
        if (!res.headersSent) res.status(200).setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
        res.write(JSON.stringify(ev) + '\n');
      }
      res.end();
    } catch (err) {
      if (res.headersSent) {
        const domain = domainErrorOf(err);
        if (!domain) logger().error({ component: 'import', err }, 'import failed after its answer began');
        res.end(
          JSON.stringify({
            type: 'error',
            code: domain?.code ?? 'INTERNAL_SERVER_ERROR',
            message: domain?.message ?? 'Internal server error',
          }) + '\n',
        );
        return;
      }
      await finishBody(req, res, body);
      sendError(res, err);
    }
  }
}

import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode, DomainError } from '../../core/errors/domain-error.js';
import { domainErrorOf } from '../../core/database/unavailable.js';
import { sendDomainError } from '../../core/http/http-error.js';
import { ImportObserver } from '../../core/observability/import-observer.js';
import { logger } from '../../core/observability/logger.js';
import { AuthService } from '../auth/auth.service.js';
import { IMPORT_LIMITS, ImportService } from './import.service.js';

function sendError(res: Response, err: unknown): void {
  if (sendDomainError(res, err)) return;
  logger().error({ component: 'import', err }, 'import failed');
  res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
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
  async template(@Req() req: Request, @Res() res: Response, @Param('provinceCode') provinceCode: string, @Param('quarterCode') quarterCode: string, @Param('format') format: string): Promise<void> {
    try {
      if (format !== 'xlsx' && format !== 'csv') throw new DomainError(ErrorCode.NOT_FOUND, 'Templates come as .xlsx or .csv');
      const { actor } = await this.auth.actorFromRequest(req);
      const filename = `digigov-${provinceCode}-${quarterCode}.${format}`;
      // Build before sending headers so that a refusal is still a clean JSON error.
      const chunks: Buffer[] = [];
      const { PassThrough } = await import('node:stream');
      const sink = new PassThrough();
      sink.on('data', (c: Buffer) => chunks.push(c));
      await this.imports.template(actor, provinceCode, quarterCode, format, sink);
      res.setHeader('Content-Type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      res.end(Buffer.concat(chunks));
    } catch (err) {
      sendError(res, err);
    }
  }

  /** POST the raw file; ?quarterCode=FY2570Q1&dryRun=true. Answers NDJSON: progress lines, then the result. */
  @Post('imports')
  async upload(@Req() req: Request, @Res() res: Response, @Query('quarterCode') quarterCode: string, @Query('dryRun') dryRun: string): Promise<void> {
    try {
      const { actor } = await this.auth.actorFromRequest(req);
      if (!quarterCode) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Say which quarter: ?quarterCode=FY2570Q1');
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > IMPORT_LIMITS.maxBytes) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `The file is ${(length / 1e6).toFixed(1)} MB; the limit is ${IMPORT_LIMITS.maxBytes / 1e6} MB`, [
          { code: 'FILE_TOO_LARGE', message: 'File too large' },
        ]);
      }
      const filename = typeof req.headers['x-filename'] === 'string' ? decodeURIComponent(req.headers['x-filename']) : undefined;
      const events = this.observer.track(req, actor, this.imports.run(actor, req as AsyncIterable<Buffer>, { quarterCode, dryRun: dryRun !== 'false', filename }));
      const first = await events.next();
      res.status(200).setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      if (!first.done) res.write(JSON.stringify(first.value) + '\n');
      for await (const ev of events) res.write(JSON.stringify(ev) + '\n');
      res.end();
    } catch (err) {
      if (res.headersSent) {
        const domain = domainErrorOf(err);
        res.end(JSON.stringify({ type: 'error', code: domain?.code ?? 'INTERNAL_SERVER_ERROR', message: domain?.message ?? (err instanceof Error ? err.message : 'error') }) + '\n');
        return;
      }
      // Drain what the client is still sending, then answer.
      req.resume();
      sendError(res, err);
    }
  }
}

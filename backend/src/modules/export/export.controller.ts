import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { httpStatusOf } from '../../core/http/http-error.js';
import { GraphQLExecutor } from '../../core/graphql/graphql-executor.js';
import { RESULT_TOO_LARGE } from '../../core/graphql/limits.js';
import {
  CONTENT_TYPES,
  EXPORT_MAX_BYTES,
  EXPORT_MAX_ROWS,
  csvBytes,
  writeCsv,
  writeXlsx,
  type ExportFormat,
} from './export-writer.js';
import { columnsOf, flattenItem, listAt } from './flatten.js';

interface ExportRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  path?: unknown;
}

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  if (status === 503) res.setHeader('Retry-After', '5');
  return res.status(status).json({ code, message, ...extra });
}

/**
 * CSV or XLSX of any query result: the same GraphQL query, the same token and the same rules as /graphql (it
 * runs through the same Apollo Server, queries only), with the list at `path` (or the first list) as the table.
 * GET for scripts and links, POST for long queries.
 */
@Controller('api')
export class ExportController {
  constructor(private readonly graphql: GraphQLExecutor) {}

  @Get('export.:format')
  get(
    @Req() req: Request,
    @Res() res: Response,
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
  ) {
    let variables: unknown = undefined;
    if (typeof query.variables === 'string' && query.variables !== '') {
      try {
        variables = JSON.parse(query.variables);
      } catch {
        return refuse(res, 400, 'BAD_USER_INPUT', 'variables must be JSON');
      }
    }
    return this.run(req, res, format, { ...query, variables });
  }

  @Post('export.:format')
  @HttpCode(200)
  post(@Req() req: Request, @Res() res: Response, @Param('format') format: string, @Body() body: ExportRequest) {
    return this.run(req, res, format, body ?? {});
  }

  private async run(req: Request, res: Response, format: string, request: ExportRequest) {
    if (format !== 'csv' && format !== 'xlsx') return refuse(res, 404, 'NOT_FOUND', 'Export as .csv or .xlsx');
    const { query, variables, operationName, path } = request;
    if (typeof query !== 'string' || query.trim() === '')
      return refuse(res, 400, 'BAD_USER_INPUT', 'Give the GraphQL query to export (query=…)');
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return refuse(res, 400, 'BAD_USER_INPUT', 'variables must be a JSON object');
    }
    if (
      (operationName !== undefined && typeof operationName !== 'string') ||
      (path !== undefined && typeof path !== 'string')
    ) {
      return refuse(res, 400, 'BAD_USER_INPUT', 'operationName and path must be text');
    }
    const result = await this.graphql.execute(
      req,
      {
        query,
        variables: (variables ?? undefined) as Record<string, unknown> | undefined,
        operationName: operationName || undefined,
      },
      { queriesOnly: true },
    );
    if (result.errors.length > 0) {
      const e = result.errors[0];
      const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR';
      return refuse(
        res,
        httpStatusOf(code),
        code,
        e.message,
        e.extensions?.problems ? { problems: e.extensions.problems } : {},
      );
    }
    const list = listAt(result.data, path || undefined);
    if (!list)
      return refuse(res, 400, 'BAD_USER_INPUT', `No list${path ? ` at "${path}"` : ''} in the result to export`);
    if (list.length > EXPORT_MAX_ROWS) {
      return refuse(
        res,
        413,
        RESULT_TOO_LARGE,
        `The table has ${list.length.toLocaleString('en')} rows; an export holds at most ${EXPORT_MAX_ROWS.toLocaleString('en')}`,
      );
    }
    const rows = list.map(flattenItem);
    const columns = columnsOf(rows);
    const bytes = csvBytes(columns, rows);
    if (bytes > EXPORT_MAX_BYTES) {
      return refuse(
        res,
        413,
        RESULT_TOO_LARGE,
        `The table is ${(bytes / 1024 / 1024).toFixed(1)} MB; an export holds at most ${EXPORT_MAX_BYTES / 1024 / 1024} MB`,
      );
    }
    const name = `digigov-export-${new Date().toISOString().slice(0, 10)}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Content-Type', CONTENT_TYPES[format as ExportFormat]);
    await (format === 'csv' ? writeCsv(res, columns, rows) : writeXlsx(res, columns, rows));
  }
}

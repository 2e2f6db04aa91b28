import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { graphql } from 'graphql';
import { LoaderFactory } from '../../core/graphql/loaders.js';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { AuthService } from '../auth/auth.service.js';
import { flattenRows, listAt, toCsv } from './flatten.js';
import { sendDomainError } from '../../core/http/http-error.js';

/**
 * CSV or XLSX of any query result: the same GraphQL query, the same token and the same rules, with the
 * list at `path` (or the first list) as the table. GET for scripts and links, POST for long queries.
 */
@Controller('api')
export class ExportController {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly auth: AuthService,
    private readonly loaders: LoaderFactory,
  ) {}

  @Get('export.:format')
  get(@Req() req: Request, @Res() res: Response, @Param('format') format: string, @Query('query') query: string, @Query('variables') variables?: string, @Query('path') path?: string) {
    let vars: Record<string, unknown> = {};
    try {
      vars = variables ? JSON.parse(variables) : {};
    } catch {
      return res.status(400).json({ code: 'BAD_USER_INPUT', message: 'variables must be JSON' });
    }
    return this.run(req, res, format, query, vars, path);
  }

  @Post('export.:format')
  @HttpCode(200)
  post(@Req() req: Request, @Res() res: Response, @Param('format') format: string, @Body() body: { query?: string; variables?: Record<string, unknown>; path?: string }) {
    return this.run(req, res, format, body?.query, body?.variables ?? {}, body?.path);
  }

  private async run(req: Request, res: Response, format: string, query: string | undefined, variables: Record<string, unknown>, path: string | undefined) {
    if (format !== 'csv' && format !== 'xlsx') return res.status(404).json({ code: 'NOT_FOUND', message: 'Export as .csv or .xlsx' });
    if (!query) return res.status(400).json({ code: 'BAD_USER_INPUT', message: 'Give the GraphQL query to export (query=…)' });
    if (/^\s*mutation\b/.test(query)) return res.status(400).json({ code: 'BAD_USER_INPUT', message: 'Only queries can be exported' });
    let result: Awaited<ReturnType<typeof graphql>>;
    try {
      const { actor, problem } = await this.auth.actorFromRequest(req);
      const context: RequestContext = { req, loaders: this.loaders.create(), actor, authProblem: problem };
      result = await graphql({ schema: this.schemaHost.schema, source: query, variableValues: variables, contextValue: context });
    } catch (err) {
      if (sendDomainError(res, err)) return;
      throw err;
    }
    if (result.errors?.length) {
      const e = result.errors[0];
      if (e.originalError && sendDomainError(res, e.originalError)) return;
      const code = (e.extensions?.code as string) ?? (e.originalError && 'code' in e.originalError ? String((e.originalError as { code: unknown }).code) : 'BAD_USER_INPUT');
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : 400;
      return res.status(status).json({ code, message: e.message });
    }
    const list = listAt(result.data, path);
    if (!list) return res.status(400).json({ code: 'BAD_USER_INPUT', message: `No list${path ? ` at "${path}"` : ''} in the result to export` });
    const { columns, rows } = flattenRows(list);
    const name = `digigov-export-${new Date().toISOString().slice(0, 10)}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return res.send(toCsv(columns, rows));
    }
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('export');
    sheet.addRow(columns).font = { bold: true };
    for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? null));
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return res.send(Buffer.from(await wb.xlsx.writeBuffer()));
  }
}

import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenError, requireRole, requireWriter, type Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { DomainError, NotFoundError } from '../../core/errors/domain-error.js';
import { AnalyticsCache } from '../../core/cache/analytics-cache.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { loadReportContext } from '../report/report-context.js';
import { applyChanges, type ChangeSet } from '../report/report-writer.js';
import { ReportPolicy } from '../report/report.policy.js';
import { ReportService } from '../report/report.service.js';
import { PeriodService } from '../period/period.service.js';
import {
  buildLayout,
  columnLabel,
  type LayoutCategory,
  type LayoutElement,
  type TemplateLayout,
} from './spreadsheet/layout.js';
import { ImportGate } from './import-gate.js';
import { DEFAULT_IMPORT_LIMITS, type ParsedRow, type Problem as FileProblem } from './spreadsheet/reader.js';
import { csvTemplate, writeXlsxTemplate, type TemplateRow } from './spreadsheet/template.js';
import { DEFAULT_PARSER_OPTIONS, SpreadsheetParserPool } from './spreadsheet/worker-reader.js';

/** A problem of the file (from the reader) or of its content against the database (unknown code, locked report…). */
export type Problem = Omit<FileProblem, 'code'> & { code: string };

/** The bounds of an upload (spreadsheet/limits.ts, LIMITS.md): 20 MB is several times a national file (7,850 rows is about 1 MB as XLSX). */
export const IMPORT_LIMITS = DEFAULT_IMPORT_LIMITS;

/** Province and quarter codes are short ASCII ('TH-40', 'FY2570Q1'); anything else names nothing (and NUL would reach SQL). */
const CODE_SHAPE = /^[A-Za-z0-9-]{1,32}$/;

function assertCodeShape(what: string, code: unknown): asserts code is string {
  if (typeof code !== 'string' || !CODE_SHAPE.test(code))
    throw new NotFoundError(
      what,
      typeof code === 'string' ? code.replace(/[^\x20-\x7e]/g, '?').slice(0, 40) : String(code),
    );
}

export interface ImportSummary {
  rowsRead: number;
  provinces: string[];
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export type ImportEvent =
  | { type: 'progress'; rowsRead: number }
  | {
      type: 'result';
      dryRun: boolean;
      ok: boolean;
      summary: ImportSummary;
      problems: Problem[];
      warnings: Array<{
        orgUnitCode: string;
        dataElementCode: string;
        value: number;
        expectedLow: number | null;
        expectedHigh: number | null;
        basis: string;
      }>;
    };

/** Thrown inside the transaction to roll a dry run back after measuring it. */
class DryRunRollback extends Error {}

@Injectable()
export class ImportService implements OnModuleDestroy {
  private readonly parser: SpreadsheetParserPool;
  private readonly gate: ImportGate;

  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportService,
    private readonly periods: PeriodService,
    private readonly cache: AnalyticsCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.gate = new ImportGate(config.importConcurrency);
    this.parser = new SpreadsheetParserPool(DEFAULT_PARSER_OPTIONS);
  }

  async onModuleDestroy(): Promise<void> {
    await this.parser.close();
  }

  async layout(): Promise<TemplateLayout> {
    const [elements, categories] = await Promise.all([
      this.db.query(
        `SELECT code, name_th AS "nameTh", name_en AS "nameEn", value_type AS "valueType", min_value, max_value FROM data_element ORDER BY id`,
      ) as Promise<Array<Omit<LayoutElement, 'min' | 'max'> & { min_value: string | null; max_value: string | null }>>,
      this.db.query(
        `SELECT code, label_th AS "labelTh", label_en AS "labelEn" FROM obstacle_category ORDER BY sort_order`,
      ) as Promise<LayoutCategory[]>,
    ]);
    return buildLayout(
      elements.map((e) => ({
        code: e.code,
        nameTh: e.nameTh,
        nameEn: e.nameEn,
        valueType: e.valueType,
        min: e.min_value === null ? null : Number(e.min_value),
        max: e.max_value === null ? null : Number(e.max_value),
      })),
      categories,
    );
  }

  /** The province's template for a quarter: its own row and one per local organization, pre-filled with what is stored. */
  async template(
    actor: Actor | null,
    provinceCode: string,
    quarterCode: string,
    format: 'xlsx' | 'csv',
    out: NodeJS.WritableStream,
  ): Promise<void> {
    assertCodeShape('Province', provinceCode);
    assertCodeShape('Fiscal quarter', quarterCode);
    const { provinceId, quarterId } = await this.reports.resolveProvinceQuarter(provinceCode, quarterCode);
    const a = requireRole(actor, ['ADMIN', 'PLANNER', 'OFFICER'], 'download report templates');
    if (a.role === 'OFFICER' && a.provinceId !== provinceId)
      throw new ForbiddenError("You may download only your own province's template");
    const layout = await this.layout();
    const units: Array<{
      code: string;
      name_th: string;
      name_en: string;
      values: Record<string, number> | null;
      obstacles: Record<string, number> | null;
    }> = await this.db.query(
      `SELECT u.code, u.name_th, u.name_en,
              (SELECT json_object_agg(e.code, dv.value) FROM data_value dv JOIN data_element e ON e.id = dv.data_element_id
                WHERE dv.org_unit_id = u.id AND dv.quarter_id = $2) AS values,
              (SELECT json_object_agg(a.category_code, a.severity) FROM obstacle_response r JOIN obstacle_answer a ON a.response_id = r.id
                JOIN report rep ON rep.id = r.report_id WHERE r.respondent_id = u.id AND rep.quarter_id = $2) AS obstacles
         FROM org_unit u WHERE u.id = $1 OR (u.parent_id = $1 AND u.level = 'LOCAL')
        ORDER BY (u.level = 'PROVINCE') DESC, u.sort_order, u.code`,
      [provinceId, quarterId],
    );
    const rows: TemplateRow[] = units.map((u) => ({
      orgCode: u.code,
      orgName: u.name_th,
      values: u.values ?? undefined,
      obstacles: u.obstacles ?? undefined,
    }));
    if (format === 'csv') {
      out.end(csvTemplate(layout, rows));
      return;
    }
    const [{ name_th, name_en }] = await this.db.query(`SELECT name_th, name_en FROM org_unit WHERE id = $1`, [
      provinceId,
    ]);
    await writeXlsxTemplate(out, layout, rows, {
      provinceCode,
      quarterCode,
      titleTh: `แบบรายงานรายไตรมาส ${name_th} ${quarterCode}`,
      titleEn: `Quarterly report, ${name_en}, ${quarterCode}`,
    });
  }

  /**
   * Reads an uploaded file and applies it to the quarter's reports of the provinces its rows belong to,
   * all in one transaction (a dry run rolls back after counting). Streams progress, then the result.
   */
  async *run(
    actor: Actor | null,
    body: AsyncIterable<Buffer>,
    options: { quarterCode: string; dryRun: boolean; filename?: string },
  ): AsyncGenerator<ImportEvent> {
    const a = requireWriter(actor);
    if (a.role !== 'ADMIN' && a.role !== 'OFFICER')
      throw new ForbiddenError(`Your role (${a.role}) may not import report data`);
    assertCodeShape('Fiscal quarter', options.quarterCode);
    // Before the body is read: past the limit the upload is refused at once (TooManyImportsError).
    const leave = this.gate.enter();
    try {
      yield* this.apply(a, body, options);
    } finally {
      leave();
    }
  }

  private async *apply(
    a: Actor,
    body: AsyncIterable<Buffer>,
    options: { quarterCode: string; dryRun: boolean; filename?: string },
  ): AsyncGenerator<ImportEvent> {
    const quarter = await this.periods.fiscalQuarter(options.quarterCode);
    const layout = await this.layout();
    const problems: Problem[] = [];
    const rows: ParsedRow[] = [];
    let rowsRead = 0;
    for await (const ev of this.parser.read(body, layout, IMPORT_LIMITS, options.filename)) {
      if (ev.type === 'progress') {
        rowsRead = ev.rowsRead;
        yield ev;
      } else if (ev.type === 'problem') problems.push(ev.problem);
      else rows.push(ev.row);
    }
    rowsRead = Math.max(rowsRead, rows.length);
    const summary: ImportSummary = { rowsRead, provinces: [], inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
    const fail = (extra: Problem[] = []) => ({
      type: 'result' as const,
      dryRun: options.dryRun,
      ok: false,
      summary,
      problems: [...problems, ...extra],
      warnings: [],
    });
    if (problems.length > 0) {
      yield fail();
      return;
    }
    if (rows.length === 0) {
      yield fail([{ row: null, column: null, code: 'EMPTY_FILE', message: 'The file has no data rows' }]);
      return;
    }

    const ctx = await loadReportContext(this.db);
    const orgColumn = columnLabel(1, layout.columns[0].header);
    const byProvince = new Map<number, { code: string; rows: ParsedRow[] }>();
    for (const r of rows) {
      const unit = ctx.units.get(r.orgCode);
      if (!unit) {
        problems.push({
          row: r.row,
          column: orgColumn,
          code: 'UNKNOWN_ORG_UNIT',
          message: `Unknown organization code "${r.orgCode}"`,
        });
        continue;
      }
      if (a.role === 'OFFICER' && unit.provinceId !== a.provinceId) {
        problems.push({
          row: r.row,
          column: orgColumn,
          code: 'OTHER_PROVINCE',
          message: `"${r.orgCode}" belongs to ${unit.provinceCode}; you may import only ${a.provinceCode}'s data`,
        });
        continue;
      }
      if (!byProvince.has(unit.provinceId)) byProvince.set(unit.provinceId, { code: unit.provinceCode, rows: [] });
      byProvince.get(unit.provinceId)!.rows.push(r);
    }
    if (problems.length > 0) {
      yield fail();
      return;
    }
    summary.provinces = [...byProvince.values()].map((p) => p.code).sort();

    const warnings: Extract<ImportEvent, { type: 'result' }>['warnings'] = [];
    try {
      await this.db.transaction(async (m) => {
        for (const [provinceId, group] of [...byProvince.entries()].sort((x, y) =>
          x[1].code.localeCompare(y[1].code),
        )) {
          ReportPolicy.assertCanEdit(a, provinceId);
          const first = group.rows[0].row;
          let report;
          try {
            report = await this.reports.lockForEdit(m, a, provinceId, quarter.id, 'any');
          } catch (err) {
            if (err instanceof DomainError) {
              problems.push({
                row: first,
                column: null,
                code: 'REPORT_LOCKED',
                message: `${group.code} ${quarter.code}: ${err.message}`,
              });
              continue;
            }
            throw err;
          }
          try {
            const applied = await applyChanges(m, ctx, report, this.changesOf(group.rows, layout), {
              userId: a.userId,
              reason: `import${options.filename ? `: ${options.filename.slice(0, 200)}` : ''}`,
              action: AuditAction.IMPORTED,
            });
            summary.inserted += applied.inserted;
            summary.updated += applied.updated;
            summary.deleted += applied.deleted;
            summary.unchanged += applied.unchanged;
            warnings.push(...applied.warnings);
            await this.reports.finishEdit(m, a, report, applied.inserted + applied.updated + applied.deleted > 0);
          } catch (err) {
            if (err instanceof DomainError && err.problems.length > 0) {
              problems.push(
                ...err.problems.map((p) => ({
                  row: p.row ?? null,
                  column: p.column ?? null,
                  code: p.code ?? 'INVALID',
                  message: p.message,
                })),
              );
              continue;
            }
            throw err;
          }
        }
        // Any problem, or a dry run: nothing stays written.
        if (problems.length > 0 || options.dryRun) throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    if (problems.length > 0) {
      yield { ...fail(), summary: { ...summary, inserted: 0, updated: 0, deleted: 0, unchanged: 0 } };
      return;
    }
    // Imports edit drafts only (lockForEdit), which no analytics count.
    if (!options.dryRun) this.cache.invalidate({ kind: 'draft', quarterIds: [quarter.id] });
    yield { type: 'result', dryRun: options.dryRun, ok: true, summary, problems: [], warnings };
  }

  /** A row gives its unit's values (blank cells are left as they are) and its obstacle answers (blank = not cited). */
  private changesOf(rows: ParsedRow[], layout: TemplateLayout): ChangeSet {
    const columnOf = new Map(layout.columns.map((c, i) => [c.code ?? c.key, columnLabel(i + 1, c.header)]));
    const changes: ChangeSet = { values: [], respondents: [], actionItems: [] };
    for (const r of rows) {
      for (const [code, value] of r.values) {
        if (value === null) continue;
        changes.values.push({
          orgUnitCode: r.orgCode,
          dataElementCode: code,
          value,
          at: { row: r.row, column: columnOf.get(code) },
        });
      }
      changes.respondents.push({
        orgUnitCode: r.orgCode,
        answers: [...r.obstacles.entries()]
          .filter(([, s]) => s !== null)
          .map(([categoryCode, severity]) => ({ categoryCode, severity: severity! })),
        asOfDate: r.asOfDate,
        obstacleNote: r.obstacleNote,
        evidenceUrl: r.evidenceUrl,
        comment: r.comment,
        at: { row: r.row },
      });
    }
    return changes;
  }
}

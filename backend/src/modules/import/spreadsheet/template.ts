import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import type { Stream } from 'node:stream';
import {
  columnLetter,
  MAX_TEXT_LENGTH,
  SEVERITY_MAX,
  SEVERITY_MIN,
  type TemplateColumn,
  type TemplateLayout,
} from './layout.js';
import { DATA_SHEET_NAME, INSTRUCTIONS_SHEET_NAME } from './xlsx-source.js';
// The one CSV cell rule (quoting and the formula guard), shared with the export endpoint.
import { csvCell } from '../../export/csv.js';

export interface TemplateRow {
  orgCode: string;
  orgName: string;
  /** Element code → value (BOOLEAN as 1/0). */
  values?: Record<string, number | null>;
  /** Obstacle category code → severity 1–5. */
  obstacles?: Record<string, number | null>;
}

export interface TemplateMeta {
  provinceCode: string;
  quarterCode: string;
  titleTh: string;
  titleEn: string;
}

type Cell = string | number | null;

/** One template row as cells in column order; both writers use it. */
export function templateRowCells(layout: TemplateLayout, row: TemplateRow): Cell[] {
  return layout.columns.map((c) => {
    switch (c.kind) {
      case 'ORG_CODE':
        return row.orgCode;
      case 'ORG_NAME':
        return row.orgName;
      case 'DATA_ELEMENT':
        return row.values?.[c.code!] ?? null;
      case 'OBSTACLE_SEVERITY':
        return row.obstacles?.[c.code!] ?? null;
      case 'AS_OF_DATE':
      case 'OBSTACLE_NOTE':
      case 'EVIDENCE_URL':
      case 'COMMENT':
        return null;
    }
  });
}

function width(c: TemplateColumn): number {
  switch (c.kind) {
    case 'ORG_CODE':
      return 16;
    case 'AS_OF_DATE':
      return 16;
    case 'DATA_ELEMENT':
      return 24;
    case 'OBSTACLE_SEVERITY':
      return 20;
    case 'ORG_NAME':
    case 'OBSTACLE_NOTE':
    case 'EVIDENCE_URL':
    case 'COMMENT':
      return 40;
  }
}

function allowedTh(c: TemplateColumn): string {
  switch (c.kind) {
    case 'ORG_CODE':
      return 'ต้องกรอก ห้ามแก้ไขรหัส';
    case 'ORG_NAME':
      return 'เพื่ออ้างอิงเท่านั้น';
    case 'AS_OF_DATE':
      return 'วัน/เดือน/ปี พ.ศ. เช่น 15/12/2569 หรือ 2026-12-15 (เว้นว่างได้)';
    case 'DATA_ELEMENT': {
      const e = c.element!;
      if (e.valueType === 'BOOLEAN') return '1 = ใช่/มี, 0 = ไม่ใช่/ไม่มี';
      const kind = e.valueType === 'INTEGER' ? 'จำนวนเต็ม' : 'ตัวเลข';
      return `${kind}${e.min !== null ? ` ตั้งแต่ ${e.min}` : ''}${e.max !== null ? ` ไม่เกิน ${e.max}` : ''}`;
    }
    case 'OBSTACLE_SEVERITY':
      return `ระดับ ${SEVERITY_MIN} (น้อย) ถึง ${SEVERITY_MAX} (มาก); เว้นว่าง = ไม่ใช่อุปสรรค`;
    case 'EVIDENCE_URL':
      return 'ลิงก์เดียว ขึ้นต้นด้วย http:// หรือ https://';
    case 'OBSTACLE_NOTE':
    case 'COMMENT':
      return `ข้อความไม่เกิน ${MAX_TEXT_LENGTH.toLocaleString('en-US')} ตัวอักษร`;
  }
}

function allowedEn(c: TemplateColumn): string {
  switch (c.kind) {
    case 'ORG_CODE':
      return 'Required; do not change the code';
    case 'ORG_NAME':
      return 'For reference only; not checked';
    case 'AS_OF_DATE':
      return 'Day/month/year, B.E. or C.E., e.g. 15/12/2569 or 2026-12-15 (optional)';
    case 'DATA_ELEMENT': {
      const e = c.element!;
      if (e.valueType === 'BOOLEAN') return '1 = yes, 0 = no';
      const kind = e.valueType === 'INTEGER' ? 'Whole number' : 'Number';
      return `${kind}${e.min !== null ? `, at least ${e.min}` : ''}${e.max !== null ? `, at most ${e.max}` : ''}`;
    }
    case 'OBSTACLE_SEVERITY':
      return `Severity ${SEVERITY_MIN} (minor) to ${SEVERITY_MAX} (severe); blank = not an obstacle`;
    case 'EVIDENCE_URL':
      return 'One link starting with http:// or https://';
    case 'OBSTACLE_NOTE':
    case 'COMMENT':
      return `Text, at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters`;
  }
}

/** Excel's own check while typing. A warning, not a stop: Thai digits, which the reader accepts, are text to Excel. */
function validation(c: TemplateColumn): DataValidation | null {
  const warn = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'ค่าไม่ถูกต้อง / Invalid value',
  } as const;
  if (c.kind === 'OBSTACLE_SEVERITY') {
    return {
      ...warn,
      type: 'whole',
      operator: 'between',
      formulae: [SEVERITY_MIN, SEVERITY_MAX],
      error: `${allowedTh(c)} / ${allowedEn(c)}`,
    };
  }
  if (c.kind !== 'DATA_ELEMENT') return null;
  const e = c.element!;
  const type = e.valueType === 'NUMBER' ? 'decimal' : 'whole';
  const error = `${allowedTh(c)} / ${allowedEn(c)}`;
  if (e.min !== null && e.max !== null) return { ...warn, type, operator: 'between', formulae: [e.min, e.max], error };
  if (e.min !== null) return { ...warn, type, operator: 'greaterThanOrEqual', formulae: [e.min], error };
  if (e.max !== null) return { ...warn, type, operator: 'lessThanOrEqual', formulae: [e.max], error };
  return null;
}

/** Rows below the pre-filled ones that still get Excel's checks, for units added by hand. */
const SPARE_VALIDATED_ROWS = 100;

function writeInstructions(ws: Worksheet, layout: TemplateLayout, meta: TemplateMeta): void {
  const lines: Array<[string, string]> = [
    [meta.titleTh, meta.titleEn],
    [
      `จังหวัด ${meta.provinceCode} ไตรมาส ${meta.quarterCode}`,
      `Province ${meta.provinceCode}, quarter ${meta.quarterCode}`,
    ],
    ['', ''],
    ['กรอกข้อมูลในชีต "data" เท่านั้น หนึ่งแถวต่อหนึ่งหน่วยงาน', 'Enter data in the sheet "data" only, one row per organization.'],
    [
      'แถวที่ 1 คือหัวตาราง ห้ามแก้ไข ลบ เพิ่ม หรือสลับคอลัมน์',
      'Row 1 holds the headers: do not rename, delete, add or reorder columns.',
    ],
    ['ห้ามเว้นแถวว่างระหว่างข้อมูล', 'Do not leave empty rows between data rows.'],
    [
      'ห้ามใช้สูตร และห้ามผสานเซลล์ (Merge) ให้กรอกค่าตัวเลขโดยตรง',
      'Formulas and merged cells are refused: enter plain values.',
    ],
    [
      'ใช้เลขไทย (๐-๙) และเครื่องหมายคั่นหลักพัน (1,234) ได้',
      'Thai digits (๐-๙) and thousands separators (1,234) are accepted.',
    ],
    [
      'วันที่: วัน/เดือน/ปี พ.ศ. เช่น 15/12/2569 (หรือ ๑๕/๑๒/๒๕๖๙) หรือ ค.ศ. 2026-12-15',
      'Dates: day/month/year in B.E., e.g. 15/12/2569 (or ๑๕/๑๒/๒๕๖๙), or C.E. as 2026-12-15.',
    ],
    [
      'ช่องใช่/ไม่ใช่: 1 หรือ 0 (รับ ใช่/ไม่ใช่, มี/ไม่มี, yes/no)',
      'Yes/no columns: 1 or 0 (ใช่/ไม่ใช่, มี/ไม่มี and yes/no are accepted).',
    ],
    [
      `อุปสรรค: ระดับ ${SEVERITY_MIN}-${SEVERITY_MAX} เว้นว่างหากไม่ใช่อุปสรรค`,
      `Obstacles: severity ${SEVERITY_MIN}-${SEVERITY_MAX}; leave blank when it is not an obstacle.`,
    ],
    [
      'หากบันทึกเป็น CSV ให้เลือก "CSV UTF-8 (Comma delimited)"',
      'If you save as CSV, choose "CSV UTF-8 (comma delimited)".',
    ],
    ['', ''],
  ];
  ws.columns = [{ width: 10 }, { width: 50 }, { width: 60 }, { width: 45 }, { width: 45 }];
  for (const [th, en] of lines) ws.addRow(['', th, en]).commit();
  const head = ws.addRow([
    'คอลัมน์ / Column',
    'หัวตาราง / Header',
    'ความหมาย / Meaning',
    'ค่าที่รับ / Allowed (TH)',
    'Allowed (EN)',
  ]);
  head.font = { bold: true };
  head.commit();
  layout.columns.forEach((c, i) => {
    ws.addRow([columnLetter(i + 1), c.header, `${c.headerTh} / ${c.headerEn}`, allowedTh(c), allowedEn(c)]).commit();
  });
}

/**
 * The XLSX template, streamed to `out`: sheet "data" (header row bold and frozen, one pre-filled row
 * per org unit, Excel data validation on value columns) and sheet "instructions" in Thai and English.
 */
export async function writeXlsxTemplate(
  out: NodeJS.WritableStream,
  layout: TemplateLayout,
  rows: TemplateRow[],
  meta: TemplateMeta,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'DigiGov Monitor';
  wb.title = meta.titleEn;
  wb.subject = `${meta.provinceCode} ${meta.quarterCode}`;
  const ws = wb.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.columns = layout.columns.map((c) => ({
    key: c.key,
    width: width(c),
    // Text format keeps codes and typed dates as typed, instead of Excel reading 15/12/2569 by locale.
    style: c.kind === 'ORG_CODE' || c.kind === 'AS_OF_DATE' ? { numFmt: '@' } : {},
  }));
  // One range per column; exceljs's typings omit worksheet.dataValidations (per-cell validation,
  // the typed way, would store one entry per cell and merge them back into ranges at commit).
  const ranges = (ws as Worksheet & { dataValidations: { add(range: string, v: DataValidation): void } })
    .dataValidations;
  const lastValidated = rows.length + 1 + SPARE_VALIDATED_ROWS;
  layout.columns.forEach((c, i) => {
    const v = validation(c);
    const letter = columnLetter(i + 1);
    if (v) ranges.add(`${letter}2:${letter}${lastValidated}`, v);
  });
  const header = ws.addRow(layout.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = 75;
  header.commit();
  for (const row of rows) ws.addRow(templateRowCells(layout, row)).commit();
  ws.commit();
  const instructions = wb.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  writeInstructions(instructions, layout, meta);
  instructions.commit();
  await wb.commit();
}

/** The template as CSV: UTF-8 with a BOM (so Excel shows Thai), CRLF line ends, RFC 4180 quoting. */
export function csvTemplate(layout: TemplateLayout, rows: TemplateRow[]): string {
  const lines = [layout.columns.map((c) => c.header), ...rows.map((r) => templateRowCells(layout, r))];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

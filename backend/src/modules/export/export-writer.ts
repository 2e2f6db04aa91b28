import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CSV_BOM, csvLine } from './csv.js';
import type { FlatRow } from './flatten.js';

/**
 * Caps of one export, checked before the first byte is sent (so a refusal is still a clean coded answer).
 * Rows: the largest real table (a report's values at the national scale, about 4,000; every local organization,
 * about 7,850) fits many times. Bytes: the table as CSV text; an XLSX of it is smaller (compressed).
 */
export const EXPORT_MAX_ROWS = 50_000;
export const EXPORT_MAX_BYTES = 20 * 1024 * 1024;

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function* csvLines(columns: readonly string[], rows: readonly FlatRow[]): Generator<string> {
  yield CSV_BOM + csvLine(columns);
  for (const r of rows) yield csvLine(columns.map((c) => r[c]));
}

/** Size of the table as CSV, in bytes, without holding the text. */
export function csvBytes(columns: readonly string[], rows: readonly FlatRow[]): number {
  let bytes = 0;
  for (const line of csvLines(columns, rows)) bytes += Buffer.byteLength(line);
  return bytes;
}

/** Resolves when the stream can take more, or false when it was closed (the client went away). */
async function drained(out: Writable): Promise<boolean> {
  const stop = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: stop.signal }), once(out, 'close', { signal: stop.signal })]);
  } finally {
    stop.abort();
  }
  return !out.destroyed;
}

/** CSV written row by row, waiting whenever the client reads slower than we write. */
export async function writeCsv(out: Writable, columns: readonly string[], rows: readonly FlatRow[]): Promise<void> {
  for (const line of csvLines(columns, rows)) {
    if (!out.write(line) && !(await drained(out))) return;
  }
  out.end();
}

/**
 * XLSX through exceljs's streaming writer: each row is committed (written out) as it is added. Cells keep their
 * types; text needs no formula guard here, since an XLSX text cell is never evaluated.
 */
export async function writeXlsx(out: Writable, columns: readonly string[], rows: readonly FlatRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet('export');
  const header = sheet.addRow([...columns]);
  header.font = { bold: true };
  header.commit();
  for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? null)).commit();
  sheet.commit();
  await wb.commit();
}

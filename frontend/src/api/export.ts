import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import { readAccessToken } from './client';

/**
 * Table and chart exports.
 *
 * A table that shows a query's list is exported by the server
 * (POST /api/export.csv|xlsx with the same query, variables and token, so
 * the file holds exactly what the API gives that user). A table the page
 * computes from several answers is written here as CSV.
 */

export type ExportFormat = 'csv' | 'xlsx';

export interface ServerExport {
  /** Any typed document (its result type does not matter here), or the query text. */
  query: TypedDocumentNode<unknown, never> | string;
  variables: Record<string, unknown>;
  /** Dotted path of the list in the result, e.g. "provinceRanking.values". */
  path: string;
}

export interface ExportOptions {
  getToken?: () => string | null;
  locale?: string;
  fetch?: typeof fetch;
  url?: string;
}

/** The body the export endpoint expects. */
export function exportBody(request: ServerExport): { query: string; variables: Record<string, unknown>; path: string } {
  const query = typeof request.query === 'string' ? request.query : stringifyDocument(request.query);
  return { query, variables: request.variables, path: request.path };
}

export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Asks the server for the file; resolves to its contents or rejects with the server's error code. */
export async function fetchServerExport(
  format: ExportFormat,
  request: ServerExport,
  options: ExportOptions = {},
): Promise<Blob> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = (options.getToken ?? (() => readAccessToken()))();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.locale) headers['Accept-Language'] = options.locale;
  let response: Response;
  try {
    response = await doFetch(`${options.url ?? '/api'}/export.${format}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(exportBody(request)),
    });
  } catch (e) {
    throw new ExportError('NETWORK', e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    let code = 'UNKNOWN';
    let message = `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { code?: string; message?: string };
      code = body.code ?? code;
      message = body.message ?? message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ExportError(code, message);
  }
  return response.blob();
}

export interface CsvColumn<Row> {
  /** The header cell. */
  label: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // A leading = + - @, tab, CR, LF or a full-width ＝ ＋ － ＠ would run as a formula in a spreadsheet (CSV
  // injection): the same rule as the server's writer (backend/src/modules/export/csv.ts). Numbers are left alone.
  const safe =
    typeof value === 'string' && /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) && Number.isNaN(Number(s))
      ? `'${s}`
      : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV as the server writes it: UTF-8 with a byte-order mark (so Excel reads
 * Thai), CRLF line ends, full-precision numbers with a dot (a file is for
 * computing, the page is for reading).
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "digigov-ranking-staff_digital_trained_pct-fy2569q4": a file name without extension, safe on every file system. */
export function exportFileStem(parts: ReadonlyArray<string | null | undefined>): string {
  return ['digigov', ...parts]
    .filter((p): p is string => !!p)
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, ''),
    )
    .filter((p) => p !== '')
    .join('-');
}

/** Saves a URL (object URL or data URL) under a file name through a temporary link. */
export function saveUrl(url: string, fileName: string, doc: Document = document): void {
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, fileName);
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import type { ApiError, ApiErrorCode } from './errors';
import { createGrowingTextReader, NdjsonParseError } from './ndjson';

/**
 * The spreadsheet endpoints (REST beside GraphQL: files do not fit GraphQL):
 *   GET  /api/reports/{province}/{quarter}/template.xlsx | .csv
 *   POST /api/imports?quarterCode=…&dryRun=true|false   raw file as the body
 * The import answers NDJSON: {"type":"progress","rowsRead":N} lines while it
 * reads, then one {"type":"result",…} line.
 */

export type TemplateFormat = 'xlsx' | 'csv';

export interface HttpAuth {
  token: string | null;
  /** Sent as Accept-Language, like the GraphQL client. */
  locale: string;
}

export interface ImportSummary {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  provinces: string[];
}

/** One problem of an uploaded file: the row as the spreadsheet shows it (header = 1) and the column. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

/** A value the import would accept but that looks unusual; fields as the server gives them. */
export interface ImportWarning {
  row?: number | null;
  column?: string | null;
  orgUnitCode?: string | null;
  dataElementCode?: string | null;
  value?: number | null;
  expectedLow?: number | null;
  expectedHigh?: number | null;
  basis?: string | null;
  code?: string | null;
  message?: string | null;
}

export interface ImportResult {
  type: 'result';
  dryRun: boolean;
  ok: boolean;
  summary: ImportSummary;
  problems: ImportProblem[];
  warnings: ImportWarning[];
}

export type ImportEvent = { type: 'progress'; rowsRead: number } | ImportResult;

export type ImportOutcome =
  { kind: 'result'; result: ImportResult } | { kind: 'error'; error: ApiError } | { kind: 'aborted' };

export function templateUrl(provinceCode: string, quarterCode: string, format: TemplateFormat): string {
  return `/api/reports/${encodeURIComponent(provinceCode)}/${encodeURIComponent(quarterCode)}/template.${format}`;
}

export function importUrl(quarterCode: string, dryRun: boolean): string {
  return `/api/imports?quarterCode=${encodeURIComponent(quarterCode)}&dryRun=${dryRun}`;
}

function headers(auth: HttpAuth): Record<string, string> {
  const h: Record<string, string> = { 'Accept-Language': auth.locale };
  if (auth.token) h.Authorization = `Bearer ${auth.token}`;
  return h;
}

const STATUS_CODES: Record<number, ApiErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  415: 'BAD_USER_INPUT',
  422: 'BAD_USER_INPUT',
};

/**
 * An HTTP failure as an ApiError: the body's own `code` when it is one the UI
 * knows (the server may answer {code, message, problems}), else by status.
 */
export function httpError(status: number, bodyText: string): ApiError {
  let code: ApiErrorCode = STATUS_CODES[status] ?? (status === 0 ? 'NETWORK' : 'UNKNOWN');
  let detail = bodyText.slice(0, 500) || `HTTP ${status}`;
  let problems: ApiError['problems'] = [];
  try {
    const body = JSON.parse(bodyText) as { code?: unknown; message?: unknown; problems?: unknown };
    if (
      typeof body.code === 'string' &&
      ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'].includes(body.code)
    ) {
      code = body.code as ApiErrorCode;
    }
    if (typeof body.message === 'string') detail = body.message;
    else if (Array.isArray(body.message)) detail = body.message.join('; ');
    if (Array.isArray(body.problems)) problems = body.problems as ApiError['problems'];
  } catch {
    // Not JSON: keep the text as the detail.
  }
  return { code, messageKey: `errors.${code}`, detail, problems };
}

/** The file name of a download: RFC 6266 `filename*` (UTF-8) first, then `filename`. */
export function filenameFromContentDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = (plain?.[2] ?? plain?.[1])?.trim();
  return name ? name : fallback;
}

/** Downloads the province's template with the bearer token (a plain link cannot send it). */
export async function fetchTemplate(
  provinceCode: string,
  quarterCode: string,
  format: TemplateFormat,
  auth: HttpAuth,
  fetchFn: typeof fetch = fetch,
): Promise<{ ok: true; blob: Blob; filename: string } | { ok: false; error: ApiError }> {
  let res: Response;
  try {
    res = await fetchFn(templateUrl(provinceCode, quarterCode, format), { headers: headers(auth) });
  } catch (e) {
    return { ok: false, error: { code: 'NETWORK', messageKey: 'errors.NETWORK', detail: String(e), problems: [] } };
  }
  if (!res.ok) return { ok: false, error: httpError(res.status, await res.text()) };
  const fallback = `${provinceCode}-${quarterCode}-template.${format}`;
  return {
    ok: true,
    blob: await res.blob(),
    filename: filenameFromContentDisposition(res.headers.get('content-disposition'), fallback),
  };
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface UploadCallbacks {
  /** Bytes of the file sent so far (XMLHttpRequest upload progress). */
  onUploadProgress?: (loaded: number, total: number) => void;
  /** Rows the server has read so far (its progress lines). */
  onRowsRead?: (rowsRead: number) => void;
}

export interface UploadHandle {
  done: Promise<ImportOutcome>;
  abort: () => void;
}

/**
 * Posts a spreadsheet to the importer with XMLHttpRequest (fetch has no upload
 * progress) and reads the streamed NDJSON answer as it arrives.
 */
export function uploadImport(
  file: Blob & { name?: string },
  quarterCode: string,
  dryRun: boolean,
  auth: HttpAuth,
  callbacks: UploadCallbacks = {},
  createXhr: () => XMLHttpRequest = () => new XMLHttpRequest(),
): UploadHandle {
  const xhr = createXhr();
  const reader = createGrowingTextReader<ImportEvent>();
  let result: ImportResult | null = null;
  let parseFailure: NdjsonParseError | null = null;

  const take = (events: ImportEvent[]) => {
    for (const e of events) {
      if (e.type === 'progress' && typeof e.rowsRead === 'number') callbacks.onRowsRead?.(e.rowsRead);
      else if (e.type === 'result') result = e;
    }
  };
  const read = (text: string, end: boolean) => {
    if (parseFailure) return;
    try {
      take(reader.update(text));
      if (end) take(reader.end());
    } catch (e) {
      // A non-NDJSON body (an HTML or JSON error page) is handled by status below.
      if (e instanceof NdjsonParseError) parseFailure = e;
      else throw e;
    }
  };

  const done = new Promise<ImportOutcome>((resolve) => {
    xhr.open('POST', importUrl(quarterCode, dryRun));
    for (const [name, value] of Object.entries(headers(auth))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    // Header values must be ISO-8859-1: Thai file names travel percent-encoded.
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name ?? 'upload'));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) callbacks.onUploadProgress?.(e.loaded, e.total);
    };
    xhr.onprogress = () => read(xhr.responseText, false);
    xhr.onload = () => {
      read(xhr.responseText, true);
      if (result && xhr.status < 500) resolve({ kind: 'result', result });
      else if (xhr.status >= 200 && xhr.status < 300) {
        resolve({
          kind: 'error',
          error: {
            code: 'UNKNOWN',
            messageKey: 'errors.UNKNOWN',
            detail: parseFailure?.message ?? 'The import ended without a result',
            problems: [],
          },
        });
      } else resolve({ kind: 'error', error: httpError(xhr.status, xhr.responseText) });
    };
    xhr.onerror = () => resolve({ kind: 'error', error: httpError(0, '') });
    xhr.onabort = () => resolve({ kind: 'aborted' });
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchTemplate,
  filenameFromContentDisposition,
  httpError,
  importUrl,
  templateUrl,
  uploadImport,
  type ImportResult,
} from '../spreadsheet';

const RESULT: ImportResult = {
  type: 'result',
  dryRun: true,
  ok: false,
  summary: { rowsRead: 24, inserted: 0, updated: 0, unchanged: 0, deleted: 0, provinces: ['TH-40'] },
  problems: [{ row: 12, column: 'D (STAFF_TOTAL)', code: 'OUT_OF_RANGE', message: 'cannot be below 0' }],
  warnings: [],
};

/** Enough of XMLHttpRequest for uploadImport: records the request and replays a response in pieces. */
class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onprogress: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  uploaded(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  receive(piece: string) {
    this.responseText += piece;
    this.onprogress?.();
  }
  finish(status: number) {
    this.status = status;
    this.onload?.();
  }
}

const auth = { token: 'tok', locale: 'th' };
const file = new File(['a,b\n'], 'ขอนแก่น ไตรมาส1.csv', { type: 'text/csv' });

describe('uploadImport', () => {
  it('posts the raw file with the token, language, content type and file name', () => {
    uploadImport(file, 'FY2570Q1', true, auth, {}, () => new FakeXhr() as unknown as XMLHttpRequest);
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/imports?quarterCode=FY2570Q1&dryRun=true');
    expect(xhr.body).toBe(file);
    expect(xhr.headers).toMatchObject({
      Authorization: 'Bearer tok',
      'Accept-Language': 'th',
      'Content-Type': 'application/octet-stream',
      // Header values must be Latin-1: the Thai name travels percent-encoded.
      'X-Filename': encodeURIComponent('ขอนแก่น ไตรมาส1.csv'),
    });
  });

  it('reports upload progress, then the rows the server has read, then the result', async () => {
    const uploads: number[] = [];
    const rows: number[] = [];
    const handle = uploadImport(
      file,
      'FY2570Q1',
      true,
      auth,
      { onUploadProgress: (l, t) => uploads.push(l / t), onRowsRead: (n) => rows.push(n) },
      () => new FakeXhr() as unknown as XMLHttpRequest,
    );
    const xhr = FakeXhr.last;
    xhr.uploaded(50, 100);
    xhr.uploaded(100, 100);
    xhr.receive('{"type":"progress","rowsRead":10}\n{"type":"prog');
    xhr.receive('ress","rowsRead":20}\n');
    xhr.receive(`${JSON.stringify(RESULT)}\n`);
    xhr.finish(200);
    expect(uploads).toEqual([0.5, 1]);
    expect(rows).toEqual([10, 20]);
    await expect(handle.done).resolves.toEqual({ kind: 'result', result: RESULT });
  });

  it('reads a result that comes with a 4xx status (a refused file)', async () => {
    const handle = uploadImport(file, 'FY2570Q1', false, auth, {}, () => new FakeXhr() as unknown as XMLHttpRequest);
    FakeXhr.last.receive(`${JSON.stringify({ ...RESULT, dryRun: false })}`);
    FakeXhr.last.finish(422);
    await expect(handle.done).resolves.toMatchObject({ kind: 'result', result: { dryRun: false, ok: false } });
  });

  it('turns an HTTP error without a result into an API error', async () => {
    const handle = uploadImport(file, 'FY2570Q1', true, auth, {}, () => new FakeXhr() as unknown as XMLHttpRequest);
    FakeXhr.last.receive('{"statusCode":401,"message":"The token has expired"}');
    FakeXhr.last.finish(401);
    await expect(handle.done).resolves.toEqual({
      kind: 'error',
      error: {
        code: 'UNAUTHENTICATED',
        messageKey: 'errors.UNAUTHENTICATED',
        detail: 'The token has expired',
        problems: [],
      },
    });
  });

  it('says when the connection fails or the upload is cancelled', async () => {
    const failed = uploadImport(file, 'FY2570Q1', true, auth, {}, () => new FakeXhr() as unknown as XMLHttpRequest);
    FakeXhr.last.onerror?.();
    await expect(failed.done).resolves.toMatchObject({ kind: 'error', error: { code: 'NETWORK' } });
    const cancelled = uploadImport(file, 'FY2570Q1', true, auth, {}, () => new FakeXhr() as unknown as XMLHttpRequest);
    cancelled.abort();
    await expect(cancelled.done).resolves.toEqual({ kind: 'aborted' });
  });
});

describe('httpError', () => {
  it('prefers a code the server names, else maps the status', () => {
    expect(httpError(400, '{"code":"CONFLICT","message":"locked"}')).toMatchObject({
      code: 'CONFLICT',
      detail: 'locked',
    });
    expect(httpError(403, 'Forbidden')).toMatchObject({ code: 'FORBIDDEN', detail: 'Forbidden' });
    expect(httpError(413, '')).toMatchObject({ code: 'BAD_USER_INPUT', detail: 'HTTP 413' });
    expect(httpError(500, '{"message":["a","b"]}')).toMatchObject({ code: 'UNKNOWN', detail: 'a; b' });
  });
});

describe('filenameFromContentDisposition', () => {
  it('reads RFC 6266 UTF-8 names, plain names, and falls back', () => {
    expect(filenameFromContentDisposition("attachment; filename*=UTF-8''%E0%B8%82%E0%B8%AD%E0%B8%99.xlsx", 'x')).toBe(
      'ขอน.xlsx',
    );
    expect(filenameFromContentDisposition('attachment; filename="TH-40-FY2570Q1.csv"', 'x')).toBe('TH-40-FY2570Q1.csv');
    expect(filenameFromContentDisposition("attachment; filename=a.csv; filename*=UTF-8''b.csv", 'x')).toBe('b.csv');
    expect(filenameFromContentDisposition(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});

describe('fetchTemplate', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('downloads with the bearer token and names the file', async () => {
    const fetchFn = vi.fn(
      async () => new Response('a,b\n', { headers: { 'content-disposition': 'attachment; filename="t.csv"' } }),
    );
    const out = await fetchTemplate('TH-40', 'FY2570Q1', 'csv', auth, fetchFn as unknown as typeof fetch);
    expect(fetchFn).toHaveBeenCalledWith('/api/reports/TH-40/FY2570Q1/template.csv', {
      headers: { 'Accept-Language': 'th', Authorization: 'Bearer tok' },
    });
    expect(out).toMatchObject({ ok: true, filename: 't.csv' });
  });

  it('names the file after the province and quarter when the server does not', async () => {
    const out = await fetchTemplate(
      'TH-40',
      'FY2570Q1',
      'xlsx',
      auth,
      (async () => new Response('x')) as unknown as typeof fetch,
    );
    expect(out).toMatchObject({ ok: true, filename: 'TH-40-FY2570Q1-template.xlsx' });
  });

  it('returns the API error of a refusal', async () => {
    const out = await fetchTemplate(
      'TH-50',
      'FY2570Q1',
      'xlsx',
      auth,
      (async () => new Response('{"message":"not your province"}', { status: 403 })) as unknown as typeof fetch,
    );
    expect(out).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', detail: 'not your province' } });
  });
});

describe('urls', () => {
  it('escapes the codes', () => {
    expect(templateUrl('TH-40', 'FY2570Q1', 'xlsx')).toBe('/api/reports/TH-40/FY2570Q1/template.xlsx');
    expect(importUrl('FY 1', false)).toBe('/api/imports?quarterCode=FY%201&dryRun=false');
  });
});

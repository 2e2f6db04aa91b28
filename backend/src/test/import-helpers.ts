import ExcelJS from 'exceljs';
import { query } from './test-db.js';
import type { TestApp } from './test-app.js';

const Q = 'FY2570Q1';

export interface ImportResult {
  type: 'result';
  ok: boolean;
  dryRun: boolean;
  summary: {
    rowsRead: number;
    inserted: number;
    updated: number;
    unchanged: number;
    deleted: number;
    provinces: string[];
  };
  problems: Array<{ row: number | null; column: string | null; code: string; message: string }>;
}

export async function upload(
  app: TestApp,
  token: string | undefined,
  bytes: Buffer,
  opts: { dryRun: boolean; quarter?: string; filename?: string },
) {
  const res = await fetch(`${app.baseUrl}/api/imports?quarterCode=${opts.quarter ?? Q}&dryRun=${opts.dryRun}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-filename': opts.filename ?? 'report.xlsx',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  if (res.status !== 200)
    return { status: res.status, body: JSON.parse(text) as { code: string }, lines: [] as unknown[] };
  const lines = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string });
  return { status: 200, result: lines.at(-1) as ImportResult, lines };
}

export async function templateOf(app: TestApp, token: string, province: string, format = 'xlsx') {
  return fetch(`${app.baseUrl}/api/reports/${province}/${Q}/template.${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Fills every blank value cell of a template with a plausible number, as an officer would. */
export async function filledTemplate(
  bytes: ArrayBuffer,
  edit?: (sheet: ExcelJS.Worksheet, headers: string[]) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheet = wb.getWorksheet('data')!;
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    headers.forEach((h, i) => {
      const cell = row.getCell(i + 1);
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') return;
      const tag = /\[([^\]]+)\]$/.exec(h)?.[1] ?? '';
      if (tag === 'STAFF_TOTAL' || tag === 'POSITIONS_TOTAL' || tag === 'TRAINEES_ENROLLED') cell.value = 40;
      else if (tag === 'BUDGET_TOTAL_THB') cell.value = 50_000_000;
      else if (tag === 'UNIT_REPORTING') cell.value = 1;
      else if (
        /^[A-Z_0-9]+$/.test(tag) &&
        !tag.startsWith('OBSTACLE') &&
        !['ORG_CODE', 'ORG_NAME', 'AS_OF_DATE', 'OBSTACLE_NOTE', 'EVIDENCE_URL', 'COMMENT'].includes(tag)
      )
        cell.value = 0;
    });
  });
  edit?.(sheet, headers);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function contentFingerprint(db: string): Promise<string> {
  const [row] = await query<{ f: string }>(
    db,
    `SELECT (SELECT md5(string_agg(t::text, '' ORDER BY t::text)) FROM data_value t) || (SELECT md5(string_agg(t::text, '' ORDER BY t::text)) FROM obstacle_answer t)
         || (SELECT md5(string_agg(t::text, '' ORDER BY t::text)) FROM obstacle_response t) || (SELECT md5(string_agg(t::text, '' ORDER BY t::text)) FROM report t)
         || (SELECT count(*)::text FROM audit_event) AS f`,
  );
  return row.f;
}

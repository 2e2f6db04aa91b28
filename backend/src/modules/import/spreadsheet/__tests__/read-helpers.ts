import type { TemplateLayout } from '../layout.js';
import { readSpreadsheet, type ImportLimits, type ParsedRow, type Problem } from '../reader.js';
import { chunked } from './files.js';

export const TEST_LIMITS: Partial<ImportLimits> = { maxBytes: 5_000_000, maxRows: 10_000 };

export interface ReadResult {
  rows: ParsedRow[];
  problems: Problem[];
  progress: number[];
}

export async function readAll(
  bytes: Buffer,
  layout: TemplateLayout,
  opts: { filename?: string; limits?: Partial<ImportLimits>; chunkSize?: number } = {},
): Promise<ReadResult> {
  const out: ReadResult = { rows: [], problems: [], progress: [] };
  for await (const ev of readSpreadsheet(
    chunked(bytes, opts.chunkSize),
    layout,
    { ...TEST_LIMITS, ...opts.limits },
    opts.filename,
  )) {
    if (ev.type === 'row') out.rows.push(ev.row);
    else if (ev.type === 'problem') out.problems.push(ev.problem);
    else out.progress.push(ev.rowsRead);
  }
  return out;
}

/** A ParsedRow as plain data, for toEqual. */
export function plainRow(r: ParsedRow) {
  return {
    row: r.row,
    orgCode: r.orgCode,
    orgName: r.orgName,
    asOfDate: r.asOfDate,
    values: Object.fromEntries(r.values),
    obstacles: Object.fromEntries(r.obstacles),
    obstacleNote: r.obstacleNote,
    evidenceUrl: r.evidenceUrl,
    comment: r.comment,
  };
}

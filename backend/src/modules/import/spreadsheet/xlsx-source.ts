import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue, Row } from 'exceljs';
import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { cellText, type CellValue } from './normalize.js';
import { SpreadsheetFileError, type RawCell, type RawRow } from './raw-row.js';
import { ZipSpool } from './zip-spool.js';

/**
 * XLSX rows, streamed with exceljs's WorkbookReader (sharedStrings and styles cached: styles give the
 * number formats that mark a number as a date; hyperlinks ignored). The upload is first kept on disk
 * (ZipSpool) and fed to exceljs with the workbook, shared strings and styles ahead of the worksheets,
 * so that exceljs parses each worksheet as it inflates it instead of spooling it to temp files it may
 * leak. Two gaps in exceljs 4.4.0 are closed by wrapping two internal methods of the reader (checked at
 * start-up, guarded by tests):
 *
 * 1. It decodes each inflated chunk with a fresh TextDecoder, so a Thai character (3 bytes in UTF-8)
 *    split across two chunks becomes two U+FFFD (exceljs issues #2063, #2084; PR #1665 unmerged).
 *    The sheet and shared-string streams are re-decoded here with a StringDecoder that carries the
 *    incomplete bytes over, and handed on as text (exceljs passes strings through untouched).
 * 2. Its streaming worksheet reader drops <mergeCell> elements. The same decoded sheet text is
 *    scanned for them; <mergeCells> follows <sheetData>, so merges are known after the sheet's rows.
 *    (Scanning the text exceljs already inflates avoids a second unzip pass and an import of
 *    unzipper, which is exceljs's dependency, not ours.)
 *
 * Formulas need no help: a formula cell's value is { formula, result } ({ sharedFormula } or an empty
 * formula for the followers of a shared formula), whatever exceljs reports as the cell type.
 */

export type XlsxItem =
  | { type: 'row'; row: RawRow }
  | { type: 'merged'; ref: string; row: number; column: number }
  | { type: 'other-sheet-with-data'; name: string }
  | { type: 'no-worksheet' };

export const DATA_SHEET_NAME = 'data';
export const INSTRUCTIONS_SHEET_NAME = 'instructions';

interface ReaderInternals {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  model?: { sheets?: Array<{ name: string }> };
  /** exceljs parses a worksheet as it arrives only once both are set; otherwise it spools it to a temp file. */
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
}

interface WorksheetLike extends AsyncIterable<Row> {
  name: string;
}

class InflateLimitError extends Error {}

interface ReadState {
  inflated: number;
  maxInflated: number;
  merges: string[];
}

function count(state: ReadState, chars: number): void {
  state.inflated += chars;
  if (state.inflated > state.maxInflated) throw new InflateLimitError('inflated size limit');
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
const MERGE_CARRY = 256;

/** Sheet XML as text, decoded across chunk boundaries, with <mergeCell ref> collected on the way. */
async function* sheetText(source: AsyncIterable<Buffer | string>, state: ReadState, merges: string[]): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const scan = (text: string) => {
    const s = carry + text;
    let end = 0;
    for (const m of s.matchAll(MERGE)) {
      merges.push(m[1]);
      end = m.index + m[0].length;
    }
    carry = s.slice(Math.max(end, s.length - MERGE_CARRY));
  };
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    count(state, text.length);
    scan(text);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) {
    scan(rest);
    yield rest;
  }
}

/** The shared-strings stream, decoded across chunk boundaries (object mode: it carries strings). */
function sharedStringsText(entry: Readable, state: ReadState): Readable {
  const decoder = new StringDecoder('utf8');
  const out = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      const text = decoder.write(chunk);
      try {
        count(state, text.length);
      } catch (err) {
        return done(err as Error);
      }
      done(null, text || undefined);
    },
    flush(done: TransformCallback) {
      done(null, decoder.end() || undefined);
    },
  });
  // pipeline, not pipe: an inflate error must reach the consumer instead of leaving it waiting.
  pipeline(entry, out, () => undefined);
  return out;
}

function install(reader: ReaderInternals, state: ReadState): void {
  if (typeof reader._parseWorksheet !== 'function' || typeof reader._parseSharedStrings !== 'function' || typeof reader.parse !== 'function') {
    throw new Error('exceljs WorkbookReader internals changed: review xlsx-source.ts before upgrading exceljs');
  }
  const parseWorksheet = reader._parseWorksheet.bind(reader);
  const parseSharedStrings = reader._parseSharedStrings.bind(reader);
  reader._parseWorksheet = function* (iterator, sheetNo) {
    state.merges = [];
    yield* parseWorksheet(sheetText(iterator, state, state.merges), sheetNo);
  };
  reader._parseSharedStrings = (entry) => parseSharedStrings(sharedStringsText(entry, state));
  // Set before the parse; the real ones (first in the reordered archive) replace them when present.
  reader.sharedStrings = [];
  reader.workbookRels = [];
}

function plain(v: ExcelCellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  return null;
}

function rawCell(v: ExcelCellValue): RawCell {
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) return { value: plain(v.result as ExcelCellValue), formula: true, error: null };
    if ('error' in v) return { value: null, formula: false, error: String(v.error) };
  }
  return { value: plain(v), formula: false, error: null };
}

function toRawRow(row: Row): RawRow {
  const cells: Array<RawCell | undefined> = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    cells[col - 1] = rawCell(cell.value);
  });
  return { row: row.number, cells };
}

function hasContent(row: Row): boolean {
  let found = false;
  row.eachCell({ includeEmpty: false }, (cell) => {
    const raw = rawCell(cell.value);
    if (raw.formula || raw.error !== null || cellText(raw.value) !== null) found = true;
  });
  return found;
}

function splitRef(ref: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)/.exec(ref)!;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

type SheetRole = 'data' | 'instructions' | 'other';

/** The sheet named "data"; without one, the first sheet of the workbook. "instructions" may hold anything. */
function roleOf(name: string, sheetNames: string[], dataTaken: boolean): SheetRole {
  const n = name.trim().toLowerCase();
  const names = sheetNames.map((s) => s.trim().toLowerCase());
  if (!dataTaken && (names.includes(DATA_SHEET_NAME) ? n === DATA_SHEET_NAME : names.length === 0 || n === names[0])) return 'data';
  return n === INSTRUCTIONS_SHEET_NAME ? 'instructions' : 'other';
}

/** Workbook relations, workbook, shared strings and styles first: exceljs needs them before any worksheet. */
function entryRank(name: string): number {
  const i = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'].indexOf(name);
  return i < 0 ? 4 : i;
}

export async function* xlsxRows(chunks: AsyncIterable<Buffer>, maxInflatedChars: number): AsyncGenerator<XlsxItem> {
  const spool = await ZipSpool.create(chunks);
  try {
    const { records, centralStart } = await spool.records();
    if (!records.some((r) => r.name === 'xl/workbook.xml')) {
      yield { type: 'no-worksheet' };
      return;
    }
    const input = Readable.from(spool.reordered(records, centralStart, entryRank), { objectMode: false });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ReaderInternals;
    const state: ReadState = { inflated: 0, maxInflated: maxInflatedChars, merges: [] };
    install(reader, state);
    let dataTaken = false;
    try {
      for await (const event of reader.parse()) {
        if (event.eventType !== 'worksheet') continue;
        const sheet = event.value as WorksheetLike;
        const role = roleOf(sheet.name, (reader.model?.sheets ?? []).map((s) => s.name), dataTaken);
        if (role === 'data') {
          dataTaken = true;
          for await (const row of sheet) yield { type: 'row', row: toRawRow(row) };
          for (const ref of state.merges) yield { type: 'merged', ref, ...splitRef(ref) };
        } else if (role === 'other') {
          let withData = false;
          for await (const row of sheet) withData ||= hasContent(row);
          if (withData) yield { type: 'other-sheet-with-data', name: sheet.name };
        }
        // The instructions sheet is not read: exceljs drains what is not iterated.
      }
      if (!dataTaken) yield { type: 'no-worksheet' };
    } catch (err) {
      if (err instanceof InflateLimitError) {
        throw new SpreadsheetFileError('FILE_TOO_LARGE', `The workbook unpacks to more than ${maxInflatedChars.toLocaleString('en-US')} characters, far more than the template could hold.`);
      }
      if (err instanceof SpreadsheetFileError) throw err;
      throw new SpreadsheetFileError(
        'NOT_A_SPREADSHEET',
        `The file could not be read as an Excel workbook (${err instanceof Error ? err.message : String(err)}). It may be damaged or not really .xlsx; open it in Excel and save it as "Excel Workbook (.xlsx)".`,
      );
    } finally {
      input.destroy();
    }
  } finally {
    await spool.dispose();
  }
}

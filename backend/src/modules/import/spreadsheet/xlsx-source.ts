import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue, Row } from 'exceljs';
import { Readable, Transform, pipeline, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { posix } from 'node:path';
import { columnLetter } from './layout.js';
import type { ImportLimits } from './limits.js';
import { cellText, type CellValue } from './normalize.js';
import { isBlankCell, SpreadsheetFileError, type RawCell, type RawRow } from './raw-row.js';
import { damagedZip, ZipSpool } from './zip-spool.js';

/**
 * XLSX rows, streamed with exceljs's WorkbookReader (sharedStrings and styles cached: styles give the
 * number formats that mark a number as a date; hyperlinks ignored). The upload is first kept on disk
 * and checked whole (ZipSpool: every entry inflates to its stated size and CRC, the archive unpacks to
 * no more than the bound), then fed to exceljs as a plain archive of the parts it reads, the workbook,
 * shared strings and styles ahead of the worksheets, so that exceljs parses each worksheet as it
 * inflates it instead of spooling it to temp files it may leak. Three gaps in exceljs 4.4.0 are closed
 * by wrapping internal methods of the reader (checked at start-up, guarded by tests):
 *
 * 1. It decodes each inflated chunk with a fresh TextDecoder, so a Thai character (3 bytes in UTF-8)
 *    split across two chunks becomes two U+FFFD (exceljs issues #2063, #2084; PR #1665 unmerged).
 *    The sheet and shared-string streams are re-decoded here with a StringDecoder that carries the
 *    incomplete bytes over, and handed on as text (exceljs passes strings through untouched).
 * 2. Its streaming worksheet reader drops <mergeCell> elements. The same decoded sheet text is
 *    scanned for them; <mergeCells> follows <sheetData>, so merges are known after the sheet's rows.
 *    The scan also applies the bounds exceljs has none of (limits.ts): the length of a text run or tag
 *    (what its XML parser buffers), the number of shared strings and of <col> records, and NUL.
 * 3. It matches worksheets to their names only by relative relationship targets; absolute ones
 *    (openpyxl) are made relative first.
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
  _parseRels(entry: Readable): Promise<void>;
  model?: { sheets?: Array<{ name: string }> };
  /** exceljs parses a worksheet as it arrives only once both are set; otherwise it spools it to a temp file. */
  sharedStrings?: unknown[];
  workbookRels?: Array<{ Target?: string }>;
}

interface WorksheetLike extends AsyncIterable<Row> {
  name: string | undefined;
}

type XlsxLimits = Pick<
  ImportLimits,
  | 'maxInflatedBytes'
  | 'maxZipEntries'
  | 'maxSharedStrings'
  | 'maxSharedStringsBytes'
  | 'maxXmlTokenChars'
  | 'maxColumnRecords'
  | 'maxProblems'
  | 'maxRowNumber'
  | 'maxColumns'
  | 'maxCellChars'
>;

interface ReadState {
  limits: XlsxLimits;
  merges: string[];
}

const tooComplex = (message: string) => new SpreadsheetFileError('FILE_TOO_COMPLEX', message);

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
const CELL_REF = /<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"/g;
const COLUMN_RECORD = /<(?:\w+:)?col\b/g;
const CHAR_REF = /&#(x[0-9a-fA-F]+|[0-9]+);/g;
/** Enough to hold a <mergeCell>, <c> or character reference cut by a chunk boundary. */
const SCAN_CARRY = 256;

/** NUL, or a reference to NUL or to half a surrogate pair: XML forbids them, and no text column can store them. */
function badCharacterAt(s: string): number {
  const nul = s.indexOf('\u0000');
  if (nul >= 0) return nul;
  if (!s.includes('&#')) return -1;
  for (const m of s.matchAll(CHAR_REF)) {
    const code = m[1][0] === 'x' || m[1][0] === 'X' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
    if (code === 0 || (code >= 0xd800 && code <= 0xdfff)) return m.index;
  }
  return -1;
}

/**
 * Bounds what the XML parser (saxes, inside exceljs) buffers: it keeps a text run or a tag whole until
 * the next markup, so a run longer than the limit, across any number of chunks, is refused before it is
 * handed on.
 */
class TokenLength {
  private since = 0;

  constructor(private readonly max: number) {}

  /** True when `text` (the next chunk) keeps every run between markup within the limit. */
  ok(text: string): boolean {
    const first = Math.min(...[text.indexOf('<'), text.indexOf('>')].map((i) => (i < 0 ? Infinity : i)));
    if (first === Infinity) {
      this.since += text.length;
      return this.since <= this.max;
    }
    if (this.since + first > this.max) return false;
    this.since = text.length - 1 - Math.max(text.lastIndexOf('<'), text.lastIndexOf('>'));
    return true;
  }
}

/**
 * Sheet XML as text, decoded across chunk boundaries. On the way: <mergeCell ref> collected (up to the
 * problem cap; a flood of them is only counted past it), <col> records counted, runs between markup
 * bounded, and a NUL located at the cell that holds it. Once more merged ranges than the problem cap are
 * found, the sheet ends there.
 */
async function* sheetText(
  source: AsyncIterable<Buffer | string>,
  state: ReadState,
  merges: string[],
): AsyncGenerator<string> {
  const { limits } = state;
  const decoder = new StringDecoder('utf8');
  const tokens = new TokenLength(limits.maxXmlTokenChars);
  let carry = '';
  let lastCell: { column: string; row: number } | null = null;
  let columnRecords = 0;
  const lastCellIn = (s: string, before: number) => {
    for (const m of s.slice(0, before).matchAll(CELL_REF)) lastCell = { column: m[1], row: Number(m[2]) };
  };
  const scan = (text: string) => {
    if (!tokens.ok(text)) {
      const s = carry + text;
      lastCellIn(s, s.length);
      const at = lastCell as { column: string; row: number } | null;
      if (at) {
        throw new SpreadsheetFileError(
          'CELL_TOO_LONG',
          `Cell ${at.column}${at.row} holds more than ${limits.maxCellChars.toLocaleString('en-US')} characters, more than Excel itself allows in a cell.`,
          at.row,
          at.column,
        );
      }
      throw tooComplex(
        `The worksheet holds an XML element or text longer than ${limits.maxXmlTokenChars.toLocaleString('en-US')} characters, which no cell of the template needs.`,
      );
    }
    const s = carry + text;
    const bad = badCharacterAt(s);
    if (bad >= 0) {
      lastCellIn(s, bad);
      const at = lastCell as { column: string; row: number } | null;
      throw new SpreadsheetFileError(
        'BAD_CHARACTER',
        `${at ? `Cell ${at.column}${at.row}` : 'The worksheet'} holds a NUL character or half of a surrogate pair, which cannot be stored as text. Retype the value.`,
        at?.row ?? null,
        at?.column ?? null,
      );
    }
    columnRecords += text.match(COLUMN_RECORD)?.length ?? 0;
    if (columnRecords > limits.maxColumnRecords) {
      throw tooComplex(
        `The worksheet holds more than ${limits.maxColumnRecords.toLocaleString('en-US')} column-width records, which no template needs. Copy the data into a new workbook.`,
      );
    }
    let end = 0;
    for (const m of s.matchAll(MERGE)) {
      merges.push(m[1]);
      end = m.index + m[0].length;
      if (merges.length > limits.maxProblems) break;
    }
    const tail = s.length - SCAN_CARRY;
    if (tail > 0) lastCellIn(s, tail);
    carry = s.slice(Math.max(end, tail));
  };
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    scan(text);
    if (text) yield text;
    // Past the problem cap the reader stops at the merges anyway, and <mergeCells> comes after the rows:
    // the rest of the sheet (a flood of two million merges) is neither collected nor parsed.
    if (merges.length > limits.maxProblems) return;
  }
  const rest = decoder.end();
  if (rest) {
    scan(rest);
    yield rest;
  }
}

/** The shared-strings stream, decoded across chunk boundaries (object mode: it carries strings), within its bounds. */
function sharedStringsText(entry: Readable, reader: ReaderInternals, limits: XlsxLimits): Readable {
  const decoder = new StringDecoder('utf8');
  const tokens = new TokenLength(limits.maxXmlTokenChars);
  let carry = '';
  const check = (text: string) => {
    if ((reader.sharedStrings?.length ?? 0) > limits.maxSharedStrings) {
      throw tooComplex(
        `The workbook's shared text table holds more than ${limits.maxSharedStrings.toLocaleString('en-US')} entries, far more than the template needs. Copy the data into a new workbook.`,
      );
    }
    if (!tokens.ok(text))
      throw tooComplex(
        `The workbook's shared text table holds a text longer than ${limits.maxXmlTokenChars.toLocaleString('en-US')} characters.`,
      );
    if (badCharacterAt(carry + text) >= 0) {
      throw new SpreadsheetFileError(
        'BAD_CHARACTER',
        "The workbook's shared text holds a NUL character or half of a surrogate pair, which cannot be stored as text. Retype the text cells.",
      );
    }
    carry = text.slice(-SCAN_CARRY);
  };
  const out = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      const text = decoder.write(chunk);
      try {
        check(text);
      } catch (err) {
        return done(err as Error);
      }
      done(null, text || undefined);
    },
    flush(done: TransformCallback) {
      const text = decoder.end();
      try {
        check(text);
      } catch (err) {
        return done(err as Error);
      }
      done(null, text || undefined);
    },
  });
  // pipeline, not pipe: an error must reach the consumer instead of leaving it waiting.
  pipeline(entry, out, () => undefined);
  return out;
}

/**
 * A relationship target as exceljs compares it ('worksheets/sheet1.xml', relative to xl/). OPC allows
 * absolute part names too: openpyxl writes '/xl/worksheets/sheet1.xml', which exceljs 4.4.0 never matches,
 * so the sheet lost its name and the workbook seemed to have no data sheet.
 */
export function workbookRelativeTarget(target: string): string {
  const part = target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.normalize(`xl/${target}`);
  return part.startsWith('xl/') ? part.slice(3) : part;
}

function install(reader: ReaderInternals, state: ReadState): void {
  if (
    typeof reader._parseWorksheet !== 'function' ||
    typeof reader._parseSharedStrings !== 'function' ||
    typeof reader._parseRels !== 'function' ||
    typeof reader.parse !== 'function'
  ) {
    throw new Error('exceljs WorkbookReader internals changed: review xlsx-source.ts before upgrading exceljs');
  }
  const parseWorksheet = reader._parseWorksheet.bind(reader);
  const parseSharedStrings = reader._parseSharedStrings.bind(reader);
  const parseRels = reader._parseRels.bind(reader);
  reader._parseWorksheet = function* (iterator, sheetNo) {
    state.merges = [];
    yield* parseWorksheet(sheetText(iterator, state, state.merges), sheetNo);
  };
  reader._parseSharedStrings = (entry) => parseSharedStrings(sharedStringsText(entry, reader, state.limits));
  reader._parseRels = async (entry) => {
    await parseRels(entry);
    for (const rel of reader.workbookRels ?? [])
      if (typeof rel.Target === 'string') rel.Target = workbookRelativeTarget(rel.Target);
  };
  // Set before the parse; the real ones (first in the reordered archive) replace them when present.
  reader.sharedStrings = [];
  reader.workbookRels = [];
}

/** Excel writes control characters in text as _xHHHH_ (ECMA-376 ST_Xstring), and a literal "_x" as _x005F_x. */
function decodeXstring(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}

function plain(v: ExcelCellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeXstring(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return decodeXstring(v.richText.map((r) => r.text ?? '').join(''));
  if ('text' in v && typeof v.text === 'string') return decodeXstring(v.text);
  return null;
}

function rawCell(v: ExcelCellValue): RawCell {
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v)
      return { value: plain(v.result as ExcelCellValue), formula: true, error: null };
    if ('error' in v) return { value: null, formula: false, error: String(v.error) };
  }
  return { value: plain(v), formula: false, error: null };
}

/** The row's cells, within the row, column and cell-length bounds (the same as a CSV's). */
function toRawRow(row: Row, limits: XlsxLimits): RawRow {
  if (!Number.isSafeInteger(row.number) || row.number < 1)
    throw damagedZip('a worksheet row without a valid row number');
  if (row.number > limits.maxRowNumber) {
    throw new SpreadsheetFileError(
      'TOO_MANY_ROWS',
      `The sheet goes on to row ${row.number.toLocaleString('en-US')}, past row ${limits.maxRowNumber.toLocaleString('en-US')}, far more than the template has. Delete the rows after your data.`,
      row.number,
    );
  }
  const cells: Array<RawCell | undefined> = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const raw = rawCell(cell.value);
    const at = () => `${columnLetter(col)}${row.number}`;
    if (col > limits.maxColumns && !isBlankCell(raw)) {
      throw new SpreadsheetFileError(
        'TOO_MANY_COLUMNS',
        `Cell ${at()} is past column ${columnLetter(limits.maxColumns)}, the last one read; the template has far fewer columns. Delete the columns after the template's last one.`,
        row.number,
        columnLetter(col),
      );
    }
    if (typeof raw.value === 'string' && raw.value.length > limits.maxCellChars) {
      throw new SpreadsheetFileError(
        'CELL_TOO_LONG',
        `Cell ${at()} holds ${raw.value.length.toLocaleString('en-US')} characters, more than the ${limits.maxCellChars.toLocaleString('en-US')} Excel itself allows in a cell.`,
        row.number,
        columnLetter(col),
      );
    }
    if (col <= limits.maxColumns) cells[col - 1] = raw;
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
function roleOf(name: string | undefined, sheetNames: string[], dataTaken: boolean): SheetRole {
  const n = (name ?? '').trim().toLowerCase();
  const names = sheetNames.map((s) => s.trim().toLowerCase());
  if (!dataTaken && (names.includes(DATA_SHEET_NAME) ? n === DATA_SHEET_NAME : names.length === 0 || n === names[0]))
    return 'data';
  return n === INSTRUCTIONS_SHEET_NAME ? 'instructions' : 'other';
}

/** The parts exceljs reads, in the order it needs them: relations, workbook, shared strings and styles before any worksheet. */
const LEADING_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

function partRank(name: string): number {
  const i = LEADING_PARTS.indexOf(name);
  return i >= 0 ? i : WORKSHEET_PART.test(name) ? LEADING_PARTS.length : -1;
}

/**
 * The rows of the workbook's data sheet, its merged ranges, and whether other sheets hold data. The upload
 * is kept in a temp folder under `tempRoot` (removed before this ends, however it ends) and checked whole
 * (ZipSpool) before exceljs parses it.
 */
export async function* xlsxRows(
  chunks: AsyncIterable<Buffer>,
  limits: XlsxLimits,
  tempRoot?: string,
): AsyncGenerator<XlsxItem> {
  const spool = await ZipSpool.create(chunks, tempRoot);
  try {
    const { records } = await spool.records(limits.maxZipEntries);
    if (!records.some((r) => r.name === 'xl/workbook.xml')) {
      yield { type: 'no-worksheet' };
      return;
    }
    await spool.check(records, {
      maxInflatedBytes: limits.maxInflatedBytes,
      perEntry: {
        'xl/sharedStrings.xml': {
          maxBytes: limits.maxSharedStringsBytes,
          error: () =>
            tooComplex(
              `The workbook's shared text table unpacks to more than ${limits.maxSharedStringsBytes.toLocaleString('en-US')} bytes, far more than the template needs. Copy the data into a new workbook.`,
            ),
        },
      },
    });
    const parts = records
      .map((r, i) => ({ r, i, rank: partRank(r.name) }))
      .filter((p) => p.rank >= 0)
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((p) => p.r);
    const input = Readable.from(spool.entries(parts), { objectMode: false });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as ReaderInternals;
    const state: ReadState = { limits, merges: [] };
    install(reader, state);
    let dataTaken = false;
    try {
      for await (const event of reader.parse()) {
        if (event.eventType !== 'worksheet') continue;
        const sheet = event.value as WorksheetLike;
        const role = roleOf(
          sheet.name,
          (reader.model?.sheets ?? []).map((s) => s.name),
          dataTaken,
        );
        if (role === 'data') {
          dataTaken = true;
          for await (const row of sheet) yield { type: 'row', row: toRawRow(row, limits) };
          for (const ref of state.merges) yield { type: 'merged', ref, ...splitRef(ref) };
        } else if (role === 'other') {
          let withData = false;
          for await (const row of sheet) withData ||= hasContent(row);
          if (withData) yield { type: 'other-sheet-with-data', name: sheet.name ?? '' };
        }
        // The instructions sheet is not read: exceljs drains what is not iterated.
      }
      if (!dataTaken) yield { type: 'no-worksheet' };
    } catch (err) {
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

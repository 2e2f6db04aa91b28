import { ByteSource } from './byte-source.js';
import { csvRows } from './csv-source.js';
import { checkHeader } from './header.js';
import { columnLabel, columnLetter, type TemplateLayout } from './layout.js';
import { problem, type Problem } from './problems.js';
import { isBlankRow, SpreadsheetFileError, type RawRow } from './raw-row.js';
import { RowParser, type ParsedRow } from './row-parser.js';
import { xlsxRows, type XlsxItem } from './xlsx-source.js';

export type { Problem, ProblemCode } from './problems.js';
export type { ParsedRow } from './row-parser.js';

export interface ImportLimits {
  /** Largest upload accepted, in bytes (as uploaded: compressed for XLSX). */
  maxBytes: number;
  /** Most data rows accepted (blank rows not counted). */
  maxRows: number;
  /** Problems reported before the reader gives up with TOO_MANY_PROBLEMS; 1,000 when not given. */
  maxProblems?: number;
}

export type ReadEvent = { type: 'row'; row: ParsedRow } | { type: 'problem'; problem: Problem } | { type: 'progress'; rowsRead: number };

export const DEFAULT_MAX_PROBLEMS = 1000;
export const PROGRESS_EVERY = 500;
/** How much an XLSX may unpack to, relative to maxBytes: the template's XML compresses about 10-15 times. */
const MAX_INFLATE_RATIO = 100;
const SNIFF_BYTES = 8192;

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BINARY_MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
];
const EXCEL_EXTENSION = /\.(xlsx|xlsm|xls|xlsb)$/i;

function utf8Text(head: Buffer): string | null {
  try {
    // stream: true accepts a character cut at the end of the sniffed bytes.
    return new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
}

/**
 * 'xlsx' for a ZIP container (PK\x03\x04), 'csv' for UTF-8 text without NUL or other control bytes;
 * null for anything else (PDF, images, legacy .xls and other OLE2 files, UTF-16, binary), and for text
 * whose name claims an Excel workbook.
 */
export function detectFormat(firstBytes: Buffer, filename?: string): 'xlsx' | 'csv' | null {
  if (firstBytes.length === 0) return null;
  if (startsWith(firstBytes, ZIP)) return 'xlsx';
  if (startsWith(firstBytes, OLE2) || BINARY_MAGIC.some(([m]) => startsWith(firstBytes, m))) return null;
  if (startsWith(firstBytes, [0xff, 0xfe]) || startsWith(firstBytes, [0xfe, 0xff])) return null;
  const text = utf8Text(firstBytes);
  if (text === null || /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(text)) return null;
  if (filename && EXCEL_EXTENSION.test(filename)) return null;
  return 'csv';
}

/** Bytes of printable ASCII and the Thai block of TIS-620 / Windows-874, and nothing else. */
function looksLikeTis620(head: Buffer): boolean {
  let thai = 0;
  for (const b of head) {
    if (b >= 0xa1 && b <= 0xfb) thai++;
    else if (b >= 0x80 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  }
  return thai > 0;
}

const WHAT_TO_UPLOAD = 'Upload the .xlsx template of this quarter, or a file saved as "CSV UTF-8 (comma delimited)".';

function notASpreadsheet(head: Buffer, filename?: string): Problem {
  if (startsWith(head, OLE2)) {
    return problem(
      'NOT_A_SPREADSHEET',
      'The file is an Excel 97-2003 workbook (.xls) or a password-protected file, which cannot be read. Open it in Excel, remove any password and save it as "Excel Workbook (.xlsx)".',
    );
  }
  const magic = BINARY_MAGIC.find(([m]) => startsWith(head, m));
  if (magic) return problem('NOT_A_SPREADSHEET', `The file is ${magic[1]}, not a spreadsheet. ${WHAT_TO_UPLOAD}`);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return problem('NOT_A_SPREADSHEET', `The file is UTF-16 text (Excel's "Unicode Text"), which is not accepted. ${WHAT_TO_UPLOAD}`);
  }
  if (looksLikeTis620(head)) {
    return problem(
      'CSV_NOT_UTF8',
      'The file is text in the Thai Windows encoding (TIS-620 / Windows-874), not UTF-8, so its Thai text would be garbled. In Excel choose Save As → "CSV UTF-8 (comma delimited)".',
    );
  }
  if (filename && EXCEL_EXTENSION.test(filename) && utf8Text(head) !== null) {
    return problem('NOT_A_SPREADSHEET', `The file is named ${filename} but holds plain text, not an Excel workbook. ${WHAT_TO_UPLOAD}`);
  }
  return problem('NOT_A_SPREADSHEET', `The file is neither an Excel workbook (.xlsx) nor a CSV text file. ${WHAT_TO_UPLOAD}`);
}

type SourceItem = XlsxItem;

async function* csvItems(source: ByteSource): AsyncGenerator<SourceItem> {
  // Throwing at the limit keeps the cut-off last record from being read as a row.
  const chunks = source.chunks(() => new SpreadsheetFileError('FILE_TOO_LARGE', 'too large'));
  for await (const row of csvRows(chunks)) yield { type: 'row', row };
}

function tooLarge(limits: ImportLimits): Problem {
  return problem('FILE_TOO_LARGE', `The file is larger than ${limits.maxBytes.toLocaleString('en-US')} bytes, the most accepted. A quarter's template is far smaller; remove other sheets, pictures and formatting, then upload it again.`);
}

/**
 * Reads an uploaded XLSX or CSV against the layout, streaming: rows are checked and handed out one by
 * one, and problems are reported as they are found (all of them, up to maxProblems). Problems with the
 * file as a whole (not a spreadsheet, too large, header not the template's, too many rows) end the read.
 * A row event follows its own problems; a row with problems has hasProblems set and must not be saved.
 * The input is consumed and closed (a Node stream is destroyed when the read ends early).
 */
export async function* readSpreadsheet(
  input: AsyncIterable<Buffer> | NodeJS.ReadableStream,
  layout: TemplateLayout,
  limits: ImportLimits,
  filename?: string,
): AsyncGenerator<ReadEvent> {
  const source = new ByteSource(input, limits.maxBytes);
  const maxProblems = limits.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  let problemCount = 0;
  /** Yields the problems; false once the cap is reached (the final TOO_MANY_PROBLEMS note included). */
  function* report(problems: Problem[]): Generator<ReadEvent, boolean> {
    for (const p of problems) {
      if (problemCount === maxProblems) {
        yield { type: 'problem', problem: problem('TOO_MANY_PROBLEMS', `Reading stopped after ${maxProblems.toLocaleString('en-US')} problems. Correct these and upload the file again to see the rest.`) };
        return false;
      }
      problemCount++;
      yield { type: 'problem', problem: p };
    }
    return true;
  }

  try {
    const head = await source.peek(SNIFF_BYTES);
    if (source.tooLarge) return void (yield* report([tooLarge(limits)]));
    if (head.length === 0) return void (yield* report([problem('EMPTY_FILE', `The file is empty. ${WHAT_TO_UPLOAD}`)]));
    const format = detectFormat(head, filename);
    if (format === null) return void (yield* report([notASpreadsheet(head, filename)]));
    const items = format === 'xlsx' ? xlsxRows(source.chunks(), limits.maxBytes * MAX_INFLATE_RATIO) : csvItems(source);

    const parser = new RowParser(layout);
    let headerSeen = false;
    let lastDataRow = 1;
    let dataRows = 0;
    const deferred: Problem[] = [];
    try {
      for await (const item of items) {
        if (item.type === 'merged') {
          const c = layout.columns[item.column - 1];
          deferred.push(
            problem(
              'MERGED_CELLS',
              `Cells ${item.ref} are merged; merged cells are refused. Unmerge them and put each value in its own cell.`,
              item.row,
              c ? columnLabel(item.column, c.header) : columnLetter(item.column),
            ),
          );
          continue;
        }
        if (item.type === 'other-sheet-with-data') {
          deferred.push(problem('MULTIPLE_SHEETS_WITH_DATA', `The sheet "${item.name}" holds data, but only the sheet "data" is read. Move all rows into the "data" sheet and delete or empty "${item.name}".`));
          continue;
        }
        if (item.type === 'no-worksheet') {
          return void (yield* report([problem('NOT_A_SPREADSHEET', `The file is a ZIP archive without a worksheet, not an Excel workbook. ${WHAT_TO_UPLOAD}`)]));
        }
        const raw: RawRow = item.row;
        if (isBlankRow(raw)) continue;
        if (!headerSeen) {
          headerSeen = true;
          const problems = checkHeader(
            raw.cells.map((c) => c?.value ?? null),
            raw.row,
            layout,
          );
          if (problems.length > 0) return void (yield* report(problems));
          continue;
        }
        if (raw.row > lastDataRow + 1) {
          const [from, to] = [lastDataRow + 1, raw.row - 1];
          const rows = from === to ? `Row ${from} is` : `Rows ${from} to ${to} are`;
          if (!(yield* report([problem('EMPTY_ROW', `${rows} empty between data rows. Delete empty rows inside the data; empty rows after the last row are fine.`, from)]))) return;
        }
        lastDataRow = raw.row;
        if (++dataRows > limits.maxRows) {
          return void (yield* report([problem('TOO_MANY_ROWS', `The file has more than ${limits.maxRows.toLocaleString('en-US')} data rows, the most accepted. Check for rows that are not organizations of this province.`, raw.row)]));
        }
        const parsed = parser.parse(raw);
        if (!(yield* report(parsed.problems))) return;
        if (parsed.row) yield { type: 'row', row: parsed.row };
        if (dataRows % PROGRESS_EVERY === 0) yield { type: 'progress', rowsRead: dataRows };
      }
    } catch (err) {
      if (source.tooLarge) return void (yield* report([tooLarge(limits)]));
      if (err instanceof SpreadsheetFileError) return void (yield* report([problem(err.code, err.message, err.row)]));
      throw err;
    }
    if (source.tooLarge) return void (yield* report([tooLarge(limits)]));
    if (!headerSeen) return void (yield* report([problem('EMPTY_FILE', `The file has no rows. ${WHAT_TO_UPLOAD}`)]));
    if (dataRows === 0) {
      return void (yield* report([problem('EMPTY_FILE', 'The file has the header row but no data rows. Fill in one row per organization, starting in row 2.', 2)]));
    }
    yield* report(deferred);
  } finally {
    await source.close();
  }
}

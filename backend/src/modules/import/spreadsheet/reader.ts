import { ByteSource } from './byte-source.js';
import { csvRows } from './csv-source.js';
import { detectFormat, notASpreadsheet, WHAT_TO_UPLOAD } from './detect.js';
import { checkHeader } from './header.js';
import { columnLabel, columnLetter, type TemplateLayout } from './layout.js';
import { importLimits, type ImportLimits } from './limits.js';
import { problem, type Problem } from './problems.js';
import { isBlankRow, SpreadsheetFileError, type RawRow } from './raw-row.js';
import { RowParser, type ParsedRow } from './row-parser.js';
import type { XlsxItem } from './xlsx-source.js';

export type { Problem, ProblemCode } from './problems.js';
export type { ParsedRow } from './row-parser.js';
export { detectFormat } from './detect.js';
export { DEFAULT_IMPORT_LIMITS, importLimits, type ImportLimits } from './limits.js';

export type ReadEvent =
  { type: 'row'; row: ParsedRow } | { type: 'problem'; problem: Problem } | { type: 'progress'; rowsRead: number };

export const PROGRESS_EVERY = 500;
/** Enough to see a magic number, a BOM, and whether a CSV's header row is UTF-8. */
const SNIFF_BYTES = 8192;

type SourceItem = XlsxItem;

/** A reader's file-level error as a problem; a cell's column is named with its template header when it has one. */
function fileProblem(err: SpreadsheetFileError, layout: TemplateLayout): Problem {
  if (err.column === null) return problem(err.code, err.message, err.row);
  const n = [...err.column].reduce((v, ch) => v * 26 + ch.charCodeAt(0) - 64, 0);
  const c = layout.columns[n - 1];
  return problem(err.code, err.message, err.row, c && err.row !== 1 ? columnLabel(n, c.header) : err.column);
}

/** Throwing at the size limit keeps a cut-off last record (CSV) or archive (XLSX) from being read at all. */
const stopAtLimit = () => new SpreadsheetFileError('FILE_TOO_LARGE', 'too large');

async function* csvItems(source: ByteSource, limits: ImportLimits): AsyncGenerator<SourceItem> {
  for await (const row of csvRows(source.chunks(stopAtLimit), limits)) yield { type: 'row', row };
}

function tooLarge(limits: ImportLimits): Problem {
  return problem(
    'FILE_TOO_LARGE',
    `The file is larger than ${limits.maxBytes.toLocaleString('en-US')} bytes, the most accepted. A quarter's template is far smaller; remove other sheets, pictures and formatting, then upload it again.`,
  );
}

/**
 * Reads an uploaded XLSX or CSV against the layout, streaming: rows are checked and handed out one by
 * one, and problems are reported as they are found (all of them, up to maxProblems). Problems with the
 * file as a whole (not a spreadsheet, too large, header not the template's, too many rows) end the read.
 * A row event follows its own problems; a row with problems has hasProblems set and must not be saved.
 * Every bound of limits.ts applies (the defaults for those not given); past one, a coded problem ends the read.
 * The input is consumed and closed (a Node stream is destroyed when the read ends early). An XLSX is
 * kept in a temp folder under `options.tempRoot` (the system's by default) while it is read.
 */
export async function* readSpreadsheet(
  input: AsyncIterable<Buffer> | NodeJS.ReadableStream,
  layout: TemplateLayout,
  given: Partial<ImportLimits>,
  filename?: string,
  options: { tempRoot?: string } = {},
): AsyncGenerator<ReadEvent> {
  const limits = importLimits(given);
  const source = new ByteSource(input, limits.maxBytes);
  const maxProblems = limits.maxProblems;
  let problemCount = 0;
  /** Yields the problems; false once the cap is reached (the final TOO_MANY_PROBLEMS note included). */
  function* report(problems: Problem[]): Generator<ReadEvent, boolean> {
    for (const p of problems) {
      if (problemCount === maxProblems) {
        yield {
          type: 'problem',
          problem: problem(
            'TOO_MANY_PROBLEMS',
            `Reading stopped after ${maxProblems.toLocaleString('en-US')} problems. Correct these and upload the file again to see the rest.`,
          ),
        };
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
    // exceljs is loaded when the first workbook comes: a parse worker reading a CSV starts in a fraction of the time.
    const items =
      format === 'xlsx'
        ? (await import('./xlsx-source.js')).xlsxRows(source.chunks(stopAtLimit), limits, options.tempRoot)
        : csvItems(source, limits);

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
          deferred.push(
            problem(
              'MULTIPLE_SHEETS_WITH_DATA',
              `The sheet "${item.name}" holds data, but only the sheet "data" is read. Move all rows into the "data" sheet and delete or empty "${item.name}".`,
            ),
          );
          continue;
        }
        if (item.type === 'no-worksheet') {
          return void (yield* report([
            problem(
              'NOT_A_SPREADSHEET',
              `The file is a ZIP archive without a worksheet, not an Excel workbook. ${WHAT_TO_UPLOAD}`,
            ),
          ]));
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
          if (
            !(yield* report([
              problem(
                'EMPTY_ROW',
                `${rows} empty between data rows. Delete empty rows inside the data; empty rows after the last row are fine.`,
                from,
              ),
            ]))
          )
            return;
        }
        lastDataRow = raw.row;
        if (++dataRows > limits.maxRows) {
          return void (yield* report([
            problem(
              'TOO_MANY_ROWS',
              `The file has more than ${limits.maxRows.toLocaleString('en-US')} data rows, the most accepted. Split the file, or check for rows that do not belong in it.`,
              raw.row,
            ),
          ]));
        }
        const parsed = parser.parse(raw);
        if (!(yield* report(parsed.problems))) return;
        if (parsed.row) yield { type: 'row', row: parsed.row };
        if (dataRows % PROGRESS_EVERY === 0) yield { type: 'progress', rowsRead: dataRows };
      }
    } catch (err) {
      if (source.tooLarge) return void (yield* report([tooLarge(limits)]));
      if (err instanceof SpreadsheetFileError) return void (yield* report([fileProblem(err, layout)]));
      throw err;
    }
    if (source.tooLarge) return void (yield* report([tooLarge(limits)]));
    if (!headerSeen) return void (yield* report([problem('EMPTY_FILE', `The file has no rows. ${WHAT_TO_UPLOAD}`)]));
    if (dataRows === 0) {
      return void (yield* report([
        problem(
          'EMPTY_FILE',
          'The file has the header row but no data rows. Fill in one row per organization, starting in row 2.',
          2,
        ),
      ]));
    }
    yield* report(deferred);
  } finally {
    await source.close();
  }
}

import { columnLetter } from './layout.js';
import type { ImportLimits } from './limits.js';
import { SpreadsheetFileError, type RawRow } from './raw-row.js';

export type CsvLimits = Pick<ImportLimits, 'maxColumns' | 'maxCellChars' | 'maxRecordChars' | 'maxRowNumber'>;

/**
 * RFC 4180 records from UTF-8 bytes, streamed: quoted fields may hold commas, quotes ("") and line
 * breaks; records end with CRLF, LF or CR. A UTF-8 BOM is dropped. Row numbers
 * count records, as Excel shows them (a quoted line break does not start a new row).
 * The bounds are checked as the text is scanned, before anything is built past them: a line of 8 MB of
 * commas stops at the column limit, a run of 8 MB of letters at the cell limit, without the field or
 * record ever holding more than the limit.
 */
export async function* csvRows(chunks: AsyncIterable<Buffer>, limits: CsvLimits): AsyncGenerator<RawRow> {
  // fatal: a Thai file saved in TIS-620 must be refused, not turned into replacement characters.
  // Chunks are cut at character boundaries here (not by a streaming decoder), so that the row of a
  // bad byte can be found by decoding the same bytes leniently.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Buffer = Buffer.alloc(0);
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteClosed = false;
  let skipLf = false;
  let rowNo = 1;
  let quoteStartRow = 1;
  /** Characters in the current record's finished fields and their separators. */
  let recordChars = 0;

  const tooLong = (extra: number) => {
    if (field.length + extra > limits.maxCellChars) {
      const at = columnLetter(record.length + 1);
      throw new SpreadsheetFileError(
        'CELL_TOO_LONG',
        `Cell ${at}${rowNo} holds more than ${limits.maxCellChars.toLocaleString('en-US')} characters, more than Excel itself allows in a cell. Check for a quote (") that is never closed: it makes the rest of the file one cell.`,
        rowNo,
        at,
      );
    }
    if (recordChars + field.length + extra > limits.maxRecordChars) {
      throw new SpreadsheetFileError(
        'RECORD_TOO_LONG',
        `Row ${rowNo} is longer than ${limits.maxRecordChars.toLocaleString('en-US')} characters, far longer than a row of the template. Check for a quote (") that is never closed, or save the file again from Excel.`,
        rowNo,
      );
    }
  };
  const endField = () => {
    if (record.length + 1 >= limits.maxColumns + 1) {
      const at = columnLetter(limits.maxColumns + 1);
      throw new SpreadsheetFileError(
        'TOO_MANY_COLUMNS',
        `Row ${rowNo} has more than ${limits.maxColumns.toLocaleString('en-US')} columns; the template has far fewer. Delete the columns after the template's last one.`,
        rowNo,
        at,
      );
    }
    recordChars += field.length + 1;
    record.push(field);
    field = '';
  };

  const endRecord = (): RawRow => {
    if (rowNo > limits.maxRowNumber) {
      throw new SpreadsheetFileError(
        'TOO_MANY_ROWS',
        `The file goes on past row ${limits.maxRowNumber.toLocaleString('en-US')} (blank rows included), far more than the template has. Delete the rows after your data.`,
        rowNo,
      );
    }
    endField();
    const row: RawRow = {
      row: rowNo,
      cells: record.map((v) => ({ value: v === '' ? null : v, formula: false, error: null })),
    };
    record = [];
    recordChars = 0;
    quoteClosed = false;
    rowNo++;
    return row;
  };

  const notUtf8 = () =>
    new SpreadsheetFileError(
      'CSV_NOT_UTF8',
      `Row ${rowNo} holds bytes that are not UTF-8 text. In Excel choose Save As → "CSV UTF-8 (comma delimited)"; other encodings such as TIS-620 garble Thai text.`,
      rowNo,
    );

  const consume = function* (text: string): Generator<RawRow> {
    let runStart = -1; // start of a run of ordinary characters, appended to field in one slice
    const flush = (i: number) => {
      if (runStart >= 0) {
        tooLong(i - runStart);
        field += text.slice(runStart, i);
      }
      runStart = -1;
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (skipLf) {
        skipLf = false;
        if (ch === '\n') continue;
      }
      if (inQuotes) {
        if (ch === '"') {
          flush(i);
          inQuotes = false;
          quoteClosed = true;
        } else if (runStart < 0) runStart = i;
        continue;
      }
      if (ch === '"') {
        flush(i);
        tooLong(1);
        if (quoteClosed) {
          field += '"'; // "" inside a quoted field
          inQuotes = true;
          quoteClosed = false;
        } else if (field === '') {
          inQuotes = true;
          quoteStartRow = rowNo;
        } else field += '"'; // a stray quote inside an unquoted value is kept as text
      } else if (ch === ',') {
        flush(i);
        endField();
        quoteClosed = false;
      } else if (ch === '\r' || ch === '\n') {
        flush(i);
        skipLf = ch === '\r';
        yield endRecord();
      } else if (runStart < 0) runStart = i;
    }
    flush(text.length);
  };

  let first = true;
  const decode = function* (bytes: Buffer): Generator<RawRow> {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      // Read up to the first bad byte, so that the problem names the row that holds it.
      const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      yield* consume(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))));
      throw notUtf8();
    }
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    yield* consume(text);
  };
  for await (const chunk of chunks) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeLength(bytes);
    carry = bytes.subarray(cut);
    yield* decode(bytes.subarray(0, cut));
  }
  yield* decode(carry);
  if (inQuotes) {
    throw new SpreadsheetFileError(
      'MALFORMED_CSV',
      `A quoted value that starts in row ${quoteStartRow} is never closed with a double quote ("). Check that row, or save the file again from Excel.`,
      quoteStartRow,
    );
  }
  if (field !== '' || record.length > 0) yield endRecord();
}

/** Length of the part of `b` that ends on a whole UTF-8 character (the rest continues in the next chunk). */
function completeLength(b: Buffer): number {
  let i = b.length - 1;
  while (i >= 0 && b.length - i <= 3 && (b[i] & 0xc0) === 0x80) i--;
  if (i < 0) return b.length;
  const lead = b[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return b.length - i >= need ? b.length : i;
}

import { SpreadsheetFileError, type RawRow } from './raw-row.js';

/**
 * RFC 4180 records from UTF-8 bytes, streamed: quoted fields may hold commas, quotes ("") and line
 * breaks; records end with CRLF, LF or CR. A UTF-8 BOM is dropped. Row numbers
 * count records, as Excel shows them (a quoted line break does not start a new row).
 */
export async function* csvRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<RawRow> {
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

  const endRecord = (): RawRow => {
    record.push(field);
    const row: RawRow = { row: rowNo, cells: record.map((v) => ({ value: v === '' ? null : v, formula: false, error: null })) };
    record = [];
    field = '';
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
      if (runStart >= 0) field += text.slice(runStart, i);
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
        record.push(field);
        field = '';
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

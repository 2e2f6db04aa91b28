/** Telling an XLSX from a CSV from anything else by the first bytes, and saying what the anything else is. */
import { problem, type Problem } from './problems.js';

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
 * 'xlsx' for a ZIP container (PK\x03\x04), 'csv' for UTF-8 text with no more than 1% NUL or other control bytes;
 * null for anything else (PDF, images, legacy .xls and other OLE2 files, UTF-16, binary), and for text
 * whose name claims an Excel workbook.
 */
export function detectFormat(firstBytes: Buffer, filename?: string): 'xlsx' | 'csv' | null {
  if (firstBytes.length === 0) return null;
  if (startsWith(firstBytes, ZIP)) return 'xlsx';
  if (startsWith(firstBytes, OLE2) || BINARY_MAGIC.some(([m]) => startsWith(firstBytes, m))) return null;
  if (startsWith(firstBytes, [0xff, 0xfe]) || startsWith(firstBytes, [0xfe, 0xff])) return null;
  const text = utf8Text(firstBytes);
  // Binary data and UTF-16 without a BOM are full of control bytes; a stray NUL in a text file is not,
  // and is refused later with its row and column (BAD_CHARACTER).
  const controls = text?.match(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g)?.length ?? 0;
  if (text === null || controls > text.length / 100) return null;
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

export const WHAT_TO_UPLOAD =
  'Upload the .xlsx template of this quarter, or a file saved as "CSV UTF-8 (comma delimited)".';

export function notASpreadsheet(head: Buffer, filename?: string): Problem {
  if (startsWith(head, OLE2)) {
    return problem(
      'NOT_A_SPREADSHEET',
      'The file is an Excel 97-2003 workbook (.xls) or a password-protected file, which cannot be read. Open it in Excel, remove any password and save it as "Excel Workbook (.xlsx)".',
    );
  }
  const magic = BINARY_MAGIC.find(([m]) => startsWith(head, m));
  if (magic) return problem('NOT_A_SPREADSHEET', `The file is ${magic[1]}, not a spreadsheet. ${WHAT_TO_UPLOAD}`);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return problem(
      'NOT_A_SPREADSHEET',
      `The file is UTF-16 text (Excel's "Unicode Text"), which is not accepted. ${WHAT_TO_UPLOAD}`,
    );
  }
  if (looksLikeTis620(head)) {
    return problem(
      'CSV_NOT_UTF8',
      'The file is text in the Thai Windows encoding (TIS-620 / Windows-874), not UTF-8, so its Thai text would be garbled. In Excel choose Save As → "CSV UTF-8 (comma delimited)".',
    );
  }
  if (filename && EXCEL_EXTENSION.test(filename) && utf8Text(head) !== null) {
    return problem(
      'NOT_A_SPREADSHEET',
      `The file is named ${filename} but holds plain text, not an Excel workbook. ${WHAT_TO_UPLOAD}`,
    );
  }
  return problem(
    'NOT_A_SPREADSHEET',
    `The file is neither an Excel workbook (.xlsx) nor a CSV text file. ${WHAT_TO_UPLOAD}`,
  );
}

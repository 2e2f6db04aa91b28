/**
 * Spreadsheets run a cell that starts with one of these as a formula when they open a CSV (CSV injection):
 * = + - @, tab, carriage return and line feed, and the full-width ＝ ＋ － ＠ that some spreadsheets fold onto them.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell, RFC 4180 quoted. Text that a spreadsheet would run as a formula is neutralised with a leading
 * apostrophe; numbers stay numbers (a negative number is not a formula), so the file still computes.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The byte-order mark makes Excel read the UTF-8 (Thai) correctly. */
export const CSV_BOM = '\uFEFF';

import { cellText, type CellValue } from './normalize.js';

/** One cell as a file holds it, before any template rule is applied. */
export interface RawCell {
  value: CellValue;
  /** The cell holds a formula (its cached result is in value). */
  formula: boolean;
  /** An Excel error value such as '#DIV/0!'. */
  error: string | null;
}

/** One row: `cells[0]` is column A; absent cells are empty. */
export interface RawRow {
  /** Row number as the spreadsheet shows it (1 = first row). */
  row: number;
  cells: Array<RawCell | undefined>;
}

/** Thrown by the file readers for problems with the file as a whole. */
export class SpreadsheetFileError extends Error {
  constructor(
    readonly code:
      | 'NOT_A_SPREADSHEET'
      | 'CSV_NOT_UTF8'
      | 'MALFORMED_CSV'
      | 'FILE_TOO_LARGE'
      | 'FILE_TOO_COMPLEX'
      | 'TOO_MANY_ROWS'
      | 'TOO_MANY_COLUMNS'
      | 'CELL_TOO_LONG'
      | 'RECORD_TOO_LONG'
      | 'BAD_CHARACTER',
    message: string,
    readonly row: number | null = null,
    /** Column letter, when the problem is about one cell. */
    readonly column: string | null = null,
  ) {
    super(message);
  }
}

export function isBlankCell(cell: RawCell | undefined): boolean {
  return !cell || (!cell.formula && cell.error === null && cellText(cell.value) === null);
}

export function isBlankRow(row: RawRow): boolean {
  return row.cells.every(isBlankCell);
}

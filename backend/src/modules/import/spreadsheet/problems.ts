/** What the reader reports about a file. Codes are stable (the API and the UI key on them); messages are English sentences. */

/** Problems after which the reader stops: nothing further in the file can be trusted or matched to columns. */
export const FILE_LEVEL_CODES = [
  'NOT_A_SPREADSHEET',
  'CSV_NOT_UTF8',
  'MALFORMED_CSV',
  'FILE_TOO_LARGE',
  /** The file is within the size limit but beyond another bound (limits.ts), or its parse outgrew its worker. */
  'FILE_TOO_COMPLEX',
  'TOO_MANY_ROWS',
  'TOO_MANY_COLUMNS',
  'CELL_TOO_LONG',
  'RECORD_TOO_LONG',
  'EMPTY_FILE',
  'MISSING_HEADER',
  'MISSING_COLUMN',
  'COLUMN_ORDER',
  'DUPLICATE_COLUMN',
  'TOO_MANY_PROBLEMS',
] as const;

/** Problems with one row or cell; the reader goes on and reports them all. */
export const ROW_LEVEL_CODES = [
  /** A header that is not a template column, or values in a column without a header. Ends the read when in the header. */
  'UNKNOWN_COLUMN',
  'EMPTY_ROW',
  'FORMULA',
  'MERGED_CELLS',
  'WRONG_TYPE',
  'OUT_OF_RANGE',
  'NOT_WHOLE_NUMBER',
  'MISSING_ORG_CODE',
  'DUPLICATE_ROW',
  'BAD_DATE',
  'BAD_URL',
  'TEXT_TOO_LONG',
  /** A NUL character or half of a UTF-16 surrogate pair: no text column can store it (PostgreSQL refuses NUL). */
  'BAD_CHARACTER',
  'MULTIPLE_SHEETS_WITH_DATA',
] as const;

export type ProblemCode = (typeof FILE_LEVEL_CODES)[number] | (typeof ROW_LEVEL_CODES)[number];

export const PROBLEM_CODES: readonly ProblemCode[] = [...FILE_LEVEL_CODES, ...ROW_LEVEL_CODES];

export interface Problem {
  /** The row number as the spreadsheet shows it (header = 1); null for the file as a whole. */
  row: number | null;
  /** Column letter and template header, e.g. 'D (จำนวนบุคลากรทั้งหมด / Total staff [STAFF_TOTAL])'; null when not about one column. */
  column: string | null;
  code: ProblemCode;
  /** A clear English sentence: what is wrong and what is expected. */
  message: string;
}

export function problem(
  code: ProblemCode,
  message: string,
  row: number | null = null,
  column: string | null = null,
): Problem {
  return { row, column, code, message };
}

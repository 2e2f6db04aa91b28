/**
 * PostgreSQL errors of class 22 (data exception: a number out of range, text that is not a date, a NUL byte)
 * mean that a caller's value reached SQL unchecked. Services validate what they take; this is the net under
 * them, so such a value is still the caller's BAD_USER_INPUT and not an internal error.
 */
const DATA_EXCEPTIONS: Record<string, string> = {
  '22003': 'A number is out of the range the database can hold',
  '22008': 'A date or time is out of range',
  '22007': 'A date or time is not valid',
  '22P02': 'A value is not valid for its type',
  '22021': 'Text holds a byte sequence that is not valid UTF-8 (or a NUL character)',
  '22001': 'A text is longer than the database allows',
  '2201E': 'A number is out of range for a logarithm',
  '22012': 'A division by zero',
};

export function dataExceptionMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code in DATA_EXCEPTIONS)) return null;
  // Only driver errors carry a SQLSTATE with these shapes; a domain error's code is a word.
  return DATA_EXCEPTIONS[code];
}

/** PostgreSQL's query_canceled: statement_timeout (or a cancel request) stopped the statement. */
const QUERY_CANCELED = '57014';

export function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return e?.code === QUERY_CANCELED || e?.driverError?.code === QUERY_CANCELED;
}

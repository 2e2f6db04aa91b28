/**
 * The bounds within which an upload is parsed (LIMITS.md in the import module lists them with their reasons).
 * Each is far above what a real quarterly file needs: a national file (about 7,850 rows, 32 columns,
 * every value filled) is about 1.2 MB as XLSX and unpacks to about 7.5 MB. Whatever passes them parses in a
 * worker thread whose heap is bounded too (worker-reader.ts), so a file that slips past them costs a
 * worker, never the server.
 */
export interface ImportLimits {
  /** Largest upload accepted, in bytes as uploaded (compressed for XLSX). */
  maxBytes: number;
  /** Most data rows accepted (blank rows not counted). */
  maxRows: number;
  /** Highest row number read, blank rows included (a CSV of 20 MB of line breaks; an XLSX row r="9999999"). */
  maxRowNumber: number;
  /** Most cells in one row; a CSV's empty fields count (one line of 8 MB of commas). */
  maxColumns: number;
  /** Most characters in one cell: Excel's own limit, so no file Excel saved goes past it. */
  maxCellChars: number;
  /** Most characters in one CSV record (a quoted line break continues the record). */
  maxRecordChars: number;
  /** Most bytes all the entries of an XLSX unpack to, together (not per entry): zip bombs. */
  maxInflatedBytes: number;
  /** Most entries in an XLSX archive. */
  maxZipEntries: number;
  /** Most strings in an XLSX's shared-string table (kept in memory while the sheet is read). */
  maxSharedStrings: number;
  /** Most bytes the shared-string table unpacks to. */
  maxSharedStringsBytes: number;
  /** Longest run of XML text or one XML tag, in characters: bounds what the XML parser buffers at once. */
  maxXmlTokenChars: number;
  /** Most <col> width records in one sheet (exceljs keeps each as an object). */
  maxColumnRecords: number;
  /** Problems reported before the reader gives up with TOO_MANY_PROBLEMS; merged ranges are collected up to it. */
  maxProblems: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 20 * MiB,
  maxRows: 10_000,
  maxRowNumber: 100_000,
  maxColumns: 1_024,
  maxCellChars: 32_767,
  maxRecordChars: 256 * 1024,
  maxInflatedBytes: 64 * MiB,
  maxZipEntries: 1_000,
  maxSharedStrings: 200_000,
  maxSharedStringsBytes: 16 * MiB,
  // A cell of 32,767 characters written as XML entities (&amp; is five) still fits.
  maxXmlTokenChars: 256 * 1024,
  maxColumnRecords: 16_384,
  maxProblems: 1_000,
});

/** The defaults with the given values in their place. */
export function importLimits(partial: Partial<ImportLimits> = {}): ImportLimits {
  const out: ImportLimits = { ...DEFAULT_IMPORT_LIMITS };
  for (const [k, v] of Object.entries(partial) as Array<[keyof ImportLimits, number | undefined]>)
    if (v !== undefined) out[k] = v;
  return out;
}

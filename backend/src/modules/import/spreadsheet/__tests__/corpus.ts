/**
 * Test files: a corpus of malformed uploads, each made to produce one problem code; a good file in
 * both formats with Thai digits, B.E. dates and Thai yes/no; and a large template for memory checks.
 */
import { columnLetter, type TemplateColumn, type TemplateLayout } from '../layout.js';
import type { ProblemCode } from '../problems.js';
import type { ImportLimits } from '../reader.js';
import { templateRowCells, writeXlsxTemplate, type TemplateRow } from '../template.js';
import {
  collector,
  noise,
  toCsv,
  toCsvText,
  toTis620,
  toXlsx,
  zipOf,
  type Grid,
  type GridCell,
  type XlsxOptions,
} from './files.js';

export interface CorpusFile {
  name: string;
  filename: string;
  bytes: Buffer;
  /**
   * The problem code the file must produce; every problem it produces has this code unless listed in `also`.
   * ACCEPT: the file is valid and must be read without any problem, giving `rows` rows.
   */
  expect: ProblemCode | 'ACCEPT';
  rows?: number;
  also?: ProblemCode[];
  /** Limits for this file (small ones for the size and row-count cases). */
  limits?: Partial<ImportLimits>;
  /**
   * Where the expected problem is: the file row number, and the column when it is about one: a column
   * key (the problem names that column's letter and, below the header, its template header) or a letter.
   */
  at?: { row: number | null; column?: string };
}

const thaiDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)));

function pick(layout: TemplateLayout, test: (c: TemplateColumn) => boolean, what: string): TemplateColumn {
  const c = layout.columns.find(test);
  if (!c) throw new Error(`The corpus needs a layout with ${what}`);
  return c;
}

/** The columns the corpus varies, found by their kind and type. */
export function columnsOf(layout: TemplateLayout) {
  const el = (c: TemplateColumn) => c.element;
  return {
    orgCode: pick(layout, (c) => c.kind === 'ORG_CODE', 'an org code'),
    asOfDate: pick(layout, (c) => c.kind === 'AS_OF_DATE', 'a date column'),
    count: pick(
      layout,
      (c) => el(c)?.valueType === 'INTEGER' && el(c)!.min === 0 && el(c)!.max === null,
      'a count (INTEGER ≥ 0)',
    ),
    count2: layout.columns.filter((c) => el(c)?.valueType === 'INTEGER' && el(c)!.min === 0 && el(c)!.max === null)[1],
    bounded: pick(layout, (c) => el(c)?.valueType === 'INTEGER' && el(c)!.max !== null, 'an INTEGER with a max'),
    amount: pick(layout, (c) => el(c)?.valueType === 'NUMBER' && el(c)!.min === 0, 'a NUMBER ≥ 0'),
    flag: pick(layout, (c) => el(c)?.valueType === 'BOOLEAN', 'a BOOLEAN'),
    flag2: layout.columns.filter((c) => el(c)?.valueType === 'BOOLEAN')[1],
    percent: layout.columns.find((c) => el(c)?.max === 100) ?? null,
    severity: pick(layout, (c) => c.kind === 'OBSTACLE_SEVERITY', 'an obstacle'),
    severity2: layout.columns.filter((c) => c.kind === 'OBSTACLE_SEVERITY')[1],
    note: pick(layout, (c) => c.kind === 'OBSTACLE_NOTE', 'an obstacle note'),
    url: pick(layout, (c) => c.kind === 'EVIDENCE_URL', 'an evidence link'),
    comment: pick(layout, (c) => c.kind === 'COMMENT', 'a comment'),
  };
}

export function gridOf(layout: TemplateLayout, rows: TemplateRow[]): Grid {
  return [layout.columns.map((c) => c.header), ...rows.map((r) => templateRowCells(layout, r) as GridCell[])];
}

const copy = (g: Grid): Grid => g.map((r) => (r ? [...r] : null));

export async function buildMalformedCorpus(layout: TemplateLayout, goodRows: TemplateRow[]): Promise<CorpusFile[]> {
  if (goodRows.length < 3) throw new Error('The corpus needs at least three good rows');
  const cols = columnsOf(layout);
  const index = (c: TemplateColumn) => layout.columns.indexOf(c);
  const good = gridOf(layout, goodRows);
  const goodCsv = toCsv(good);
  const goodXlsx = await toXlsx(good);
  const width = layout.columns.length;

  /** The good grid with cells set: [file row number, column, value]. */
  const withCells = (...sets: Array<[number, TemplateColumn, GridCell]>): Grid => {
    const g = copy(good);
    for (const [row, c, v] of sets) g[row - 1]![index(c)] = v;
    return g;
  };
  /** The good grid with each row's cells rearranged (header included). */
  const mapColumns = (f: (cells: GridCell[]) => GridCell[]): Grid => good.map((r) => f([...r!]));

  const out: CorpusFile[] = [];
  const add = (f: CorpusFile) => out.push(f);
  const xlsx = async (
    name: string,
    grid: Grid,
    expect: ProblemCode,
    at?: CorpusFile['at'],
    opts?: XlsxOptions,
    extra?: Partial<CorpusFile>,
  ) => add({ name: `${name} (xlsx)`, filename: 'report.xlsx', bytes: await toXlsx(grid, opts), expect, at, ...extra });
  const csv = (name: string, grid: Grid, expect: ProblemCode, at?: CorpusFile['at'], extra?: Partial<CorpusFile>) =>
    add({ name: `${name} (csv)`, filename: 'report.csv', bytes: toCsv(grid), expect, at, ...extra });
  const both = async (name: string, grid: Grid, expect: ProblemCode, at?: CorpusFile['at']) => {
    await xlsx(name, grid, expect, at);
    csv(name, grid, expect, at);
  };
  const bytes = (name: string, filename: string, data: Buffer, expect: ProblemCode, extra?: Partial<CorpusFile>) =>
    add({ name, filename, bytes: data, expect, at: { row: null }, ...extra });

  // Not a spreadsheet at all.
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    Buffer.from('1 0 obj << /Type /Catalog >> endobj\n'),
    noise(2000),
  ]);
  bytes('a PDF named .xlsx', 'report.xlsx', pdf, 'NOT_A_SPREADSHEET');
  bytes('a PDF named .csv', 'report.csv', pdf, 'NOT_A_SPREADSHEET');
  bytes(
    'a PNG named .xlsx',
    'report.xlsx',
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(3000, 7)]),
    'NOT_A_SPREADSHEET',
  );
  bytes(
    'a JPEG named .csv',
    'report.csv',
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), noise(3000, 8)]),
    'NOT_A_SPREADSHEET',
  );
  const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)]);
  bytes('a legacy .xls (OLE2) named .xlsx', 'report.xlsx', ole2, 'NOT_A_SPREADSHEET');
  bytes('a legacy .xls (OLE2)', 'report.xls', ole2, 'NOT_A_SPREADSHEET');
  const csvText = toCsvText(good, { bom: false });
  bytes(
    'UTF-16 LE text (Excel "Unicode Text")',
    'report.csv',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText, 'utf16le')]),
    'NOT_A_SPREADSHEET',
  );
  bytes(
    'UTF-16 BE text',
    'report.csv',
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csvText, 'utf16le').swap16()]),
    'NOT_A_SPREADSHEET',
  );
  bytes('random bytes named .xlsx', 'report.xlsx', noise(5000, 11), 'NOT_A_SPREADSHEET');
  bytes('random bytes named .csv', 'report.csv', noise(5000, 12), 'NOT_A_SPREADSHEET');
  bytes(
    'a ZIP without a worksheet',
    'report.xlsx',
    zipOf([{ name: 'readme.txt', data: Buffer.from('hello') }]),
    'NOT_A_SPREADSHEET',
  );
  bytes('a cut-off XLSX', 'report.xlsx', goodXlsx.subarray(0, Math.floor(goodXlsx.length * 0.6)), 'NOT_A_SPREADSHEET');
  bytes('CSV text named .xlsx', 'report.xlsx', goodCsv, 'NOT_A_SPREADSHEET');
  bytes('CSV in TIS-620 (Thai Windows encoding)', 'report.csv', toTis620(csvText), 'CSV_NOT_UTF8');
  {
    // Valid for more than the sniffed 8 KB, then a byte that is not UTF-8.
    const rows = Array.from({ length: 150 }, (_, i): TemplateRow => ({
      orgCode: `LAO-99-${String(i + 1).padStart(4, '0')}`,
      orgName: `องค์การบริหารส่วนตำบลทดสอบ ${i + 1}`,
    }));
    const text = toCsvText(gridOf(layout, rows));
    const cut = Buffer.byteLength(text, 'utf8') - 40;
    const data = Buffer.from(text, 'utf8');
    data[cut] = 0xff;
    bytes('CSV with a non-UTF-8 byte after 8 KB', 'report.csv', data, 'CSV_NOT_UTF8', { at: { row: rows.length + 1 } });
  }
  {
    const g = withCells([good.length, cols.comment, 'x']);
    const text = toCsvText(g).replace(/,x\r\n$/, ',"never closed\r\n');
    bytes('CSV with an unclosed quote', 'report.csv', Buffer.from(text, 'utf8'), 'MALFORMED_CSV', {
      at: { row: good.length },
    });
  }

  // Empty.
  bytes('an empty .xlsx (0 bytes)', 'report.xlsx', Buffer.alloc(0), 'EMPTY_FILE');
  bytes('an empty .csv (0 bytes)', 'report.csv', Buffer.alloc(0), 'EMPTY_FILE');
  await xlsx('header only', [good[0]], 'EMPTY_FILE', { row: 2 });
  csv('header only', [good[0]], 'EMPTY_FILE', { row: 2 });
  bytes('a CSV of a BOM and blank lines', 'report.csv', Buffer.from('\uFEFF\r\n\r\n  \r\n', 'utf8'), 'EMPTY_FILE');
  await xlsx('a workbook with an empty sheet', [], 'EMPTY_FILE', { row: null });

  // Limits.
  bytes('an XLSX over the size limit', 'report.xlsx', goodXlsx, 'FILE_TOO_LARGE', { limits: { maxBytes: 2000 } });
  bytes('a CSV over the size limit', 'report.csv', goodCsv, 'FILE_TOO_LARGE', { limits: { maxBytes: 500 } });
  {
    const many = Array.from({ length: 400 }, (_, i): TemplateRow => ({
      orgCode: `LAO-98-${String(i + 1).padStart(4, '0')}`,
      orgName: `เทศบาลตำบลทดสอบ ${i + 1}`,
    }));
    const big = await toXlsx(gridOf(layout, many));
    bytes('an XLSX that passes the limit mid-stream', 'report.xlsx', big, 'FILE_TOO_LARGE', {
      limits: { maxBytes: Math.max(9000, Math.floor(big.length * 0.7)) },
    });
    const bigCsv = toCsv(gridOf(layout, many));
    bytes('a CSV that passes the limit mid-stream', 'report.csv', bigCsv, 'FILE_TOO_LARGE', {
      limits: { maxBytes: Math.floor(bigCsv.length * 0.7) },
    });
  }
  await xlsx('more rows than allowed', good, 'TOO_MANY_ROWS', { row: 4 }, undefined, { limits: { maxRows: 2 } });
  csv('more rows than allowed', good, 'TOO_MANY_ROWS', { row: 4 }, { limits: { maxRows: 2 } });

  // The header.
  await xlsx(
    'a renamed header (tag changed)',
    withCells([1, cols.count, `${cols.count.headerTh} / ${cols.count.headerEn} [${cols.count.tag}X]`]),
    'UNKNOWN_COLUMN',
    { row: 1, column: cols.count.key },
  );
  csv('a renamed header (text, no tag)', withCells([1, cols.count, 'จำนวนพนักงาน / Employees']), 'UNKNOWN_COLUMN', {
    row: 1,
    column: cols.count.key,
  });
  await xlsx('a header without text', withCells([1, cols.amount, null]), 'UNKNOWN_COLUMN', {
    row: 1,
    column: cols.amount.key,
  });
  const swap = (cells: GridCell[]) => {
    const [a, b] = [index(cols.count), index(cols.count2)];
    [cells[a], cells[b]] = [cells[b], cells[a]];
    return cells;
  };
  await xlsx('two columns swapped', mapColumns(swap), 'COLUMN_ORDER', { row: 1 });
  csv('two columns swapped', mapColumns(swap), 'COLUMN_ORDER', { row: 1 });
  await xlsx(
    'the org code column deleted',
    mapColumns((c) => c.slice(1)),
    'MISSING_COLUMN',
    { row: 1, column: cols.orgCode.key },
  );
  csv(
    'an element column deleted',
    mapColumns((c) => c.filter((_, i) => i !== index(cols.amount))),
    'MISSING_COLUMN',
    { row: 1, column: cols.amount.key },
  );
  await xlsx(
    'the last column deleted',
    mapColumns((c) => c.slice(0, width - 1)),
    'MISSING_COLUMN',
    { row: 1, column: cols.comment.key },
  );
  {
    const end = mapColumns((c) => [...c, 1]);
    end[0]![width] = 'ข้อมูลเพิ่มเติม / Extra';
    await xlsx('an extra column at the end', end, 'UNKNOWN_COLUMN', { row: 1 });
    const middle = mapColumns((c) => [...c.slice(0, 5), 'x', ...c.slice(5)]);
    middle[0]![5] = 'Extra';
    csv('an extra column in the middle', middle, 'UNKNOWN_COLUMN', { row: 1 });
  }
  await xlsx(
    'a column repeated',
    mapColumns((c) => [...c, c[index(cols.count)]]),
    'DUPLICATE_COLUMN',
    { row: 1, column: columnLetter(width + 1) },
  );
  csv(
    'a column repeated',
    mapColumns((c) => [...c, c[index(cols.flag)]]),
    'DUPLICATE_COLUMN',
    { row: 1, column: columnLetter(width + 1) },
  );
  await xlsx('a title row above the header', [['รายงานข้อมูลไตรมาส / Quarterly report'], ...good], 'MISSING_HEADER', {
    row: 1,
  });
  await xlsx('the header in row 3', [null, null, ...good], 'MISSING_HEADER', { row: 1 });
  bytes('a semicolon-separated CSV', 'report.csv', toCsv(good, { delimiter: ';' }), 'MISSING_HEADER', {
    at: { row: 1 },
  });
  {
    const g = copy(good);
    g[2]![width + 1] = 'ค่าเกิน';
    await xlsx('a value right of the last column', g, 'UNKNOWN_COLUMN', { row: 3 });
  }

  // Structure.
  {
    const g = copy(good);
    g.splice(2, 0, null);
    await xlsx('an empty row between data rows', g, 'EMPTY_ROW', { row: 3 });
    const c = copy(good);
    c.splice(
      3,
      0,
      layout.columns.map(() => null),
    );
    csv('an empty row between data rows', c, 'EMPTY_ROW', { row: 4 });
    const w = copy(good);
    w.splice(
      2,
      0,
      layout.columns.map((_, i) => (i < 3 ? '  ' : null)),
    );
    csv('a row of spaces between data rows', w, 'EMPTY_ROW', { row: 3 });
  }
  await xlsx('a formula in a count', withCells([2, cols.count, { formula: '1+2', result: 3 }]), 'FORMULA', {
    row: 2,
    column: cols.count.key,
  });
  {
    const [a, b] = [columnLetter(index(cols.count) + 1), columnLetter(index(cols.count2) + 1)];
    const g = withCells(
      [2, cols.count, { formula: `${b}2*2`, result: 0, shareType: 'shared', ref: `${a}2:${a}3` } as GridCell],
      [3, cols.count, { sharedFormula: `${a}2`, result: 0 }],
    );
    await xlsx('a shared formula', g, 'FORMULA', { row: 2, column: cols.count.key });
  }
  await xlsx('a formula in the comment', withCells([3, cols.comment, { formula: '"see "&A3' }]), 'FORMULA', {
    row: 3,
    column: cols.comment.key,
  });
  csv('formula text in a CSV', withCells([2, cols.count, '=1+2']), 'FORMULA', { row: 2, column: cols.count.key });
  await xlsx(
    'merged cells in a row',
    withCells([2, cols.count, 5], [2, cols.count2, null]),
    'MERGED_CELLS',
    { row: 2, column: cols.count.key },
    {
      merges: [`${columnLetter(index(cols.count) + 1)}2:${columnLetter(index(cols.count2) + 1)}2`],
    },
  );
  await xlsx(
    'merged cells down a column',
    withCells([2, cols.comment, 'ดูเอกสารแนบ'], [3, cols.comment, null]),
    'MERGED_CELLS',
    { row: 2, column: cols.comment.key },
    {
      merges: [`${columnLetter(width)}2:${columnLetter(width)}3`],
    },
  );
  await xlsx(
    'a second sheet with data',
    good,
    'MULTIPLE_SHEETS_WITH_DATA',
    { row: null },
    { extraSheets: [{ name: 'Sheet2', grid: [['LAO-40-0099', 12]] }] },
  );
  await xlsx(
    'a sheet with data before an unnamed data sheet',
    good,
    'MULTIPLE_SHEETS_WITH_DATA',
    { row: null },
    { sheetName: 'Sheet2', leadingSheets: [{ name: 'Sheet1', grid: good }] },
  );

  // Values.
  await xlsx('text in a count', withCells([2, cols.count, 'many']), 'WRONG_TYPE', { row: 2, column: cols.count.key });
  csv('Thai words in a count', withCells([3, cols.count, 'สิบ']), 'WRONG_TYPE', { row: 3, column: cols.count.key });
  await both('a negative count', withCells([2, cols.count, -3]), 'OUT_OF_RANGE', { row: 2, column: cols.count.key });
  csv('a negative amount', withCells([3, cols.amount, '-1,500.25']), 'OUT_OF_RANGE', {
    row: 3,
    column: cols.amount.key,
  });
  await xlsx('a fraction in a count', withCells([2, cols.count, 2.5]), 'NOT_WHOLE_NUMBER', {
    row: 2,
    column: cols.count.key,
  });
  csv('a Thai-digit fraction in a count', withCells([2, cols.count, '๑๒.๕']), 'NOT_WHOLE_NUMBER', {
    row: 2,
    column: cols.count.key,
  });
  await xlsx('severity 0', withCells([2, cols.severity, 0]), 'OUT_OF_RANGE', { row: 2, column: cols.severity.key });
  csv('severity 6', withCells([3, cols.severity, '6']), 'OUT_OF_RANGE', { row: 3, column: cols.severity.key });
  await xlsx('severity 2.5', withCells([2, cols.severity, 2.5]), 'NOT_WHOLE_NUMBER', {
    row: 2,
    column: cols.severity.key,
  });
  csv('severity as a word', withCells([2, cols.severity, 'high']), 'WRONG_TYPE', { row: 2, column: cols.severity.key });
  csv('a date that is a phrase', withCells([2, cols.asOfDate, 'next week']), 'BAD_DATE', {
    row: 2,
    column: cols.asOfDate.key,
  });
  await xlsx('31 February', withCells([2, cols.asOfDate, '31/02/2569']), 'BAD_DATE', {
    row: 2,
    column: cols.asOfDate.key,
  });
  csv('month 13', withCells([2, cols.asOfDate, '2569-13-01']), 'BAD_DATE', { row: 2, column: cols.asOfDate.key });
  csv('a US month/day date', withCells([2, cols.asOfDate, '12/25/2026']), 'BAD_DATE', {
    row: 2,
    column: cols.asOfDate.key,
  });
  csv('a two-digit year', withCells([2, cols.asOfDate, '15/12/69']), 'BAD_DATE', { row: 2, column: cols.asOfDate.key });
  await xlsx('a plain number as the date', withCells([2, cols.asOfDate, 46371]), 'BAD_DATE', {
    row: 2,
    column: cols.asOfDate.key,
  });
  await xlsx('an FTP link', withCells([2, cols.url, 'ftp://files.example.go.th/report.pdf']), 'BAD_URL', {
    row: 2,
    column: cols.url.key,
  });
  csv('a link without http', withCells([2, cols.url, 'www.example.go.th/report']), 'BAD_URL', {
    row: 2,
    column: cols.url.key,
  });
  csv('a javascript: link', withCells([3, cols.url, 'javascript:alert(1)']), 'BAD_URL', {
    row: 3,
    column: cols.url.key,
  });
  await xlsx('a comment over 2,000 characters', withCells([2, cols.comment, 'ก'.repeat(2001)]), 'TEXT_TOO_LONG', {
    row: 2,
    column: cols.comment.key,
  });
  csv('an obstacle note over 2,000 characters', withCells([3, cols.note, 'อุปสรรค '.repeat(300)]), 'TEXT_TOO_LONG', {
    row: 3,
    column: cols.note.key,
  });
  csv('an org code over 32 characters', withCells([2, cols.orgCode, `LAO-${'9'.repeat(40)}`]), 'TEXT_TOO_LONG', {
    row: 2,
    column: cols.orgCode.key,
  });
  await xlsx('an org code twice', withCells([4, cols.orgCode, goodRows[0].orgCode]), 'DUPLICATE_ROW', {
    row: 4,
    column: cols.orgCode.key,
  });
  csv(
    'an org code twice, in other case and Thai digits',
    withCells([4, cols.orgCode, ` ${thaiDigits(goodRows[0].orgCode.toLowerCase())} `]),
    'DUPLICATE_ROW',
    { row: 4, column: cols.orgCode.key },
  );
  await xlsx('a row without org code', withCells([3, cols.orgCode, null]), 'MISSING_ORG_CODE', {
    row: 3,
    column: cols.orgCode.key,
  });
  csv('a row whose org code is spaces', withCells([3, cols.orgCode, '   ']), 'MISSING_ORG_CODE', {
    row: 3,
    column: cols.orgCode.key,
  });
  await xlsx('yes/no as "maybe"', withCells([2, cols.flag, 'maybe']), 'WRONG_TYPE', { row: 2, column: cols.flag.key });
  csv('yes/no as 2', withCells([2, cols.flag, '2']), 'OUT_OF_RANGE', { row: 2, column: cols.flag.key });
  await both('a number with letters', withCells([2, cols.count, '12a']), 'WRONG_TYPE', {
    row: 2,
    column: cols.count.key,
  });
  csv('Thai digits with a Thai letter', withCells([2, cols.count, '๑๒ก']), 'WRONG_TYPE', {
    row: 2,
    column: cols.count.key,
  });
  csv('a misplaced thousands separator', withCells([2, cols.count, '1,23']), 'WRONG_TYPE', {
    row: 2,
    column: cols.count.key,
  });
  await xlsx(
    'a value above the maximum',
    withCells([2, cols.bounded, cols.bounded.element!.max! + 1]),
    'OUT_OF_RANGE',
    { row: 2, column: cols.bounded.key },
  );
  if (cols.percent)
    csv('a percentage above 100', withCells([2, cols.percent, '100.5']), 'OUT_OF_RANGE', {
      row: 2,
      column: cols.percent.key,
    });
  await xlsx('an Excel error value', withCells([2, cols.count, { error: '#DIV/0!' }]), 'WRONG_TYPE', {
    row: 2,
    column: cols.count.key,
  });
  await xlsx('TRUE in a count', withCells([2, cols.count, true]), 'WRONG_TYPE', { row: 2, column: cols.count.key });
  await xlsx('a date in a count', withCells([2, cols.count, new Date(Date.UTC(2026, 11, 15))]), 'WRONG_TYPE', {
    row: 2,
    column: cols.count.key,
  });
  csv('an amount too large to be a number', withCells([2, cols.amount, '1e400']), 'WRONG_TYPE', {
    row: 2,
    column: cols.amount.key,
  });
  csv(
    'more problems than reported',
    withCells(
      [2, cols.count, 'a'],
      [2, cols.count2, 'b'],
      [3, cols.count, 'c'],
      [3, cols.count2, 'd'],
      [4, cols.count, 'e'],
    ),
    'TOO_MANY_PROBLEMS',
    { row: null },
    { limits: { maxProblems: 3 }, also: ['WRONG_TYPE'] },
  );
  return out;
}

export interface ExpectedRow {
  row: number;
  orgCode: string;
  orgName: string | null;
  asOfDate: string | null;
  values: Record<string, number | null>;
  obstacles: Record<string, number | null>;
  obstacleNote: string | null;
  evidenceUrl: string | null;
  comment: string | null;
}

/**
 * A valid file as officers fill it, in both formats: Thai digits with thousands separators, B.E. and
 * Thai-month dates, an Excel date cell (XLSX), Thai yes/no words, a comment with a comma, quotes and a
 * line break. `expected` is what both must parse to.
 */
export async function buildGoodFile(
  layout: TemplateLayout,
): Promise<{ xlsx: Buffer; csv: Buffer; expected: ExpectedRow[] }> {
  const c = columnsOf(layout);
  const blank = (kind: TemplateColumn['kind']) =>
    Object.fromEntries(layout.columns.filter((x) => x.kind === kind).map((x) => [x.code!, null]));
  const expected: ExpectedRow[] = [];
  const xlsxGrid: Grid = [layout.columns.map((x) => x.header)];
  const csvGrid: Grid = [layout.columns.map((x) => x.header)];
  const add = (
    row: { xlsx: Array<[TemplateColumn, GridCell]>; csv: Array<[TemplateColumn, GridCell]> },
    e: Omit<ExpectedRow, 'row' | 'values' | 'obstacles'> & {
      values?: ExpectedRow['values'];
      obstacles?: ExpectedRow['obstacles'];
    },
  ) => {
    for (const [grid, sets] of [
      [xlsxGrid, row.xlsx],
      [csvGrid, row.csv],
    ] as const) {
      const cells: GridCell[] = layout.columns.map(() => null);
      for (const [col, v] of sets) cells[layout.columns.indexOf(col)] = v;
      grid.push(cells);
    }
    expected.push({
      row: expected.length + 2,
      ...e,
      values: { ...blank('DATA_ELEMENT'), ...e.values },
      obstacles: { ...blank('OBSTACLE_SEVERITY'), ...e.obstacles },
    });
  };
  const comment = 'ข้อมูล ณ สิ้นไตรมาส, "ตรวจสอบแล้ว"\nบรรทัดที่สอง';
  const common: Array<[TemplateColumn, GridCell]> = [
    [c.orgCode, 'TH-40'],
    [c.count, '๑,๒๓๔'],
    [c.amount, ' 1,500,000.50 '],
    [c.flag, 'ใช่'],
    [c.severity, '๓'],
    [c.note, 'งบประมาณไม่เพียงพอ'],
    [c.url, 'https://example.go.th/evidence/1'],
    [c.comment, comment],
  ];
  add(
    {
      xlsx: [
        ...common,
        [layout.columns[1], { richText: [{ text: 'จังหวัด' }, { text: 'ขอนแก่น' }] }],
        [c.asOfDate, new Date(Date.UTC(2026, 11, 15))],
      ],
      csv: [...common, [layout.columns[1], 'จังหวัดขอนแก่น'], [c.asOfDate, '2026-12-15']],
    },
    {
      orgCode: 'TH-40',
      orgName: 'จังหวัดขอนแก่น',
      asOfDate: '2026-12-15',
      values: { [c.count.code!]: 1234, [c.amount.code!]: 1500000.5, [c.flag.code!]: 1 },
      obstacles: { [c.severity.code!]: 3 },
      obstacleNote: 'งบประมาณไม่เพียงพอ',
      evidenceUrl: 'https://example.go.th/evidence/1',
      comment,
    },
  );
  const second: Array<[TemplateColumn, GridCell]> = [
    [c.orgCode, 'LAO-40-0001'],
    [layout.columns[1], 'องค์การบริหารส่วนตำบลสาธิต ๑'],
    [c.asOfDate, '๑๕/๑๒/๒๕๖๙'],
    [c.flag, 'ไม่มี'],
    [c.flag2, 'no'],
    [c.severity2, '5'],
  ];
  add(
    { xlsx: [...second, [c.count, 25], [c.count2, 0]], csv: [...second, [c.count, '25'], [c.count2, '๐']] },
    {
      orgCode: 'LAO-40-0001',
      orgName: 'องค์การบริหารส่วนตำบลสาธิต ๑',
      asOfDate: '2026-12-15',
      values: { [c.count.code!]: 25, [c.count2.code!]: 0, [c.flag.code!]: 0, [c.flag2.code!]: 0 },
      obstacles: { [c.severity2.code!]: 5 },
      obstacleNote: null,
      evidenceUrl: null,
      comment: null,
    },
  );
  add(
    {
      xlsx: [
        [c.orgCode, ' lao-40-0002 '],
        [c.asOfDate, '2569-12-15'],
        [c.flag, true],
        [c.flag2, 'มี'],
        [c.amount, 0.25],
      ],
      csv: [
        [c.orgCode, ' lao-40-0002 '],
        [c.asOfDate, '2569-12-15'],
        [c.flag, 'TRUE'],
        [c.flag2, 'มี'],
        [c.amount, '.25'],
      ],
    },
    {
      orgCode: 'LAO-40-0002',
      orgName: null,
      asOfDate: '2026-12-15',
      values: { [c.flag.code!]: 1, [c.flag2.code!]: 1, [c.amount.code!]: 0.25 },
      obstacleNote: null,
      evidenceUrl: null,
      comment: null,
    },
  );
  const fourth: Array<[TemplateColumn, GridCell]> = [
    [c.orgCode, 'LAO-40-0003'],
    [c.asOfDate, '15 ธ.ค. 2569'],
    [c.flag, 'Yes'],
  ];
  add(
    { xlsx: fourth, csv: fourth },
    {
      orgCode: 'LAO-40-0003',
      orgName: null,
      asOfDate: '2026-12-15',
      values: { [c.flag.code!]: 1 },
      obstacleNote: null,
      evidenceUrl: null,
      comment: null,
    },
  );
  const fifth: Array<[TemplateColumn, GridCell]> = [
    [c.orgCode, 'LAO-40-0004'],
    [c.asOfDate, '1 มกราคม พ.ศ. ๒๕๗๐'],
    [c.count, '๑๐'],
  ];
  add(
    { xlsx: fifth, csv: fifth },
    {
      orgCode: 'LAO-40-0004',
      orgName: null,
      asOfDate: '2027-01-01',
      values: { [c.count.code!]: 10 },
      obstacleNote: null,
      evidenceUrl: null,
      comment: null,
    },
  );
  return { xlsx: await toXlsx(xlsxGrid), csv: toCsv(csvGrid), expected };
}

/** A province-sized template (written by writeXlsxTemplate) with every value filled, for memory and speed checks. */
export async function buildLargeXlsx(layout: TemplateLayout, rowCount: number): Promise<Buffer> {
  const elements = layout.columns.filter((c) => c.kind === 'DATA_ELEMENT');
  const categories = layout.columns.filter((c) => c.kind === 'OBSTACLE_SEVERITY');
  const rows: TemplateRow[] = Array.from({ length: rowCount }, (_, i) => ({
    orgCode: `LAO-${String(10 + (i % 90)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
    orgName: `องค์การบริหารส่วนตำบลทดสอบ ${i + 1} อำเภอเมือง`,
    values: Object.fromEntries(
      elements.map((c, k) => {
        const e = c.element!;
        if (e.valueType === 'BOOLEAN') return [e.code, (i + k) % 2];
        const v = e.min !== null && e.max !== null ? e.min + ((i + k) % (e.max - e.min + 1)) : (i * 7 + k * 13) % 5000;
        return [e.code, e.valueType === 'NUMBER' && (e.max === null || v + 0.5 <= e.max) ? v + 0.5 : v];
      }),
    ),
    obstacles: Object.fromEntries(categories.map((c, k) => [c.code!, (i + k) % 3 === 0 ? null : ((i + k) % 5) + 1])),
  }));
  const sink = collector();
  await writeXlsxTemplate(sink.stream, layout, rows, {
    provinceCode: 'TH-99',
    quarterCode: 'FY2570Q1',
    titleTh: 'แบบรายงานทดสอบ',
    titleEn: 'Test report',
  });
  return sink.bytes();
}

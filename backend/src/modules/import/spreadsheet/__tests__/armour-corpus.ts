/**
 * Generated hostile uploads, deterministic (fixed offsets and seeds): truncations, corrupted compressed data,
 * zip bombs, floods of columns, cells, shared strings and merges, wrong encodings, NUL and surrogates, formula
 * injections, and the same type errors in every column. Each must end in its coded problem (or be read
 * correctly, where the file is valid) within the default bounds of limits.ts and a time bound.
 */
import { columnLetter, type TemplateColumn, type TemplateLayout } from '../layout.js';
import type { TemplateRow } from '../template.js';
import { columnsOf, gridOf, type CorpusFile } from './corpus.js';
import { inflateRawSync } from 'node:zlib';
import {
  inlineSheet,
  openpyxlLikeXlsx,
  repeatedDeflate,
  toCsv,
  toCsvText,
  toXlsx,
  workbookOf,
  zipEntries,
  zipOf,
  type Grid,
  type GridCell,
} from './files.js';

const MiB = 1024 * 1024;

/** xorshift, for the deterministic corruption of bytes. */
function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

export async function buildArmourCorpus(layout: TemplateLayout, goodRows: TemplateRow[]): Promise<CorpusFile[]> {
  const cols = columnsOf(layout);
  const index = (c: TemplateColumn) => layout.columns.indexOf(c);
  const letter = (c: TemplateColumn) => columnLetter(index(c) + 1);
  const good = gridOf(layout, goodRows);
  const dataRows = goodRows.length;
  const goodXlsx = await toXlsx(good);
  const goodCsv = toCsv(good);
  const header = good[0]!;
  const out: CorpusFile[] = [];
  const add = (f: CorpusFile) => out.push(f);
  const refuse = (
    name: string,
    filename: string,
    bytes: Buffer,
    expect: CorpusFile['expect'],
    at?: CorpusFile['at'],
    extra?: Partial<CorpusFile>,
  ) => add({ name, filename, bytes, expect, at, ...extra });
  const accept = (name: string, filename: string, bytes: Buffer, rows = dataRows) =>
    add({ name, filename, bytes, expect: 'ACCEPT', rows });
  const withCells = (...sets: Array<[number, TemplateColumn, GridCell]>): Grid => {
    const g = good.map((r) => (r ? [...r] : null));
    for (const [row, c, v] of sets) g[row - 1]![index(c)] = v;
    return g;
  };
  const sheet = (body: string, sharedStrings?: string) =>
    workbookOf({ sheets: [{ name: 'data', body }], sharedStrings });

  // Truncations of a good workbook: the end of its ZIP directory is gone, whatever the offset.
  for (let i = 1; i <= 40; i++) {
    const at = 4 + Math.floor(((goodXlsx.length - 5) * i) / 41);
    refuse(
      `an XLSX cut at byte ${at} of ${goodXlsx.length}`,
      'report.xlsx',
      goodXlsx.subarray(0, at),
      'NOT_A_SPREADSHEET',
      { row: null },
    );
  }

  // Truncations of a CSV: inside a quoted value (never closed), inside a Thai character, at a record's end.
  {
    const quoted = toCsvText(withCells([2, cols.comment, 'บรรทัดแรก, "ยกมา"\nบรรทัดที่สอง ยาวพอสมควร\nบรรทัดที่สาม']));
    const open = quoted.indexOf(',"บรรทัดแรก') + 2;
    const cuts = new Set(
      [1, 5, 12, 16, 20, 30, 40].map((k) => {
        // Right after a quote the value would be closed: cut a character later.
        while (quoted[open + k - 1] === '"') k++;
        return k;
      }),
    );
    for (const k of cuts) {
      refuse(
        `a CSV cut ${k} characters into a quoted comment`,
        'report.csv',
        Buffer.from(quoted.slice(0, open + k), 'utf8'),
        'MALFORMED_CSV',
        { row: 2 },
      );
    }
    const name = goodRows[0].orgName!;
    const nameAt = goodCsv.indexOf(Buffer.from(name, 'utf8'));
    for (const k of [1, 2, 4, 8, 11])
      refuse(
        `a CSV cut inside a Thai character (+${k})`,
        'report.csv',
        goodCsv.subarray(0, nameAt + k),
        'CSV_NOT_UTF8',
        { row: 2 },
      );
    const ends = [...goodCsv.toString('latin1').matchAll(/\r\n/g)].map((m) => m.index + 2);
    ends
      .slice(1)
      .forEach((end, i) => accept(`a CSV cut after row ${i + 2}`, 'report.csv', goodCsv.subarray(0, end), i + 1));
    const noEol = goodCsv.subarray(0, goodCsv.length - 2);
    accept('a CSV without a line break after its last row', 'report.csv', noEol);
  }

  // Corrupted compressed data: every entry is inflated and checked (size, CRC) before any XML is parsed.
  {
    const entries = zipEntries(goodXlsx).filter((e) => e.compressedSize > 8);
    let n = 0;
    for (const e of entries) {
      for (const frac of [0.1, 0.35, 0.6, 0.9]) {
        const bad = Buffer.from(goodXlsx);
        const at = e.dataStart + Math.floor(e.compressedSize * frac);
        bad[at] ^= 0x5a;
        refuse(`an XLSX with byte ${at} flipped (${e.name})`, 'report.xlsx', bad, 'NOT_A_SPREADSHEET', { row: null });
        if (++n >= 36) break;
      }
      if (n >= 36) break;
    }
    const sheet1 = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    for (let seed = 1; seed <= 6; seed++) {
      const bad = Buffer.from(goodXlsx);
      const rnd = seeded(seed * 7919);
      const from = sheet1.dataStart + Math.min(10 + seed * 17, Math.max(0, sheet1.compressedSize - 210));
      for (let k = 0; k < 200 && from + k < sheet1.dataStart + sheet1.compressedSize; k++) bad[from + k] = rnd() & 0xff;
      refuse(`an XLSX with 200 corrupted bytes in its sheet (seed ${seed})`, 'report.xlsx', bad, 'NOT_A_SPREADSHEET', {
        row: null,
      });
    }
    const eocd = goodXlsx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cdStart = goodXlsx.readUInt32LE(eocd + 16);
    const variants: Array<[string, (b: Buffer) => void]> = [
      ['its directory signature broken', (b) => (b[cdStart] = 0)],
      ['its directory offset past the end', (b) => b.writeUInt32LE(b.length + 10, eocd + 16)],
      ['a local header signature broken', (b) => (b[entries[0].headerStart + 1] = 0)],
      ['an entry size larger than stated', (b) => b.writeUInt32LE(b.readUInt32LE(cdStart + 24) + 1, cdStart + 24)],
      ['an entry said to be encrypted', (b) => b.writeUInt16LE(b.readUInt16LE(cdStart + 8) | 1, cdStart + 8)],
      ['an entry compressed with bzip2 (method 12)', (b) => b.writeUInt16LE(12, cdStart + 10)],
      [
        'two directory entries for one local header',
        (b) =>
          b.writeUInt32LE(
            b.readUInt32LE(
              cdStart +
                42 +
                46 +
                b.readUInt16LE(cdStart + 28) +
                b.readUInt16LE(cdStart + 30) +
                b.readUInt16LE(cdStart + 32),
            ),
            cdStart + 42,
          ),
      ],
    ];
    for (const [what, spoil] of variants) {
      const bad = Buffer.from(goodXlsx);
      spoil(bad);
      refuse(`an XLSX with ${what}`, 'report.xlsx', bad, 'NOT_A_SPREADSHEET', { row: null });
    }
  }

  // Zip bombs: what every entry unpacks to counts, together.
  {
    const headerXml = inlineSheet([header]);
    refuse('a sheet that unpacks to 70 MB of spaces', 'report.xlsx', sheet1Bomb(headerXml, 70), 'FILE_TOO_LARGE', {
      row: null,
    });
    const eight = repeatedDeflate('', ' '.repeat(MiB), 8, '');
    const parts = Array.from({ length: 9 }, (_, i) => ({ name: `xl/media/image${i + 1}.png`, ...eight }));
    refuse(
      'nine pictures of 8 MB each (72 MB together)',
      'report.xlsx',
      workbookOf({ sheets: [{ name: 'data', body: headerXml }], extra: parts }),
      'FILE_TOO_LARGE',
      { row: null },
    );
    refuse(
      'one picture of 70 MB of zeros',
      'report.xlsx',
      workbookOf({
        sheets: [{ name: 'data', body: headerXml }],
        extra: [{ name: 'xl/media/big.bin', ...repeatedDeflate('', '\0'.repeat(MiB), 70, '') }],
      }),
      'FILE_TOO_LARGE',
      { row: null },
    );
    const many = Array.from({ length: 1100 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.from('x') }));
    refuse(
      'a workbook of 1,100 parts',
      'report.xlsx',
      workbookOf({ sheets: [{ name: 'data', body: headerXml }], extra: many }),
      'FILE_TOO_COMPLEX',
      { row: null },
    );
    refuse(
      'a shared-string table of 200 MB',
      'report.xlsx',
      workbookOf({
        sheets: [{ name: 'data', body: headerXml }],
        sharedStrings: repeatedDeflate('<sst>', `<si><t>${'ก'.repeat(1000)}</t></si>`.repeat(350), 570, '</sst>'),
      }),
      'FILE_TOO_COMPLEX',
      { row: null },
    );
    refuse(
      'a shared-string table of 20 MB',
      'report.xlsx',
      workbookOf({
        sheets: [{ name: 'data', body: headerXml }],
        sharedStrings: repeatedDeflate('<sst>', '<si><t>abcdefghij</t></si>'.repeat(4000), 220, '</sst>'),
      }),
      'FILE_TOO_COMPLEX',
      { row: null },
    );
    refuse(
      'a shared-string table of 300,000 strings',
      'report.xlsx',
      workbookOf({
        sheets: [{ name: 'data', body: headerXml }],
        sharedStrings: repeatedDeflate('<sst>', '<si><t>a</t></si>'.repeat(1000), 300, '</sst>'),
      }),
      'FILE_TOO_COMPLEX',
      { row: null },
    );
    refuse(
      'one shared string of 400,000 characters',
      'report.xlsx',
      sheet(headerXml, `<si><t>${'x'.repeat(400_000)}</t></si>`),
      'FILE_TOO_COMPLEX',
      { row: null },
    );
    refuse(
      'a sheet with 20,000 column-width records',
      'report.xlsx',
      sheet(`<cols>${'<col min="1" max="1" width="9"/>'.repeat(20_000)}</cols>${headerXml}`),
      'FILE_TOO_COMPLEX',
      { row: null },
    );
  }

  // Merges: a flood stops at the problem cap; a few are each located.
  {
    const body = inlineSheet(good);
    const flood = repeatedDeflate(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}<mergeCells>`,
      '<mergeCell ref="A9:B9"/>'.repeat(40_000),
      50,
      '</mergeCells></worksheet>',
    );
    refuse(
      'two million merged ranges',
      'report.xlsx',
      workbookOf({ sheets: [{ name: 'data', body: flood }] }),
      'TOO_MANY_PROBLEMS',
      { row: null },
      { also: ['MERGED_CELLS'] },
    );
    refuse(
      '1,500 merged ranges',
      'report.xlsx',
      sheet(`${body}<mergeCells>${'<mergeCell ref="C2:D2"/>'.repeat(1500)}</mergeCells>`),
      'TOO_MANY_PROBLEMS',
      { row: null },
      { also: ['MERGED_CELLS'] },
    );
  }

  // Columns: past 1,024 a row is refused where it goes past, before anything is built for the rest.
  {
    refuse('a CSV of one 8 MB line of commas', 'report.csv', Buffer.alloc(8 * MiB, ','), 'TOO_MANY_COLUMNS', {
      row: 1,
      column: 'AMK',
    });
    for (const row of [2, 3, dataRows + 1]) {
      const lines = toCsvText(good).split('\r\n');
      lines[row - 1] += ','.repeat(3000);
      refuse(
        `a CSV whose row ${row} has 3,000 more commas`,
        'report.csv',
        Buffer.from(lines.join('\r\n'), 'utf8'),
        'TOO_MANY_COLUMNS',
        { row, column: 'AMK' },
      );
      refuse(
        `an XLSX with a value in column XFD of row ${row}`,
        'report.xlsx',
        sheet(inlineSheet(good).replace(`<row r="${row}">`, `<row r="${row}"><c r="XFD${row}"><v>1</v></c>`)),
        'TOO_MANY_COLUMNS',
        { row, column: 'XFD' },
      );
    }
    refuse(
      'an XLSX with a value in column AMK (1,025)',
      'report.xlsx',
      sheet(inlineSheet(good).replace('<row r="2">', '<row r="2"><c r="AMK2"><v>1</v></c>')),
      'TOO_MANY_COLUMNS',
      { row: 2, column: 'AMK' },
    );
    refuse(
      'an XLSX with a value in column AMJ (1,024, the last read)',
      'report.xlsx',
      sheet(inlineSheet(good).replace('</row><row r="3">', '<c r="AMJ2"><v>1</v></c></row><row r="3">')),
      'UNKNOWN_COLUMN',
      { row: 2, column: 'AMJ' },
    );
    refuse('an 8 MB CSV of one cell', 'report.csv', Buffer.alloc(8 * MiB, 'a'), 'CELL_TOO_LONG', {
      row: 1,
      column: 'A',
    });
  }

  // Cells, records and rows past their bounds, located.
  {
    for (const row of [2, dataRows + 1]) {
      refuse(
        `a CSV cell of 40,000 characters in row ${row}`,
        'report.csv',
        toCsv(withCells([row, cols.comment, 'ข'.repeat(40_000)])),
        'CELL_TOO_LONG',
        { row, column: cols.comment.key },
      );
      refuse(
        `an XLSX cell of 40,000 characters in row ${row}`,
        'report.xlsx',
        sheet(inlineSheet(withCells([row, cols.note, 'ค'.repeat(40_000)]))),
        'CELL_TOO_LONG',
        { row, column: cols.note.key },
      );
      refuse(
        `an XLSX cell of 300,000 characters in row ${row}`,
        'report.xlsx',
        sheet(inlineSheet(withCells([row, cols.note, 'y'.repeat(300_000)]))),
        'CELL_TOO_LONG',
        { row, column: cols.note.key },
      );
    }
    const wide = withCells(
      ...layout.columns.slice(0, 20).map((c): [number, TemplateColumn, GridCell] => [3, c, 'z'.repeat(15_000)]),
    );
    refuse('a CSV row of 300,000 characters in 20 cells', 'report.csv', toCsv(wide), 'RECORD_TOO_LONG', { row: 3 });
    refuse(
      'a CSV quote never closed, 300,000 characters before the end',
      'report.csv',
      Buffer.from(`${toCsvText(good)}TH-40,"${'q\n'.repeat(150_000)}`, 'utf8'),
      'CELL_TOO_LONG',
      { row: dataRows + 2, column: 'B' },
    );
    refuse(
      'a CSV of 150,000 blank lines after the data',
      'report.csv',
      Buffer.concat([goodCsv, Buffer.alloc(150_000, '\n')]),
      'TOO_MANY_ROWS',
      { row: 100_001 },
    );
    refuse(
      'an XLSX row numbered 200,000',
      'report.xlsx',
      sheet(
        `${inlineSheet(good).replace('</sheetData>', '')}<row r="200000"><c r="A200000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`,
      ),
      'TOO_MANY_ROWS',
      { row: 200_000 },
    );
    refuse(
      'an XLSX row without a number',
      'report.xlsx',
      sheet(inlineSheet(good).replace('<row r="3">', '<row r="abc">')),
      'NOT_A_SPREADSHEET',
      { row: null },
    );
    refuse(
      'an XLSX tag with an attribute of 300,000 characters',
      'report.xlsx',
      sheet(`<sheetData><row r="1" x="${'w'.repeat(300_000)}"></row></sheetData>`),
      'FILE_TOO_COMPLEX',
      { row: null },
    );
  }

  // Encodings other than UTF-8.
  {
    const text = toCsvText(good, { bom: false });
    refuse('UTF-16 LE without a BOM', 'report.csv', Buffer.from(text, 'utf16le'), 'NOT_A_SPREADSHEET', { row: null });
    refuse('UTF-16 BE without a BOM', 'report.csv', Buffer.from(text, 'utf16le').swap16(), 'NOT_A_SPREADSHEET', {
      row: null,
    });
    const utf32 = Buffer.alloc(4 + text.length * 4);
    utf32.writeUInt32LE(0xfeff, 0);
    [...text].forEach((ch, i) => utf32.writeUInt32LE(ch.codePointAt(0)!, 4 + i * 4));
    refuse('UTF-32 LE with a BOM', 'report.csv', utf32, 'NOT_A_SPREADSHEET', { row: null });
    const englishHeader = layout.columns.map((c) => `${c.headerEn} [${c.tag}]`).join(',');
    refuse(
      'Windows-1252 text',
      'report.csv',
      Buffer.from(`${englishHeader}\r\nTH-40,Caf\xe9 r\xe9sum\xe9\r\n`, 'latin1'),
      'CSV_NOT_UTF8',
      { row: null },
    );
    // Past the sniffed 8 KB, each bad sequence is found in its row.
    const filler = Array.from({ length: 120 }, (_, i): TemplateRow => ({
      orgCode: `LAO-99-${String(i + 1).padStart(4, '0')}`,
      orgName: `${'ทดสอบ'.repeat(4)} ${i}`,
    }));
    const long = toCsvText(gridOf(layout, filler));
    const sequences: Array<[string, number[]]> = [
      ['a UTF-16 surrogate encoded as UTF-8 (CESU-8)', [0xed, 0xa0, 0x80]],
      ['an overlong encoding of "/"', [0xc0, 0xaf]],
      ['a lone continuation byte', [0x80]],
      ['a four-byte sequence cut short', [0xf0, 0x9f, 0x98]],
      ['the byte 0xFF', [0xff]],
      ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ];
    sequences.forEach(([what, seq], i) => {
      const row = 110 + i;
      const lines = long.split('\r\n');
      const line = Buffer.from(lines[row - 1], 'utf8');
      const bytes = Buffer.concat([
        Buffer.from(lines.slice(0, row - 1).join('\r\n') + '\r\n', 'utf8'),
        line.subarray(0, 20),
        Buffer.from(seq),
        line.subarray(20),
        Buffer.from('\r\n' + lines.slice(row).join('\r\n'), 'utf8'),
      ]);
      refuse(`a CSV with ${what} in row ${row}`, 'report.csv', bytes, 'CSV_NOT_UTF8', { row });
    });
  }

  // NUL and lone surrogates: refused in the cell that holds them (PostgreSQL cannot store NUL in text).
  {
    const textColumns = [cols.orgCode, layout.columns[1], cols.note, cols.url, cols.comment];
    textColumns.forEach((c, i) => {
      const row = 2 + (i % dataRows);
      refuse(
        `a CSV with NUL in ${c.key}, row ${row}`,
        'report.csv',
        toCsv(withCells([row, c, `ab\u0000cd`])),
        'BAD_CHARACTER',
        { row, column: c.key },
      );
      refuse(
        `an XLSX with _x0000_ in ${c.key}, row ${row}`,
        'report.xlsx',
        sheet(inlineSheet(withCells([row, c, 'ab_x0000_cd']))),
        'BAD_CHARACTER',
        { row, column: c.key },
      );
      refuse(
        `an XLSX with _xD800_ (a lone surrogate) in ${c.key}, row ${row}`,
        'report.xlsx',
        sheet(inlineSheet(withCells([row, c, 'x_xD800_y']))),
        'BAD_CHARACTER',
        { row, column: c.key },
      );
    });
    const nulCell = (text: string) => (r: number, c: number) =>
      r === 2 && c === index(cols.comment) ? `<c r="{ref}" t="inlineStr"><is><t>${text}</t></is></c>` : undefined;
    refuse(
      'an XLSX with a raw NUL byte in a cell',
      'report.xlsx',
      sheet(inlineSheet(good, nulCell('a\u0000b'))),
      'BAD_CHARACTER',
      { row: 3, column: letter(cols.comment) },
    );
    refuse('an XLSX with &#0; in a cell', 'report.xlsx', sheet(inlineSheet(good, nulCell('a&#0;b'))), 'BAD_CHARACTER', {
      row: 3,
      column: letter(cols.comment),
    });
    refuse(
      'an XLSX with &#xD800; in a cell',
      'report.xlsx',
      sheet(inlineSheet(good, nulCell('a&#xD800;b'))),
      'BAD_CHARACTER',
      { row: 3, column: letter(cols.comment) },
    );
    refuse(
      'an XLSX with &#x0000; in a shared string',
      'report.xlsx',
      sheet(inlineSheet(good), '<si><t>a&#x0000;b</t></si>'),
      'BAD_CHARACTER',
      { row: null },
    );
    accept(
      'an XLSX with an escaped "_x0000_" (_x005F_x0000_) in a comment',
      'report.xlsx',
      sheet(inlineSheet(withCells([2, cols.comment, '_x005F_x0000_ is text']))),
    );
    accept(
      "an XLSX with Excel's escaped tab (_x0009_) in a comment",
      'report.xlsx',
      sheet(inlineSheet(withCells([2, cols.comment, 'a_x0009_b']))),
    );
    refuse(
      'a CSV with a NUL in its header row',
      'report.csv',
      Buffer.from(toCsvText(good).replace(cols.count.header, `${cols.count.header}\u0000`), 'utf8'),
      'UNKNOWN_COLUMN',
      { row: 1 },
    );
  }

  // Formula injections: refused where a value is expected, kept as text in free-text columns (the template escapes them on the way out).
  {
    const injections = [
      '=1+1',
      "=cmd|' /C calc'!A0",
      '=HYPERLINK("http://evil.example","x")',
      '\t=2*3',
      ' =SUM(A1:A9)',
    ];
    injections.forEach((inj, i) => {
      const row = 2 + (i % dataRows);
      refuse(
        `CSV formula text ${JSON.stringify(inj)} in a count`,
        'report.csv',
        toCsv(withCells([row, cols.count, inj])),
        'FORMULA',
        { row, column: cols.count.key },
      );
      refuse(
        `CSV formula text ${JSON.stringify(inj)} in the evidence link`,
        'report.csv',
        toCsv(withCells([row, cols.url, inj])),
        'FORMULA',
        { row, column: cols.url.key },
      );
      accept(
        `CSV formula text ${JSON.stringify(inj)} in a comment, kept as text`,
        'report.csv',
        toCsv(withCells([row, cols.comment, inj])),
      );
    });
    for (const [inj, code] of [
      ['+1+1', 'WRONG_TYPE'],
      ['-1+1', 'WRONG_TYPE'],
      ['@SUM(1)', 'WRONG_TYPE'],
      ['+cmd', 'WRONG_TYPE'],
    ] as const) {
      refuse(`CSV text ${JSON.stringify(inj)} in a count`, 'report.csv', toCsv(withCells([2, cols.count, inj])), code, {
        row: 2,
        column: cols.count.key,
      });
    }
    accept(
      'XLSX formula-like text in the organization name, kept as text',
      'report.xlsx',
      await toXlsx(withCells([3, layout.columns[1], '=HYPERLINK("http://evil.example")'])),
    );
  }

  // Every value column, in both formats: a word where a number goes, a formula cell, a negative count.
  {
    const valueColumns = layout.columns.filter((c) => c.kind === 'DATA_ELEMENT' || c.kind === 'OBSTACLE_SEVERITY');
    valueColumns.forEach((c, i) => {
      const row = 2 + (i % dataRows);
      refuse(`XLSX text in ${c.key}`, 'report.xlsx', sheet(inlineSheet(withCells([row, c, 'abc']))), 'WRONG_TYPE', {
        row,
        column: c.key,
      });
      refuse(`CSV text in ${c.key}`, 'report.csv', toCsv(withCells([row, c, 'หนึ่ง'])), 'WRONG_TYPE', {
        row,
        column: c.key,
      });
      refuse(
        `an XLSX formula in ${c.key}`,
        'report.xlsx',
        sheet(
          inlineSheet(good, (r, k) =>
            r === row - 1 && k === index(c) ? '<c r="{ref}"><f>1+1</f><v>2</v></c>' : undefined,
          ),
        ),
        'FORMULA',
        { row, column: c.key },
      );
      const e = c.element;
      if (c.kind === 'OBSTACLE_SEVERITY' || (e && e.min !== null && e.valueType !== 'BOOLEAN')) {
        refuse(`CSV -1 in ${c.key}`, 'report.csv', toCsv(withCells([row, c, '-1'])), 'OUT_OF_RANGE', {
          row,
          column: c.key,
        });
      }
    });
  }

  // Workbooks as real programs write them.
  {
    accept(
      'a workbook as openpyxl writes it (absolute part names, worksheets first)',
      'report.xlsx',
      openpyxlLikeXlsx(good),
    );
    accept(
      'a workbook with relative "./" relationship targets',
      'report.xlsx',
      relTargets(good, './worksheets/sheet1.xml'),
    );
    accept(
      'a workbook with "../xl/" relationship targets',
      'report.xlsx',
      relTargets(good, '../xl/worksheets/sheet1.xml'),
    );
    accept(
      'a workbook with its data sheet second, named "data", absolute targets',
      'report.xlsx',
      workbookOf({
        sheets: [
          { name: 'instructions', body: inlineSheet([['read me']]) },
          { name: 'data', body: inlineSheet(good) },
        ],
        targets: 'absolute',
      }),
    );
    refuse(
      'an openpyxl workbook with formula text in a count',
      'report.xlsx',
      openpyxlLikeXlsx(withCells([2, cols.count, '=1+1'])),
      'FORMULA',
      { row: 2, column: cols.count.key },
    );
    const commented = Buffer.concat([goodXlsx, Buffer.from('saved by a script')]);
    commented.writeUInt16LE('saved by a script'.length, goodXlsx.length - 2);
    accept('a workbook with a ZIP comment after its directory', 'report.xlsx', commented);
  }
  return out;
}

/** A workbook whose sheet relationship names its part as given (otherwise Excel-like). */
function relTargets(grid: Grid, target: string): Buffer {
  const wb = workbookOf({ sheets: [{ name: 'data', body: inlineSheet(grid) }] });
  const entries = zipEntries(wb);
  // Rebuilt rather than patched: the relationships part is stored deflated.
  const files = entries.map((e) => ({ name: e.name, data: inflated(wb, e) }));
  const rels = files.find((f) => f.name === 'xl/_rels/workbook.xml.rels')!;
  rels.data = Buffer.from(
    rels.data.toString('utf8').replace('Target="worksheets/sheet1.xml"', `Target="${target}"`),
    'utf8',
  );
  return zipOf(files.map((f) => ({ ...f, deflate: true })));
}

function inflated(zip: Buffer, e: { dataStart: number; compressedSize: number; headerStart: number }): Buffer {
  const method = zip.readUInt16LE(e.headerStart + 8);
  const data = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
  return method === 0 ? Buffer.from(data) : inflateRawSync(data);
}

/** A workbook whose one sheet is the header, then `mb` MB of spaces: it compresses to about a thousandth. */
function sheet1Bomb(headerXml: string, mb: number): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return workbookOf({
    sheets: [
      {
        name: 'data',
        body: repeatedDeflate(
          `<worksheet xmlns="${ns}">${headerXml.replace('</sheetData>', '')}`,
          ' '.repeat(MiB),
          mb,
          '</sheetData></worksheet>',
        ),
      },
    ],
  });
}

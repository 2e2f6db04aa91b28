/** Test-file makers: a grid of cells to XLSX (exceljs, in memory) or CSV bytes, and a hand-made ZIP. */
import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue } from 'exceljs';
import { Writable } from 'node:stream';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export type GridCell =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string; result?: number }
  | { sharedFormula: string; result?: number }
  | { error: string }
  | { richText: Array<{ text: string }> };

/** grid[0] is row 1; a null row is absent from the file (an empty row). */
export type Grid = Array<GridCell[] | null>;

export interface XlsxOptions {
  sheetName?: string;
  merges?: string[];
  /** Sheets after the data sheet. */
  extraSheets?: Array<{ name: string; grid: Grid }>;
  /** Sheets before the data sheet. */
  leadingSheets?: Array<{ name: string; grid: Grid }>;
}

function fill(ws: ExcelJS.Worksheet, grid: Grid): void {
  grid.forEach((cells, r) => {
    cells?.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v as ExcelCellValue;
      if (v instanceof Date) cell.numFmt = 'd/m/yyyy';
    });
  });
}

export async function toXlsx(grid: Grid, opts: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of opts.leadingSheets ?? []) fill(wb.addWorksheet(s.name), s.grid);
  const ws = wb.addWorksheet(opts.sheetName ?? 'data');
  fill(ws, grid);
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  for (const s of opts.extraSheets ?? []) fill(wb.addWorksheet(s.name), s.grid);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(v: GridCell): string {
  if (v === null) return '';
  if (typeof v === 'object' && !(v instanceof Date)) throw new Error('CSV cells are text');
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvText(grid: Grid, { bom = true, eol = '\r\n', delimiter = ',' } = {}): string {
  return `${bom ? '\uFEFF' : ''}${grid.map((cells) => (cells ?? []).map(csvCell).join(delimiter)).join(eol)}${eol}`;
}

export function toCsv(grid: Grid, opts?: Parameters<typeof toCsvText>[1]): Buffer {
  return Buffer.from(toCsvText(grid, opts), 'utf8');
}

/** TIS-620 / Windows-874: Thai U+0E01–U+0E5B are bytes 0xA1–0xFB; ASCII unchanged. */
export function toTis620(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) return cp;
      if (cp >= 0x0e01 && cp <= 0x0e5b) return cp - 0x0e01 + 0xa1;
      return 0x3f;
    }),
  );
}

/** An entry already deflated elsewhere (a bomb made by repeatedDeflate): its raw deflate data, inflated size and CRC. */
export interface Predeflated {
  raw: Buffer;
  size: number;
  crc: number;
}

export type ZipFile = { name: string; data: Buffer; deflate?: boolean } | ({ name: string } & Predeflated);

/** A ZIP holding the given files, stored, deflated, or given already deflated. */
export function zipOf(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const [crc, body, size, method] =
      'raw' in f
        ? [f.crc >>> 0, f.raw, f.size, 8]
        : [crc32(f.data) >>> 0, f.deflate ? deflateRawSync(f.data) : f.data, f.data.length, f.deflate ? 8 : 0];
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw deflate of prefix + block × times + suffix, made by deflating each part once and repeating the block's
 * output: each part ends byte-aligned (a sync flush) and refers to nothing before it, so the parts chain into
 * one valid stream. Hundreds of megabytes of XML in milliseconds, for zip bombs.
 */
export function repeatedDeflate(prefix: string, block: string, times: number, suffix: string): Predeflated {
  const sync = (s: string) => deflateRawSync(Buffer.from(s, 'utf8'), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const [p, b, x] = [Buffer.from(prefix, 'utf8'), Buffer.from(block, 'utf8'), Buffer.from(suffix, 'utf8')];
  let crc = crc32(p);
  for (let i = 0; i < times; i++) crc = crc32(b, crc);
  crc = crc32(x, crc);
  const blockRaw = sync(block);
  const raw = Buffer.concat([sync(prefix), ...Array.from({ length: times }, () => blockRaw), deflateRawSync(x)]);
  return { raw, size: p.length + b.length * times + x.length, crc: crc >>> 0 };
}

/** Deterministic bytes that are no known format (xorshift). */
export function noise(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  out[0] = 0xc3; // not a magic number, and invalid UTF-8 with the byte after it more often than not
  out[1] = 0x28;
  return out;
}

/** A Writable that keeps what it is given, for writers that stream. */
export function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** A file as an upload arrives: in chunks of the given size. */
export async function* chunked(bytes: Buffer, size = 4096): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const xmlOf = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`, 'utf8');

export interface WorkbookParts {
  /** Sheets in workbook order: the XML inside <worksheet>, or the whole part already deflated. */
  sheets: Array<{ name: string; body: string | Predeflated }>;
  /** The <sst> element's content (its <si> items), or the whole part already deflated. */
  sharedStrings?: string | Predeflated;
  /** How relationships name their parts: relative to xl/ (Excel) or absolute from the package root (openpyxl). */
  targets?: 'relative' | 'absolute';
  /** Entries in the order openpyxl writes them (worksheets before the workbook), instead of the workbook first. */
  openpyxlOrder?: boolean;
  /** More entries, added at the end. */
  extra?: ZipFile[];
}

/** A workbook assembled part by part, with its relationships and content types, as real writers lay it out. */
export function workbookOf(parts: WorkbookParts): Buffer {
  const target = (p: string) => (parts.targets === 'absolute' ? `/xl/${p}` : p);
  const rel = (id: string, type: string, p: string) =>
    `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target(p)}"/>`;
  const sheetRels = parts.sheets.map((_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`));
  const n = parts.sheets.length;
  const workbookRels = xmlOf(
    `<Relationships xmlns="${PKG_REL_NS}">${sheetRels.join('')}${rel(`rId${n + 1}`, 'styles', 'styles.xml')}${
      parts.sharedStrings !== undefined ? rel(`rId${n + 2}`, 'sharedStrings', 'sharedStrings.xml') : ''
    }</Relationships>`,
  );
  const workbook = xmlOf(
    `<workbook xmlns="${MAIN_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${parts.sheets
      .map(
        (s, i) => `<sheet xmlns:r="${REL_NS}" name="${s.name}" sheetId="${i + 1}" state="visible" r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
  );
  const styles = xmlOf(
    `<styleSheet xmlns="${MAIN_NS}"><numFmts count="0"/><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`,
  );
  const types = xmlOf(
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${parts.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('')}</Types>`,
  );
  const rootRels = xmlOf(
    `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
  );
  const part = (name: string, body: string | Predeflated, wrap: (s: string) => string): ZipFile =>
    typeof body === 'string' ? { name, data: xmlOf(wrap(body)), deflate: true } : { name, ...body };
  const sheets = parts.sheets.map((s, i) =>
    part(`xl/worksheets/sheet${i + 1}.xml`, s.body, (b) => `<worksheet xmlns="${MAIN_NS}">${b}</worksheet>`),
  );
  const shared =
    parts.sharedStrings === undefined
      ? []
      : [part('xl/sharedStrings.xml', parts.sharedStrings, (b) => `<sst xmlns="${MAIN_NS}">${b}</sst>`)];
  const head: ZipFile[] = [
    { name: '[Content_Types].xml', data: types, deflate: true },
    { name: '_rels/.rels', data: rootRels, deflate: true },
    { name: 'xl/workbook.xml', data: workbook, deflate: true },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels, deflate: true },
    { name: 'xl/styles.xml', data: styles, deflate: true },
  ];
  const files = parts.openpyxlOrder
    ? // openpyxl: docProps, worksheets, shared strings, styles, root rels, workbook, workbook rels, content types.
      [...sheets, ...shared, head[4], head[1], head[2], head[3], head[0]]
    : [...head, ...shared, ...sheets];
  return zipOf([...files, ...(parts.extra ?? [])]);
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A grid as openpyxl 3.1 writes it: text in the shared-string table, numbers as t="n", relationships naming
 * their parts by absolute path (/xl/worksheets/sheet1.xml), worksheets before the workbook in the archive.
 */
export function openpyxlLikeXlsx(grid: Grid, sheetName = 'data'): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const rows = grid
    .map((cells, r) => {
      if (!cells) return '';
      const cs = cells
        .map((v, c) => {
          if (v === null || v === undefined) return '';
          const ref = `${columnName(c + 1)}${r + 1}`;
          if (typeof v === 'number') return `<c r="${ref}" t="n"><v>${v}</v></c>`;
          if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
          const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
          if (!index.has(text)) index.set(text, strings.push(text) - 1);
          return `<c r="${ref}" t="s"><v>${index.get(text)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  return workbookOf({
    sheets: [
      {
        name: sheetName,
        body: `<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>${rows}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>`,
      },
    ],
    sharedStrings: strings.map((t) => `<si><t>${escapeXml(t)}</t></si>`).join(''),
    targets: 'absolute',
    openpyxlOrder: true,
    extra: [
      {
        name: 'docProps/app.xml',
        data: xmlOf(
          '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
        ),
        deflate: true,
      },
    ],
  });
}

function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The smallest workbook exceljs reads: one sheet "data" whose XML is given (inside <worksheet>). */
export function minimalXlsx(sheetBody: string): Buffer {
  return zipOf([
    {
      name: 'xl/workbook.xml',
      data: xmlOf(
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xmlOf(
        `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: xmlOf(`<worksheet xmlns="${MAIN_NS}">${sheetBody}</worksheet>`),
      deflate: true,
    },
  ]);
}

/** Where each entry's compressed data lies in a ZIP (from its central directory and local headers). */
export function zipEntries(
  zip: Buffer,
): Array<{ name: string; headerStart: number; dataStart: number; compressedSize: number }> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const [nameLen, extraLen, commentLen] = [
      zip.readUInt16LE(p + 28),
      zip.readUInt16LE(p + 30),
      zip.readUInt16LE(p + 32),
    ];
    const headerStart = zip.readUInt32LE(p + 42);
    const dataStart = headerStart + 30 + zip.readUInt16LE(headerStart + 26) + zip.readUInt16LE(headerStart + 28);
    out.push({
      name: zip.toString('utf8', p + 46, p + 46 + nameLen),
      headerStart,
      dataStart,
      compressedSize: zip.readUInt32LE(p + 20),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Worksheet XML (inside <worksheet>) of a grid in inline strings, as other programs write it; `raw` replaces the
 * XML of chosen cells (0-based row and column) to plant what exceljs's writer would never write.
 */
export function inlineSheet(
  grid: Grid,
  raw: (row: number, column: number) => string | undefined = () => undefined,
  after = '',
): string {
  const rows = grid
    .map((cells, r) => {
      if (!cells) return '';
      const width = Math.max(
        cells.length,
        ...Array.from({ length: 64 }, (_, c) => (raw(r, c) !== undefined ? c + 1 : 0)),
      );
      const cs = Array.from({ length: width }, (_, c) => {
        const ref = `${columnName(c + 1)}${r + 1}`;
        const planted = raw(r, c);
        if (planted !== undefined) return planted.replace(/\{ref\}/g, ref);
        const v = cells[c];
        if (v === null || v === undefined) return '';
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        if (typeof v !== 'string') throw new Error('inlineSheet takes text and numbers');
        return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      }).join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  return `<sheetData>${rows}</sheetData>${after}`;
}

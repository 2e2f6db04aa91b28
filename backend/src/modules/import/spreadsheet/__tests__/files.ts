/** Test-file makers: a grid of cells to XLSX (exceljs, in memory) or CSV bytes, and a hand-made ZIP. */
import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue } from 'exceljs';
import { Writable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';

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
  return Buffer.from([...text].map((ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) return cp;
    if (cp >= 0x0e01 && cp <= 0x0e5b) return cp - 0x0e01 + 0xa1;
    return 0x3f;
  }));
}

/** A ZIP holding the given files, stored or deflated. */
export function zipOf(files: Array<{ name: string; data: Buffer; deflate?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(f.data) >>> 0;
    const body = f.deflate ? deflateRawSync(f.data) : f.data;
    const method = f.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(f.data.length, 24);
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

/** The smallest workbook exceljs reads: one sheet "data" whose XML is given (inside <worksheet>). */
export function minimalXlsx(sheetBody: string): Buffer {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`, 'utf8');
  return zipOf([
    {
      name: 'xl/workbook.xml',
      data: xml(`<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet xmlns="${MAIN_NS}">${sheetBody}</worksheet>`), deflate: true },
  ]);
}

import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpreadsheetFileError } from './raw-row.js';

/**
 * An uploaded XLSX (a ZIP archive) kept in a temp folder of our own, so that its entries can be
 * streamed in the order a streaming reader needs: workbook relations, workbook, shared strings and
 * styles before the worksheets. Excel writes the worksheets first; exceljs's streaming reader then
 * spools each worksheet to a temp file of its own that it deletes only when its parse runs to the end,
 * leaking the file (and an open descriptor) whenever a read is cut short. Reordering avoids that mode
 * altogether. Only the compressed upload is on disk; nothing is unpacked here.
 */

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const MAX_COMMENT = 0xffff;

export interface ZipRecord {
  /** Entry path without a leading slash. */
  name: string;
  /** Byte range of the entry's local header, data and data descriptor in the file. */
  start: number;
  end: number;
}

const DAMAGED = (why: string) =>
  new SpreadsheetFileError(
    'NOT_A_SPREADSHEET',
    `The file starts like an Excel workbook but is damaged or cut off (${why}). Open it in Excel and save it again as "Excel Workbook (.xlsx)".`,
  );

export class ZipSpool {
  private constructor(
    private readonly dir: string,
    readonly path: string,
    readonly size: number,
  ) {}

  /** Writes the chunks to a new temp folder; dispose() removes it. */
  static async create(chunks: AsyncIterable<Buffer>): Promise<ZipSpool> {
    const dir = await mkdtemp(join(tmpdir(), 'digigov-upload-'));
    const path = join(dir, 'upload.xlsx');
    let size = 0;
    let fh: FileHandle | null = null;
    try {
      fh = await open(path, 'w');
      for await (const chunk of chunks) {
        await fh.write(chunk);
        size += chunk.length;
      }
      return new ZipSpool(dir, path, size);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    } finally {
      await fh?.close();
    }
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  private async read(fh: FileHandle, position: number, length: number): Promise<Buffer> {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  }

  /** The entries from the central directory, in file order, and where the central directory starts. */
  async records(): Promise<{ records: ZipRecord[]; centralStart: number }> {
    const fh = await open(this.path, 'r');
    try {
      const tailStart = Math.max(0, this.size - 22 - MAX_COMMENT);
      const tail = await this.read(fh, tailStart, this.size - tailStart);
      let at = -1;
      for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD) {
          at = i;
          break;
        }
      }
      if (at < 0) throw DAMAGED('no end of the ZIP directory');
      let count = tail.readUInt16LE(at + 10);
      let cdSize = tail.readUInt32LE(at + 12);
      let cdStart = tail.readUInt32LE(at + 16);
      if (at >= 20 && tail.readUInt32LE(at - 20) === EOCD64_LOCATOR) {
        // ZIP64: the real sizes are in the ZIP64 end record the locator points to.
        const eocd64 = await this.read(fh, Number(tail.readBigUInt64LE(at - 20 + 8)), 56);
        count = Number(eocd64.readBigUInt64LE(32));
        cdSize = Number(eocd64.readBigUInt64LE(40));
        cdStart = Number(eocd64.readBigUInt64LE(48));
      }
      if (cdStart + cdSize > this.size) throw DAMAGED('the ZIP directory points past the end of the file');
      const cd = await this.read(fh, cdStart, cdSize);
      const found: Array<{ name: string; start: number }> = [];
      let p = 0;
      for (let n = 0; n < count; n++) {
        if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw DAMAGED('a bad ZIP directory entry');
        const [nameLen, extraLen, commentLen] = [cd.readUInt16LE(p + 28), cd.readUInt16LE(p + 30), cd.readUInt16LE(p + 32)];
        let start = cd.readUInt32LE(p + 42);
        if (start === 0xffffffff) start = zip64Offset(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), cd.readUInt32LE(p + 24), cd.readUInt32LE(p + 20));
        found.push({ name: cd.toString('utf8', p + 46, p + 46 + nameLen).replace(/^\//, ''), start });
        p += 46 + nameLen + extraLen + commentLen;
      }
      found.sort((a, b) => a.start - b.start);
      const records = found.map((r, i) => ({ ...r, end: i + 1 < found.length ? found[i + 1].start : cdStart }));
      if (records.some((r) => r.start >= r.end || r.end > cdStart)) throw DAMAGED('overlapping ZIP entries');
      return { records, centralStart: cdStart };
    } finally {
      await fh.close();
    }
  }

  /** The archive with its entries in the order given by rank (lower first, ties in file order), directory last. */
  async *reordered(records: ZipRecord[], centralStart: number, rank: (name: string) => number): AsyncGenerator<Buffer> {
    const ordered = records.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.name) - rank(b.r.name) || a.i - b.i);
    const ranges = [...ordered.map(({ r }) => [r.start, r.end]), [centralStart, this.size]];
    for (const [start, end] of ranges) {
      if (end <= start) continue;
      // for await over the stream destroys it (and closes its descriptor) when the reader stops early.
      for await (const chunk of createReadStream(this.path, { start, end: end - 1, highWaterMark: 64 * 1024 })) yield chunk as Buffer;
    }
  }
}

/** The local header offset from a ZIP64 extended-information extra field (its values appear only for fields set to 0xFFFFFFFF). */
function zip64Offset(extra: Buffer, uncompressed: number, compressed: number): number {
  let p = 0;
  while (p + 4 <= extra.length) {
    const [id, len] = [extra.readUInt16LE(p), extra.readUInt16LE(p + 2)];
    if (id === 0x0001) {
      let q = p + 4;
      if (uncompressed === 0xffffffff) q += 8;
      if (compressed === 0xffffffff) q += 8;
      if (q + 8 <= p + 4 + len) return Number(extra.readBigUInt64LE(q));
    }
    p += 4 + len;
  }
  throw DAMAGED('a ZIP64 entry without its offset');
}

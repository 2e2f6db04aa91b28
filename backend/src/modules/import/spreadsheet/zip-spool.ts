import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { SpreadsheetFileError } from './raw-row.js';

/**
 * An uploaded XLSX (a ZIP archive) kept in a temp folder, checked whole before any XML is parsed, then
 * streamed to exceljs as a new, plain archive of only the parts it needs, in the order its streaming
 * reader needs them (workbook relations, workbook, shared strings and styles before the worksheets).
 *
 * Why not hand exceljs the upload as it is:
 * - Excel writes the worksheets first; exceljs then spools each worksheet to a temp file that it deletes
 *   only when its parse runs to the end, leaking the file whenever a read is cut short.
 * - unzipper (exceljs's ZIP reader) reports a damaged deflate stream on the archive, not on the entry
 *   being read, so a reader waiting for that entry's data waits forever: 200 corrupted bytes inside a
 *   worksheet left the upload without an answer. check() inflates every entry once, verifying its size
 *   and CRC, so exceljs only ever sees entries that inflate cleanly.
 * - unzipper finds the end of an entry written with a data descriptor (exceljs's own templates) by
 *   searching the compressed bytes for the descriptor's signature, which compressed data may contain.
 *   The archive handed on states every size in its local headers instead, taken from the checked
 *   central directory.
 * check() also counts what the whole archive unpacks to, over every entry: a zip bomb is refused before
 * the XML parser sees a byte of it.
 */

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;

export interface ZipRecord {
  /** Entry path as the central directory names it, without a leading slash, with forward slashes. */
  name: string;
  /** Byte range of the entry's local header, data and data descriptor in the file. */
  start: number;
  end: number;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed data starts; known after check(). */
  dataStart?: number;
}

export interface ZipCheckLimits {
  /** Most bytes all entries may unpack to, together. */
  maxInflatedBytes: number;
  /** Most bytes one named entry may unpack to, and the error when it does. */
  perEntry?: Record<string, { maxBytes: number; error: () => Error }>;
}

export const damagedZip = (why: string) =>
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

  /** Writes the chunks to a new temp folder under `root`; dispose() removes it. */
  static async create(chunks: AsyncIterable<Buffer>, root = tmpdir()): Promise<ZipSpool> {
    const dir = await mkdtemp(join(root, 'digigov-upload-'));
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
      await fh?.close();
      fh = null;
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
  async records(maxEntries: number): Promise<{ records: ZipRecord[]; centralStart: number }> {
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
      if (at < 0) throw damagedZip('no end of the ZIP directory');
      let count = tail.readUInt16LE(at + 10);
      let cdSize = tail.readUInt32LE(at + 12);
      let cdStart = tail.readUInt32LE(at + 16);
      if (at >= 20 && tail.readUInt32LE(at - 20) === EOCD64_LOCATOR) {
        // ZIP64: the real sizes are in the ZIP64 end record the locator points to.
        const eocd64 = await this.read(fh, Number(tail.readBigUInt64LE(at - 20 + 8)), 56);
        if (eocd64.length < 56) throw damagedZip('a ZIP64 directory end past the end of the file');
        count = Number(eocd64.readBigUInt64LE(32));
        cdSize = Number(eocd64.readBigUInt64LE(40));
        cdStart = Number(eocd64.readBigUInt64LE(48));
      }
      if (count > maxEntries) {
        throw new SpreadsheetFileError(
          'FILE_TOO_COMPLEX',
          `The workbook holds ${count.toLocaleString('en-US')} parts; at most ${maxEntries.toLocaleString('en-US')} are read. A quarter's template has about ten. Save only the data sheet in a new workbook.`,
        );
      }
      if (cdStart + cdSize > this.size) throw damagedZip('the ZIP directory points past the end of the file');
      const cd = await this.read(fh, cdStart, cdSize);
      const found: Array<Omit<ZipRecord, 'end'>> = [];
      let p = 0;
      for (let n = 0; n < count; n++) {
        if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw damagedZip('a bad ZIP directory entry');
        const [nameLen, extraLen, commentLen] = [
          cd.readUInt16LE(p + 28),
          cd.readUInt16LE(p + 30),
          cd.readUInt16LE(p + 32),
        ];
        if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw damagedZip('a bad ZIP directory entry');
        const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
        const sizes = zip64Sizes(extra, {
          size: cd.readUInt32LE(p + 24),
          compressedSize: cd.readUInt32LE(p + 20),
          start: cd.readUInt32LE(p + 42),
        });
        found.push({
          name: cd
            .toString('utf8', p + 46, p + 46 + nameLen)
            .replace(/\\/g, '/')
            .replace(/^\/+/, ''),
          flags: cd.readUInt16LE(p + 8),
          method: cd.readUInt16LE(p + 10),
          crc: cd.readUInt32LE(p + 16),
          ...sizes,
        });
        p += 46 + nameLen + extraLen + commentLen;
      }
      found.sort((a, b) => a.start - b.start);
      const records = found.map((r, i) => ({ ...r, end: i + 1 < found.length ? found[i + 1].start : cdStart }));
      if (records.some((r) => r.start >= r.end || r.end > cdStart)) throw damagedZip('overlapping ZIP entries');
      if (new Set(records.map((r) => r.name)).size !== records.length)
        throw damagedZip('two ZIP entries with the same name');
      return { records, centralStart: cdStart };
    } finally {
      await fh.close();
    }
  }

  /**
   * Reads every entry's local header and inflates its data, checking its size and CRC against the central
   * directory and counting what the archive unpacks to. Throws at the first damaged entry or bound passed.
   */
  async check(records: ZipRecord[], limits: ZipCheckLimits): Promise<void> {
    let total = 0;
    const fh = await open(this.path, 'r');
    try {
      for (const r of records) {
        const local = await this.read(fh, r.start, 30);
        if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw damagedZip(`no local header for ${r.name}`);
        if ((r.flags | local.readUInt16LE(6)) & FLAG_ENCRYPTED) {
          throw new SpreadsheetFileError(
            'NOT_A_SPREADSHEET',
            'The workbook is protected with a password, so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.',
          );
        }
        if (r.method !== STORED && r.method !== DEFLATED)
          throw damagedZip(`${r.name} uses compression method ${r.method}`);
        r.dataStart = r.start + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        if (r.dataStart + r.compressedSize > r.end) throw damagedZip(`${r.name} runs into the next entry`);
        if (r.method === STORED && r.compressedSize !== r.size) throw damagedZip(`${r.name} has two different sizes`);
        const entryLimit = limits.perEntry?.[r.name];
        let size = 0;
        let crc = 0;
        const source = () =>
          createReadStream(this.path, {
            start: r.dataStart,
            end: r.dataStart! + r.compressedSize - 1,
            highWaterMark: 64 * 1024,
          });
        // pipeline() rejects with an AbortError when its last step throws: the bound passed is kept here.
        let passed: Error | null = null;
        const count = async (chunks: AsyncIterable<Buffer>) => {
          for await (const chunk of chunks) {
            size += chunk.length;
            total += chunk.length;
            if (entryLimit && size > entryLimit.maxBytes) throw (passed = entryLimit.error());
            if (total > limits.maxInflatedBytes) {
              throw (passed = new SpreadsheetFileError(
                'FILE_TOO_LARGE',
                `The workbook unpacks to more than ${limits.maxInflatedBytes.toLocaleString('en-US')} bytes, far more than the template could hold. Save only the data sheet in a new workbook, without pictures.`,
              ));
            }
            crc = crc32(chunk, crc);
          }
        };
        try {
          if (r.compressedSize === 0) size = 0;
          else if (r.method === STORED) await pipeline(source(), count);
          else await pipeline(source(), createInflateRaw(), count);
        } catch (err) {
          if (passed) throw passed;
          if (err instanceof SpreadsheetFileError) throw err;
          throw damagedZip(`${r.name} does not unpack: ${err instanceof Error ? err.message : String(err)}`);
        }
        if (size !== r.size || crc >>> 0 !== r.crc >>> 0) throw damagedZip(`${r.name} fails its checksum`);
      }
    } finally {
      await fh.close();
    }
  }

  /**
   * A plain archive of the given checked entries, in the order given: each with a local header stating its
   * sizes and CRC (no data descriptor, no extra field), then an empty end-of-directory record. Streaming
   * readers read local headers only, so no central directory is needed.
   */
  async *entries(records: ZipRecord[]): AsyncGenerator<Buffer> {
    for (const r of records) {
      if (r.dataStart === undefined) throw new Error(`ZipSpool.entries: ${r.name} was not checked`);
      const name = Buffer.from(r.name, 'utf8');
      const header = Buffer.alloc(30);
      header.writeUInt32LE(LOCAL, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(FLAG_UTF8, 6);
      // An empty entry is stored: unzipper inflating zero bytes reports an error nobody waits for.
      header.writeUInt16LE(r.compressedSize === 0 ? STORED : r.method, 8);
      header.writeUInt32LE(r.crc >>> 0, 14);
      header.writeUInt32LE(r.compressedSize, 18);
      header.writeUInt32LE(r.size, 22);
      header.writeUInt16LE(name.length, 26);
      yield Buffer.concat([header, name]);
      if (r.compressedSize === 0) continue;
      // for await over the stream destroys it (and closes its descriptor) when the reader stops early.
      for await (const chunk of createReadStream(this.path, {
        start: r.dataStart,
        end: r.dataStart + r.compressedSize - 1,
        highWaterMark: 64 * 1024,
      })) {
        yield chunk as Buffer;
      }
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    yield end;
  }
}

/**
 * Sizes and local header offset, taken from the ZIP64 extended-information extra field for those set to
 * 0xFFFFFFFF in the directory entry (they appear there in this order: size, compressed size, offset).
 */
function zip64Sizes(
  extra: Buffer,
  v: { size: number; compressedSize: number; start: number },
): { size: number; compressedSize: number; start: number } {
  const needed = (['size', 'compressedSize', 'start'] as const).filter((k) => v[k] === 0xffffffff);
  if (needed.length === 0) return v;
  let p = 0;
  while (p + 4 <= extra.length) {
    const [id, len] = [extra.readUInt16LE(p), extra.readUInt16LE(p + 2)];
    if (id === 0x0001 && len >= needed.length * 8 && p + 4 + len <= extra.length) {
      const out = { ...v };
      needed.forEach((k, i) => (out[k] = Number(extra.readBigUInt64LE(p + 4 + i * 8))));
      return out;
    }
    p += 4 + len;
  }
  throw damagedZip('a ZIP64 entry without its sizes');
}

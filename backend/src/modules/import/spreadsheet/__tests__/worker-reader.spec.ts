import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ReadEvent } from '../reader.js';
import { DEFAULT_PARSER_OPTIONS, SpreadsheetParserPool } from '../worker-reader.js';
import { buildGoodFile, buildLargeXlsx } from './corpus.js';
import { chunked, repeatedDeflate, workbookOf, inlineSheet } from './files.js';
import { plainRow } from './read-helpers.js';
import { referenceLayout } from './test-layout.js';

const layout = referenceLayout();
const uploads = () => new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('digigov-upload-')));

async function readAll(
  pool: SpreadsheetParserPool,
  bytes: Buffer,
  filename: string,
  limits = {},
): Promise<ReadEvent[]> {
  const events: ReadEvent[] = [];
  for await (const ev of pool.read(chunked(bytes, 16 * 1024), layout, limits, filename)) events.push(ev);
  return events;
}

/** A workbook whose shared-string table is 190,000 rich-text runs: within the count bound, but tens of MB as exceljs objects. */
function richStrings(): Buffer {
  const header = inlineSheet([layout.columns.map((c) => c.header)]);
  const sst = repeatedDeflate(
    '<sst>',
    '<si><r><rPr><b/><sz val="11"/></rPr><t>a</t></r><r><t>b</t></r></si>'.repeat(1000),
    190,
    '</sst>',
  );
  return workbookOf({ sheets: [{ name: 'data', body: header }], sharedStrings: sst });
}

describe(SpreadsheetParserPool.name, () => {
  describe('read', () => {
    it('reads in a worker exactly what the reader reads, rows and problems in order, and reuses the worker', async () => {
      const pool = new SpreadsheetParserPool();
      try {
        const good = await buildGoodFile(layout);
        for (const [bytes, name] of [
          [good.xlsx, 'report.xlsx'],
          [good.csv, 'report.csv'],
          [good.xlsx, 'again.xlsx'],
        ] as const) {
          const events = await readAll(pool, bytes, name);
          expect(events.filter((e) => e.type === 'problem')).toEqual([]);
          expect(events.flatMap((e) => (e.type === 'row' ? [plainRow(e.row)] : []))).toEqual(good.expected);
        }
        const bad = await readAll(pool, Buffer.from('a,b\n1,2\n'), 'x.csv');
        expect(bad.map((e) => e.type === 'problem' && e.problem.code)).toEqual(['MISSING_HEADER']);
      } finally {
        await pool.close();
      }
    });

    it('reads a national file (7,850 rows, every value filled) within the default worker heap', async () => {
      const pool = new SpreadsheetParserPool();
      try {
        const events = await readAll(pool, await buildLargeXlsx(layout, 7850), 'national.xlsx');
        expect(events.filter((e) => e.type === 'problem')).toEqual([]);
        expect(events.filter((e) => e.type === 'row')).toHaveLength(7850);
      } finally {
        await pool.close();
      }
    });

    it('ends with FILE_TOO_COMPLEX when the parse outgrows the worker heap, and the server goes on', async () => {
      const before = uploads();
      const pool = new SpreadsheetParserPool({ ...DEFAULT_PARSER_OPTIONS, heapMb: 24 });
      try {
        const events = await readAll(pool, richStrings(), 'rich.xlsx');
        expect(events.filter((e) => e.type === 'problem').map((e) => e.type === 'problem' && e.problem.code)).toEqual([
          'FILE_TOO_COMPLEX',
        ]);
        // The next upload gets a fresh worker.
        const good = await buildGoodFile(layout);
        expect((await readAll(pool, good.csv, 'report.csv')).filter((e) => e.type === 'row')).toHaveLength(
          good.expected.length,
        );
      } finally {
        await pool.close();
      }
      expect([...uploads()].filter((f) => !before.has(f))).toEqual([]);
    });

    it('ends with FILE_TOO_COMPLEX when the parse overruns its time, and removes the temp folder of the killed worker', async () => {
      const before = uploads();
      const pool = new SpreadsheetParserPool({ ...DEFAULT_PARSER_OPTIONS, timeoutMs: 1 });
      try {
        const events = await readAll(pool, richStrings(), 'slow.xlsx');
        expect(events.map((e) => e.type === 'problem' && e.problem.code)).toEqual(['FILE_TOO_COMPLEX']);
      } finally {
        await pool.close();
      }
      expect([...uploads()].filter((f) => !before.has(f))).toEqual([]);
    });

    it('leaves the rest of the input unread when the read ends early, for the caller to discard', async () => {
      const pool = new SpreadsheetParserPool();
      let pulled = 0;
      async function* endless(): AsyncGenerator<Buffer> {
        yield Buffer.from('not,a,template\n');
        for (;;) {
          pulled++;
          yield Buffer.alloc(64 * 1024, 'x');
        }
      }
      try {
        const events: ReadEvent[] = [];
        for await (const ev of pool.read(endless(), layout, { maxBytes: 1024 * 1024 }, 'x.csv')) events.push(ev);
        expect(events.map((e) => e.type === 'problem' && e.problem.code)).toEqual(['MISSING_HEADER']);
        expect(pulled).toBeLessThan(20);
      } finally {
        await pool.close();
      }
    });
  });
});

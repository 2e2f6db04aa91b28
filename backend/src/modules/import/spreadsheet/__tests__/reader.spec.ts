import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { columnLabel, columnLetter, type TemplateLayout } from '../layout.js';
import { FILE_LEVEL_CODES, PROBLEM_CODES } from '../problems.js';
import { detectFormat, readSpreadsheet } from '../reader.js';
import { csvTemplate, writeXlsxTemplate } from '../template.js';
import { buildArmourCorpus } from './armour-corpus.js';
import { buildGoodFile, buildMalformedCorpus, gridOf, type CorpusFile } from './corpus.js';
import { workbookRelativeTarget } from '../xlsx-source.js';
import { chunked, collector, minimalXlsx, noise, openpyxlLikeXlsx, toXlsx } from './files.js';
import { plainRow, readAll, TEST_LIMITS } from './read-helpers.js';
import { GOOD_ROWS, referenceLayout } from './test-layout.js';

const layout: TemplateLayout = referenceLayout();
let corpus: CorpusFile[];
/** The generated hostile files (armour-corpus.ts), read with the default bounds. */
let armour: CorpusFile[];
let good: Awaited<ReturnType<typeof buildGoodFile>>;
/** Each file of the corpus must be answered within this (zip bombs and floods included). */
const MAX_MS_PER_FILE = 5000;
const leftovers = (before: Set<string>) =>
  readdirSync(tmpdir()).filter((f) => !before.has(f) && /^(tmp-|digigov-upload-)/.test(f));

beforeAll(async () => {
  corpus = await buildMalformedCorpus(layout, GOOD_ROWS);
  armour = await buildArmourCorpus(layout, GOOD_ROWS);
  good = await buildGoodFile(layout);
});

/** What a problem's column must be: the letter alone for the header row (it names the file's own header text), else letter and template header. */
function columnMatches(at: { row: number | null; column: string }, column: string | null): boolean {
  const i = layout.columns.findIndex((c) => c.key === at.column);
  if (i < 0) return column === at.column || (column ?? '').startsWith(`${at.column} (`);
  if (at.row === 1) return (column ?? '').startsWith(`${columnLetter(i + 1)} (`);
  return column === columnLabel(i + 1, layout.columns[i].header);
}

describe('readSpreadsheet', () => {
  describe('malformed files', () => {
    it('has at least 300 distinct files, in both formats', () => {
      const all = [...corpus, ...armour];
      expect(corpus.length).toBeGreaterThanOrEqual(55);
      expect(all.length).toBeGreaterThanOrEqual(300);
      expect(new Set(all.map((f) => f.name)).size).toBe(all.length);
      expect(all.some((f) => f.filename.endsWith('.xlsx'))).toBe(true);
      expect(all.some((f) => f.filename.endsWith('.csv'))).toBe(true);
    });

    it('reports the expected problem, and only that kind, for every file (or reads a valid one exactly), quickly, leaving no temp folder', async () => {
      const failures: string[] = [];
      const before = new Set(readdirSync(tmpdir()));
      const slowest = { name: '', ms: 0 };
      for (const f of [...corpus, ...armour]) {
        const t0 = performance.now();
        const { problems, rows } = await readAll(f.bytes, layout, { filename: f.filename, limits: f.limits });
        const ms = performance.now() - t0;
        if (ms > slowest.ms) Object.assign(slowest, { name: f.name, ms });
        if (ms > MAX_MS_PER_FILE) failures.push(`${f.name}: took ${ms.toFixed(0)} ms`);
        const codes = problems.map((p) => p.code);
        if (f.expect === 'ACCEPT') {
          if (problems.length > 0 || rows.length !== f.rows)
            failures.push(
              `${f.name}: expected ${f.rows} rows and no problem, got ${rows.length} rows and [${codes.join(', ')}] ${problems[0]?.message ?? ''}`,
            );
          continue;
        }
        const allowed = new Set([f.expect, ...(f.also ?? [])]);
        const hit = problems.find((p) => p.code === f.expect);
        if (!hit)
          failures.push(`${f.name}: expected ${f.expect}, got [${codes.join(', ')}] ${problems[0]?.message ?? ''}`);
        else if (codes.some((c) => !allowed.has(c)))
          failures.push(`${f.name}: expected only ${[...allowed].join('/')}, got [${codes.join(', ')}]`);
        else if (f.at && hit.row !== f.at.row) failures.push(`${f.name}: expected row ${f.at.row}, got ${hit.row}`);
        else if (f.at?.column && !columnMatches({ row: f.at.row, column: f.at.column }, hit.column))
          failures.push(`${f.name}: expected column ${f.at.column}, got ${hit.column}`);
        for (const p of problems) {
          if (p.message.length < 20 || !/[.]$/.test(p.message))
            failures.push(`${f.name}: message is not a sentence: ${p.message}`);
        }
      }
      console.log(
        `[corpus] ${corpus.length + armour.length} files read in-process; slowest: ${slowest.name} (${slowest.ms.toFixed(0)} ms)`,
      );
      expect(failures).toEqual([]);
      expect(leftovers(before)).toEqual([]);
    });

    it('covers every problem code the reader can produce', () => {
      const covered = new Set<string>([...corpus, ...armour].map((f) => f.expect));
      expect(PROBLEM_CODES.filter((c) => !covered.has(c))).toEqual([]);
    });

    it('ends the read at a file-level problem and reports no rows after it', async () => {
      for (const f of [...corpus, ...armour.filter((x) => x.bytes.length < 100_000)].filter((x) =>
        (FILE_LEVEL_CODES as readonly string[]).includes(x.expect),
      )) {
        const { problems } = await readAll(f.bytes, layout, { filename: f.filename, limits: f.limits });
        const last = problems[problems.length - 1];
        expect({ name: f.name, code: (FILE_LEVEL_CODES as readonly string[]).includes(last.code) }).toEqual({
          name: f.name,
          code: true,
        });
      }
    });

    it('reports every bad cell of a file, not just the first', async () => {
      const c = (key: string) => layout.columns.findIndex((x) => x.key === key);
      const grid = gridOf(layout, GOOD_ROWS);
      grid[1]![c('STAFF_TOTAL')] = 'x';
      grid[2]![c('OBSTACLE:BUDGET')] = 9;
      grid[3]![c('as_of_date')] = '30/02/2569';
      const { problems, rows } = await readAll(await toXlsx(grid), layout);
      expect(problems.map((p) => [p.row, p.code])).toEqual([
        [2, 'WRONG_TYPE'],
        [3, 'OUT_OF_RANGE'],
        [4, 'BAD_DATE'],
      ]);
      expect(rows.map((r) => [r.row, r.hasProblems])).toEqual([
        [2, true],
        [3, true],
        [4, true],
      ]);
      expect(rows[0].values.has('STAFF_TOTAL')).toBe(false);
    });

    it('reports a formula in the first cell of a shared formula and in the cells that share it', async () => {
      const f = corpus.find((x) => x.name === 'a shared formula (xlsx)')!;
      const { problems } = await readAll(f.bytes, layout);
      expect(problems.map((p) => [p.code, p.row])).toEqual([
        ['FORMULA', 2],
        ['FORMULA', 3],
      ]);
    });

    it('names both rows when an org code is repeated', async () => {
      const grid = gridOf(layout, [...GOOD_ROWS, GOOD_ROWS[1]]);
      const { problems } = await readAll(await toXlsx(grid), layout);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: 'DUPLICATE_ROW', row: 5 });
      expect(problems[0].message).toMatch(/row 3 .*row 5/);
    });
  });

  describe('good files', () => {
    it('parses an XLSX with Thai digits, B.E. dates, an Excel date cell and Thai yes/no exactly', async () => {
      const { rows, problems } = await readAll(good.xlsx, layout, { filename: 'report.xlsx' });
      expect(problems).toEqual([]);
      expect(rows.map(plainRow)).toEqual(good.expected);
      expect(rows.every((r) => !r.hasProblems)).toBe(true);
    });

    it('parses the same data as CSV exactly, whatever the chunk boundaries', async () => {
      for (const chunkSize of [1, 5, 4096]) {
        const { rows, problems } = await readAll(good.csv, layout, { filename: 'report.csv', chunkSize });
        expect(problems).toEqual([]);
        expect(rows.map(plainRow)).toEqual(good.expected);
      }
    });

    it('accepts a Node readable stream as input', async () => {
      const { Readable } = await import('node:stream');
      const events = [];
      for await (const ev of readSpreadsheet(Readable.from([good.csv]), layout, TEST_LIMITS)) events.push(ev);
      expect(events.filter((e) => e.type === 'row')).toHaveLength(good.expected.length);
    });

    it('ignores blank rows after the last data row', async () => {
      const grid = [...gridOf(layout, GOOD_ROWS), null, null, layout.columns.map(() => '  ')];
      const { rows, problems } = await readAll(await toXlsx(grid), layout);
      expect(problems).toEqual([]);
      expect(rows).toHaveLength(GOOD_ROWS.length);
    });

    it('keeps Thai text intact across the inflate chunks of a large XLSX', async () => {
      // exceljs alone garbles a Thai character cut by a 16 KB chunk boundary (U+FFFD); this file has hundreds of boundaries.
      const rows = Array.from({ length: 3000 }, (_, i) => ({
        orgCode: `LAO-77-${String(i).padStart(4, '0')}`,
        orgName: `องค์การบริหารส่วนตำบลทดสอบภาษาไทยยาวพอสมควร ${i}`,
      }));
      const grid = gridOf(layout, rows);
      const comment = layout.columns.length - 1;
      grid.forEach((r, i) => i > 0 && (r![comment] = `หมายเหตุภาษาไทย ${i} ความยาวพอสมควร`));
      const result = await readAll(await toXlsx(grid), layout);
      expect(result.problems).toEqual([]);
      expect(result.rows).toHaveLength(3000);
      expect(result.rows.filter((r) => `${r.orgName}${r.comment}`.includes('\uFFFD'))).toEqual([]);
      expect(result.rows[2999].orgName).toBe(rows[2999].orgName);
      expect(result.progress).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
    });

    it('accepts a header with different spacing, or without its [CODE] when the text matches', async () => {
      const grid = gridOf(layout, GOOD_ROWS);
      grid[0] = layout.columns.map((c, i) =>
        i % 3 === 0 ? `  ${c.headerTh}/${c.headerEn}   [ ${c.tag} ] ` : i % 3 === 1 ? c.headerEn : c.header,
      );
      const { rows, problems } = await readAll(await toXlsx(grid), layout);
      expect(problems).toEqual([]);
      expect(rows).toHaveLength(3);
    });
  });

  describe('templates', () => {
    const meta = {
      provinceCode: 'TH-40',
      quarterCode: 'FY2570Q1',
      titleTh: 'แบบรายงาน ขอนแก่น',
      titleEn: 'Quarterly report, Khon Kaen',
    };

    it('reads back the XLSX template written by writeXlsxTemplate with zero problems', async () => {
      const sink = collector();
      await writeXlsxTemplate(sink.stream, layout, GOOD_ROWS, meta);
      const { rows, problems } = await readAll(sink.bytes(), layout, { filename: 'template.xlsx' });
      expect(problems).toEqual([]);
      expect(
        rows.map((r) => [
          r.orgCode,
          r.orgName,
          r.values.get('STAFF_TOTAL'),
          r.values.get('BUDGET_TOTAL_THB'),
          r.obstacles.get('BUDGET'),
        ]),
      ).toEqual([
        ['TH-40', 'จังหวัดขอนแก่น', 120, 1500000.5, 4],
        ['LAO-40-0001', 'องค์การบริหารส่วนจังหวัดขอนแก่น', 85, null, null],
        ['LAO-40-0002', 'เทศบาลนครขอนแก่น', 0, null, null],
      ]);
      expect(rows[1].values.get('TEST_SHARE_PCT')).toBe(99.5);
    });

    it('writes the XLSX template with a frozen bold header, an instructions sheet and Excel validation', async () => {
      const sink = collector();
      await writeXlsxTemplate(sink.stream, layout, GOOD_ROWS, meta);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(sink.bytes() as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['data', 'instructions']);
      const data = wb.getWorksheet('data')!;
      expect(data.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const staff = layout.columns.findIndex((c) => c.key === 'STAFF_TOTAL') + 1;
      expect(data.getCell(2, staff).dataValidation).toMatchObject({
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
      });
      const text = JSON.stringify(wb.getWorksheet('instructions')!.getSheetValues());
      for (const needle of [
        'TH-40',
        'FY2570Q1',
        '๐-๙',
        '15/12/2569',
        'Formulas and merged cells are refused',
        'ห้ามใช้สูตร',
      ])
        expect(text).toContain(needle);
    });

    it('reads back the CSV template with zero problems, Thai intact', async () => {
      const text = csvTemplate(layout, [...GOOD_ROWS, { orgCode: 'LAO-40-0003', orgName: '=เทศบาล "ทดสอบ", หนึ่ง' }]);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('\r\n');
      const { rows, problems } = await readAll(Buffer.from(text, 'utf8'), layout, {
        filename: 'template.csv',
        chunkSize: 7,
      });
      expect(problems).toEqual([]);
      expect(rows.map((r) => r.orgName)).toEqual([
        'จังหวัดขอนแก่น',
        'องค์การบริหารส่วนจังหวัดขอนแก่น',
        'เทศบาลนครขอนแก่น',
        `'=เทศบาล "ทดสอบ", หนึ่ง`,
      ]);
      expect(rows[0].values.get('BUDGET_TOTAL_THB')).toBe(1500000.5);
    });
  });

  describe('streaming', () => {
    it('finds every merged range, also where the sheet XML is cut into inflate chunks', async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => ({
        orgCode: `LAO-66-${String(i).padStart(4, '0')}`,
        orgName: `หน่วยงาน ${i}`,
      }));
      const [url, comment] = [columnLetter(layout.columns.length - 1), columnLetter(layout.columns.length)];
      const merges = rows.map((_, i) => `${url}${i + 2}:${comment}${i + 2}`);
      const { problems, rows: read } = await readAll(await toXlsx(gridOf(layout, rows), { merges }), layout, {
        limits: { maxProblems: 10_000 },
      });
      expect(read).toHaveLength(3000);
      expect(problems.every((p) => p.code === 'MERGED_CELLS')).toBe(true);
      expect(problems.map((p) => p.row)).toEqual(rows.map((_, i) => i + 2));
    });

    it('refuses an XLSX that unpacks to more than the bound, before parsing it (a zip bomb)', async () => {
      // 30 MB of XML whitespace deflates to about 30 KB: far beyond what a template compresses to.
      const bomb = minimalXlsx(
        `<sheetData>${' '.repeat(30 * 1024 * 1024)}<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`,
      );
      expect(bomb.length).toBeLessThan(100_000);
      const { problems } = await readAll(bomb, layout, {
        limits: { maxBytes: 100_000, maxInflatedBytes: 10 * 1024 * 1024 },
      });
      expect(problems.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
    });

    it('reads a minimal workbook written by another program, with inline strings', async () => {
      const cell = (ref: string, v: string | number) =>
        typeof v === 'number'
          ? `<c r="${ref}"><v>${v}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
      const header = layout.columns
        .map((c, i) => cell(`${columnLetter(i + 1)}1`, c.header.replace(/&/g, '&amp;')))
        .join('');
      const staff = layout.columns.findIndex((c) => c.key === 'STAFF_TOTAL') + 1;
      const row2 = cell('A2', 'TH-40') + cell(`${columnLetter(staff)}2`, 7);
      const { rows, problems } = await readAll(
        minimalXlsx(`<sheetData><row r="1">${header}</row><row r="2">${row2}</row></sheetData>`),
        layout,
      );
      expect(problems).toEqual([]);
      expect(rows.map((r) => [r.orgCode, r.values.get('STAFF_TOTAL')])).toEqual([['TH-40', 7]]);
    });

    it('reads a workbook as openpyxl writes it: absolute part names, worksheets before the workbook', async () => {
      const bytes = openpyxlLikeXlsx(gridOf(layout, GOOD_ROWS));
      expect(bytes.includes(Buffer.from('Target="/xl/worksheets/sheet1.xml"'))).toBe(false); // deflated, as openpyxl stores it
      const { rows, problems } = await readAll(bytes, layout, { filename: 'openpyxl.xlsx' });
      expect(problems).toEqual([]);
      expect(rows.map((r) => [r.orgCode, r.orgName, r.values.get('STAFF_TOTAL')])).toEqual(
        GOOD_ROWS.map((r) => [r.orgCode, r.orgName, r.values?.STAFF_TOTAL ?? null]),
      );
      expect(workbookRelativeTarget('/xl/worksheets/sheet1.xml')).toBe('worksheets/sheet1.xml');
      expect(workbookRelativeTarget('./worksheets/sheet2.xml')).toBe('worksheets/sheet2.xml');
      expect(workbookRelativeTarget('../xl/worksheets/sheet3.xml')).toBe('worksheets/sheet3.xml');
      expect(workbookRelativeTarget('worksheets/sheet4.xml')).toBe('worksheets/sheet4.xml');
    });

    it('leaves no temp files behind, whether a read ends normally, at a problem or cut short', async () => {
      const before = new Set(readdirSync(tmpdir()));
      for (const f of corpus.filter((x) => x.filename.endsWith('.xlsx')))
        await readAll(f.bytes, layout, { filename: f.filename, limits: f.limits });
      const it = readSpreadsheet(chunked(good.xlsx), layout, TEST_LIMITS);
      await it.next();
      await it.return(undefined);
      expect(leftovers(before)).toEqual([]);
    });

    it('stops cleanly when the consumer stops early', async () => {
      const it = readSpreadsheet(chunked(good.xlsx), layout, TEST_LIMITS);
      const first = await it.next();
      expect(first.value).toMatchObject({ type: 'row' });
      await it.return(undefined);
      expect((await it.next()).done).toBe(true);
    });
  });
});

describe('detectFormat', () => {
  it('recognizes a ZIP container as xlsx and UTF-8 text as csv', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('xlsx');
    expect(detectFormat(Buffer.from('\uFEFFรหัสหน่วยงาน,ชื่อ\r\n', 'utf8'), 'a.csv')).toBe('csv');
    expect(detectFormat(Buffer.from('a,b\n1,2\n'))).toBe('csv');
  });

  it('accepts UTF-8 text cut in the middle of a Thai character', () => {
    const bytes = Buffer.from('รหัส', 'utf8');
    expect(detectFormat(bytes.subarray(0, bytes.length - 1))).toBe('csv');
  });

  it('refuses PDF, PNG, legacy xls, UTF-16, random bytes and text named .xlsx', () => {
    expect(detectFormat(Buffer.from('%PDF-1.4\n'))).toBeNull();
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBeNull();
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBeNull();
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b', 'utf16le')]))).toBeNull();
    expect(detectFormat(Buffer.from('a\u0000b'))).toBeNull();
    expect(detectFormat(noise(1000))).toBeNull();
    expect(detectFormat(Buffer.from('a,b\n'), 'report.xlsx')).toBeNull();
    expect(detectFormat(Buffer.alloc(0))).toBeNull();
  });
});

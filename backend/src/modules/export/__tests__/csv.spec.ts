import { PassThrough } from 'node:stream';
import { csvCell, csvLine } from '../csv.js';
import { csvBytes, writeCsv } from '../export-writer.js';
import { columnsOf, flattenItem } from '../flatten.js';

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+66 81 234 5678', "'+66 81 234 5678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
  ])('neutralises %j, which a spreadsheet would run as a formula', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('quotes separators, quotes, line ends and edge spaces (RFC 4180), and leaves Thai text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('ขอนแก่น')).toBe('ขอนแก่น');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('writeCsv', () => {
  it('writes the BOM, the header and one line per row, as many bytes as csvBytes says', async () => {
    const rows = [
      flattenItem({ code: 'TH-40', region: { code: 'NORTHEAST' }, value: -1 }),
      flattenItem({ code: '=cmd', extra: ['a', 'b'] }),
    ];
    const columns = columnsOf(rows);
    expect(columns).toEqual(['code', 'region.code', 'value', 'extra']);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeCsv(out, columns, rows);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe("\uFEFFcode,region.code,value,extra\r\nTH-40,NORTHEAST,-1,\r\n'=cmd,,,a; b\r\n");
    expect(csvBytes(columns, rows)).toBe(Buffer.byteLength(text));
  });
});

import { cellText, parseBoolean, parseDateCell, parseNumberCell, thaiDigitsToAscii } from '../normalize.js';

describe('thaiDigitsToAscii', () => {
  it('turns every Thai digit into its ASCII digit and leaves other text alone', () => {
    expect(thaiDigitsToAscii('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
    expect(thaiDigitsToAscii('ปี ๒๕๖๙ Q1')).toBe('ปี 2569 Q1');
  });
});

describe('parseNumberCell', () => {
  it('reads number cells and numeric text with Thai digits, separators and spaces', () => {
    expect(parseNumberCell(42)).toEqual({ ok: true, value: 42 });
    expect(parseNumberCell(' ๑,๒๓๔ ')).toEqual({ ok: true, value: 1234 });
    expect(parseNumberCell('1,234,567.89')).toEqual({ ok: true, value: 1234567.89 });
    expect(parseNumberCell('\u00A012\u200B')).toEqual({ ok: true, value: 12 });
    expect(parseNumberCell('-3')).toEqual({ ok: true, value: -3 });
    expect(parseNumberCell('\u22123')).toEqual({ ok: true, value: -3 });
    expect(parseNumberCell('1.2E+3')).toEqual({ ok: true, value: 1200 });
    expect(parseNumberCell('.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberCell('-0')).toEqual({ ok: true, value: 0 });
  });

  it('returns null when the cell is blank', () => {
    expect(parseNumberCell(null)).toEqual({ ok: true, value: null });
    expect(parseNumberCell('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses text that is not a whole number expression', () => {
    for (const bad of ['12a', '๑๒ก', '1,23', '12,34,567', '1 234', '12%', 'สิบ', '1e400', '--1', '1.2.3']) {
      expect({ bad, ...parseNumberCell(bad) }).toMatchObject({ bad, ok: false, code: 'WRONG_TYPE' });
    }
  });

  it('refuses dates and logical values', () => {
    expect(parseNumberCell(new Date())).toMatchObject({ ok: false, code: 'WRONG_TYPE' });
    expect(parseNumberCell(true)).toMatchObject({ ok: false, code: 'WRONG_TYPE' });
    expect(parseNumberCell(Number.NaN)).toMatchObject({ ok: false, code: 'WRONG_TYPE' });
  });
});

describe('parseBoolean', () => {
  it('reads 1/0, TRUE/FALSE, yes/no, ใช่/ไม่ใช่ and มี/ไม่มี in any case', () => {
    const yes = [1, true, '1', '๑', 'TRUE', 'yes', 'Y', 'ใช่', 'มี', ' มี '];
    const no = [0, false, '0', '๐', 'false', 'No', 'n', 'ไม่ใช่', 'ไม่มี', 'ไม่ มี'];
    for (const v of yes) expect({ v, r: parseBoolean(v) }).toEqual({ v, r: { ok: true, value: 1 } });
    for (const v of no) expect({ v, r: parseBoolean(v) }).toEqual({ v, r: { ok: true, value: 0 } });
    expect(parseBoolean('')).toEqual({ ok: true, value: null });
    expect(parseBoolean(null)).toEqual({ ok: true, value: null });
  });

  it('refuses other numbers as out of range and other words as the wrong type', () => {
    expect(parseBoolean(2)).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(parseBoolean('๒')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(parseBoolean('maybe')).toMatchObject({ ok: false, code: 'WRONG_TYPE' });
    expect(parseBoolean('อาจจะ')).toMatchObject({ ok: false, code: 'WRONG_TYPE' });
    expect(parseBoolean(new Date())).toMatchObject({ ok: false, code: 'WRONG_TYPE' });
  });
});

describe('parseDateCell', () => {
  it('reads ISO, B.E. and C.E. day/month/year, Thai digits and Thai month names as ISO C.E.', () => {
    const cases: Array<[string, string]> = [
      ['2026-12-15', '2026-12-15'],
      ['2569-12-15', '2026-12-15'],
      ['15/12/2569', '2026-12-15'],
      ['๑๕/๑๒/๒๕๖๙', '2026-12-15'],
      ['5/1/2570', '2027-01-05'],
      ['15-12-2026', '2026-12-15'],
      ['15.12.2569', '2026-12-15'],
      ['15 ธ.ค. 2569', '2026-12-15'],
      ['15 ธ.ค.2569', '2026-12-15'],
      ['15 ธันวาคม พ.ศ. 2569', '2026-12-15'],
      ['๑ มกราคม ๒๕๗๐', '2027-01-01'],
      ['29/02/2567', '2024-02-29'],
      ['15/12/2569 0:00', '2026-12-15'],
      ['2026-12-15T00:00:00Z', '2026-12-15'],
    ];
    for (const [input, iso] of cases)
      expect({ input, r: parseDateCell(input) }).toEqual({ input, r: { ok: true, value: iso } });
  });

  it('reads an Excel date cell by its calendar day, and treats a year above 2400 as B.E.', () => {
    expect(parseDateCell(new Date(Date.UTC(2026, 11, 15)))).toEqual({ ok: true, value: '2026-12-15' });
    expect(parseDateCell(new Date(Date.UTC(2569, 11, 15)))).toEqual({ ok: true, value: '2026-12-15' });
  });

  it('refuses impossible, ambiguous and non-date values', () => {
    for (const bad of [
      '31/02/2569',
      '29/02/2568',
      '2569-13-01',
      '12/25/2026',
      '15/12/69',
      'next week',
      '32/01/2569',
      '15/12/25690',
      '15 Foo 2569',
    ]) {
      expect({ bad, ...parseDateCell(bad) }).toMatchObject({ bad, ok: false, code: 'BAD_DATE' });
    }
    expect(parseDateCell(46371)).toMatchObject({ ok: false, code: 'BAD_DATE' });
    expect(parseDateCell(true)).toMatchObject({ ok: false, code: 'BAD_DATE' });
    expect(parseDateCell(new Date(Number.NaN))).toMatchObject({ ok: false, code: 'BAD_DATE' });
    expect(parseDateCell('15/12/1500')).toMatchObject({ ok: false, code: 'BAD_DATE' });
  });

  it('returns null when the cell is blank', () => {
    expect(parseDateCell(null)).toEqual({ ok: true, value: null });
    expect(parseDateCell(' ')).toEqual({ ok: true, value: null });
  });
});

describe('cellText', () => {
  it('trims text, turns no-break spaces into spaces and treats whitespace as blank', () => {
    expect(cellText('  ก ข\u00A0ค ')).toBe('ก ข ค');
    expect(cellText(' \u200B ')).toBeNull();
    expect(cellText(12)).toBe('12');
    expect(cellText(null)).toBeNull();
  });
});

/**
 * Cell values as Thai officers type them: Thai digits, thousands separators, Buddhist-era dates,
 * "ใช่ / ไม่มี" for yes and no. Each parser says whether the value is blank, valid, or why it is not.
 */

/** A cell's value once the reader has set formulas and error cells aside. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> =
  { ok: true; value: T | null } | { ok: false; code: 'WRONG_TYPE' | 'OUT_OF_RANGE' | 'BAD_DATE'; reason: string };

const THAI_ZERO = 0x0e50;

/** ๐-๙ → 0-9; everything else unchanged. */
export function thaiDigitsToAscii(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String.fromCharCode(48 + d.charCodeAt(0) - THAI_ZERO));
}

/** Removes zero-width characters and turns the spaces Excel and Word insert (no-break, thin) into plain ones. */
export function cleanSpaces(s: string): string {
  return s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u00A0\u2007\u202F\u3000]/g, ' ');
}

/** Text of a cell for a text column; null when blank. */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  const s = cleanSpaces(value).trim();
  return s === '' ? null : s;
}

function describe(value: CellValue): string {
  if (value instanceof Date) return 'a date';
  if (typeof value === 'boolean') return `the logical value ${value ? 'TRUE' : 'FALSE'}`;
  return `"${String(value).length > 40 ? `${String(value).slice(0, 40)}…` : String(value)}"`;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number from a number cell or from text such as " ๑,๒๓๔ ", "1,234.5", "-3", "1.2E+3". */
export function parseNumberCell(value: CellValue): Parsed<number> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, code: 'WRONG_TYPE', reason: 'is not a finite number' };
  }
  if (typeof value !== 'string')
    return { ok: false, code: 'WRONG_TYPE', reason: `holds ${describe(value)}, not a number` };
  const s = thaiDigitsToAscii(cleanSpaces(value))
    .trim()
    .replace(/\u2212/g, '-');
  if (s === '') return { ok: true, value: null };
  let digits: string;
  if (PLAIN_NUMBER.test(s)) digits = s;
  else if (GROUPED_NUMBER.test(s)) digits = s.replace(/,/g, '');
  else return { ok: false, code: 'WRONG_TYPE', reason: `holds ${describe(value)}, which is not a number` };
  const n = Number(digits);
  if (!Number.isFinite(n))
    return { ok: false, code: 'WRONG_TYPE', reason: `holds ${describe(value)}, which is too large to be a number` };
  return { ok: true, value: n === 0 ? 0 : n };
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'ใช่', 'มี']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'ไม่ใช่', 'ไม่มี']);

/** 1 or 0 from 1/0, TRUE/FALSE, yes/no, ใช่/ไม่ใช่, มี/ไม่มี (any case, Thai digits too). */
export function parseBoolean(value: CellValue): Parsed<0 | 1> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
  if (value instanceof Date)
    return { ok: false, code: 'WRONG_TYPE', reason: `holds ${describe(value)}, not yes or no` };
  const text =
    typeof value === 'string' ? thaiDigitsToAscii(cleanSpaces(value)).trim().toLowerCase().replace(/\s+/g, '') : null;
  if (text === '') return { ok: true, value: null };
  if (text !== null && TRUE_WORDS.has(text)) return { ok: true, value: 1 };
  if (text !== null && FALSE_WORDS.has(text)) return { ok: true, value: 0 };
  const n = parseNumberCell(value);
  if (n.ok && n.value !== null) {
    if (n.value === 1 || n.value === 0) return { ok: true, value: n.value };
    return { ok: false, code: 'OUT_OF_RANGE', reason: `holds ${n.value}, but only 1 (yes) or 0 (no) is allowed` };
  }
  return { ok: false, code: 'WRONG_TYPE', reason: `holds ${describe(value)}, which is not yes or no` };
}

/** Years above this are Buddhist era (B.E. = C.E. + 543); nobody reports data for C.E. 2400. */
const BE_THRESHOLD = 2400;
const BE_OFFSET = 543;
/** A plausible C.E. range after conversion; anything outside is a typo, not a report date. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const THAI_MONTHS: Array<[string, string]> = [
  ['มกราคม', 'ม.ค.'],
  ['กุมภาพันธ์', 'ก.พ.'],
  ['มีนาคม', 'มี.ค.'],
  ['เมษายน', 'เม.ย.'],
  ['พฤษภาคม', 'พ.ค.'],
  ['มิถุนายน', 'มิ.ย.'],
  ['กรกฎาคม', 'ก.ค.'],
  ['สิงหาคม', 'ส.ค.'],
  ['กันยายน', 'ก.ย.'],
  ['ตุลาคม', 'ต.ค.'],
  ['พฤศจิกายน', 'พ.ย.'],
  ['ธันวาคม', 'ธ.ค.'],
];

function thaiMonth(word: string): number | null {
  const w = word.replace(/\s+/g, '');
  const i = THAI_MONTHS.findIndex(([full, abbr]) => w === full || w === abbr || w === abbr.replace(/\.$/, ''));
  return i < 0 ? null : i + 1;
}

const DATE_HINT = 'Enter the date as day/month/year, e.g. 15/12/2569 (B.E.) or 2026-12-15';

function calendarDate(year: number, month: number, day: number, shown: string): Parsed<string> {
  const y = year > BE_THRESHOLD ? year - BE_OFFSET : year;
  const d = new Date(Date.UTC(y, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCFullYear() !== y || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { ok: false, code: 'BAD_DATE', reason: `holds ${shown}, which is not a real calendar date. ${DATE_HINT}` };
  }
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return { ok: false, code: 'BAD_DATE', reason: `holds ${shown}, whose year is not plausible. ${DATE_HINT}` };
  }
  return { ok: true, value: d.toISOString().slice(0, 10) };
}

/**
 * An ISO C.E. date ('2026-12-15') from an Excel date cell or from text: 2026-12-15, 2569-12-15,
 * 15/12/2569, ๑๕/๑๒/๒๕๖๙, 15-12-2026, "15 ธ.ค. 2569", "15 ธันวาคม พ.ศ. 2569". A year above 2400 is B.E.
 */
export function parseDateCell(value: CellValue): Parsed<string> {
  if (value === null) return { ok: true, value: null };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      return { ok: false, code: 'BAD_DATE', reason: `holds an invalid date. ${DATE_HINT}` };
    // exceljs turns Excel serials into UTC midnight; the UTC fields are the date the officer sees.
    return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 'a date');
  }
  if (typeof value !== 'string')
    return { ok: false, code: 'BAD_DATE', reason: `holds ${describe(value)}, not a date. ${DATE_HINT}` };
  const shown = describe(value);
  // A trailing time (CSV exports write "15/12/2569 0:00") carries no information for a report date.
  const s = thaiDigitsToAscii(cleanSpaces(value))
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '');
  if (s === '') return { ok: true, value: null };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (month > 12 && day <= 12) {
      return {
        ok: false,
        code: 'BAD_DATE',
        reason: `holds ${shown}; dates are day/month/year, and ${month} is not a month. ${DATE_HINT}`,
      };
    }
    return calendarDate(Number(m[3]), month, day, shown);
  }
  m = /^(\d{1,2}) ?([^\d\s]+?) ?(?:(?:พ\.ศ\.|ค\.ศ\.) ?)?(\d{4})$/.exec(s);
  if (m) {
    const month = thaiMonth(m[2]);
    if (month !== null) return calendarDate(Number(m[3]), month, Number(m[1]), shown);
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(s)) {
    return { ok: false, code: 'BAD_DATE', reason: `holds ${shown}; a two-digit year is ambiguous. ${DATE_HINT}` };
  }
  return { ok: false, code: 'BAD_DATE', reason: `holds ${shown}, which is not a date. ${DATE_HINT}` };
}

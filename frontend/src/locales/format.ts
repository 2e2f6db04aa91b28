import type { IndicatorUnit } from '@/api/types';

/**
 * Locale-aware formatting of dates, fiscal periods and numbers.
 *
 * Thai readers read years in the Buddhist Era (B.E. = C.E. + 543), and the
 * Thai fiscal year is named by the B.E. year in which it ends (FY2570 =
 * 1 Oct 2026 - 30 Sep 2027), in both languages. Dates are formatted by hand
 * rather than through Intl so that output does not depend on the browser's
 * calendar data; numbers use Intl with Latin digits (government dashboards
 * use Arabic numerals even in Thai).
 */

export const APP_LOCALES = ['th', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

export const BUDDHIST_ERA_OFFSET = 543;

const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;
const ENGLISH_MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const INTL_LOCALE: Record<AppLocale, string> = { th: 'th-TH-u-nu-latn', en: 'en-GB' };

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Reads the calendar date of "YYYY-MM-DD" (or the date part of an ISO
 * timestamp) without going through Date, which would shift it by the
 * viewer's time zone.
 */
export function parseIsoDate(isoDate: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(isoDate);
  if (!match) throw new RangeError(`Not an ISO date: "${isoDate}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw new RangeError(`Not a calendar date: "${isoDate}"`);
  }
  return { year, month, day };
}

/**
 * Thai: "1 ต.ค. 2569" (B.E.); English: "1 Oct 2026". Sources are often dated by year or month only
 * ("2024", "2024-01"): those print as "พ.ศ. 2567" / "2024" and "ม.ค. 2567" / "Jan 2024".
 */
export function formatDate(isoDate: string, locale: AppLocale): string {
  const partial = /^(\d{4})(?:-(\d{2}))?$/.exec(isoDate);
  if (partial) {
    const year = Number(partial[1]);
    const month = partial[2] ? Number(partial[2]) : null;
    if (month !== null && (month < 1 || month > 12)) throw new RangeError(`Not a calendar month: "${isoDate}"`);
    if (locale === 'th')
      return month
        ? `${THAI_MONTHS_SHORT[month - 1]} ${year + BUDDHIST_ERA_OFFSET}`
        : `พ.ศ. ${year + BUDDHIST_ERA_OFFSET}`;
    return month ? `${ENGLISH_MONTHS_SHORT[month - 1]} ${year}` : String(year);
  }
  const { year, month, day } = parseIsoDate(isoDate);
  switch (locale) {
    case 'th':
      return `${day} ${THAI_MONTHS_SHORT[month - 1]} ${year + BUDDHIST_ERA_OFFSET}`;
    case 'en':
      return `${day} ${ENGLISH_MONTHS_SHORT[month - 1]} ${year}`;
  }
}

export function formatDateRange(startIso: string, endIso: string, locale: AppLocale): string {
  return `${formatDate(startIso, locale)} – ${formatDate(endIso, locale)}`;
}

export interface FiscalQuarterRef {
  /** Buddhist Era year in which the fiscal year ends. */
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
}

export function parseFiscalQuarterCode(code: string): FiscalQuarterRef {
  const match = /^FY(\d{4})Q([1-4])$/.exec(code);
  if (!match) throw new RangeError(`Not a fiscal quarter code: "${code}"`);
  return { fiscalYear: Number(match[1]), quarter: Number(match[2]) as FiscalQuarterRef['quarter'] };
}

/** Thai: "ไตรมาส 1/2570"; English: "FY2570 Q1". */
export function formatFiscalQuarter(code: string, locale: AppLocale): string {
  const { fiscalYear, quarter } = parseFiscalQuarterCode(code);
  switch (locale) {
    case 'th':
      return `ไตรมาส ${quarter}/${fiscalYear}`;
    case 'en':
      return `FY${fiscalYear} Q${quarter}`;
  }
}

/** Thai: "ปีงบประมาณ 2570"; English: "FY2570". */
export function formatFiscalYear(fiscalYear: number, locale: AppLocale): string {
  switch (locale) {
    case 'th':
      return `ปีงบประมาณ ${fiscalYear}`;
    case 'en':
      return `FY${fiscalYear}`;
  }
}

// Building an Intl.NumberFormat costs far more than using one, and a page formats thousands of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: AppLocale, digits = 0): string {
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * `value` is in percentage points (57.89 means 57.89 %), as the survey
 * publishes it. The space before % follows SI usage (BIPM brochure 5.4.7),
 * in both languages.
 */
export function formatPercent(value: number, locale: AppLocale, digits = 2): string {
  return `${formatNumber(value, locale, digits)} %`;
}

/** A ratio such as "44/76", with digit grouping for large counts. */
export function formatRatio(numerator: number, denominator: number, locale: AppLocale): string {
  return `${formatNumber(numerator, locale)}/${formatNumber(denominator, locale)}`;
}

/** An indicator value in its unit: percentages to 1 decimal, counts whole, rates to 2 decimals. */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, locale: AppLocale): string {
  switch (unit) {
    case 'PERCENT':
      return formatPercent(value, locale, 1);
    case 'COUNT':
      return formatNumber(value, locale, 0);
    case 'PER_UNIT':
      return formatNumber(value, locale, 2);
  }
}

// Thailand keeps one time zone, UTC+7, with no daylight saving time: a fixed
// offset gives the same clock time in every viewer's browser.
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * A moment (ISO timestamp) as Bangkok wall-clock time. Thai: "22 พ.ย. 2569 12:46 น.";
 * English: "22 Nov 2026 12:46".
 */
export function formatDateTime(isoTimestamp: string, locale: AppLocale): string {
  const ms = Date.parse(isoTimestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Not a timestamp: "${isoTimestamp}"`);
  const local = new Date(ms + BANGKOK_OFFSET_MS).toISOString();
  const time = local.slice(11, 16);
  const date = formatDate(local.slice(0, 10), locale);
  switch (locale) {
    case 'th':
      return `${date} ${time} น.`;
    case 'en':
      return `${date} ${time}`;
  }
}

/** Today's date in Bangkok (YYYY-MM-DD), for comparisons with entry windows and deadlines. */
export function bangkokToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Bangkok clock time of a moment, "14:05". */
export function formatTimeOfDay(moment: Date): string {
  return new Date(moment.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(11, 16);
}

/**
 * A quarter on a crowded chart axis: "1/66" in Thai (as Thai reports abbreviate
 * "ไตรมาส 1/2566"), "Q1/66" in English; the axis name says "quarter/fiscal year".
 */
export function formatFiscalQuarterShort(code: string, locale: AppLocale): string {
  const { fiscalYear, quarter } = parseFiscalQuarterCode(code);
  const yy = String(fiscalYear % 100).padStart(2, '0');
  switch (locale) {
    case 'th':
      return `${quarter}/${yy}`;
    case 'en':
      return `Q${quarter}/${yy}`;
  }
}

// U+2212 MINUS SIGN: the typographic minus, as wide as the plus.
const MINUS = '\u2212';

/** A change with its sign: "+0.57", "−1.20", "0.00". */
export function formatSigned(value: number, locale: AppLocale, digits = 1): string {
  const text = formatNumber(Math.abs(value), locale, digits);
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return `${value < 0 ? MINUS : '+'}${text}`;
}

/**
 * A change in an indicator's unit. Percentages change by percentage points,
 * written "จุด" in Thai and "pts" in English so they are not read as a relative change.
 */
export function formatIndicatorChange(value: number, unit: IndicatorUnit, locale: AppLocale): string {
  switch (unit) {
    case 'PERCENT':
      return `${formatSigned(value, locale, 1)} ${locale === 'th' ? 'จุด' : 'pts'}`;
    case 'COUNT':
      return formatSigned(value, locale, 0);
    case 'PER_UNIT':
      return formatSigned(value, locale, 2);
  }
}

/** A composite index or pillar score, 0-100, to one decimal. */
export function formatScore(value: number, locale: AppLocale): string {
  return formatNumber(value, locale, 1);
}

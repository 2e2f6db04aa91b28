/**
 * The Thai fiscal calendar. B.E. = C.E. + 543; the fiscal year is named by the B.E. year in which
 * it ends, so FY2570 = 1 Oct 2026 – 30 Sep 2027; Q1 Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep.
 */
export const BE_OFFSET = 543;

/** Entry window policy: open from the quarter's first day, due 30 days after it ends, closed after 60. */
export const DEADLINE_DAYS_AFTER_END = 30;
export const ENTRY_CLOSES_DAYS_AFTER_END = 60;

export interface FiscalQuarterDates {
  code: string;
  fiscalYear: number;
  quarter: number;
  startDate: string;
  endDate: string;
  entryOpensOn: string;
  deadline: string;
  entryClosesOn: string;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

export function quarterCode(fiscalYear: number, quarter: number): string {
  return `FY${fiscalYear}Q${quarter}`;
}

export function parseQuarterCode(code: string): { fiscalYear: number; quarter: number } | null {
  const m = /^FY(\d{4})Q([1-4])$/.exec(code);
  return m ? { fiscalYear: Number(m[1]), quarter: Number(m[2]) } : null;
}

export function fiscalYearDates(fiscalYear: number): { startDate: string; endDate: string } {
  const endCe = fiscalYear - BE_OFFSET;
  return { startDate: iso(utc(endCe - 1, 9, 1)), endDate: iso(utc(endCe, 8, 30)) };
}

export function fiscalQuarterDates(fiscalYear: number, quarter: number): FiscalQuarterDates {
  const endCe = fiscalYear - BE_OFFSET;
  // Q1 starts in October of the previous C.E. year.
  const startMonth = (9 + (quarter - 1) * 3) % 12;
  const startYear = quarter === 1 ? endCe - 1 : endCe;
  const start = utc(startYear, startMonth, 1);
  const end = addDays(utc(startYear, startMonth + 3, 1), -1);
  return {
    code: quarterCode(fiscalYear, quarter),
    fiscalYear,
    quarter,
    startDate: iso(start),
    endDate: iso(end),
    entryOpensOn: iso(start),
    deadline: iso(addDays(end, DEADLINE_DAYS_AFTER_END)),
    entryClosesOn: iso(addDays(end, ENTRY_CLOSES_DAYS_AFTER_END)),
  };
}

/** The fiscal quarter containing a calendar date. */
/** Thailand keeps UTC+7 all year (no daylight saving): deadlines and entry windows are Bangkok calendar days. */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in Bangkok of an instant: 23:30 UTC on 29 Nov is already 30 Nov there. */
export function bangkokDate(instant: Date): string {
  return iso(new Date(instant.getTime() + BANGKOK_OFFSET_MS));
}

/** The fiscal quarter of an instant, by its Bangkok calendar day. */
export function fiscalQuarterOf(date: Date): { fiscalYear: number; quarter: number } {
  const bangkok = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  const month = bangkok.getUTCMonth();
  const year = bangkok.getUTCFullYear();
  const fiscalYear = (month >= 9 ? year + 1 : year) + BE_OFFSET;
  const quarter = month >= 9 ? 1 : Math.floor(month / 3) + 2;
  return { fiscalYear, quarter };
}

/** Quarters from `from` to `to` inclusive, in order. */
export function quarterRange(
  from: { fiscalYear: number; quarter: number },
  to: { fiscalYear: number; quarter: number },
): Array<{ fiscalYear: number; quarter: number }> {
  const out: Array<{ fiscalYear: number; quarter: number }> = [];
  let { fiscalYear, quarter } = from;
  while (fiscalYear < to.fiscalYear || (fiscalYear === to.fiscalYear && quarter <= to.quarter)) {
    out.push({ fiscalYear, quarter });
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      fiscalYear += 1;
    }
  }
  return out;
}

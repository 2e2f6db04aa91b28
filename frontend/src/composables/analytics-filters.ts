import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { FiscalQuarter } from '@/api/types';

/**
 * The filters of the analytics pages, kept in the URL query so that a view
 * can be shared as a link: `?quarter=FY2569Q4&region=NORTHEAST&province=TH-40
 * &indicator=STAFF_DIGITAL_TRAINED_PCT&layer=obstacle:SKILLS&submitted=1`.
 * The fiscal year is the quarter's (a fiscal-year choice picks its latest
 * quarter), so one parameter carries both. Absent means "latest quarter with
 * approved data", as decided by the server.
 */
export interface AnalyticsFilters {
  quarter: string | null;
  region: string | null;
  province: string | null;
  indicator: string | null;
  /** What colours the map (charts/map-layers.ts). */
  layer: string | null;
  /** Planners and administrators: add submitted reports to approved ones. */
  submitted: boolean;
}

export const EMPTY_FILTERS: AnalyticsFilters = {
  quarter: null,
  region: null,
  province: null,
  indicator: null,
  layer: null,
  submitted: false,
};

const PATTERNS: Record<Exclude<keyof AnalyticsFilters, 'submitted'>, RegExp> = {
  quarter: /^FY\d{4}Q[1-4]$/,
  region: /^[A-Z][A-Z_]*$/,
  province: /^TH-\d{2}$/,
  indicator: /^[A-Z][A-Z0-9_]*$/,
  layer: /^(index|obstacle:[A-Z_]+)$/,
};

function single(value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Reads the filters from a route query; a malformed value is ignored, not an error (links get edited by hand). */
export function parseFilters(query: LocationQuery): AnalyticsFilters {
  const pick = (key: keyof typeof PATTERNS) => {
    const v = single(query[key]);
    return v != null && PATTERNS[key].test(v) ? v : null;
  };
  return {
    quarter: pick('quarter'),
    region: pick('region'),
    province: pick('province'),
    indicator: pick('indicator'),
    layer: pick('layer'),
    submitted: single(query.submitted) === '1',
  };
}

/** The query with some filters changed; null and false remove a parameter, other parameters stay. */
export function withFilters(query: LocationQuery, patch: Partial<AnalyticsFilters>): LocationQueryRaw {
  const next: LocationQueryRaw = { ...query };
  for (const [key, value] of Object.entries(patch) as Array<
    [keyof AnalyticsFilters, AnalyticsFilters[keyof AnalyticsFilters]]
  >) {
    if (key === 'submitted') {
      if (value) next.submitted = '1';
      else delete next.submitted;
    } else if (value == null || value === '') {
      delete next[key];
    } else {
      next[key] = String(value);
    }
  }
  return next;
}

/** The filters that carry over to another analytics page (a province page keeps the quarter, not the map layer). */
export function sharedQuery(
  filters: AnalyticsFilters,
  keys: ReadonlyArray<keyof AnalyticsFilters> = ['quarter', 'submitted'],
): LocationQueryRaw {
  const picked: Partial<AnalyticsFilters> = {};
  for (const key of keys) (picked as Record<string, unknown>)[key] = filters[key];
  return withFilters({}, picked);
}

export interface PeriodChoices {
  /** B.E. fiscal years, newest first. */
  fiscalYears: number[];
  /** Quarters of each fiscal year up to the current one, newest first. */
  quartersByYear: Map<number, FiscalQuarter[]>;
}

/** Fiscal years and quarters a user may pick: none after the current quarter (no data can exist there). */
export function periodChoices(quarters: readonly FiscalQuarter[], currentQuarterCode: string | null): PeriodChoices {
  const open = quarters
    .filter((q) => currentQuarterCode == null || q.code <= currentQuarterCode)
    .slice()
    // Codes sort chronologically as plain strings; localeCompare would build a collator per call.
    .sort((a, b) => (a.code < b.code ? 1 : a.code > b.code ? -1 : 0));
  const quartersByYear = new Map<number, FiscalQuarter[]>();
  for (const q of open) {
    const list = quartersByYear.get(q.fiscalYear) ?? [];
    list.push(q);
    quartersByYear.set(q.fiscalYear, list);
  }
  return { fiscalYears: [...quartersByYear.keys()], quartersByYear };
}

/** The quarter a fiscal-year choice stands for: its latest open quarter. */
export function latestQuarterOf(fiscalYear: number, choices: PeriodChoices): string | null {
  return choices.quartersByYear.get(fiscalYear)?.[0]?.code ?? null;
}

/** The last `count` quarter codes up to and including `toCode`, oldest first. */
export function quartersUpTo(
  quarters: readonly Pick<FiscalQuarter, 'code'>[],
  toCode: string,
  count: number,
): string[] {
  const codes = quarters
    .map((q) => q.code)
    .filter((c) => c <= toCode)
    .sort();
  return codes.slice(Math.max(0, codes.length - count));
}

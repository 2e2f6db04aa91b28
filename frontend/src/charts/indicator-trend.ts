import type { LineSeriesOption } from 'echarts/charts';
import { aliasFor, type AliasedData } from '@/api/analytics';
import type { IndicatorSeries } from '@/api/analytics-types';
import type { IndicatorUnit } from '@/api/types';
import { formatFiscalQuarter, formatFiscalQuarterShort, formatIndicatorValue, type AppLocale } from '@/locales/format';
import { fill } from '@/locales/interpolate';
import { messages } from '@/locales/messages';
import { escapeHtml } from './escape-html';
import { referenceLineSeries } from './reference-lines';
import { HIGHLIGHT_COLOR, NATIONAL_COLOR, SERIES_COLORS } from './theme';
import type { ChartOption } from './types';

export interface TrendPoint {
  quarterCode: string;
  value: number | null;
}

export interface TrendSeries {
  /** Scope code ("TH", a region, a province). */
  code: string;
  name: string;
  points: readonly TrendPoint[];
  /** national: dark dashed line; focus: the province or region the page is about, drawn thick. */
  role?: 'national' | 'focus' | 'peer';
}

export interface TrendOptions {
  unit: IndicatorUnit;
  /** A horizontal target line, e.g. the national target of the latest fiscal year. */
  target?: { value: number; fiscalYear: number } | null;
  compact?: boolean;
}

/**
 * Trend series from an aliased indicatorSeries answer, in the order of the
 * scope codes; `describe` names each scope and gives its role.
 */
export function seriesFromAliases(
  data: AliasedData<IndicatorSeries> | undefined,
  scopeCodes: readonly string[],
  describe: (code: string) => { name: string; role: NonNullable<TrendSeries['role']> },
): TrendSeries[] {
  return scopeCodes.flatMap((code) => {
    const answer = data?.[aliasFor(code)];
    if (!answer) return [];
    return [
      { code, ...describe(code), points: answer.points.map((p) => ({ quarterCode: p.quarterCode, value: p.value })) },
    ];
  });
}

/** Room above the plot for the legend: about four entries a row (two on a phone). */
export function legendSpace(seriesCount: number, compact: boolean): number {
  if (seriesCount <= 1) return 24;
  const rows = Math.ceil(seriesCount / (compact ? 2 : 4));
  return 20 + rows * 22;
}

/** Every quarter any series has, in time order (codes sort chronologically). */
export function trendQuarters(series: readonly TrendSeries[]): string[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.quarterCode)))].sort();
}

/** Rows of a trend table: one per quarter, one column per series (null where a series has no value). */
export function trendTable(
  series: readonly TrendSeries[],
): Array<{ quarterCode: string; values: Array<number | null> }> {
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.quarterCode, p.value])));
  return trendQuarters(series).map((quarterCode) => ({
    quarterCode,
    values: lookup.map((m) => m.get(quarterCode) ?? null),
  }));
}

/**
 * Lines of one indicator over quarters for one or more scopes. The value axis
 * starts at zero (a truncated axis exaggerates change); a missing quarter
 * leaves a gap rather than a line drawn through it.
 */
export function buildIndicatorTrendOption(
  series: readonly TrendSeries[],
  locale: AppLocale,
  options: TrendOptions,
): ChartOption {
  const t = messages[locale].analytics.charts;
  const quarters = trendQuarters(series);
  const format = (v: number) => formatIndicatorValue(v, options.unit, locale);
  let palette = 0;

  const lines: LineSeriesOption[] = series.map((s) => {
    const byQuarter = new Map(s.points.map((p) => [p.quarterCode, p.value]));
    const role = s.role ?? 'peer';
    const color =
      role === 'national'
        ? NATIONAL_COLOR
        : role === 'focus' && series.length > 1
          ? HIGHLIGHT_COLOR
          : SERIES_COLORS[palette++ % SERIES_COLORS.length]!;
    const line: LineSeriesOption = {
      type: 'line',
      name: s.name,
      data: quarters.map((q) => {
        const v = byQuarter.get(q);
        return v == null || !Number.isFinite(v) ? null : v;
      }),
      connectNulls: false,
      showSymbol: quarters.length <= 24,
      symbolSize: role === 'focus' ? 7 : 5,
      lineStyle: { width: role === 'focus' ? 3 : 2, type: role === 'national' ? 'dashed' : 'solid', color },
      itemStyle: { color },
      emphasis: { focus: 'series' },
      z: role === 'focus' ? 3 : 2,
    };
    return line;
  });

  return {
    legend: { show: series.length > 1, data: series.map((s) => s.name), top: 0, left: 0, type: 'plain', itemWidth: 18 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const items = (Array.isArray(params) ? params : [params]).filter((item) => item.seriesType === 'line');
        const first = items[0];
        const quarter = first ? quarters[first.dataIndex] : undefined;
        if (!quarter) return '';
        const rows = items.map((item) => {
          const v = typeof item.value === 'number' ? format(item.value) : t.noData;
          return `${String(item.marker ?? '')}${escapeHtml(item.seriesName ?? '')}: <strong>${escapeHtml(v)}</strong>`;
        });
        return [`<strong>${escapeHtml(formatFiscalQuarter(quarter, locale))}</strong>`, ...rows].join('<br/>');
      },
    },
    grid: {
      left: 8,
      right: 24,
      top: legendSpace(series.length, options.compact ?? false),
      bottom: options.compact ? 8 : 30,
      containLabel: true,
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: quarters.map((q) => formatFiscalQuarterShort(q, locale)),
      name: options.compact ? '' : t.quarterAxis,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: '#e4e7eb' } },
    },
    series: [
      ...lines,
      ...referenceLineSeries(
        options.target
          ? [
              {
                kind: 'target',
                value: options.target.value,
                text: fill(t.targetLine, {
                  value: format(options.target.value),
                  fiscalYear: options.target.fiscalYear,
                }),
              },
            ]
          : [],
        'vertical',
      ),
    ],
  };
}

import type { IndicatorComparison, ScopeIndicatorValue } from '@/api/analytics-types';
import type { IndicatorUnit } from '@/api/types';
import { formatIndicatorValue, formatScore, type AppLocale } from '@/locales/format';
import { fill } from '@/locales/interpolate';
import { messages } from '@/locales/messages';
import { escapeHtml } from './escape-html';
import { referenceLabelSpace, referenceLineSeries } from './reference-lines';
import { BAR_COLOR, HIGHLIGHT_COLOR } from './theme';
import type { ChartOption } from './types';
import { wrapLabel } from './wrap-label';

/** A composite index or pillar score (0–100) is a unit of its own beside the indicators'. */
export type RankingUnit = IndicatorUnit | 'SCORE';

export interface RankingRow {
  /** Province, region or pillar code: carried on the bar so a click can open it. */
  code: string;
  name: string;
  value: number | null;
  highlight?: boolean;
  /** Extra tooltip lines, already formatted (e.g. "42 units reporting"). */
  details?: readonly string[];
}

/** A reference line of a ranking: its name and value (formatted in the chart's unit). */
export interface RankingReference {
  kind: 'national' | 'target';
  value: number;
  label: string;
}

export interface RankingOptions {
  unit: RankingUnit;
  references?: readonly RankingReference[];
  /** Fixed end of the value axis (100 for scores); otherwise from the data. */
  max?: number;
  compact?: boolean;
}

export function formatRankingValue(value: number, unit: RankingUnit, locale: AppLocale): string {
  return unit === 'SCORE' ? formatScore(value, locale) : formatIndicatorValue(value, unit, locale);
}

/** Bars of a comparison (regions or provinces), best rank first, rows without a rank last. */
export function scopeRankingRows(
  values: readonly ScopeIndicatorValue[],
  locale: AppLocale,
  highlightCode: string | null = null,
): RankingRow[] {
  const t = messages[locale].analytics.charts;
  const ranked = values.filter((v) => v.rank != null).length;
  return [...values]
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.scope.code.localeCompare(b.scope.code))
    .map((v) => ({
      code: v.scope.code,
      name: locale === 'th' ? v.scope.nameTh : v.scope.nameEn,
      value: v.value,
      highlight: v.scope.code === highlightCode,
      details: v.rank != null ? [fill(t.rank, { rank: v.rank, count: ranked })] : [],
    }));
}

/** The national value and the target as reference lines, when the comparison has them. */
export function comparisonReferences(
  comparison: Pick<IndicatorComparison, 'national'>,
  locale: AppLocale,
): RankingReference[] {
  const t = messages[locale].analytics.charts;
  const lines: RankingReference[] = [];
  if (comparison.national?.value != null)
    lines.push({ kind: 'national', value: comparison.national.value, label: t.national });
  if (comparison.national?.target != null)
    lines.push({ kind: 'target', value: comparison.national.target, label: t.target });
  return lines;
}

/** Pixels per bar: long lists stay readable, short ones do not stretch. */
export function rankingChartHeight(rows: number, compact = false): string {
  const perRow = rows > 20 ? 20 : compact ? 34 : 40;
  return `${Math.max(160, 56 + rows * perRow)}px`;
}

/**
 * Horizontal bars in the order given (the caller sorts, usually by rank),
 * each labelled with its value; rows without a value are left out (the
 * table beside the chart lists them as "no data"). Reference lines mark the
 * national value and the target.
 */
export function buildRankingBarOption(
  rows: readonly RankingRow[],
  locale: AppLocale,
  options: RankingOptions,
): ChartOption {
  const t = messages[locale].analytics.charts;
  const shown = rows.filter((r): r is RankingRow & { value: number } => r.value != null && Number.isFinite(r.value));
  const format = (v: number) => formatRankingValue(v, options.unit, locale);
  const dense = shown.length > 20;
  const references = options.references ?? [];

  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const row = item ? shown[item.dataIndex] : undefined;
        if (!row) return '';
        const lines = [
          `<strong>${escapeHtml(row.name)}</strong>`,
          escapeHtml(format(row.value)),
          ...(row.details ?? []).map(escapeHtml),
        ];
        return lines.join('<br/>');
      },
    },
    grid: {
      left: 8,
      right: dense ? 56 : 64,
      top: referenceLabelSpace(references.length),
      bottom: 8,
      containLabel: true,
    },
    xAxis: {
      type: 'value',
      min: 0,
      ...(options.max != null ? { max: options.max } : {}),
      axisLabel: { show: !options.compact, formatter: (v: number) => format(v) },
      splitLine: { lineStyle: { color: '#e4e7eb' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => wrapLabel(r.name, options.compact ? 14 : 24, locale)),
      axisTick: { show: false },
      axisLabel: {
        fontSize: dense ? 11 : 12,
        lineHeight: 14,
        interval: 0,
        // Rich text keeps the highlighted name bold without a second axis.
        formatter: (value: string, index: number) => (shown[index]?.highlight ? `{hl|${value}}` : value),
        rich: { hl: { fontWeight: 'bold', color: HIGHLIGHT_COLOR, fontSize: dense ? 11 : 12 } },
      },
    },
    series: [
      {
        type: 'bar',
        name: t.value,
        data: shown.map((r) => ({
          value: r.value,
          code: r.code,
          itemStyle: { color: r.highlight ? HIGHLIGHT_COLOR : BAR_COLOR },
        })),
        barMaxWidth: dense ? 14 : 22,
        cursor: 'pointer',
        label: {
          show: true,
          position: 'right',
          fontSize: dense ? 10 : 12,
          // Readable where a reference line passes behind the figure.
          backgroundColor: 'rgba(255, 255, 255, 0.85)',
          padding: [1, 2],
          formatter: (params) => (typeof params.value === 'number' ? format(params.value) : ''),
        },
      },
      ...referenceLineSeries(
        references.map((ref) => ({ kind: ref.kind, value: ref.value, text: `${ref.label}: ${format(ref.value)}` })),
        'horizontal',
      ),
    ],
  };
}

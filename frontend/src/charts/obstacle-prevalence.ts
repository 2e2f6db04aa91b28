import type { CustomSeriesOption } from 'echarts/charts';
import type { CategoryPrevalence, ObstaclePrevalence, PrevalenceShare } from '@/api/analytics-types';
import { formatNumber, formatPercent, formatRatio, type AppLocale } from '@/locales/format';
import { fill } from '@/locales/interpolate';
import { messages } from '@/locales/messages';
import { escapeHtml } from './escape-html';
import { BAR_COLOR, BASELINE_COLOR, CHART_FONT_FAMILY } from './theme';
import type { ChartOption } from './types';
import { wrapLabel } from './wrap-label';

export interface PrevalenceRow {
  code: string;
  label: string;
  collected: (PrevalenceShare & { meanSeverity: number | null }) | null;
  /** DGA's published survey: another source and population, drawn apart. */
  baseline: PrevalenceShare | null;
}

/**
 * One row per obstacle category: the collected share beside DGA's published
 * one, most cited (collected) first; the survey's order breaks ties.
 */
export function prevalenceRows(
  prevalence: Pick<ObstaclePrevalence, 'categories' | 'baseline'>,
  locale: AppLocale,
): PrevalenceRow[] {
  const baseline = new Map((prevalence.baseline?.categories ?? []).map((c) => [c.category.code, c]));
  return [...prevalence.categories]
    .sort(
      (a: CategoryPrevalence, b: CategoryPrevalence) =>
        (b.percentage ?? -1) - (a.percentage ?? -1) || a.category.sortOrder - b.category.sortOrder,
    )
    .map((c) => ({
      code: c.category.code,
      label: locale === 'th' ? c.category.labelTh : c.category.labelEn,
      collected: c,
      baseline: baseline.get(c.category.code) ?? null,
    }));
}

export interface PrevalenceChartNames {
  /** Legend name of the collected series, e.g. "Reports, Q4/2569 (70 provinces)". */
  collected: string;
  /** Legend name of the baseline, e.g. "DGA survey 2567 (76 provinces, published)". */
  baseline: string | null;
}

export interface PrevalenceLayout {
  compact?: boolean;
}

/** Pixels per category: two bars and a wrapped Thai label. */
export function prevalenceChartHeight(rows: number, compact = false): string {
  return `${96 + rows * (compact ? 62 : 54)}px`;
}

const BAR_WIDTH = 12;
const BAR_GAP = 4;

/** Where a series' bar sits inside its category band: the first above the centre, the second below. */
export function barOffset(seriesPosition: 0 | 1, seriesCount: 1 | 2): number {
  if (seriesCount === 1) return 0;
  const half = (BAR_WIDTH + BAR_GAP) / 2;
  return seriesPosition === 0 ? -half : half;
}

type CustomRenderItem = NonNullable<CustomSeriesOption['renderItem']>;

/**
 * The 95 % interval of one series as a whisker (a line with end caps) over
 * its bar, and the share written just past the upper end so the label never
 * sits on the whisker. `data` rows are [ciLow, ciHigh, categoryIndex, percentage].
 */
export function whiskerRenderer(offset: number, locale: AppLocale, digits: number, color: string): CustomRenderItem {
  return (_params, api) => {
    const low = Number(api.value(0));
    const high = Number(api.value(1));
    const category = Number(api.value(2));
    const share = Number(api.value(3));
    const start = api.coord([low, category]) as number[];
    const end = api.coord([high, category]) as number[];
    const y = (start[1] ?? 0) + offset;
    const x0 = start[0] ?? 0;
    const x1 = end[0] ?? 0;
    const cap = BAR_WIDTH / 2;
    const style = { stroke: '#1f2933', lineWidth: 1.2 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: x0, y1: y, x2: x1, y2: y }, style },
        { type: 'line', shape: { x1: x0, y1: y - cap, x2: x0, y2: y + cap }, style },
        { type: 'line', shape: { x1: x1, y1: y - cap, x2: x1, y2: y + cap }, style },
        {
          type: 'text',
          x: x1 + 5,
          y,
          style: {
            text: formatPercent(share, locale, digits),
            fill: color,
            fontSize: 11,
            verticalAlign: 'middle',
            fontFamily: CHART_FONT_FAMILY,
          },
        },
      ],
    };
  };
}

function shareText(share: PrevalenceShare, locale: AppLocale, digits: number): string {
  const t = messages[locale].analytics.charts;
  const parts = [
    `${formatPercent(share.percentage ?? 0, locale, digits)} (${formatRatio(share.count, share.respondents, locale)})`,
  ];
  if (share.ciLow != null && share.ciHigh != null) {
    parts.push(fill(t.ci, { low: formatNumber(share.ciLow, locale, 1), high: formatNumber(share.ciHigh, locale, 1) }));
  }
  if (share.smallSample) parts.push(t.smallSample);
  return parts.join(', ');
}

/**
 * Horizontal bars of the share of respondents citing each obstacle, with
 * 95 % Wilson intervals as whiskers, beside DGA's published baseline. The
 * baseline is grey and named as its own source: it is another survey of
 * another population, shown for comparison, not as part of the data.
 * Shares from small samples are drawn pale.
 */
export function buildObstaclePrevalenceOption(
  rows: readonly PrevalenceRow[],
  locale: AppLocale,
  names: PrevalenceChartNames,
  layout: PrevalenceLayout = {},
): ChartOption {
  const t = messages[locale].analytics.charts;
  const compact = layout.compact ?? false;
  const withBaseline = names.baseline != null && rows.some((r) => r.baseline?.percentage != null);
  const count: 1 | 2 = withBaseline ? 2 : 1;
  const ciData = (pick: (r: PrevalenceRow) => PrevalenceShare | null) =>
    rows.flatMap((r, i) => {
      const s = pick(r);
      return s && s.ciLow != null && s.ciHigh != null && s.percentage != null
        ? [[s.ciLow, s.ciHigh, i, s.percentage]]
        : [];
    });

  const series: NonNullable<ChartOption['series']> = [
    {
      type: 'bar',
      name: names.collected,
      data: rows.map((r) => ({
        value: r.collected?.percentage ?? null,
        itemStyle: { color: BAR_COLOR, opacity: r.collected?.smallSample ? 0.45 : 1 },
      })),
      barWidth: BAR_WIDTH,
      barGap: `${Math.round((BAR_GAP / BAR_WIDTH) * 100)}%`,
      itemStyle: { color: BAR_COLOR },
    },
  ];
  if (withBaseline) {
    series.push({
      type: 'bar',
      name: names.baseline!,
      data: rows.map((r) => r.baseline?.percentage ?? null),
      barWidth: BAR_WIDTH,
      itemStyle: { color: BASELINE_COLOR },
    });
  }
  series.push({
    type: 'custom',
    name: names.collected,
    renderItem: whiskerRenderer(barOffset(0, count), locale, 1, BAR_COLOR),
    encode: { x: [0, 1], y: 2 },
    data: ciData((r) => r.collected),
    silent: true,
    z: 3,
  });
  if (withBaseline) {
    series.push({
      type: 'custom',
      name: names.baseline!,
      renderItem: whiskerRenderer(barOffset(1, count), locale, 2, '#52606d'),
      encode: { x: [0, 1], y: 2 },
      data: ciData((r) => r.baseline),
      silent: true,
      z: 3,
    });
  }

  return {
    legend: {
      top: 0,
      left: 0,
      data: withBaseline ? [names.collected, names.baseline!] : [names.collected],
      selectedMode: false,
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const row = items[0] ? rows[items[0].dataIndex] : undefined;
        if (!row) return '';
        const lines = [`<strong>${escapeHtml(row.label)}</strong>`];
        if (row.collected) {
          lines.push(`${escapeHtml(names.collected)}: ${escapeHtml(shareText(row.collected, locale, 1))}`);
          if (row.collected.meanSeverity != null) {
            lines.push(
              escapeHtml(fill(t.meanSeverity, { severity: formatNumber(row.collected.meanSeverity, locale, 1) })),
            );
          }
        }
        if (withBaseline && row.baseline)
          lines.push(`${escapeHtml(names.baseline!)}: ${escapeHtml(shareText(row.baseline, locale, 2))}`);
        return lines.join('<br/>');
      },
    },
    grid: { left: 8, right: compact ? 48 : 64, top: compact ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { show: !compact, formatter: (v: number) => formatPercent(v, locale, 0) },
      splitLine: { lineStyle: { color: '#e4e7eb' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => wrapLabel(r.label, compact ? 16 : 28, locale)),
      axisTick: { show: false },
      axisLabel: { lineHeight: 15, fontSize: compact ? 11 : 12, interval: 0 },
    },
    series,
  };
}

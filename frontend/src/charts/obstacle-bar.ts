import type { PublishedDataset, PublishedValue } from '@/api/types';
import { formatDate, formatPercent, formatRatio, type AppLocale } from '@/locales/format';
import { messages } from '@/locales/messages';
import { sourcePublisher } from '@/locales/published';
import { escapeHtml } from './escape-html';
import { BAR_COLOR } from './theme';
import type { ChartOption } from './types';
import { wrapLabel } from './wrap-label';

type CategoryValue = PublishedValue & { obstacleCategory: NonNullable<PublishedValue['obstacleCategory']> };

const LINE_HEIGHT = 18;

export interface ObstacleBarLayout {
  /** Narrow screens: shorter label lines and no value axis (each bar carries its figure). */
  compact?: boolean;
}

/** The per-category rows, most cited first; ties keep the source's order. */
export function obstacleCategoryRows(dataset: Pick<PublishedDataset, 'values'>): CategoryValue[] {
  return dataset.values
    .filter((v): v is CategoryValue => v.measureCode === 'CATEGORY' && v.obstacleCategory != null)
    .sort((a, b) => b.count - a.count || a.obstacleCategory.sortOrder - b.obstacleCategory.sortOrder);
}

/** "ที่มา: สพร., 15 ม.ค. 2567" - the short citation drawn under the title. */
export function sourceLine(dataset: PublishedDataset, locale: AppLocale): string {
  const { source } = dataset;
  const date = source.publishedOn ?? dataset.publishedOn;
  const parts = [sourcePublisher(source, locale), date ? formatDate(date, locale) : null].filter(
    (p): p is string => !!p,
  );
  return `${messages[locale].charts.source}: ${parts.join(', ')}`;
}

/**
 * Horizontal bars of a published survey's obstacle categories, sorted by
 * count, each labelled "57.89 % (44/76)". Bars are the published
 * percentages; counts and denominators are shown beside them because the
 * percentages are exact fractions of a small population (76 provinces).
 */
export function buildObstacleBarOption(
  dataset: PublishedDataset,
  locale: AppLocale,
  layout: ObstacleBarLayout = {},
): ChartOption {
  const compact = layout.compact ?? false;
  const labelWidthChars = compact ? 16 : 30;
  const titleWidthChars = compact ? 34 : 70;
  const rows = obstacleCategoryRows(dataset);
  const label = (row: CategoryValue) => (locale === 'th' ? row.obstacleCategory.labelTh : row.obstacleCategory.labelEn);
  const figure = (row: CategoryValue) =>
    `${formatPercent(row.percentage, locale, 2)} (${formatRatio(row.count, row.denominator, locale)})`;
  const title = wrapLabel(locale === 'th' ? dataset.titleTh : dataset.titleEn, titleWidthChars, locale);
  const titleLines = title.split('\n').length;

  return {
    title: {
      text: title,
      subtext: sourceLine(dataset, locale),
      ...(dataset.source.url ? { sublink: dataset.source.url, subtarget: 'blank' as const } : {}),
      left: 0,
      top: 0,
      textStyle: { fontSize: 14, fontWeight: 600, lineHeight: LINE_HEIGHT },
      subtextStyle: { fontSize: 12 },
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const row = item ? rows[item.dataIndex] : undefined;
        return row ? `${escapeHtml(label(row))}<br/><strong>${escapeHtml(figure(row))}</strong>` : '';
      },
    },
    grid: {
      left: 8,
      right: compact ? 104 : 120,
      top: 24 + titleLines * LINE_HEIGHT + 28,
      bottom: compact ? 8 : 24,
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { show: !compact, formatter: (value: number) => formatPercent(value, locale, 0) },
      splitLine: { lineStyle: { color: '#e4e7eb' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => wrapLabel(label(row), labelWidthChars, locale)),
      axisTick: { show: false },
      axisLabel: { lineHeight: 16, fontSize: compact ? 11 : 12 },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((row) => row.percentage),
        barMaxWidth: 22,
        itemStyle: { color: BAR_COLOR, borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          formatter: (params) => {
            const row = rows[params.dataIndex];
            return row ? figure(row) : '';
          },
        },
      },
    ],
  };
}

/** The "at least one obstacle" figure, published beside the categories. */
export function anyObstacleValue(dataset: Pick<PublishedDataset, 'values'>): PublishedValue | null {
  return dataset.values.find((v) => v.measureCode === 'ANY') ?? null;
}

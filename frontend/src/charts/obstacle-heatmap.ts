import type { ObstacleCategory } from '@/api/types';
import type { PrevalenceShare } from '@/api/analytics-types';
import {
  formatFiscalQuarter,
  formatFiscalQuarterShort,
  formatNumber,
  formatPercent,
  formatRatio,
  type AppLocale,
} from '@/locales/format';
import { fill } from '@/locales/interpolate';
import { messages } from '@/locales/messages';
import { escapeHtml } from './escape-html';
import { NO_DATA_COLOR, SEQUENTIAL_ORANGES } from './theme';
import type { ChartOption } from './types';
import { wrapLabel } from './wrap-label';

export type HeatmapCell = PrevalenceShare & { meanSeverity: number | null };

export interface ObstacleHeatmapInput {
  /** Quarter codes, oldest first. */
  quarters: readonly string[];
  categories: ReadonlyArray<Pick<ObstacleCategory, 'code' | 'labelTh' | 'labelEn'>>;
  /** Key `${categoryCode}|${quarterCode}`; a quarter without respondents has no cells. */
  cells: ReadonlyMap<string, HeatmapCell>;
}

export const heatmapKey = (categoryCode: string, quarterCode: string) => `${categoryCode}|${quarterCode}`;

/** Pixels per category row. */
export function heatmapHeight(categories: number, compact = false): string {
  return `${80 + categories * (compact ? 40 : 36)}px`;
}

// Text on the two darkest steps of the scale is white for contrast.
const DARK_FROM = 50;

/**
 * Categories (rows) × quarters (columns), each cell the share of local
 * organizations citing the obstacle that quarter. The colour scale is fixed
 * at 0–100 % so quarters and provinces compare; cells from small samples
 * are marked with an asterisk.
 */
export function buildObstacleHeatmapOption(
  input: ObstacleHeatmapInput,
  locale: AppLocale,
  compact = false,
): ChartOption {
  const t = messages[locale].analytics.charts;
  const label = (c: ObstacleHeatmapInput['categories'][number]) => (locale === 'th' ? c.labelTh : c.labelEn);
  const data = input.categories.flatMap((category, y) =>
    input.quarters.flatMap((quarter, x) => {
      const cell = input.cells.get(heatmapKey(category.code, quarter));
      if (!cell || cell.percentage == null) return [];
      return [
        {
          value: [x, y, cell.percentage],
          label: { color: cell.percentage >= DARK_FROM ? '#ffffff' : '#1f2933' },
        },
      ];
    }),
  );

  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const value = (item?.value ?? []) as number[];
        const category = input.categories[value[1] ?? -1];
        const quarter = input.quarters[value[0] ?? -1];
        if (!category || !quarter) return '';
        const cell = input.cells.get(heatmapKey(category.code, quarter));
        if (!cell) return '';
        const lines = [
          `<strong>${escapeHtml(label(category))}</strong>`,
          escapeHtml(formatFiscalQuarter(quarter, locale)),
          escapeHtml(
            `${formatPercent(cell.percentage ?? 0, locale, 1)} (${formatRatio(cell.count, cell.respondents, locale)})`,
          ),
        ];
        if (cell.ciLow != null && cell.ciHigh != null) {
          lines.push(
            escapeHtml(
              fill(t.ci, { low: formatNumber(cell.ciLow, locale, 1), high: formatNumber(cell.ciHigh, locale, 1) }),
            ),
          );
        }
        if (cell.meanSeverity != null)
          lines.push(escapeHtml(fill(t.meanSeverity, { severity: formatNumber(cell.meanSeverity, locale, 1) })));
        if (cell.smallSample) lines.push(escapeHtml(t.smallSample));
        return lines.join('<br/>');
      },
    },
    grid: { left: 8, right: 8, top: 8, bottom: compact ? 56 : 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: input.quarters.map((q) => formatFiscalQuarterShort(q, locale)),
      splitArea: { show: false },
      axisTick: { show: false },
      name: t.quarterAxis,
      nameLocation: 'middle',
      nameGap: 26,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.categories.map((c) => wrapLabel(label(c), compact ? 14 : 26, locale)),
      axisTick: { show: false },
      axisLabel: { fontSize: compact ? 10 : 11, lineHeight: 13, interval: 0 },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 160,
      text: ['100 %', '0 %'],
      inRange: { color: SEQUENTIAL_ORANGES },
      outOfRange: { color: NO_DATA_COLOR },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: 11,
          formatter: (params) => {
            const value = params.value as number[];
            const category = input.categories[value[1] ?? -1];
            const quarter = input.quarters[value[0] ?? -1];
            const cell = category && quarter ? input.cells.get(heatmapKey(category.code, quarter)) : undefined;
            return `${formatNumber(value[2] ?? 0, locale, 0)}${cell?.smallSample ? '*' : ''}`;
          },
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 1 } },
      },
    ],
  };
}

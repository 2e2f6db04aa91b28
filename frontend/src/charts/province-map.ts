import type { Indicator, IndicatorUnit, Province } from '@/api/types';
import { formatIndicatorValue, formatRatio, formatScore, type AppLocale } from '@/locales/format';
import { messages } from '@/locales/messages';
import { escapeHtml } from './escape-html';
import { THAILAND_MAP } from './geo/map-names';
import { HIGHLIGHT_COLOR, NO_DATA_COLOR, SEQUENTIAL_BLUES, SEQUENTIAL_ORANGES } from './theme';
import type { ChartOption } from './types';

/** An indicator's unit, or SCORE for the composite index (0–100). */
export type MapUnit = IndicatorUnit | 'SCORE';

/** What the map is coloured by: an indicator, the composite index or an obstacle's prevalence. */
export interface MapLayer {
  nameTh: string;
  nameEn: string;
  unit: MapUnit;
  /** 1: higher is better; -1: lower is better. */
  direction: 1 | -1;
}

export type MapIndicator = Pick<Indicator, 'nameTh' | 'nameEn' | 'unit' | 'direction'>;

export interface MapValue {
  provinceCode: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** Synthetic demo data, said so in the tooltip. */
  isDemo?: boolean;
  /** Extra tooltip lines, already formatted. */
  details?: readonly string[];
}

export interface MapOptions {
  /** Provinces of other regions are drawn faded (their colours still follow the national scale). */
  focusRegionCode?: string | null;
  /** Outlined: the province the user picked. */
  highlightCode?: string | null;
  /**
   * blues: darker is better (reversed for lower-is-better indicators);
   * oranges: darker is more (for obstacle prevalence, where more is worse).
   */
  palette?: 'blues' | 'oranges';
}

interface ProvinceCell {
  province: Province;
  value: MapValue | null;
}

/** Provinces with a finite value; null values and NaN are "no data". */
function hasValue(v: MapValue | null | undefined): v is MapValue & { value: number } {
  return v != null && typeof v.value === 'number' && Number.isFinite(v.value);
}

function valueRange(values: number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 1 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  // A single distinct value still needs a non-empty range to be coloured.
  return min === max ? { min, max: min + 1 } : { min, max };
}

export function formatMapValue(value: number, unit: MapUnit, locale: AppLocale): string {
  return unit === 'SCORE' ? formatScore(value, locale) : formatIndicatorValue(value, unit, locale);
}

function tooltipHtml(cell: ProvinceCell | undefined, fallbackName: string, locale: AppLocale, layer: MapLayer): string {
  const t = messages[locale].charts;
  const provinceName = cell ? (locale === 'th' ? cell.province.nameTh : cell.province.nameEn) : fallbackName;
  const layerName = locale === 'th' ? layer.nameTh : layer.nameEn;
  const head = `<strong>${escapeHtml(provinceName)}</strong><br/>${escapeHtml(layerName)}: `;
  const v = cell?.value;
  if (!hasValue(v)) return `${head}${escapeHtml(t.noData)}`;
  let text = formatMapValue(v.value, layer.unit, locale);
  if (v.numerator != null && v.denominator != null) {
    text += ` (${formatRatio(v.numerator, v.denominator, locale)})`;
  }
  const details = (v.details ?? []).map((d) => `<br/>${escapeHtml(d)}`).join('');
  const demo = v.isDemo ? `<br/><em>${escapeHtml(t.demoValue)}</em>` : '';
  return `${head}${escapeHtml(text)}${details}${demo}`;
}

/**
 * Choropleth of the 77 provinces for one layer (an indicator, the composite
 * index or an obstacle) in one quarter.
 * Provinces are joined to the geometry by code -> geoName; provinces without
 * a value stay grey and say "no data".
 *
 * The colour range is the range of the data, not the indicator's theoretical
 * range (0-100 % for percentages): the purpose is to compare provinces, and
 * the legend states the actual minimum and maximum. The scale runs light to
 * dark towards the better end, so "darker is better" holds for indicators
 * where lower is better too.
 */
export function buildProvinceMapOption(
  values: readonly MapValue[],
  provinces: readonly Province[],
  locale: AppLocale,
  layer: MapLayer,
  options: MapOptions = {},
): ChartOption {
  const byCode = new Map(values.map((v) => [v.provinceCode, v]));
  const cells = new Map<string, ProvinceCell>(
    provinces.map((province) => [province.geoName, { province, value: byCode.get(province.code) ?? null }]),
  );
  const finite = [...cells.values()].map((c) => c.value).filter(hasValue);
  const { min, max } = valueRange(finite.map((v) => v.value));
  const format = (n: number) => formatMapValue(n, layer.unit, locale);
  const colors =
    options.palette === 'oranges'
      ? SEQUENTIAL_ORANGES
      : layer.direction === 1
        ? SEQUENTIAL_BLUES
        : [...SEQUENTIAL_BLUES].reverse();
  const faded = (province: Province) =>
    options.focusRegionCode != null && province.region.code !== options.focusRegionCode;

  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const name = item?.name ?? '';
        return tooltipHtml(cells.get(name), name, locale, layer);
      },
    },
    visualMap: {
      type: 'continuous',
      min,
      max,
      show: finite.length > 0,
      calculable: false,
      orient: 'vertical',
      left: 8,
      bottom: 8,
      itemHeight: 120,
      text: [format(max), format(min)],
      // Also labels the marker that points at a hovered province's value.
      formatter: (value: unknown) => (typeof value === 'number' ? format(value) : String(value)),
      inRange: { color: colors },
      outOfRange: { color: NO_DATA_COLOR },
      seriesIndex: 0,
    },
    series: [
      {
        type: 'map',
        map: THAILAND_MAP,
        roam: false,
        // Thailand lies near 13° N: an equirectangular x/y ratio of cos(13°)
        // keeps its shape; ECharts' default 0.75 suits mid latitudes.
        aspectScale: 0.97,
        top: 8,
        bottom: 8,
        selectedMode: false,
        label: { show: false },
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: {
          label: { show: false },
          itemStyle: { areaColor: '#f5b041', borderColor: '#1f2933', borderWidth: 1 },
        },
        data: [...cells.entries()].map(([geoName, cell]) => {
          const highlighted = options.highlightCode === cell.province.code;
          const style = {
            ...(faded(cell.province) ? { opacity: 0.3 } : {}),
            ...(highlighted ? { borderColor: HIGHLIGHT_COLOR, borderWidth: 2.5 } : {}),
          };
          return {
            name: geoName,
            value: hasValue(cell.value) ? cell.value.value : '-',
            // Read back by the click handler to open the province.
            code: cell.province.code,
            ...(Object.keys(style).length > 0 ? { itemStyle: style } : {}),
          };
        }),
      },
    ],
  };
}

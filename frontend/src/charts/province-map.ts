import type { Indicator, Province, ProvinceIndicatorValue } from '@/api/types';
import { formatIndicatorValue, formatRatio, type AppLocale } from '@/locales/format';
import { messages } from '@/locales/messages';
import { escapeHtml } from './escape-html';
import { THAILAND_MAP } from './geo/map-names';
import { NO_DATA_COLOR, SEQUENTIAL_BLUES } from './theme';
import type { ChartOption } from './types';

export type MapIndicator = Pick<Indicator, 'nameTh' | 'nameEn' | 'unit' | 'direction'>;

interface ProvinceCell {
  province: Province;
  value: ProvinceIndicatorValue | null;
}

/** Provinces with a finite value; null values and NaN are "no data". */
function hasValue(v: ProvinceIndicatorValue | null | undefined): v is ProvinceIndicatorValue & { value: number } {
  return v != null && typeof v.value === 'number' && Number.isFinite(v.value);
}

function valueRange(values: number[]): { min: number; max: number } {
  if (values.length === 0) return { min: 0, max: 1 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  // A single distinct value still needs a non-empty range to be coloured.
  return min === max ? { min, max: min + 1 } : { min, max };
}

function tooltipHtml(cell: ProvinceCell | undefined, fallbackName: string, locale: AppLocale, indicator: MapIndicator): string {
  const t = messages[locale].charts;
  const provinceName = cell ? (locale === 'th' ? cell.province.nameTh : cell.province.nameEn) : fallbackName;
  const indicatorName = locale === 'th' ? indicator.nameTh : indicator.nameEn;
  const head = `<strong>${escapeHtml(provinceName)}</strong><br/>${escapeHtml(indicatorName)}: `;
  const v = cell?.value;
  if (!hasValue(v)) return `${head}${escapeHtml(t.noData)}`;
  let text = formatIndicatorValue(v.value, indicator.unit, locale);
  if (v.numerator != null && v.denominator != null) {
    text += ` (${formatRatio(v.numerator, v.denominator, locale)})`;
  }
  const demo = v.isDemo ? `<br/><em>${escapeHtml(t.demoValue)}</em>` : '';
  return `${head}${escapeHtml(text)}${demo}`;
}

/**
 * Choropleth of the 77 provinces for one indicator in one quarter.
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
  values: readonly ProvinceIndicatorValue[],
  provinces: readonly Province[],
  locale: AppLocale,
  indicator: MapIndicator,
): ChartOption {
  const byCode = new Map(values.map((v) => [v.provinceCode, v]));
  const cells = new Map<string, ProvinceCell>(
    provinces.map((province) => [province.geoName, { province, value: byCode.get(province.code) ?? null }]),
  );
  const finite = [...cells.values()].map((c) => c.value).filter(hasValue);
  const { min, max } = valueRange(finite.map((v) => v.value));
  const format = (n: number) => formatIndicatorValue(n, indicator.unit, locale);
  const colors = indicator.direction === 1 ? SEQUENTIAL_BLUES : [...SEQUENTIAL_BLUES].reverse();

  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const name = item?.name ?? '';
        return tooltipHtml(cells.get(name), name, locale, indicator);
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
        data: [...cells.entries()].map(([geoName, cell]) => ({
          name: geoName,
          value: hasValue(cell.value) ? cell.value.value : '-',
        })),
      },
    ],
  };
}

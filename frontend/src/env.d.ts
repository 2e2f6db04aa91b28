/// <reference types="vite/client" />

declare module 'virtual:thailand-geojson' {
  import type { GeoFeatureCollectionLike } from '@/charts/geo/geojson';

  const geoJson: GeoFeatureCollectionLike;
  export default geoJson;
}

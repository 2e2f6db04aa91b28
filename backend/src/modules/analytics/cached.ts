import type { Actor } from '../../core/auth/actor.js';
import type { AnalyticsCache } from '../../core/cache/analytics-cache.js';
import { visibleStatuses } from './visibility.js';

/**
 * An analytics result through the cache. The result depends on the arguments and on which report states
 * the caller may count (never on who the caller is otherwise), so that is the key; the visibility check
 * runs first, so a refused caller is refused whether or not the result is cached.
 */
export function cachedAnalytics<T>(
  cache: AnalyticsCache,
  actor: Actor | null,
  includeSubmitted: boolean | null | undefined,
  name: string,
  args: Record<string, unknown>,
  compute: () => Promise<T>,
): Promise<T> {
  const statuses = visibleStatuses(actor, includeSubmitted);
  return cache.get(`${name}|${statuses.join(',')}|${JSON.stringify(args)}`, compute);
}

/**
 * Index weights are relative floats: keyed raw, 2 and 2.0000002 would each take a cache entry and push useful
 * ones out. Resolvers round them to four significant digits (and sort them) before both the key and the
 * computation, so weights that give the same index to the shown precision share one entry.
 */
export function canonicalWeights<W extends { pillarCode: string; weight: number }>(weights: W[] | null | undefined): W[] | null {
  if (!weights?.length) return null;
  return [...weights]
    .sort((a, b) => a.pillarCode.localeCompare(b.pillarCode))
    .map((w) => ({ ...w, weight: Number.isFinite(w.weight) ? Number(w.weight.toPrecision(4)) : w.weight }));
}

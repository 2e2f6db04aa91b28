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

import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { AnalyticsCache, type CacheTag, type ChangeKind } from '../../core/cache/analytics-cache.js';
import { AnalyticsCatalog } from './analytics-catalog.js';
import type { QuarterCalendar } from './calendar.js';
import { visibleStatuses, type VisibleStatus } from './visibility.js';

/**
 * The quarters a result reads, as its arguments say, so that a change elsewhere keeps it. Without its quarter
 * (the default: the latest with enough visible data, which any approval may move) a result reads every quarter.
 * - quarter: that quarter only; withPrevious: and the one before (changes since the previous quarter);
 *   upTo: every quarter up to it (progress finds its base in the first quarter with a value);
 * - from/to: a series (from the first quarter when from is null);
 * - fiscalYear: its four quarters.
 */
export type QuarterReads =
  | { quarter: string | null; span: 'quarter' | 'withPrevious' | 'upTo' }
  | { from: string | null; to: string | null }
  | { fiscalYear: number };

const KIND: Record<VisibleStatus, ChangeKind> = { APPROVED: 'approved', SUBMITTED: 'submitted' };

/** Quarter ids a result reads; null for all of them (or an unknown code: the computation refuses it, nothing is kept). */
export function quarterIdsRead(calendar: QuarterCalendar, reads: QuarterReads): Set<number> | null {
  if ('fiscalYear' in reads)
    return new Set(calendar.quarters.filter((q) => q.fiscalYear === reads.fiscalYear).map((q) => q.id));
  if ('span' in reads) {
    const q = reads.quarter ? calendar.code(reads.quarter) : undefined;
    if (!q) return null;
    if (reads.span === 'quarter') return new Set([q.id]);
    if (reads.span === 'withPrevious')
      return new Set([q.id, ...(calendar.previous(q) ? [calendar.previous(q)!.id] : [])]);
    return new Set(calendar.range(null, q).map((x) => x.id));
  }
  const to = reads.to ? calendar.code(reads.to) : undefined;
  const from = reads.from ? calendar.code(reads.from) : null;
  if (!to || from === undefined) return null;
  return new Set(calendar.range(from, to).map((x) => x.id));
}

/**
 * Analytics results through the cache. A result depends on its arguments and on which report states the caller
 * may count (never on who the caller is otherwise), so that is the key; it is tagged with those states and the
 * quarters it reads, so that only a change to them drops it (a draft saved drops nothing: no result counts drafts).
 * The visibility check runs first, so a refused caller is refused whether or not the result is cached.
 */
@Injectable()
export class CachedAnalytics {
  constructor(
    private readonly cache: AnalyticsCache,
    private readonly catalog: AnalyticsCatalog,
  ) {}

  async get<T>(
    actor: Actor | null,
    includeSubmitted: boolean | null | undefined,
    name: string,
    args: Record<string, unknown>,
    reads: QuarterReads,
    compute: () => Promise<T>,
  ): Promise<T> {
    const statuses = visibleStatuses(actor, includeSubmitted);
    if (!this.cache.enabled) return compute();
    const tag: CacheTag = {
      kinds: statuses.map((s) => KIND[s]),
      quarterIds: quarterIdsRead(await this.catalog.calendar(), reads),
    };
    return this.cache.get(`${name}|${statuses.join(',')}|${JSON.stringify(args)}`, tag, compute);
  }
}

/**
 * Index weights are relative floats: keyed raw, 2 and 2.0000002 would each take a cache entry and push useful
 * ones out. Resolvers round them to four significant digits (and sort them) before both the key and the
 * computation, so weights that give the same index to the shown precision share one entry.
 */
export function canonicalWeights<W extends { pillarCode: string; weight: number }>(
  weights: W[] | null | undefined,
): W[] | null {
  if (!weights?.length) return null;
  return [...weights]
    .sort((a, b) => a.pillarCode.localeCompare(b.pillarCode))
    .map((w) => ({ ...w, weight: Number.isFinite(w.weight) ? Number(w.weight.toPrecision(4)) : w.weight }));
}

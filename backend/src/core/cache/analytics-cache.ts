import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** The channel the triggers of migrations 0006 and 0009 notify after every committed change analytics read. */
export const DATA_CHANGED_CHANNEL = 'digigov_data_changed';
export const MAX_ENTRIES = 2000;
/**
 * The cache must not be the thing that exhausts a 192 MB heap: results are measured (as JSON, about their size
 * in memory) when they arrive, the oldest go first past the total, and one result larger than a tenth of it
 * is served but not kept.
 */
export const MAX_CACHE_BYTES = 24 * 1024 * 1024;

/**
 * What a committed change can alter (migration 0009 sends it as JSON):
 * - approved, submitted, draft: data of reports in that state, or reports entering or leaving it (draft stands
 *   for RETURNED too: analytics count neither);
 * - framework: targets, indicators, recommendations, org units, published values: everything;
 * - actionPlan: action items.
 */
export type ChangeKind = 'approved' | 'submitted' | 'draft' | 'framework' | 'actionPlan';
const KINDS: ReadonlySet<string> = new Set<ChangeKind>(['approved', 'submitted', 'draft', 'framework', 'actionPlan']);

export interface DataChange {
  kind: ChangeKind;
  /** The quarters (fiscal_quarter ids) whose data changed; null: any. */
  quarterIds: number[] | null;
}

/** What a cached result read: the kinds of change that alter it, and its quarters (null: any, as a default quarter may move). */
export interface CacheTag {
  kinds: ChangeKind[];
  quarterIds: ReadonlySet<number> | null;
}

export const EVERYTHING: DataChange = { kind: 'framework', quarterIds: null };

/** The change to the data of a report in this state (or to the report entering or leaving it). */
export function reportChange(status: string, quarterIds: number[]): DataChange {
  return { kind: status === 'APPROVED' ? 'approved' : status === 'SUBMITTED' ? 'submitted' : 'draft', quarterIds };
}

/**
 * A notification's payload. Anything else than 0009's JSON (0006's table name from a server not yet migrated,
 * a kind this version does not know) is taken as a change to everything: never serve what might be stale.
 */
export function parseChange(payload: string | undefined): DataChange {
  try {
    const p = JSON.parse(payload ?? '') as { kind?: unknown; quarterIds?: unknown };
    const ids = p.quarterIds;
    if (typeof p.kind !== 'string' || !KINDS.has(p.kind)) return EVERYTHING;
    if (ids === null) return { kind: p.kind as ChangeKind, quarterIds: null };
    if (Array.isArray(ids) && ids.every((id) => Number.isInteger(id)))
      return { kind: p.kind as ChangeKind, quarterIds: ids as number[] };
    return EVERYTHING;
  } catch {
    return EVERYTHING;
  }
}

function alters(change: DataChange, tag: CacheTag): boolean {
  if (change.kind === 'framework') return true;
  if (!tag.kinds.includes(change.kind)) return false;
  return (
    change.quarterIds === null || tag.quarterIds === null || change.quarterIds.some((id) => tag.quarterIds!.has(id))
  );
}

interface Entry {
  value: Promise<unknown>;
  bytes: number;
  tag: CacheTag;
}

/**
 * Analytics results, kept until a change they read arrives. PostgreSQL delivers NOTIFY only after commit, so an
 * invalidation never runs ahead of the data; the notification says what changed (which report states, which
 * quarters), and only the entries tagged with that state and one of those quarters are dropped, still computing
 * or not (a computation dropped while running is served to those already waiting, never kept). Writes made
 * through this process invalidate at once with the same granularity, without waiting for the notification.
 * Without a listening connection (not yet connected, or lost) nothing is served from the cache.
 */
@Injectable()
export class AnalyticsCache implements OnModuleInit, OnModuleDestroy {
  private version = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** invalidations: changes applied (heard or made here); dropped: entries they removed. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0, dropped: 0 };

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.analyticsCache && this.listening;
  }

  /** Changes heard or made since start-up. */
  get currentVersion(): number {
    return this.version;
  }

  async onModuleInit(): Promise<void> {
    if (this.config.analyticsCache) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listening = false;
    await this.listener?.end().catch(() => {});
  }

  private async listen(): Promise<void> {
    const url = (this.db.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url, application_name: 'digigov-cache' });
    // Once per client ('error' and 'end' both come when the database goes away), retrying until it is back.
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      this.invalidate(EVERYTHING);
      void client.end().catch(() => {});
      if (!this.closed) setTimeout(() => void this.listen().catch(() => {}), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => this.invalidate(parseChange(n.payload)));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
    } catch (err) {
      lost();
      throw err;
    }
    // Anything that changed while we were not listening is unknown: start empty.
    this.invalidate(EVERYTHING);
    this.listening = true;
  }

  /** Drops what the changes can alter (everything when none is given). */
  invalidate(...changes: DataChange[]): void {
    for (const change of changes.length > 0 ? changes : [EVERYTHING]) {
      this.version++;
      this.stats.invalidations++;
      if (change.kind === 'framework') {
        this.stats.dropped += this.entries.size;
        this.entries.clear();
        this.bytes = 0;
        continue;
      }
      for (const [key, entry] of this.entries) {
        if (!alters(change, entry.tag)) continue;
        this.drop(key);
        this.stats.dropped++;
      }
    }
  }

  /** Bytes the kept results take (as JSON), for the bound and for tests. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.bytes;
    this.entries.delete(key);
  }

  /** An analytics result: counted in the hits and misses. */
  get<T>(key: string, tag: CacheTag, compute: () => Promise<T>): Promise<T> {
    return this.lookup(key, tag, compute, true);
  }

  /** A lookup results are computed from (indicators, org units, a default quarter): kept alike, not counted. */
  keep<T>(key: string, tag: CacheTag, compute: () => Promise<T>): Promise<T> {
    return this.lookup(key, tag, compute, false);
  }

  private async lookup<T>(key: string, tag: CacheTag, compute: () => Promise<T>, counted: boolean): Promise<T> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit) {
      if (counted) this.stats.hits++;
      // Least recently used goes first (Map keeps insertion order): a flood of one-off queries cannot push out
      // the dashboards everyone reads.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    if (counted) this.stats.misses++;
    const value = compute();
    const entry: Entry = { value, bytes: 0, tag };
    this.entries.set(key, entry);
    value.then(
      (v) => {
        // Dropped while computing (a change it read arrived meanwhile): not kept.
        if (this.entries.get(key) !== entry) return;
        entry.bytes = Buffer.byteLength(JSON.stringify(v) ?? '');
        this.bytes += entry.bytes;
        if (entry.bytes > MAX_CACHE_BYTES / 10) this.drop(key);
        while (this.bytes > MAX_CACHE_BYTES && this.entries.size > 0) this.drop(this.entries.keys().next().value!);
      },
      () => {
        if (this.entries.get(key) === entry) this.drop(key);
      },
    );
    if (this.entries.size > MAX_ENTRIES) this.drop(this.entries.keys().next().value!);
    return value;
  }
}

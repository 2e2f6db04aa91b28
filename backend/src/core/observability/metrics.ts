import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { AnalyticsCache } from '../cache/analytics-cache.js';
import type { RequestRecord } from './request-record.js';

/**
 * Operation names are chosen by clients: a label per name would let any caller grow the scrape without bound.
 * A name is kept when it looks like an identifier, up to this many distinct names; the rest count as "other".
 */
export const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,40}$/;
const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);
/** Error codes come from our own formatError, but a bound costs nothing. */
const MAX_ERROR_CODES = 50;

/**
 * Heap, event-loop lag, GC and the like are the process's, not an app's: one set per process, however many
 * apps a test file starts, merged into each app's scrape.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** The pg pool behind TypeORM's PostgreSQL driver (its `master`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

@Injectable()
export class Metrics implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly errorCodes = new Set<string>();
  private inFlight = () => 0;

  private readonly httpDuration = new Histogram({
    name: 'digigov_http_request_duration_seconds',
    help: 'Time from a request’s arrival to the end of its answer, by route class and GraphQL operation',
    labelNames: ['route', 'operation_type', 'operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly httpRequests = new Counter({
    name: 'digigov_http_requests_total',
    help: 'Requests answered, by route class and status class (2xx, 4xx, 5xx…)',
    labelNames: ['route', 'status_class'] as const,
    registers: [this.registry],
  });
  private readonly apiErrors = new Counter({
    name: 'digigov_api_errors_total',
    help: 'Error codes in answers (GraphQL extensions.code or the file endpoints’ code)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly importDuration = new Histogram({
    name: 'digigov_import_duration_seconds',
    help: 'Spreadsheet imports, from the first byte read to the result',
    labelNames: ['outcome', 'dry_run'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  private readonly importBytes = new Histogram({
    name: 'digigov_import_size_bytes',
    help: 'Size of the uploaded spreadsheet',
    labelNames: ['outcome'] as const,
    buckets: [10_000, 100_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 20_000_000],
    registers: [this.registry],
  });
  private readonly importRows = new Histogram({
    name: 'digigov_import_rows',
    help: 'Data rows read from the uploaded spreadsheet',
    labelNames: ['outcome'] as const,
    buckets: [1, 10, 100, 500, 1000, 2500, 5000, 10_000],
    registers: [this.registry],
  });

  constructor(
    private readonly db: DataSource,
    private readonly cache: AnalyticsCache,
  ) {
    const pool = () =>
      this.db.isInitialized ? ((this.db.driver as unknown as { master?: PgPool }).master ?? null) : null;
    new Gauge({
      name: 'digigov_db_pool_connections',
      help: 'Connections of the API’s PostgreSQL pool, by state (total, idle, max)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'max' }, p?.options?.max ?? 0);
      },
    });
    new Gauge({
      name: 'digigov_db_pool_waiting',
      help: 'Requests waiting for a connection of the pool',
      registers: [this.registry],
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    // The cache keeps its own counters (stats, size): read at scrape time, nothing is added to its hot path.
    const cacheCounter = (name: string, help: string, read: () => number) =>
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    cacheCounter(
      'digigov_analytics_cache_hits_total',
      'Analytics results served from the cache',
      () => this.cache.stats.hits,
    );
    cacheCounter(
      'digigov_analytics_cache_misses_total',
      'Analytics results computed (not in the cache)',
      () => this.cache.stats.misses,
    );
    cacheCounter(
      'digigov_analytics_cache_invalidations_total',
      'Times the cache was emptied because data changed',
      () => this.cache.stats.invalidations,
    );
    new Gauge({
      name: 'digigov_analytics_cache_entries',
      help: 'Results kept in the analytics cache',
      registers: [this.registry],
      collect() {
        this.set(readSize(cache).entries);
      },
    });
    new Gauge({
      name: 'digigov_analytics_cache_bytes',
      help: 'Size of the kept results (as JSON)',
      registers: [this.registry],
      collect() {
        this.set(readSize(cache).bytes);
      },
    });
    const inFlight = () => this.inFlight();
    new Gauge({
      name: 'digigov_http_requests_in_flight',
      help: 'Requests being served (a shutdown waits for these)',
      registers: [this.registry],
      collect() {
        this.set(inFlight());
      },
    });
  }

  /** The request counter that shutdown drains (drain.ts), read at scrape time. */
  countInFlightWith(read: () => number): void {
    this.inFlight = read;
  }

  async scrape(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  /** A request's end: its latency by route and operation, its status class and its error codes. */
  observeRequest(record: RequestRecord, status: number, seconds: number): void {
    if (record.route === 'metrics') return;
    const operation =
      record.route === 'graphql' || record.route === 'export' ? this.operationLabel(record.operationName) : 'none';
    const type = record.operationType && OPERATION_TYPES.has(record.operationType) ? record.operationType : 'none';
    this.httpDuration.observe({ route: record.route, operation_type: type, operation }, seconds);
    this.httpRequests.inc({ route: record.route, status_class: `${Math.trunc(status / 100)}xx` });
    for (const code of record.errorCodes)
      this.apiErrors.inc({ code: this.bounded(this.errorCodes, code, MAX_ERROR_CODES) });
  }

  observeImport(
    outcome: 'ok' | 'problems' | 'error',
    dryRun: boolean,
    seconds: number,
    bytes: number,
    rows: number | null,
  ): void {
    this.importDuration.observe({ outcome, dry_run: String(dryRun) }, seconds);
    this.importBytes.observe({ outcome }, bytes);
    if (rows !== null) this.importRows.observe({ outcome }, rows);
  }

  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    return this.bounded(this.operations, name, MAX_OPERATION_NAMES);
  }

  private bounded(seen: Set<string>, value: string, max: number): string {
    if (seen.has(value)) return value;
    if (seen.size >= max) return 'other';
    seen.add(value);
    return value;
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}

/** Another part of the code owns the cache; only its public `size` is read, and a cache without it reads as empty. */
function readSize(cache: AnalyticsCache): { entries: number; bytes: number } {
  const size = (cache as { size?: { entries?: number; bytes?: number } }).size;
  return { entries: size?.entries ?? 0, bytes: size?.bytes ?? 0 };
}

import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** The channel the data triggers of migration 0006 notify after every committed change analytics read. */
export const DATA_CHANGED_CHANNEL = 'digigov_data_changed';
const MAX_ENTRIES = 2000;
/**
 * The cache must not be the thing that exhausts a 192 MB heap: results are measured (as JSON, about their size
 * in memory) when they arrive, the oldest go first past the total, and one result larger than a tenth of it
 * is served but not kept.
 */
export const MAX_CACHE_BYTES = 24 * 1024 * 1024;

/**
 * Analytics results, kept until the data they read changes. PostgreSQL delivers NOTIFY only after commit,
 * so an invalidation never runs ahead of the data; an entry is tagged with the version current when its
 * computation started, and served only while no change has arrived since. Writes made through this
 * process also invalidate at once, without waiting for the notification. Without a listening connection
 * (not yet connected, or lost) nothing is served from the cache.
 */
@Injectable()
export class AnalyticsCache implements OnModuleInit, OnModuleDestroy {
  private version = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private readonly entries = new Map<string, { version: number; value: Promise<unknown>; bytes: number }>();
  private bytes = 0;
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.analyticsCache && this.listening;
  }

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
    const lost = () => {
      if (this.listener !== client) return;
      this.listening = false;
      this.invalidate();
      if (!this.closed) setTimeout(() => void this.listen().catch(() => {}), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.invalidate());
    this.listener = client;
    await client.connect();
    await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
    // Anything that changed while we were not listening is unknown: start empty.
    this.invalidate();
    this.listening = true;
  }

  invalidate(): void {
    this.version++;
    this.stats.invalidations++;
    this.entries.clear();
    this.bytes = 0;
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

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version) {
      this.stats.hits++;
      return hit.value as Promise<T>;
    }
    this.stats.misses++;
    const value = compute();
    const entry = { version: this.version, value: value as Promise<unknown>, bytes: 0 };
    this.drop(key);
    this.entries.set(key, entry);
    value.then(
      (v) => {
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

import { Global, Module } from '@nestjs/common';
import { AnalyticsCache } from './analytics-cache.js';

@Global()
@Module({ providers: [AnalyticsCache], exports: [AnalyticsCache] })
export class CacheModule {}

import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './core/config/app-config.js';
import { ConfigModule } from './core/config/config.module.js';
import { dataSourceOptions } from './core/database/data-source.js';
import { AppGraphQLModule } from './core/graphql/graphql.module.js';
import { CacheModule } from './core/cache/cache.module.js';
import { ObservabilityModule } from './core/observability/observability.module.js';
import type { Logger } from './core/observability/logger.js';
import type { Clock } from './core/clock.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ExplorerModule } from './modules/explorer/explorer.module.js';
import { ExportModule } from './modules/export/export.module.js';
import { ImportModule } from './modules/import/import.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { ReportModule } from './modules/report/report.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { FrameworkModule } from './modules/framework/framework.module.js';
import { OrgUnitModule } from './modules/org-unit/org-unit.module.js';
import { PeriodModule } from './modules/period/period.module.js';
import { PublishedModule } from './modules/published/published.module.js';
import { SourceModule } from './modules/source/source.module.js';
import { SystemModule } from './modules/system/system.module.js';
import { UserModule } from './modules/user/user.module.js';

@Module({})
export class AppModule {
  /** The database URL is known only after the embedded PostgreSQL (or DATABASE_URL) is ready. */
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    options: { clock?: Clock; logger?: Logger } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, options.clock),
        ObservabilityModule.forRoot(config, options.logger),
        TypeOrmModule.forRoot(
          dataSourceOptions(databaseUrl, { logSql: config.logSql, statementTimeoutMs: config.apiStatementTimeoutMs }),
        ),
        SourceModule,
        CacheModule,
        AuthModule,
        AppGraphQLModule,
        SystemModule,
        OrgUnitModule,
        PeriodModule,
        FrameworkModule,
        PublishedModule,
        AnalyticsModule,
        ReportModule,
        AuditModule,
        ImportModule,
        ExportModule,
        ExplorerModule,
        UserModule,
      ],
    };
  }
}

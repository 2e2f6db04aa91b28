import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './naming-strategy.js';
import { SqlLogger } from '../observability/sql-logger.js';

export interface DataSourceSettings {
  logSql?: boolean;
  /**
   * PostgreSQL statement_timeout of every pooled connection (ms; 0 = none). The API's pool sets it so that no
   * request holds a connection and a core for minutes; migrations, seeding and the demo load use their own
   * pg clients (database-setup.ts) and are not bound by it.
   */
  statementTimeoutMs?: number;
}

/** TypeORM never changes the schema: migrations/ does (synchronize off, migrationsRun off). */
export function dataSourceOptions(url: string, settings: DataSourceSettings = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: settings.logSql ? ['query', 'error'] : ['error'],
    // One JSON line per failure through the app's logger (TypeORM's console logger prints several).
    logger: new SqlLogger(settings.logSql ?? false),
    // While the database is away a request waits at most this long for a connection, then gets SERVICE_UNAVAILABLE.
    connectTimeoutMS: 5000,
    extra: {
      max: 10,
      application_name: 'digigov-monitor',
      // Sent in the connection's start-up packet: it holds for every statement on the connection.
      ...(settings.statementTimeoutMs ? { statement_timeout: settings.statementTimeoutMs } : {}),
    },
  };
}

export function createDataSource(url: string, settings: DataSourceSettings = {}): DataSource {
  return new DataSource(dataSourceOptions(url, settings));
}

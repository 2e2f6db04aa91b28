import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

/** TypeORM never changes the schema: migrations/ does (synchronize off, migrationsRun off). */
export function dataSourceOptions(url: string, logSql = false): DataSourceOptions {
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
    logging: logSql ? ['query', 'error'] : ['error'],
    // While the database is away a request waits at most this long for a connection, then gets SERVICE_UNAVAILABLE.
    connectTimeoutMS: 5000,
    extra: { max: 10, application_name: 'digigov-monitor' },
  };
}

export function createDataSource(url: string, logSql = false): DataSource {
  return new DataSource(dataSourceOptions(url, logSql));
}

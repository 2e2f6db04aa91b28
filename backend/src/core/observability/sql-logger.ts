import type { Logger as TypeOrmLogger } from 'typeorm';
import { logger } from './logger.js';

const MAX_QUERY = 300;
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);

/**
 * SQLSTATE classes the API answers as the caller's mistake or a designed refusal: bad data (22), a constraint
 * (23), a serialisation conflict (40) and a statement cancelled by statement_timeout (57014, logged where it is
 * answered). A failure that becomes INTERNAL_SERVER_ERROR is logged with its stack where it is answered too.
 */
const ANSWERED = /^(22|23|40)|^57014$/;

/**
 * TypeORM's messages through the process logger, one line each, instead of its console logger's multi-line
 * output. A query's parameters are never logged: they hold what users typed. LOG_SQL=true logs every query.
 */
export class SqlLogger implements TypeOrmLogger {
  constructor(private readonly logQueries: boolean) {}

  logQuery(query: string): void {
    if (this.logQueries) logger().info({ component: 'sql', query: oneLine(query) }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    const fields = {
      component: 'sql',
      query: oneLine(query),
      sqlState: typeof code === 'string' ? code : undefined,
      reason: typeof error === 'string' ? error : error.message,
    };
    if (typeof code === 'string' && ANSWERED.test(code)) logger().debug(fields, 'query failed');
    else logger().warn(fields, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    logger().warn({ component: 'sql', ms: time, query: oneLine(query) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    logger().debug({ component: 'sql' }, message);
  }

  logMigration(message: string): void {
    logger().info({ component: 'sql' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger().warn({ component: 'sql' }, String(message));
    else logger().debug({ component: 'sql' }, String(message));
  }
}

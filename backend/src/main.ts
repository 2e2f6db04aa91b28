import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type AppConfig } from './core/config/app-config.js';
import { EmbeddedPostgresError, portIsFree } from './core/database/embedded-postgres.js';
import { openDatabase, prepareDatabase, type Database } from './core/database/database-setup.js';
import { assertNoDemoAccounts, ProductionGuardError } from './core/database/production-guard.js';
import { configureHttp } from './core/http/configure-http.js';
import { createLogger, logger, NestLogger, useProcessLogger, type Logger } from './core/observability/logger.js';
import { RequestObserver } from './core/observability/request-observer.js';
import { AppModule } from './app.module.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/seed/demo-accounts.js';

class StartupError extends Error {}

/** Whether `step` settled within `ms` (a failure is logged and counts as settled). */
function within(step: Promise<unknown>, ms: number, what: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = step.then(
    () => true,
    (err: unknown) => {
      logger().error({ err }, `${what} failed`);
      return true;
    },
  );
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}

async function start(config: AppConfig, log: Logger): Promise<void> {
  const t0 = performance.now();
  const info = (s: string) => log.info(s);

  if (!(await portIsFree(config.port, config.host === '0.0.0.0' ? undefined : config.host))) {
    throw new StartupError(
      `Port ${config.port} is already in use. Stop the program using it, or set PORT to another port.`,
    );
  }

  const db: Database = await openDatabase(config, info);
  info(db.embedded ? `embedded PostgreSQL ready (data in ${config.embeddedPostgres.dataDir})` : 'using DATABASE_URL');

  let app: NestExpressApplication | null = null;
  let listening = false;
  let stopping = false;
  /**
   * SIGTERM (an orchestrator) or Ctrl-C: stop accepting connections, let the requests in flight (imports
   * included) finish within SHUTDOWN_GRACE_MS while new ones are refused, then close the pool and the embedded
   * PostgreSQL. Exit 0 when everything finished, 1 when the grace ran out first. A second signal stops waiting.
   */
  const shutdown = async (signal: string) => {
    const observer = listening ? app?.get(RequestObserver) : undefined;
    if (stopping) {
      log.warn({ signal }, 'second signal: not waiting for the requests in flight');
      observer?.stopWaiting();
      return;
    }
    stopping = true;
    const s0 = performance.now();
    log.info(
      { signal, inFlight: observer?.requestsInFlight ?? 0, graceMs: config.observability.shutdownGraceMs },
      'stopping: finishing the requests in flight',
    );
    let abandoned = 0;
    let drainMs = 0;
    if (observer && app) {
      ({ abandoned, ms: drainMs } = await observer.drain(app.getHttpServer(), config.observability.shutdownGraceMs));
      if (abandoned > 0) log.warn({ abandoned }, 'grace period over: requests still running were cut off');
    }
    // A request cut off may still hold a pool connection (a statement waiting in PostgreSQL): closing the pool
    // would wait for it, so closing is bounded too; the embedded PostgreSQL is stopped in any case.
    const c0 = performance.now();
    if (app && !(await within(app.close(), abandoned > 0 ? 2000 : 10_000, 'closing the application'))) {
      log.warn('the application did not close in time (a statement still holds a database connection)');
    }
    const d0 = performance.now();
    await within(db.stop(), 15_000, 'stopping the embedded PostgreSQL');
    const now = performance.now();
    log.info(
      {
        ms: Math.round(now - s0),
        drainMs: Math.round(drainMs),
        closeMs: Math.round(d0 - c0),
        databaseStopMs: Math.round(now - d0),
      },
      'stopped',
    );
    process.exit(abandoned > 0 ? 1 : 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const prep = await prepareDatabase(db.url, { demo: config.demoData, scale: config.demoScale });
    if (prep.migrationsApplied.length > 0) info(`migrations applied: ${prep.migrationsApplied.join(', ')}`);
    if (prep.demo) {
      info(
        `demo data loaded in ${(prep.demo.ms / 1000).toFixed(1)} s: ${prep.demo.localOrganizations} local organizations, ` +
          `${prep.demo.reports} reports, ${prep.demo.dataValues} data values`,
      );
    } else if (prep.demoAlreadyLoaded) info('demo data already present (left unchanged)');
    if (config.env === 'production') await assertNoDemoAccounts(db.url);

    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, db.url, { logger: log }), {
      logger: new NestLogger(log),
    });
    configureHttp(app);
    await app.listen(config.port, config.host);
    listening = true;
  } catch (err) {
    await app?.close().catch(() => {});
    await db.stop().catch(() => {});
    throw err;
  }

  const url = `http://localhost:${config.port}`;
  const ms = Math.round(performance.now() - t0);
  if (config.observability.logFormat === 'json') {
    // Log collectors read JSON only: no banner.
    log.info({ url, ms, demoData: config.demoData }, 'ready');
    return;
  }
  // The person who ran `npm start` reads these: plain lines.
  info(`ready in ${(ms / 1000).toFixed(1)} s`);
  console.log(`\n  DigiGov Monitor   ${url}/\n  GraphQL API       ${url}/graphql\n`);
  if (config.demoData) {
    console.log(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS)
      console.log(`    ${a.email.padEnd(28)} ${a.role}${a.provinceCode ? ` ${a.provinceCode}` : ''}`);
    console.log('  The demo data is synthetic; the dashboard says so wherever it is shown.\n');
  }
  console.log('  Press Ctrl-C to stop.\n');
}

let config: AppConfig;
try {
  config = loadConfig();
} catch (err) {
  // Without a valid configuration there is no configured logger either: one plain line.
  console.error(`\n[digigov] cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const log = createLogger({ level: config.observability.logLevel, format: config.observability.logFormat });
useProcessLogger(log);
// A crash is one line with its stack inside, like every other error.
process.on('uncaughtException', (err) => {
  log.fatal({ err }, 'uncaught exception');
  process.exit(1);
});
try {
  await start(config, log);
} catch (err) {
  const expected =
    err instanceof EmbeddedPostgresError || err instanceof StartupError || err instanceof ProductionGuardError;
  // An expected refusal is explained in its message; anything else keeps its stack.
  log.fatal(expected ? {} : { err }, `cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

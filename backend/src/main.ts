import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, type AppConfig } from './core/config/app-config.js';
import { EmbeddedPostgresError, portIsFree } from './core/database/embedded-postgres.js';
import { openDatabase, prepareDatabase, type Database } from './core/database/database-setup.js';
import { assertNoDemoAccounts, ProductionGuardError } from './core/database/production-guard.js';
import { configureHttp } from './core/http/configure-http.js';
import { AppModule } from './app.module.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/seed/demo-accounts.js';

class StartupError extends Error {}

async function start(config: AppConfig): Promise<void> {
  const t0 = performance.now();
  const log = (s: string) => console.log(`[digigov] ${s}`);

  if (!(await portIsFree(config.port, config.host === '0.0.0.0' ? undefined : config.host))) {
    throw new StartupError(`Port ${config.port} is already in use. Stop the program using it, or set PORT to another port.`);
  }

  const db: Database = await openDatabase(config, log);
  log(db.embedded ? `embedded PostgreSQL ready (data in ${config.embeddedPostgres.dataDir})` : 'using DATABASE_URL');

  let app: NestExpressApplication | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping`);
    await app?.close().catch(() => {});
    await db.stop().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const prep = await prepareDatabase(db.url, { demo: config.demoData, scale: config.demoScale });
    if (prep.migrationsApplied.length > 0) log(`migrations applied: ${prep.migrationsApplied.join(', ')}`);
    if (prep.demo) {
      log(`demo data loaded in ${(prep.demo.ms / 1000).toFixed(1)} s: ${prep.demo.localOrganizations} local organizations, ` +
        `${prep.demo.reports} reports, ${prep.demo.dataValues} data values`);
    } else if (prep.demoAlreadyLoaded) log('demo data already present (left unchanged)');
    if (config.env === 'production') await assertNoDemoAccounts(db.url);

    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, db.url), {
      logger: ['error', 'warn'],
    });
    configureHttp(app);
    await app.listen(config.port, config.host);
  } catch (err) {
    await app?.close().catch(() => {});
    await db.stop().catch(() => {});
    throw err;
  }

  const url = `http://localhost:${config.port}`;
  log(`ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`\n  DigiGov Monitor   ${url}/\n  GraphQL API       ${url}/graphql\n`);
  if (config.demoData) {
    console.log(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) console.log(`    ${a.email.padEnd(28)} ${a.role}${a.provinceCode ? ` ${a.provinceCode}` : ''}`);
    console.log('  The demo data is synthetic; the dashboard says so wherever it is shown.\n');
  }
  console.log('  Press Ctrl-C to stop.\n');
}

let config: AppConfig;
try {
  config = loadConfig();
  await start(config);
} catch (err) {
  if (err instanceof ConfigError || err instanceof EmbeddedPostgresError || err instanceof StartupError || err instanceof ProductionGuardError) {
    console.error(`\n[digigov] cannot start: ${err.message}\n`);
  } else {
    console.error('\n[digigov] cannot start:', err);
  }
  process.exit(1);
}

import 'reflect-metadata';
import { loadConfig } from './core/config/app-config.js';
import { migrateDown, migrateUp, openDatabase, prepareDatabase } from './core/database/database-setup.js';
import { CliUsageError, USER_CREATE_USAGE, userCreate } from './modules/user/cli-user-create.js';

const USAGE = `Usage: node backend/dist/cli.js <command>
  migrate            apply pending migrations
  rollback [n|all]   revert the last n migrations (default 1)
  seed               load reference data, and the demo data unless DEMO_DATA=false (first time only)
  reset              drop everything, migrate, and seed again (asks for --yes in production)
  ${USER_CREATE_USAGE}`;

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (!command || !['migrate', 'rollback', 'seed', 'reset', 'user:create'].includes(command)) {
    console.log(USAGE);
    process.exit(command ? 1 : 0);
  }
  const config = loadConfig();
  // Opens the database itself, after checking what needs none (a weak password is refused at once).
  if (command === 'user:create') return userCreate(process.argv.slice(3), config);
  const db = await openDatabase(config);
  try {
    if (command === 'migrate') {
      const applied = await migrateUp(db.url);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
    } else if (command === 'rollback') {
      const steps = arg === 'all' ? Infinity : Number(arg ?? 1);
      console.log(`reverted: ${(await migrateDown(db.url, steps)).join(', ') || 'nothing'}`);
    } else if (command === 'seed') {
      // The server's own set-up, under its lock: a seed run while a server starts neither loads twice nor fails.
      const r = await prepareDatabase(db.url, { demo: config.demoData, scale: config.demoScale });
      console.log('reference data loaded');
      if (r.demoAlreadyLoaded) console.log('demo data already present (left unchanged)');
      if (r.demo)
        console.log(`demo data loaded in ${(r.demo.ms / 1000).toFixed(1)} s: ${r.demo.dataValues} data values`);
    } else if (command === 'reset') {
      if (config.env === 'production' && !process.argv.includes('--yes')) {
        throw new Error('reset drops all data; in production pass --yes');
      }
      await migrateDown(db.url, Infinity);
      const r = await prepareDatabase(db.url, { demo: config.demoData, scale: config.demoScale });
      console.log(
        `reset done: ${r.migrationsApplied.join(', ')}${r.demo ? `, demo data ${r.demo.dataValues} values` : ''}`,
      );
    }
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  if (err instanceof CliUsageError) {
    console.error(`[digigov] ${err.message}`);
    process.exit(2);
  }
  console.error(`[digigov] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

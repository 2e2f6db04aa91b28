// The national-scale benchmark database (the full demo data, built by data.mjs) in .cache/bench, the folder
// run.mjs uses too: built once, then reused with --reuse.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../dist/core/database/embedded-postgres.js';
import { buildBenchDatabase } from './data.mjs';
import { freePort } from './http.mjs';

export async function openBenchDatabase(root, { reuse, log }) {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), database: 'bench' });
  try {
    if (reuse && existsSync(join(dir, 'built.json'))) {
      const built = JSON.parse(readFileSync(join(dir, 'built.json'), 'utf8'));
      log(`reusing the benchmark database (${built.values} values)`);
      return { db, built };
    }
    const admin = new pg.Client({ connectionString: db.url.replace(/\/bench$/, '/postgres') });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS bench WITH (FORCE)');
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    log('building the national-scale database (a few minutes)…');
    const built = await buildBenchDatabase(db.url, log);
    writeFileSync(join(dir, 'built.json'), JSON.stringify(built));
    return { db, built };
  } catch (err) {
    await db.stop();
    throw err;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../core/paths.js';

/** Written by global-setup: the admin URL of the test PostgreSQL and the template database's name. */
export interface TestEnv {
  adminUrl: string;
  template: string;
  port: number;
  /** The date the template's demo data was generated as of. */
  demoAsOf: string;
}

export const TEST_CACHE_DIR = join(REPO_ROOT, '.cache', 'test');
export const TEST_ENV_FILE = join(TEST_CACHE_DIR, 'env.json');

export function testEnv(): TestEnv {
  if (!existsSync(TEST_ENV_FILE)) throw new Error('No test database: run the tests with "npm test" (global setup starts it)');
  return JSON.parse(readFileSync(TEST_ENV_FILE, 'utf8')) as TestEnv;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

import { existsSync, readFileSync } from 'node:fs';

/** Written by global-setup: the admin URL of the test PostgreSQL and the template database's name. */
export interface TestEnv {
  adminUrl: string;
  template: string;
  port: number;
  /** The date the template's demo data was generated as of. */
  demoAsOf: string;
}

export function testEnv(): TestEnv {
  const file = process.env.DIGIGOV_TEST_ENV;
  if (!file || !existsSync(file))
    throw new Error('No test database: run the tests with "npm test" (global setup starts it)');
  return JSON.parse(readFileSync(file, 'utf8')) as TestEnv;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../core/config/app-config.js';
import { REPO_ROOT } from '../core/paths.js';

/** Docker cannot run here, so the deployment files are checked against the app's own configuration. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { environment?: Record<string, string>; ports?: string[]; healthcheck?: { test: string[] }; build?: string; depends_on?: Record<string, unknown> }>;
  };
  const app = compose.services.app;
  const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

  it('sets only variables the app reads', () => {
    for (const name of Object.keys(app.environment ?? {})) expect(CONFIG_VARIABLES).toContain(name);
  });

  it('gives a configuration the app accepts in production, on an external database', () => {
    const env = Object.fromEntries(
      Object.entries(app.environment!).map(([k, v]) => [k, String(v).replace(/\$\{TOKEN_SECRET[^}]*\}/, 'x'.repeat(40)).replace(/\$\{POSTGRES_PASSWORD[^}]*\}/, 'pw')]),
    );
    const config = loadConfig(env);
    expect(config).toMatchObject({ env: 'production', demoData: false });
    expect(config.databaseUrl).toMatch(/@db:5432\/digigov$/);
    expect(new URL(config.databaseUrl!).hostname).toBe('db');
    expect(Object.keys(compose.services)).toContain('db');
    expect(app.depends_on).toHaveProperty('db');
  });

  it('publishes the port the app listens on, and its health check asks /health on that port', () => {
    const port = loadConfig({ PORT: String(app.environment!.PORT) }).port;
    expect(app.ports).toContain(`${port}:${port}`);
    expect(app.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${port}/health`);
    expect(dockerfile).toMatch(new RegExp(`EXPOSE ${port}`));
    expect(dockerfile).toMatch(/\/health/);
  });

  it('never commits a secret: the token secret and database password come from the environment', () => {
    expect(app.environment!.TOKEN_SECRET).toMatch(/^\$\{TOKEN_SECRET:\?/);
    expect(compose.services.db.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('builds an image holding everything the app reads at run time', () => {
    for (const path of ['backend/dist', 'seed/dist', 'seed/reference', 'migrations', 'frontend/dist']) expect(dockerfile).toContain(path);
    expect(dockerfile).toMatch(/CMD \["node", .*"backend\/dist\/main.js"\]/);
  });
});

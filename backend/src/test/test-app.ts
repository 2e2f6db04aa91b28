import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../core/config/app-config.js';
import { configureHttp } from '../core/http/configure-http.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; problems?: unknown[] } }>;
}

export interface TestApp {
  baseUrl: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real application over HTTP on a free port, against the given database. */
export async function startTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { clock?: () => Date; port?: number } = {},
): Promise<TestApp> {
  // Tests change data with SQL and read it back at once: the cache (invalidated asynchronously by
  // notifications) has its own test and is off elsewhere.
  // Tests send hundreds of requests a second from one address: the per-client limits have their own tests.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    ANALYTICS_CACHE: 'false',
    CLIENT_MAX_IN_FLIGHT: '10000',
    CLIENT_BURST: '100000',
    CLIENT_PER_SECOND: '100000',
    API_CONCURRENCY: '10000',
    CLIENT_MAX_RUNNING: '10000',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, options), {
    logger: ['error'],
  });
  configureHttp(app);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    async gql(query, variables, token) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<never>;
    },
    close: () => app.close(),
  };
}

export const DEMO_PASSWORD = 'demo-pass-2570';

/** Signs in a demo account over HTTP and returns its bearer token. */
export async function signIn(app: TestApp, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.gql<{ login: { token: string } }>('mutation($i: LoginInput!) { login(input: $i) { token } }', {
    i: { email, password },
  });
  if (!res.data?.login) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** A clock tests can move. */
export function movableClock(startIso: string): { clock: () => Date; set(iso: string): void } {
  let now = new Date(startIso);
  return { clock: () => now, set: (iso) => (now = new Date(iso)) };
}

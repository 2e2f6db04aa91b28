import { ConfigError, DEFAULT_TOKEN_SECRET, loadConfig } from '../app-config.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to port 3000, an embedded database and demo data in development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: null,
      demoData: true,
      demoScale: 1,
      importConcurrency: 2,
    });
  });

  it('uses DATABASE_URL when given', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/digigov' }).databaseUrl).toBe(
      'postgres://u:p@db:5432/digigov',
    );
  });

  it('names the variable that is wrong', () => {
    expect(errorOf({ PORT: 'eighty' }).variable).toBe('PORT');
    expect(errorOf({ DATABASE_URL: 'mysql://x@y/z' }).variable).toBe('DATABASE_URL');
    expect(errorOf({ DEMO_DATA: 'maybe' }).variable).toBe('DEMO_DATA');
    expect(errorOf({ NODE_ENV: 'staging' }).variable).toBe('NODE_ENV');
    expect(errorOf({ DEMO_SCALE: '0' }).variable).toBe('DEMO_SCALE');
    expect(errorOf({ IMPORT_CONCURRENCY: '0' }).variable).toBe('IMPORT_CONCURRENCY');
    expect(errorOf({ IMPORT_CONCURRENCY: 'two' }).variable).toBe('IMPORT_CONCURRENCY');
  });

  it('refuses to run production with a missing, default or short token secret', () => {
    expect(errorOf({ NODE_ENV: 'production' }).variable).toBe('TOKEN_SECRET');
    expect(errorOf({ NODE_ENV: 'production', TOKEN_SECRET: DEFAULT_TOKEN_SECRET }).variable).toBe('TOKEN_SECRET');
    expect(errorOf({ NODE_ENV: 'production', TOKEN_SECRET: 'short' }).variable).toBe('TOKEN_SECRET');
    const c = loadConfig({
      NODE_ENV: 'production',
      TOKEN_SECRET: 'x'.repeat(48),
      DATABASE_URL: 'postgres://u:p@db:5432/digigov',
    });
    expect(c.demoData).toBe(false);
  });

  it('refuses production without an external database, or with the demo data', () => {
    const secret = { NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(48) };
    expect(errorOf(secret).variable).toBe('DATABASE_URL');
    expect(errorOf({ ...secret, DATABASE_URL: 'postgres://u:p@db:5432/digigov', DEMO_DATA: 'true' }).variable).toBe(
      'DEMO_DATA',
    );
  });

  it('listens on loopback outside production unless HOST is set, on every address in production', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(
      loadConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(48), DATABASE_URL: 'postgres://u:p@db:5432/d' })
        .host,
    ).toBe('0.0.0.0');
  });

  it('closes introspection to anonymous callers in production unless GRAPHQL_INTROSPECTION=public', () => {
    const production = {
      NODE_ENV: 'production',
      TOKEN_SECRET: 'x'.repeat(48),
      DATABASE_URL: 'postgres://u:p@db:5432/d',
    };
    expect(loadConfig(production).graphqlIntrospection).toBe('signed-in');
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'public' }).graphqlIntrospection).toBe('public');
    expect(loadConfig({}).graphqlIntrospection).toBe('public');
    expect(errorOf({ GRAPHQL_INTROSPECTION: 'everyone' }).variable).toBe('GRAPHQL_INTROSPECTION');
  });

  it('bounds API statements at 15 s unless API_STATEMENT_TIMEOUT_MS says otherwise (0: no bound)', () => {
    expect(loadConfig({}).apiStatementTimeoutMs).toBe(15_000);
    expect(loadConfig({ API_STATEMENT_TIMEOUT_MS: '0' }).apiStatementTimeoutMs).toBe(0);
    expect(loadConfig({ API_STATEMENT_TIMEOUT_MS: '30000' }).apiStatementTimeoutMs).toBe(30_000);
    expect(errorOf({ API_STATEMENT_TIMEOUT_MS: '15s' }).variable).toBe('API_STATEMENT_TIMEOUT_MS');
    expect(errorOf({ API_STATEMENT_TIMEOUT_MS: '-1' }).variable).toBe('API_STATEMENT_TIMEOUT_MS');
  });
});

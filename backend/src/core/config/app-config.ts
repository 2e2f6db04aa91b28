import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';

/**
 * The only place that reads process.env. Everything else receives an AppConfig.
 * A bad variable stops start-up with a message naming it.
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** External PostgreSQL; when absent an embedded PostgreSQL is started. */
  databaseUrl: string | null;
  embeddedPostgres: { dataDir: string; port: number };
  auth: { tokenSecret: string; tokenTtlSeconds: number };
  /**
   * Express's `trust proxy`: which proxies may say who the client is (X-Forwarded-For). The sign-in throttle counts
   * attempts per client address, so trusting every hop would let any client choose its address: off by default,
   * else a number of hops or a list of proxy addresses and subnets.
   */
  trustProxy: false | number | string[];
  /** Load the synthetic demo data set on the first start (never in production unless asked). */
  demoData: boolean;
  /** Size of the demo data set: 1 is the national scale (about 7,850 local organizations). */
  demoScale: number;
  logSql: boolean;
  /** Keep analytics results until the data they read changes (invalidated by PostgreSQL notifications). */
  analyticsCache: boolean;
  /** Spreadsheet imports running at once (each parses in its own worker thread); more are answered 429. */
  importConcurrency: number;
  /**
   * Who may run introspection (__schema, __type): 'public' lets anonymous callers read the schema; 'signed-in'
   * asks for a token. Default: 'signed-in' in production, 'public' elsewhere (GRAPHQL_INTROSPECTION).
   */
  graphqlIntrospection: 'public' | 'signed-in';
  /**
   * PostgreSQL statement_timeout of the API's pool, in milliseconds (API_STATEMENT_TIMEOUT_MS): a statement
   * running longer is cancelled and the request answered with TIMEOUT. 0 turns it off.
   */
  apiStatementTimeoutMs: number;
  /** Send Strict-Transport-Security: only when the app is served over HTTPS (behind a TLS proxy). */
  hsts: boolean;
  /** Per client address and server process, on the API routes (core/http/client-limits.ts). */
  clientLimits: {
    maxInFlight: number;
    burst: number;
    perSecond: number;
    concurrency: number;
    maxRunning: number;
    maxWaitMs: number;
  };
  /** Sign-in through the agency's OpenID Connect identity provider; null when not configured. */
  oidc: OidcConfig | null;
  /** Logs, metrics and shutdown (core/observability). */
  observability: ObservabilityConfig;
}

export type ConfigRole = 'ADMIN' | 'PLANNER' | 'OFFICER' | 'ANALYST';
const ROLES: readonly ConfigRole[] = ['ADMIN', 'PLANNER', 'OFFICER', 'ANALYST'];

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE alone). */
  clientSecret: string | null;
  /** This app's callback, registered at the provider: https://<host>/api/auth/oidc/callback. */
  redirectUri: string;
  /** The agency's name on the sign-in button ("Sign in with <label>"). */
  label: string;
  scope: string;
  /** The claim that names the user's role at the agency, and how its values map onto the product's roles. */
  roleClaim: string | null;
  roleMap: Record<string, ConfigRole>;
  /** The claim holding an officer's province (ISO code, TH-xx). */
  provinceClaim: string | null;
  /** Create an account at the first sign-in when the claims map to a role; otherwise only existing accounts sign in. */
  createUsers: boolean;
  /** Plain http to the provider: only for a provider on this machine (tests, development). */
  allowInsecure: boolean;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface ObservabilityConfig {
  /** LOG_LEVEL; default info, and warn under test (jest output stays readable). */
  logLevel: LogLevel;
  /** LOG_FORMAT: one JSON object a line (default in production and test), or short human lines (default in development). */
  logFormat: 'json' | 'pretty';
  /**
   * METRICS_TOKEN: when set, /metrics asks for `Authorization: Bearer <token>`; when not, /metrics answers only
   * a scraper on this machine (a loopback address, without proxy headers).
   */
  metricsToken: string | null;
  /** SHUTDOWN_GRACE_MS: how long SIGTERM waits for requests in flight (imports too) before closing anyway. */
  shutdownGraceMs: number;
}

export const DEFAULT_TOKEN_SECRET = 'dev-only-secret-change-me-dev-only-secret';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function parsePort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(name, `expected a port number 0-65535, got "${raw}"`);
  }
  return port;
}

function parseBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

/** Express's named subnets, besides addresses and CIDR ranges. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(env: Env): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return hops;
    throw new ConfigError('TRUST_PROXY', `expected 1–10 proxy hops, got "${raw}"`);
  }
  if (['true', 'yes', 'on'].includes(raw.toLowerCase())) {
    throw new ConfigError(
      'TRUST_PROXY',
      'trusting every hop lets any client choose its address: give the number of proxies (e.g. 1) or their addresses',
    );
  }
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const e of entries) {
    const [address, bits, ...rest] = e.split('/');
    const family = isIP(address);
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(e) && (family === 0 || !okBits || rest.length > 0)) {
      throw new ConfigError(
        'TRUST_PROXY',
        `"${e}" is not an address, a CIDR range or one of loopback, linklocal, uniquelocal`,
      );
    }
  }
  return entries;
}

function parseDatabaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new ConfigError('DATABASE_URL', `expected a postgres:// URL, got ${url.protocol}//`);
  }
  return raw;
}

function parseIntInRange(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseObservability(env: Env, nodeEnv: AppConfig['env']): ObservabilityConfig {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || (nodeEnv === 'test' ? 'warn' : 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const format = env.LOG_FORMAT?.trim().toLowerCase() || (nodeEnv === 'development' ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty')
    throw new ConfigError('LOG_FORMAT', `expected json or pretty, got "${env.LOG_FORMAT}"`);
  const token = env.METRICS_TOKEN?.trim() || null;
  // A scrape token travels in every scrape's header: long and of header-safe characters, like any bearer token.
  if (token !== null && !/^[A-Za-z0-9._~+/=-]{24,256}$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN', 'expected 24 to 256 characters of letters, digits and ._~+/=-');
  }
  return {
    logLevel: level as LogLevel,
    logFormat: format,
    metricsToken: token,
    shutdownGraceMs: parseIntInRange(env, 'SHUTDOWN_GRACE_MS', 25_000, 0, 600_000),
  };
}

function parseScale(env: Env): number {
  const raw = env.DEMO_SCALE ?? '1';
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 20) {
    throw new ConfigError('DEMO_SCALE', `expected a number above 0 and at most 20, got "${raw}"`);
  }
  return scale;
}

function parseOidc(env: Env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) {
    const stray = [
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'OIDC_REDIRECT_URI',
      'OIDC_ROLE_CLAIM',
      'OIDC_ROLE_MAP',
      'OIDC_PROVINCE_CLAIM',
    ].find((n) => env[n]?.trim());
    if (stray) throw new ConfigError(stray, 'is set but OIDC_ISSUER is not: set both, or neither');
    return null;
  }
  const url = (name: string, raw: string): URL => {
    try {
      return new URL(raw);
    } catch {
      throw new ConfigError(name, `not a valid URL: "${raw}"`);
    }
  };
  const issuerUrl = url('OIDC_ISSUER', issuer);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuerUrl.hostname);
  if (issuerUrl.protocol !== 'https:' && !(issuerUrl.protocol === 'http:' && loopback)) {
    throw new ConfigError('OIDC_ISSUER', 'must be an https:// URL (plain http only for a provider on this machine)');
  }
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER');
  const redirectUri = env.OIDC_REDIRECT_URI?.trim();
  if (!redirectUri)
    throw new ConfigError(
      'OIDC_REDIRECT_URI',
      'is required with OIDC_ISSUER (https://<this host>/api/auth/oidc/callback)',
    );
  if (!url('OIDC_REDIRECT_URI', redirectUri).pathname.endsWith('/api/auth/oidc/callback')) {
    throw new ConfigError(
      'OIDC_REDIRECT_URI',
      'must end with /api/auth/oidc/callback, where this app receives the answer',
    );
  }
  const roleClaim = env.OIDC_ROLE_CLAIM?.trim() || null;
  const roleMap: Record<string, ConfigRole> = {};
  // "value=ROLE,value=ROLE": the agency's own role names on the left, the product's on the right.
  for (const pair of (env.OIDC_ROLE_MAP ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const value = pair.slice(0, eq).trim();
    const role = pair
      .slice(eq + 1)
      .trim()
      .toUpperCase() as ConfigRole;
    if (eq <= 0 || !ROLES.includes(role)) {
      throw new ConfigError('OIDC_ROLE_MAP', `"${pair}" is not value=ROLE with ROLE one of ${ROLES.join(', ')}`);
    }
    roleMap[value] = role;
  }
  if (Object.keys(roleMap).length > 0 && !roleClaim)
    throw new ConfigError('OIDC_ROLE_MAP', 'needs OIDC_ROLE_CLAIM, the claim whose values it maps');
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
    redirectUri,
    label: env.OIDC_LABEL?.trim() || issuerUrl.hostname,
    scope: env.OIDC_SCOPE?.trim() || 'openid email profile',
    roleClaim,
    roleMap,
    provinceClaim: env.OIDC_PROVINCE_CLAIM?.trim() || null,
    createUsers: parseBool(env, 'OIDC_CREATE_USERS', true),
    allowInsecure: issuerUrl.protocol === 'http:',
  };
}

function parseConcurrency(env: Env): number {
  const raw = env.IMPORT_CONCURRENCY?.trim() || '2';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 16) {
    throw new ConfigError(
      'IMPORT_CONCURRENCY',
      `expected a whole number from 1 to 16, got "${env.IMPORT_CONCURRENCY}"`,
    );
  }
  return n;
}

function parseIntrospection(env: Env, production: boolean): AppConfig['graphqlIntrospection'] {
  const raw = env.GRAPHQL_INTROSPECTION?.trim().toLowerCase();
  if (raw === undefined || raw === '') return production ? 'signed-in' : 'public';
  if (raw === 'public' || raw === 'signed-in') return raw;
  throw new ConfigError('GRAPHQL_INTROSPECTION', `expected public or signed-in, got "${env.GRAPHQL_INTROSPECTION}"`);
}

function parseStatementTimeout(env: Env): number {
  const raw = env.API_STATEMENT_TIMEOUT_MS?.trim();
  if (raw === undefined || raw === '') return 15_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000) {
    throw new ConfigError(
      'API_STATEMENT_TIMEOUT_MS',
      `expected whole milliseconds 0-3600000 (0 = no limit), got "${raw}"`,
    );
  }
  return ms;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError('NODE_ENV', `expected development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';

  const tokenSecret = env.TOKEN_SECRET ?? '';
  if (production && (tokenSecret === '' || tokenSecret === DEFAULT_TOKEN_SECRET)) {
    throw new ConfigError(
      'TOKEN_SECRET',
      'production needs its own secret (at least 32 characters); the default is refused',
    );
  }
  if (tokenSecret !== '' && tokenSecret.length < 32) {
    throw new ConfigError('TOKEN_SECRET', 'must be at least 32 characters long');
  }
  const ttlRaw = env.TOKEN_TTL_SECONDS ?? '28800';
  const tokenTtlSeconds = Number(ttlRaw);
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 60 || tokenTtlSeconds > 7 * 24 * 3600) {
    throw new ConfigError('TOKEN_TTL_SECONDS', `expected whole seconds between 60 and 604800, got "${ttlRaw}"`);
  }

  const databaseUrl = parseDatabaseUrl(env);
  // Production holds real accounts: its database is one the operator runs and backs up, never the embedded one.
  if (production && databaseUrl === null) {
    throw new ConfigError(
      'DATABASE_URL',
      'production needs an external PostgreSQL (postgres://user:password@host:5432/database); the embedded one is for development',
    );
  }
  const demoData = parseBool(env, 'DEMO_DATA', !production);
  if (production && demoData) {
    throw new ConfigError('DEMO_DATA', 'production refuses the demo data set: its accounts have a published password');
  }

  return {
    env: nodeEnv,
    port: parsePort(env, 'PORT', 3000),
    // Outside production the server answers this machine only, unless HOST says otherwise; a container listens on all.
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    embeddedPostgres: {
      dataDir: resolve(REPO_ROOT, env.DATA_DIR?.trim() || '.data', 'pg'),
      port: parsePort(env, 'EMBEDDED_PG_PORT', 15432),
    },
    auth: { tokenSecret: tokenSecret || DEFAULT_TOKEN_SECRET, tokenTtlSeconds },
    trustProxy: parseTrustProxy(env),
    demoData,
    demoScale: parseScale(env),
    logSql: parseBool(env, 'LOG_SQL', false),
    analyticsCache: parseBool(env, 'ANALYTICS_CACHE', true),
    importConcurrency: parseConcurrency(env),
    graphqlIntrospection: parseIntrospection(env, production),
    apiStatementTimeoutMs: parseStatementTimeout(env),
    hsts: parseBool(env, 'HSTS', false),
    oidc: parseOidc(env),
    clientLimits: {
      maxInFlight: parseIntInRange(env, 'CLIENT_MAX_IN_FLIGHT', 32, 1, 10_000),
      burst: parseIntInRange(env, 'CLIENT_BURST', 120, 1, 100_000),
      perSecond: parseIntInRange(env, 'CLIENT_PER_SECOND', 30, 1, 100_000),
      concurrency: parseIntInRange(env, 'API_CONCURRENCY', 128, 1, 10_000),
      maxRunning: parseIntInRange(env, 'CLIENT_MAX_RUNNING', 8, 1, 10_000),
      maxWaitMs: 10_000,
    },
    observability: parseObservability(env, nodeEnv),
  };
}

/** The variables the app reads; the docker-compose test checks the compose file uses only these. */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'TOKEN_SECRET',
  'TOKEN_TTL_SECONDS',
  'TRUST_PROXY',
  'DEMO_DATA',
  'DEMO_SCALE',
  'LOG_SQL',
  'ANALYTICS_CACHE',
  'IMPORT_CONCURRENCY',
  'GRAPHQL_INTROSPECTION',
  'API_STATEMENT_TIMEOUT_MS',
  'HSTS',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_LABEL',
  'OIDC_SCOPE',
  'OIDC_ROLE_CLAIM',
  'OIDC_ROLE_MAP',
  'OIDC_PROVINCE_CLAIM',
  'OIDC_CREATE_USERS',
  'CLIENT_MAX_IN_FLIGHT',
  'CLIENT_BURST',
  'CLIENT_PER_SECOND',
  'API_CONCURRENCY',
  'CLIENT_MAX_RUNNING',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'METRICS_TOKEN',
  'SHUTDOWN_GRACE_MS',
] as const;

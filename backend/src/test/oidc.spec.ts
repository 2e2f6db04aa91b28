import { createServer, type Server } from 'node:http';
import { createServer as netServer } from 'node:net';
import Provider from 'oidc-provider';
import { ConfigError, loadConfig } from '../core/config/app-config.js';
import { OidcService } from '../modules/user/oidc.service.js';
import { code } from './reporting-helpers.js';
import { createTestDatabase, query } from './test-db.js';
import { signIn, startTestApp, type TestApp } from './test-app.js';

const CLIENT_ID = 'digigov-monitor';
const CLIENT_SECRET = 'a-test-client-secret-of-some-length-0123456789';
const ME = '{ me { email role provinceCode } }';

/** The agency's directory: login name (the `sub`) to claims. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'kk-officer': {
    email: 'Somchai@KhonKaen.go.th',
    email_verified: true,
    name: 'Somchai K.',
    agency_role: ['staff', 'provincial-officer'],
    province: 'TH-40',
  },
  'planner-at-idp': {
    email: 'planner@demo.local',
    email_verified: true,
    name: 'Planner',
    agency_role: 'provincial-officer',
    province: 'TH-50',
  },
  citizen: { email: 'citizen@example.com', email_verified: true, name: 'A citizen', agency_role: 'citizen' },
  unverified: { email: 'someone@agency.go.th', email_verified: false, agency_role: 'ministry-admin' },
  'no-province': {
    email: 'lost@agency.go.th',
    email_verified: true,
    agency_role: 'provincial-officer',
    province: 'TH-99',
  },
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = netServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Cookies per origin, as a browser keeps them (names and values only: enough for both servers here). */
class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();
  store(url: string, res: Response): void {
    const jar = this.jars.get(new URL(url).origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(new URL(url).origin, jar);
  }
  header(url: string): string {
    return [...(this.jars.get(new URL(url).origin) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }
}

describe(OidcService.name, () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let idp: Server;
  let issuer: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const [idpPort, appPort] = await Promise.all([freePort(), freePort()]);
    issuer = `http://127.0.0.1:${idpPort}`;
    const redirectUri = `http://127.0.0.1:${appPort}/api/auth/oidc/callback`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'agency_role', 'province'] },
      findAccount: async (_ctx, sub) =>
        ACCOUNTS[sub] ? { accountId: sub, claims: async () => ({ sub, ...ACCOUNTS[sub] }) } : undefined,
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['a-test-cookie-key'] },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    });
    idp = createServer(provider.callback());
    await new Promise<void>((resolve) => idp.listen(idpPort, '127.0.0.1', resolve));
    app = await startTestApp(
      db.url,
      {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_LABEL: 'Ministry ID',
        OIDC_ROLE_CLAIM: 'agency_role',
        OIDC_ROLE_MAP: 'provincial-officer=OFFICER,ministry-planner=PLANNER,ministry-admin=ADMIN',
        OIDC_PROVINCE_CLAIM: 'province',
      },
      { port: appPort },
    );
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => idp.close(resolve));
    await db.drop();
  });

  /**
   * A browser's sign-in, with fetch: the app's start, the provider's redirects, its login and consent forms, and
   * back to the app's callback. Returns the fragment the dashboard receives (`oidc_token=…` or `oidc_error=…`).
   */
  async function browserSignIn(
    login: string,
    tamper?: (callbackUrl: URL, jar: CookieJar) => void,
  ): Promise<URLSearchParams> {
    const jar = new CookieJar();
    let url = `${app.baseUrl}/api/auth/oidc/start`;
    let init: RequestInit = { method: 'GET' };
    for (let step = 0; step < 20; step++) {
      if (url.includes('/api/auth/oidc/callback') && tamper) {
        const u = new URL(url);
        tamper(u, jar);
        url = u.href;
      }
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers ?? {}), cookie: jar.header(url) },
      });
      jar.store(url, res);
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.origin === app.baseUrl && next.pathname === '/login') return new URLSearchParams(next.hash.slice(1));
        url = next.href;
        init = { method: 'GET' };
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action) throw new Error(`stuck at ${url}: ${res.status} ${html.slice(0, 300)}`);
      const fields = new URLSearchParams();
      for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
        fields.set(m[1], m[2]);
      if (html.includes('name="login"')) {
        fields.set('login', login);
        fields.set('password', 'any');
      }
      url = new URL(action.replace(/&amp;/g, '&'), url).href;
      init = {
        method: 'POST',
        body: fields.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
    }
    throw new Error('too many redirects');
  }

  it('offers the agency sign-in on the login page only when configured', async () => {
    expect(
      (await app.gql<{ oidcSignIn: { label: string } }>('{ oidcSignIn { label startPath } }')).data?.oidcSignIn,
    ).toEqual({ label: 'Ministry ID', startPath: '/api/auth/oidc/start' });
  });

  it('creates an officer at the first sign-in from the mapped role and province, and finds the same account the next time', async () => {
    const result = await browserSignIn('kk-officer');
    const token = result.get('oidc_token');
    expect(token).toBeTruthy();
    expect((await app.gql(ME, {}, token!)).data).toEqual({
      me: { email: 'somchai@khonkaen.go.th', role: 'OFFICER', provinceCode: 'TH-40' },
    });
    const [row] = await query<{ oidc_subject: string; password_hash: string | null; display_name: string }>(
      db.url,
      `SELECT oidc_subject, password_hash, display_name FROM app_user WHERE email = 'somchai@khonkaen.go.th'`,
    );
    expect(row).toEqual({ oidc_subject: `${issuer} kk-officer`, password_hash: null, display_name: 'Somchai K.' });
    const [audit] = await query<{ new_value: { by: string } }>(
      db.url,
      `SELECT new_value FROM audit_event WHERE action = 'USER_CREATED' AND new_value->>'email' = 'somchai@khonkaen.go.th'`,
    );
    expect(audit.new_value.by).toBe('oidc');
    expect((await browserSignIn('kk-officer')).get('oidc_token')).toBeTruthy();
    expect(
      (
        await query<{ n: number }>(
          db.url,
          `SELECT count(*)::int AS n FROM app_user WHERE email = 'somchai@khonkaen.go.th'`,
        )
      )[0].n,
    ).toBe(1);
  });

  it('signs an existing account in by its e-mail, keeping the role administrators gave it', async () => {
    const token = (await browserSignIn('planner-at-idp')).get('oidc_token');
    expect((await app.gql(ME, {}, token!)).data).toEqual({
      me: { email: 'planner@demo.local', role: 'PLANNER', provinceCode: null },
    });
    expect(
      (
        await query<{ oidc_subject: string }>(
          db.url,
          `SELECT oidc_subject FROM app_user WHERE email = 'planner@demo.local'`,
        )
      )[0].oidc_subject,
    ).toBe(`${issuer} planner-at-idp`);
  });

  it('refuses a role the map does not know, an unverified e-mail and an unknown province, creating no account', async () => {
    const before = (await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM app_user'))[0].n;
    expect((await browserSignIn('citizen')).get('oidc_error')).toBe('NO_ROLE');
    expect((await browserSignIn('unverified')).get('oidc_error')).toBe('NO_EMAIL');
    expect((await browserSignIn('no-province')).get('oidc_error')).toBe('NO_PROVINCE');
    expect((await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM app_user'))[0].n).toBe(before);
  });

  it('refuses a deactivated account', async () => {
    await query(db.url, `UPDATE app_user SET is_active = false WHERE email = 'somchai@khonkaen.go.th'`);
    expect((await browserSignIn('kk-officer')).get('oidc_error')).toBe('ACCOUNT_DISABLED');
  });

  it("refuses a callback without the browser's flow cookie, or with a changed state", async () => {
    expect(
      (
        await browserSignIn('planner-at-idp', (_u, jar) =>
          (jar as unknown as { jars: Map<string, Map<string, string>> }).jars.get(app.baseUrl)?.clear(),
        )
      ).get('oidc_error'),
    ).toBe('FLOW_EXPIRED');
    expect(
      (await browserSignIn('planner-at-idp', (u) => u.searchParams.set('state', 'forged-state'))).get('oidc_error'),
    ).toBe('PROVIDER_REFUSED');
  });

  it('leaves password sign-in as it was', async () => {
    expect(code(await app.gql(ME, {}, await signIn(app, 'officer.th50@demo.local')))).toBe('OK');
  });
});

describe('OIDC configuration', () => {
  const base = {
    NODE_ENV: 'test',
    OIDC_ISSUER: 'https://id.example.go.th',
    OIDC_CLIENT_ID: 'x',
    OIDC_REDIRECT_URI: 'https://monitor.go.th/api/auth/oidc/callback',
  };
  it('is off without OIDC_ISSUER, and complete with the three required variables', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).oidc).toBeNull();
    expect(loadConfig(base).oidc).toMatchObject({
      issuer: base.OIDC_ISSUER,
      clientSecret: null,
      label: 'id.example.go.th',
      createUsers: true,
      allowInsecure: false,
    });
  });

  it.each([
    [{ ...base, OIDC_CLIENT_ID: '' }, 'OIDC_CLIENT_ID'],
    [{ ...base, OIDC_ISSUER: 'http://id.example.go.th' }, 'OIDC_ISSUER'],
    [{ ...base, OIDC_REDIRECT_URI: 'https://monitor.go.th/elsewhere' }, 'OIDC_REDIRECT_URI'],
    [{ ...base, OIDC_ROLE_MAP: 'admins=ADMIN' }, 'OIDC_ROLE_MAP'],
    [{ ...base, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'admins=SUPERUSER' }, 'OIDC_ROLE_MAP'],
    [{ NODE_ENV: 'test', OIDC_CLIENT_ID: 'x' }, 'OIDC_CLIENT_ID'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as ConfigError).variable).toBe(variable);
    }
  });
});

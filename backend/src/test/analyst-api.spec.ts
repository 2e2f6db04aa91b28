import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.js';
import { createTestDatabase, query } from './test-db.js';
import { signIn, startTestApp, type TestApp } from './test-app.js';
import { code } from './reporting-helpers.js';
import { hashApiToken } from '../modules/auth/api-token.service.js';

const CREATE = 'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id prefix name } } }';

describe("Analysts' API", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let analyst: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url);
    analyst = await signIn(app, 'analyst@demo.local');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  describe('API tokens', () => {
    it('are shown once, stored hashed, read-only, and stop working when revoked', async () => {
      const created = await app.gql<{ createApiToken: { token: string; apiToken: { id: string; prefix: string } } }>(
        CREATE,
        { i: { name: 'notebook', expiresInDays: 30 } },
        analyst,
      );
      const { token, apiToken } = created.data!.createApiToken;
      expect(token).toMatch(/^dgm_[A-Za-z0-9_-]{43}$/);
      expect(token.startsWith(apiToken.prefix)).toBe(true);
      const stored = await query<{ token_hash: string }>(db.url, `SELECT token_hash FROM api_token WHERE id = $1`, [
        apiToken.id,
      ]);
      expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(await query(db.url, `SELECT * FROM api_token`))).not.toContain(token);
      const listed = await app.gql<{ myApiTokens: Array<Record<string, unknown>> }>(
        '{ myApiTokens { id prefix name } }',
        {},
        analyst,
      );
      expect(JSON.stringify(listed.data)).not.toContain(token);

      const me = await app.gql<{ me: { email: string; readOnly: boolean } }>('{ me { email readOnly } }', {}, token);
      expect(me.data!.me).toEqual({ email: 'analyst@demo.local', readOnly: true });
      expect(code(await app.gql('{ provinces { code } }', {}, token))).toBe('OK');

      const revoked = await app.gql(
        `mutation { revokeApiToken(input: { id: "${apiToken.id}" }) { revokedAt } }`,
        {},
        analyst,
      );
      expect(code(revoked)).toBe('OK');
      const after = await app.gql('{ me { email } }', {}, token);
      expect(code(after)).toBe('UNAUTHENTICATED');
      expect(after.errors![0].message).toMatch(/revoked/);
    });

    it('cannot write, whatever the role of their owner', async () => {
      // Only analysts may create tokens now; an administrator's token from before that rule must still only read.
      const token = `dgm_${'A'.repeat(43)}`;
      await query(
        db.url,
        `INSERT INTO api_token (user_id, name, prefix, token_hash, expires_at) SELECT id, 'admin script', 'dgm_AAAAAA', $1, now() + interval '30 days' FROM app_user WHERE email = 'admin@demo.local'`,
        [hashApiToken(token)],
      );
      const [r] = await query<{ id: number; version: number }>(
        db.url,
        `SELECT r.id, r.version FROM report r JOIN org_unit p ON p.id = r.org_unit_id JOIN fiscal_quarter q ON q.id = r.quarter_id WHERE p.code = 'TH-40' AND q.code = 'FY2570Q1'`,
      );
      const save = await app.gql(
        'mutation($i: SaveReportInput!) { saveReport(input: $i) { report { id } } }',
        { i: { provinceCode: 'TH-40', quarterCode: 'FY2570Q1', version: r.version, values: [] } },
        token,
      );
      expect(code(save)).toBe('FORBIDDEN');
      expect(code(await app.gql(CREATE, { i: { name: 'another' } }, token))).toBe('FORBIDDEN');
      const upload = await fetch(`${app.baseUrl}/api/imports?quarterCode=FY2570Q1&dryRun=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: 'x',
      });
      expect(upload.status).toBe(403);
    });

    it("are the user's own: another user cannot revoke them", async () => {
      const created = await app.gql<{ createApiToken: { apiToken: { id: string } } }>(
        CREATE,
        { i: { name: 'mine' } },
        analyst,
      );
      const planner = await signIn(app, 'planner@demo.local');
      const res = await app.gql(
        `mutation { revokeApiToken(input: { id: "${created.data!.createApiToken.apiToken.id}" }) { id } }`,
        {},
        planner,
      );
      expect(code(res)).toBe('NOT_FOUND');
    });
  });

  describe('query limits', () => {
    it('refuses a query nested too deep, before running it', async () => {
      const deep =
        '{ regions { provinces { region { provinces { region { provinces { region { provinces { region { provinces { code } } } } } } } } } } }';
      const res = await app.gql(deep);
      expect(code(res)).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors![0].extensions).toMatchObject({ limit: 'maxDepth' });
    });

    it('refuses a query that would cost too much, and accepts ordinary ones', async () => {
      const costly =
        '{ regions { provinces { localOrganizations { code nameTh nameEn type provinceCode isDemo } region { provinces { code nameTh } } } } }';
      const res = await app.gql(costly);
      expect(code(res)).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors![0].extensions).toMatchObject({ limit: 'maxCost' });
      expect(code(await app.gql('{ regions { code provinces { code localOrganizationCount } } }'))).toBe('OK');
    });
  });

  describe('CSV and XLSX export', () => {
    it('exports any query result as CSV, with the same rules as the API', async () => {
      const q = encodeURIComponent(
        '{ provinces(filter: { regionCode: "NORTH" }) { code nameTh nameEn region { code } } }',
      );
      const res = await fetch(`${app.baseUrl}/api/export.csv?query=${q}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      const lines = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('code,nameTh,nameEn,region.code');
      expect(lines).toHaveLength(10);
      expect(lines).toContain('TH-50,เชียงใหม่,Chiang Mai,NORTH');
      const forbidden = await fetch(
        `${app.baseUrl}/api/export.csv?query=${encodeURIComponent('{ completeness(quarterCode: "FY2569Q4") { provinces { provinceCode } } }')}`,
      );
      expect(forbidden.status).toBe(401);
      const mutation = await fetch(`${app.baseUrl}/api/export.csv`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(input: { email: "a", password: "b" }) { token } }' }),
      });
      expect(mutation.status).toBe(400);
    });

    it('exports the list at a path as XLSX for a signed-in planner', async () => {
      const planner = await signIn(app, 'planner@demo.local');
      const res = await fetch(`${app.baseUrl}/api/export.xlsx`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${planner}` },
        body: JSON.stringify({
          query:
            'query($q: String!) { completeness(quarterCode: $q) { provinces { provinceCode status timeliness } } }',
          variables: { q: 'FY2569Q4' },
          path: 'completeness.provinces',
        }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    });
  });

  describe('bundled GraphQL explorer', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser.close());

    it('loads with no request leaving the server, and runs a query', async () => {
      const page = await browser.newPage();
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(app.baseUrl)) outside.push(r.url());
      });
      await page.goto(`${app.baseUrl}/explorer`);
      await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
      await page.locator('.graphiql-execute-button').click();
      await page
        .locator('.result-window')
        .getByText('TH-30')
        .or(page.locator('.result-window').getByText('NORTHEAST'))
        .first()
        .waitFor({ timeout: 10_000 });
      expect(outside).toEqual([]);
      await page.close();
    });
  });
});

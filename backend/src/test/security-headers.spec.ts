import { startTestApp, type TestApp } from './test-app.js';
import { createTestDatabase } from './test-db.js';

/** Every answer carries the browser-side defences; pages hold no inline script the policy would have to allow. */
describe('Security headers', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  for (const path of ['/', '/explorer', '/graphql', '/health', '/api/export.csv']) {
    it(`sends the policy, nosniff, a referrer policy and no framing on ${path}`, async () => {
      const res = await fetch(
        `${app.baseUrl}${path}`,
        path === '/graphql'
          ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' }
          : {},
      );
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      // Plain HTTP unless the operator says TLS is in front: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });
  }

  it('serves pages without inline script', async () => {
    for (const path of ['/', '/explorer']) {
      const html = await (await fetch(`${app.baseUrl}${path}`)).text();
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
        (m) => !/\bsrc=/.test(m[1]) || m[2].trim() !== '',
      );
      expect({ path, inline: inline.map((m) => m[0].slice(0, 80)) }).toEqual({ path, inline: [] });
    }
  });

  it('sends HSTS when configured behind TLS', async () => {
    const tls = await startTestApp(db.url, { HSTS: 'true' });
    try {
      const res = await fetch(`${tls.baseUrl}/health`);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(res.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
    } finally {
      await tls.close();
    }
  });
});

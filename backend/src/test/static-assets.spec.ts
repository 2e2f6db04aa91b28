import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './test-app.js';
import { createTestDatabase } from './test-db.js';

/** The built dashboard as a browser receives it: precompressed copies, cache lifetimes, nothing outside dist. */

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with exactly the headers given (fetch would add and undo its own Accept-Encoding). */
function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Dashboard files over HTTP', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let entry: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url);
    const index = (await get(app.baseUrl, '/')).body.toString('utf8');
    entry = /<script type="module"[^>]*src="([^"]+)"/.exec(index)![1]!;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('sends the Brotli copy to a browser that accepts it, gzip to one that accepts only gzip, and the plain file otherwise', async () => {
    const plain = await get(app.baseUrl, entry, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/javascript/);

    const br = await get(app.baseUrl, entry, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gz = await get(app.baseUrl, entry, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it('lets browsers keep hashed assets for a year, and revalidates the page itself', async () => {
    for (const encoding of ['br', 'identity']) {
      const res = await get(app.baseUrl, entry, { 'accept-encoding': encoding });
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await get(app.baseUrl, '/')).headers['cache-control']).toBe('no-cache');
    // The page names the hashed files: asked for by its own name too, compressed or not, it is revalidated.
    for (const encoding of ['br', 'identity'])
      expect((await get(app.baseUrl, '/index.html', { 'accept-encoding': encoding })).headers['cache-control']).toBe(
        'no-cache',
      );
    expect((await get(app.baseUrl, '/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
  });

  it('serves nothing outside the built dashboard, compressed or not', async () => {
    for (const path of ['/assets/..%2f..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/%E0%A4%A.js']) {
      const res = await get(app.baseUrl, path, { 'accept-encoding': 'br' });
      expect(res.body.toString('utf8')).not.toContain('"workspaces"');
      expect(res.headers['content-encoding']).toBeUndefined();
    }
  });
});

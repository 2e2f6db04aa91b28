import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, SCREENSHOT_DIR } from './browser.js';
import { startTestApp, type TestApp } from './test-app.js';
import { createTestDatabase } from './test-db.js';

describe('Dashboard shell in Chromium', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  it('draws the map of the 77 provinces and DGA chart, in Thai by default, with the demo notice and attributions', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.baseUrl}/`);
    await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="obstacle-chart"][data-rendered="true"]').waitFor({ timeout: 20_000 });

    // The canvas really has a map on it: many pixels in several shades of the choropleth.
    const shades = await page
      .locator('[data-testid="province-map"] canvas')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext('2d')!;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set<string>();
        let painted = 0;
        for (let i = 0; i < data.length; i += 16) {
          if (data[i + 3] > 0) {
            painted++;
            colours.add(`${data[i] >> 3},${data[i + 1] >> 3},${data[i + 2] >> 3}`);
          }
        }
        return { painted, colours: colours.size };
      });
    expect(shades.painted).toBeGreaterThan(5000);
    expect(shades.colours).toBeGreaterThan(10);

    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await expect(page.locator('[data-testid="demo-banner"]').isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-testid="map-attribution"]').innerText()).toMatch(/ODbL/);
    expect(await page.locator('[data-testid="obstacle-source"]').innerText()).toMatch(/สพร|DGA|พัฒนารัฐบาลดิจิทัล/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell-overview-th.png'), fullPage: true });

    await page.locator('[data-testid="language-en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor();
    await page.locator('[data-testid="obstacle-chart"][data-rendered="true"]').waitFor();
    expect(await page.locator('h1, h2').first().innerText()).toMatch(/[A-Za-z]/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell-overview-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

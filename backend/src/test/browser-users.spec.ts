import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../core/paths.js';
import { launchChromium, SCREENSHOT_DIR } from './browser.js';
import { createTestDatabase } from './test-db.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './test-app.js';

const axeSource = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const NEW_PASSWORD = 'three little pigs build houses';

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown }>;
}

/**
 * Accounts in a real browser: an administrator invites an officer (the link shown once), the officer opens the link
 * in another browser, chooses a password and lands in their province's workspace, then changes it from the user menu.
 * axe-core checks each of these pages.
 */
describe('Accounts in Chromium', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  async function session(locale: 'th' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: 1300, height: 900 },
      locale: locale === 'th' ? 'th-TH' : 'en-GB',
    });
    await context.addInitScript((l) => localStorage.setItem('digigov.locale', l), locale);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    return { context, page };
  }

  async function serious(page: Page): Promise<AxeViolation[]> {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await (
        window as unknown as { axe: { run: (d: Document) => Promise<{ violations: AxeViolation[] }> } }
      ).axe.run(document);
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
      }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

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

  it('invites an officer, who sets a password through the link, lands in their workspace, and changes it', async () => {
    const admin = await session('en');
    const a = admin.page;
    await a.goto(`${app.baseUrl}/login`);
    await a.locator('[data-testid="login-email"]').fill('admin@demo.local');
    await a.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await a.locator('[data-testid="login-submit"]').click();
    await a.waitForURL((u) => !u.pathname.startsWith('/login'));
    await a.locator('[data-testid="nav-users"]').click();
    await a.locator('[data-testid="users-list"]').waitFor();
    expect(await serious(a)).toEqual([]);

    // The invitation form by keyboard: the heading takes focus, fields follow in order.
    await a.locator('[data-testid="open-invite"]').click();
    await a.locator('[data-testid="invite-email"]').fill('somchai@khonkaen.go.th');
    await a.keyboard.press('Tab');
    await a.keyboard.type('Somchai Khonkaen');
    await a.locator('[data-testid="user-province"]').selectOption('TH-40');
    expect(await serious(a)).toEqual([]);
    await a.locator('[data-testid="invite-submit"]').press('Enter');
    const url = await a.locator('[data-testid="link-url"]').inputValue();
    expect(url).toMatch(new RegExp(`^${app.baseUrl}/set-password\\?token=[A-Za-z0-9_-]{43}$`));
    await a.screenshot({ path: join(SCREENSHOT_DIR, 'users-invited-en.png'), fullPage: true });
    await a.locator('[data-testid="link-done"]').click();
    await a.locator('[data-testid="user-row-somchai@khonkaen.go.th"]').waitFor();

    const officer = await session('th');
    const o = officer.page;
    await o.goto(url);
    await o.locator('[data-testid="set-password-form"]').waitFor();
    // The token leaves the address bar at once.
    expect(new URL(o.url()).search).toBe('');
    expect(await serious(o)).toEqual([]);
    await o.locator('[data-testid="new-password"]').fill(NEW_PASSWORD);
    await o.locator('[data-testid="confirm-password"]').fill(NEW_PASSWORD);
    await o.screenshot({ path: join(SCREENSHOT_DIR, 'users-set-password-th.png'), fullPage: true });
    await o.locator('[data-testid="set-password-submit"]').click();
    await o.waitForURL('**/workspace/TH-40/**');

    await o.locator('[data-testid="change-password-link"]').click();
    await o.locator('[data-testid="change-password-form"]').waitFor();
    expect(await serious(o)).toEqual([]);
    await o.locator('[data-testid="current-password"]').fill(NEW_PASSWORD);
    await o.locator('[data-testid="new-password"]').fill(`${NEW_PASSWORD} again`);
    await o.locator('[data-testid="confirm-password"]').fill(`${NEW_PASSWORD} again`);
    await o.locator('[data-testid="change-password-submit"]').click();
    await o.locator('[data-testid="password-changed"]').waitFor();
    // Still signed in here with the re-issued token: the next page loads as the officer.
    await o.goto(`${app.baseUrl}/workspace`);
    await o.waitForURL('**/workspace/TH-40/**');
    await o.screenshot({ path: join(SCREENSHOT_DIR, 'users-workspace-after-change-th.png') });

    // The used link is dead.
    const reused = await session('en');
    await reused.page.goto(url);
    await reused.page.locator('[data-testid="link-unusable"]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

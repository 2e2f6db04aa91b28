import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../core/paths.js';
import { launchChromium, SCREENSHOT_DIR } from './browser.js';
import { filledTemplate, templateOf } from './import-helpers.js';
import { APPROVE, code, REPORT } from './reporting-helpers.js';
import { movableClock, signIn, startTestApp, type TestApp } from './test-app.js';
import { createTestDatabase } from './test-db.js';

/**
 * The dashboard's journeys in a real Chromium against the real API and
 * database: an officer's quarter from first figures to approval through a
 * planner's return, the language switch, refusals in the interface and the
 * API, axe-core on the main pages, and a screenshot of each page in Thai and
 * English. The steps build on each other and run in order.
 */

const PROVINCE = 'TH-40';
const QUARTER = 'FY2570Q1';
const OFFICER = 'officer.th40@demo.local';
const PLANNER = 'planner@demo.local';
const PASSWORD = 'demo-pass-2570';
const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const axeSource = readFileSync(AXE, 'utf8');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RETURN_REASON = 'ตัวเลขบุคลากรของ อปท. บางแห่งยังไม่ครบ กรุณาตรวจสอบ';
/** A point well inside Khon Kaen province (TH-40), longitude and latitude: where a planner clicks the map. */
const KHON_KAEN_INTERIOR: [number, number] = [102.55, 16.4];
/** The indicator the overview's map is coloured by in these steps (a share of local organizations). */
const MAP_INDICATOR = 'STAFF_DIGITAL_TRAINED_PCT';

type Locale = 'th' | 'en';

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

describe('Dashboard journeys in Chromium', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let browser: Browser;
  let officer: { context: BrowserContext; page: Page };
  let planner: { context: BrowserContext; page: Page };
  const pageErrors: string[] = [];
  /** The cells the officer typed into first (test ids). */
  let typed: string[] = [];
  const time = movableClock('2026-11-21T10:00:00+07:00');

  async function openSession(locale: Locale = 'th'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: locale === 'th' ? 'th-TH' : 'en-GB',
    });
    // The browser's clock starts at the server's test time: sign-in tokens expire by it, and entry windows and B.E. dates read it.
    await context.clock.install({ time: time.clock() });
    await context.addInitScript((l) => {
      if (!localStorage.getItem('digigov.locale')) localStorage.setItem('digigov.locale', l);
    }, locale);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    return { context, page };
  }

  async function signInUi(page: Page, email: string): Promise<void> {
    await page.goto(`${app.baseUrl}/login`);
    await page.locator('[data-testid="login-email"]').fill(email);
    await page.locator('[data-testid="login-password"]').fill(PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  async function openWorkspace(page: Page): Promise<void> {
    await page.goto(`${app.baseUrl}/workspace/${PROVINCE}/${QUARTER}`);
    await page.locator('[data-testid="value-grid"]').waitFor();
    await page.locator('[data-testid="save-state"]').waitFor();
  }

  async function waitSaved(page: Page): Promise<void> {
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 15_000 });
  }

  /** Submits, confirming the unusual values when the form or the server asks, as an officer would. */
  async function submitConfirmingWarnings(page: Page): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      // The answer of this attempt, not the one before: the old outcome loses its mark first.
      await page.evaluate(() => document.querySelector('[data-testid="submit-outcome"]')?.removeAttribute('data-kind'));
      await page.locator('[data-testid="submit-report"]').click();
      const outcome = page.locator('[data-testid="submit-outcome"][data-kind]');
      await outcome.waitFor({ timeout: 15_000 });
      const kind = await outcome.getAttribute('data-kind');
      if (kind === 'submitted') return;
      const confirmAll = page.locator('[data-testid="confirm-all-warnings"]');
      if ((kind === 'confirm' || kind === 'incomplete') && (await confirmAll.count()) > 0) {
        await confirmAll.click();
        continue;
      }
      throw new Error(`submit answered ${kind}: ${await outcome.innerText()}`);
    }
    throw new Error('submit did not go through after confirming the warnings');
  }

  async function reportState(
    token: string,
  ): Promise<{ id: number; status: string; version: number; returnReason: string | null }> {
    const res = await app.gql<{ report: { id: number; status: string; version: number; returnReason: string | null } }>(
      REPORT,
      { p: PROVINCE, q: QUARTER },
      token,
    );
    return res.data!.report;
  }

  async function valueCount(token: string): Promise<number> {
    const res = await app.gql<{ report: { values: unknown[] } }>(
      'query($p: String!, $q: String!) { report(provinceCode: $p, quarterCode: $q) { values { orgUnitCode } } }',
      { p: PROVINCE, q: QUARTER },
      token,
    );
    return res.data!.report.values.length;
  }

  /** Empty value cells of local organizations for figures that are no denominator (a 0 or 1 there is always valid). */
  async function emptyCells(page: Page, count: number): Promise<string[]> {
    const res = await app.gql<{ indicators: Array<{ denominator: { code: string } | null }> }>(
      '{ indicators { denominator { code } } }',
    );
    const denominators = res.data!.indicators.flatMap((i) => (i.denominator ? [i.denominator.code] : []));
    const ids = await page.$$eval(
      '[data-testid^="cell-LAO-"]',
      (inputs, skip) =>
        inputs
          .filter(
            (i) =>
              (i as HTMLInputElement).value === '' &&
              !skip.some((d) => i.getAttribute('data-testid')!.endsWith(`-${d}`)),
          )
          .map((i) => i.getAttribute('data-testid')!),
      denominators,
    );
    if (ids.length < count) throw new Error(`expected ${count} empty cells in the draft, found ${ids.length}`);
    return ids.slice(0, count);
  }

  async function axeSeriousViolations(page: Page): Promise<AxeViolation[]> {
    // Evaluated through the DevTools protocol: the page's Content-Security-Policy (rightly) refuses an inline script tag.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }
      ).axe.run(document);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
      }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  /** The page's heading is drawn and no part of it is still loading (the overview's charts: until the network is quiet). */
  async function settle(page: Page, network = false): Promise<void> {
    if (network) await page.waitForLoadState('networkidle');
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('main .async-state[role="status"]'));
  }

  /** What the open overview shows for the province in a quarter: its figure in the map's table and how many provinces report. */
  async function overviewFigures(quarter: string): Promise<{ figure: string; reporting: number }> {
    const visitor = await openSession('en');
    try {
      const page = visitor.page;
      await page.goto(`${app.baseUrl}/?quarter=${quarter}&indicator=${MAP_INDICATOR}`);
      await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor({ timeout: 20_000 });
      const reporting = page
        .locator(`[data-testid="shown-quarter"][data-quarter="${quarter}"]:not([data-reporting=""])`)
        .first();
      await reporting.waitFor();
      // The table's rows come with the map's values (the table itself is folded away: attached, not visible).
      const row = page.locator(`[data-testid="map-table"] tr[data-province="${PROVINCE}"] td`);
      await row.waitFor({ state: 'attached', timeout: 20_000 });
      const figure = await row.textContent();
      return { figure: (figure ?? '').trim(), reporting: Number(await reporting.getAttribute('data-reporting')) };
    } finally {
      await visitor.context.close();
    }
  }

  /**
   * Clicks a chart's canvas where a user would: the page turns a data coordinate into a pixel with the
   * chart's own instance (see EChart.vue), and the mouse clicks there, so ECharts' hit test decides what was hit.
   */
  async function clickChart(
    page: Page,
    testId: string,
    locate: 'lngLat' | 'firstBar',
    lngLat: [number, number] = [0, 0],
  ): Promise<string | null> {
    const chart = page.locator(`[data-testid="${testId}"][data-rendered="true"]`);
    await chart.waitFor({ timeout: 20_000 });
    await chart.scrollIntoViewIfNeeded();
    const point = await chart.evaluate(
      (el, { locate, lngLat }) => {
        type Instance = {
          convertToPixel: (finder: object, value: unknown) => number[];
          getOption: () => { series: Array<{ data: Array<{ value: unknown; code?: string }> }> };
        };
        const chart = (el as HTMLElement & { echartsInstance: Instance }).echartsInstance;
        let pixel: number[];
        let code: string | null = null;
        if (locate === 'lngLat') {
          pixel = chart.convertToPixel({ seriesIndex: 0 }, lngLat);
        } else {
          const bars = chart.getOption().series[0]!.data;
          const index = bars.findIndex((b) => typeof b.value === 'number' && b.value > 0);
          code = bars[index]!.code ?? null;
          pixel = chart.convertToPixel({ seriesIndex: 0 }, [(bars[index]!.value as number) / 2, index]);
        }
        const box = el.getBoundingClientRect();
        return { x: box.left + pixel[0]!, y: box.top + pixel[1]!, code };
      },
      { locate, lngLat },
    );
    await page.mouse.click(point.x, point.y);
    return point.code;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `journey-${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, {}, { clock: time.clock });
    browser = await launchChromium();
    officer = await openSession();
    planner = await openSession();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  /** The overview before the officer's quarter is approved: compared with the end of the journey. */
  let overviewBefore: { figure: string; reporting: number };

  it('lets an officer fill part of the quarter (autosaved), import a spreadsheet after fixing a bad file, and submit', async () => {
    overviewBefore = await overviewFigures(QUARTER);
    // The officer's quarter is a draft: the open overview has no figure for the province yet.
    expect(overviewBefore.figure).not.toMatch(/\d/);
    const { page } = officer;
    await signInUi(page, OFFICER);
    // An officer lands in their province's current quarter.
    await page.waitForURL(`**/workspace/${PROVINCE}/${QUARTER}`);
    await page.locator('[data-testid="value-grid"]').waitFor();

    typed = await emptyCells(page, 2);
    const [first, second] = typed;
    await page.locator(`[data-testid="${first}"]`).fill('0');
    await page.locator(`[data-testid="${second}"]`).fill('0');
    await waitSaved(page);
    await screenshot(page, 'workspace-th');

    // The template the officer downloads and fills in, first with a mistake: a negative head count.
    const token = await signIn(app, OFFICER);
    const template = await (await templateOf(app, token, PROVINCE)).arrayBuffer();
    const bad = await filledTemplate(template.slice(0), (sheet, headers) => {
      const column = headers.findIndex((h) => h.endsWith('[STAFF_TOTAL]')) + 1;
      sheet.getRow(3).getCell(column).value = -5;
    });
    const good = await filledTemplate(template.slice(0));

    await page
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: 'th40-fy2570q1.xlsx', mimeType: XLSX, buffer: bad });
    await page.locator('[data-testid="import-check"]').click();
    await page.locator('[data-testid="import-verdict"]').waitFor();
    const problems = page.locator('[data-testid="import-problems"]');
    await problems.waitFor();
    // One problem, located at the row and column of the mistake.
    const cells = await problems.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(await problems.locator('tbody tr').count()).toBe(1);
    expect(cells[0]).toBe('3');
    expect(cells[1]).toMatch(/STAFF_TOTAL|บุคลากรทั้งหมด/);
    expect(await page.locator('[data-testid="import-commit"]').count()).toBe(0);

    await page
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: 'th40-fy2570q1.xlsx', mimeType: XLSX, buffer: good });
    await page.locator('[data-testid="import-check"]').click();
    await page.locator('[data-testid="import-verdict"].notice--success').waitFor();
    const before = await valueCount(token);
    await page.locator('[data-testid="import-commit"]').click();
    // The commit button goes while the file is sent; the verdict comes back when it is written.
    await page.locator('[data-testid="import-commit"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="import-verdict"].notice--success').waitFor();
    expect(await valueCount(token)).toBeGreaterThan(before);
    // The workspace reloads with the imported figures: the blanks are filled.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid^="cell-LAO-"]')].every((i) => i.value !== ''),
    );

    await submitConfirmingWarnings(page);
    expect((await reportState(token)).status).toBe('SUBMITTED');
    await page.locator('[data-testid="readonly-reason"]').waitFor();
  });

  it('refuses a forbidden action in the interface and in the API', async () => {
    const { page } = officer;
    await page.goto(`${app.baseUrl}/approvals`);
    await page.locator('[data-testid="forbidden"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/forbidden');
    await page.goto(`${app.baseUrl}/workspace/TH-50/${QUARTER}`);
    await page.locator('[data-testid="forbidden"]').waitFor();
    await page.goto(`${app.baseUrl}/framework`);
    await page.locator('[data-testid="forbidden"]').waitFor();
    expect(await page.locator('[data-testid="nav-approvals"]').count()).toBe(0);
    expect(await page.locator('[data-testid="nav-framework"]').count()).toBe(0);

    // The same officer's token cannot approve their own submitted report over the API either.
    const token = await signIn(app, OFFICER);
    const report = await reportState(token);
    const res = await app.gql(APPROVE, { i: { reportId: report.id, version: report.version } }, token);
    expect(code(res)).toBe('FORBIDDEN');
    expect((await reportState(token)).status).toBe('SUBMITTED');
  });

  it('lets a planner return it with a reason; the officer sees the reason, corrects and resubmits; the planner approves', async () => {
    const p = planner.page;
    await signInUi(p, PLANNER);
    await p.waitForURL('**/approvals');
    const row = p.locator(`[data-testid="queue-${PROVINCE}"]`);
    await row.waitFor();
    await screenshot(p, 'approvals-th');
    await row.locator('a').click();
    await p.waitForURL(`**/approvals/${PROVINCE}/${QUARTER}`);
    await p.locator('[data-testid="return"]').click();
    await p.locator('[data-testid="decision-reason"]').fill(RETURN_REASON);
    await p.locator('[data-testid="decision-confirm"]').click();
    await p.locator('[data-testid="decision-done"]').waitFor();
    await screenshot(p, 'review-th');

    const o = officer.page;
    await openWorkspace(o);
    expect(await o.locator('[data-testid="return-reason"]').innerText()).toContain(RETURN_REASON);
    // The correction: one of the figures typed at first.
    await o.locator(`[data-testid="${typed[0]}"]`).fill('1');
    await waitSaved(o);
    await submitConfirmingWarnings(o);

    await p.reload();
    await p.locator('[data-testid="approve"]').click();
    await p.locator('[data-testid="decision-confirm"]').click();
    await p.locator('[data-testid="decision-done"]').waitFor();
    const token = await signIn(app, PLANNER);
    expect((await reportState(token)).status).toBe('APPROVED');
  });

  it('lets a planner change a province target with a reason, and find the change in the framework history', async () => {
    const p = planner.page;
    await p.goto(`${app.baseUrl}/framework?tab=targets`);
    const cell = p.locator('[data-testid="target-TH-40-value"]');
    await cell.waitFor();
    await cell.fill('31.5');
    await p.locator('[data-testid="targets-reason"]').fill('ปรับตามแผนพัฒนาบุคลากรของจังหวัด');
    await p.locator('[data-testid="targets-save"]').click();
    await p.locator('[data-testid="targets-saved"]').waitFor();
    await p.locator('[data-testid="framework-tab-history"]').click();
    const newest = p.locator('[data-testid="framework-change"]').first();
    await newest.waitFor();
    const text = await newest.innerText();
    expect(text).toContain('planner@demo.local');
    expect(text).toContain('ขอนแก่น');
    expect(text).toContain('31.50');
    expect(text).toContain('ปรับตามแผนพัฒนาบุคลากรของจังหวัด');
    await screenshot(p, 'framework-history-change-th');
  });

  it('switches the language to English and back', async () => {
    const p = planner.page;
    await p.goto(`${app.baseUrl}/approvals`);
    await settle(p);
    expect(await p.getAttribute('html', 'lang')).toBe('th');
    expect(await p.locator('main h1').first().innerText()).toBe('อนุมัติรายงาน');
    await p.locator('[data-testid="language-en"]').click();
    await p.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await p.locator('main h1').first().innerText()).toBe('Approvals');
    expect(await p.locator('[data-testid="nav-framework"]').innerText()).toBe('Framework');
    await p.locator('[data-testid="language-th"]').click();
    await p.waitForFunction(() => document.documentElement.lang === 'th');
    expect(await p.locator('main h1').first().innerText()).toBe('อนุมัติรายงาน');
  });

  it('has no serious or critical axe-core violations on the main pages, and saves each in Thai and English', async () => {
    const found: Record<string, AxeViolation[]> = {};
    const overflow: Record<string, number> = {};
    const pages: Array<{ name: string; path: string; session: 'anonymous' | 'officer' | 'planner' }> = [
      { name: 'overview', path: '/', session: 'anonymous' },
      { name: 'regions', path: '/regions', session: 'anonymous' },
      { name: 'ranking', path: '/ranking', session: 'anonymous' },
      { name: 'province', path: `/province/${PROVINCE}`, session: 'anonymous' },
      { name: 'login', path: '/login', session: 'anonymous' },
      { name: 'workspace', path: `/workspace/${PROVINCE}/${QUARTER}`, session: 'officer' },
      { name: 'approvals', path: '/approvals', session: 'planner' },
      { name: 'analyst', path: '/analyst', session: 'planner' },
      { name: 'framework', path: '/framework', session: 'planner' },
      { name: 'framework-targets', path: '/framework?tab=targets', session: 'planner' },
      { name: 'framework-history', path: '/framework?tab=history', session: 'planner' },
    ];
    for (const locale of ['th', 'en'] as const) {
      const anonymous = await openSession(locale);
      for (const session of [officer, planner])
        await session.page.evaluate((l) => localStorage.setItem('digigov.locale', l), locale);
      for (const { name, path, session } of pages) {
        const page = session === 'anonymous' ? anonymous.page : session === 'officer' ? officer.page : planner.page;
        await page.goto(`${app.baseUrl}${path}`);
        await settle(page, ['overview', 'regions', 'ranking', 'province'].includes(name));
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        if (locale === 'th') found[name] = await axeSeriousViolations(page);
        await screenshot(page, `${name}-${locale}`);
        if (locale === 'th') {
          // Tablet width (portrait): the page reflows, nothing wider than the screen but a table's own scroller.
          await page.setViewportSize({ width: 768, height: 1024 });
          await page.waitForTimeout(300);
          overflow[name] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          await screenshot(page, `${name}-tablet-th`);
          await page.setViewportSize({ width: 1400, height: 1000 });
        }
      }
      await anonymous.context.close();
    }
    expect(found).toEqual(Object.fromEntries(pages.map((p) => [p.name, []])));
    expect(overflow).toEqual(Object.fromEntries(pages.map((p) => [p.name, 0])));
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('shows the approved quarter on the overview and map, and drills down from the map to the province', async () => {
    // Approved earlier in this file: TH-40's FY2570Q1 report now counts in the open view.
    const after = await overviewFigures(QUARTER);
    expect(after.reporting).toBe(overviewBefore.reporting + 1);
    expect(after.figure).toMatch(/\d/);
    // The map's figure is the approved scorecard's, as the API gives it to anyone.
    const res = await app.gql<{
      provinceRanking: { values: Array<{ scope: { code: string }; value: number | null }> };
    }>(
      'query($i: String!, $q: String) { provinceRanking(indicatorCode: $i, quarterCode: $q) { values { scope { code } value } } }',
      { i: MAP_INDICATOR, q: QUARTER },
    );
    const value = res.data!.provinceRanking.values.find((v) => v.scope.code === PROVINCE)!.value;
    expect(value).not.toBeNull();
    expect(Number(after.figure.split(/\s/)[0]!.replace(/[^\d.]/g, ''))).toBeCloseTo(value!, 1);

    const visitor = await openSession('en');
    const page = visitor.page;
    await page.goto(`${app.baseUrl}/?quarter=${QUARTER}`);
    expect(await page.locator('[data-testid="shown-quarter"]').first().getAttribute('data-quarter')).toBe(QUARTER);
    // A click on Khon Kaen in the map's canvas opens the province, keeping the quarter.
    await clickChart(page, 'province-map', 'lngLat', KHON_KAEN_INTERIOR);
    await page.waitForURL(/\/province\/TH-40/);
    expect(new URL(page.url()).searchParams.get('quarter')).toBe(QUARTER);
    await page.locator('[data-testid="province-page"][data-province="TH-40"]').waitFor({ timeout: 20_000 });
    await screenshot(page, 'province-from-map-en');

    // The map coloured by an obstacle: the share of each province's local organizations citing staff skills,
    // the same figures as the API's per-province list.
    await page.goto(`${app.baseUrl}/?quarter=FY2569Q4&layer=obstacle:SKILLS`);
    await page.locator('[data-testid="province-map"][data-rendered="true"]').waitFor({ timeout: 20_000 });
    const skillsCell = page.locator(`[data-testid="map-table"] tr[data-province="${PROVINCE}"] td`);
    await skillsCell.waitFor({ state: 'attached', timeout: 20_000 });
    const byArea = await app.gql<{
      obstaclePrevalenceByArea: {
        areas: Array<{
          scope: { code: string };
          categories: Array<{ category: { code: string }; percentage: number | null }>;
        }>;
      };
    }>(
      '{ obstaclePrevalenceByArea(quarterCode: "FY2569Q4", respondentLevel: LOCAL) { areas { scope { code } categories { category { code } percentage } } } }',
    );
    const skills = byArea
      .data!.obstaclePrevalenceByArea.areas.find((a) => a.scope.code === PROVINCE)!
      .categories.find((c) => c.category.code === 'SKILLS')!.percentage;
    expect(skills).not.toBeNull();
    expect(
      Number(
        (await skillsCell.textContent())!
          .trim()
          .split(/\s/)[0]!
          .replace(/[^\d.]/g, ''),
      ),
    ).toBeCloseTo(skills!, 1);

    // And a bar of the ranking chart opens its province too.
    await page.goto(`${app.baseUrl}/ranking?quarter=${QUARTER}`);
    const code = await clickChart(page, 'ranking-chart', 'firstBar');
    expect(code).toMatch(/^TH-\d\d$/);
    await page.waitForURL(new RegExp(`/province/${code}`));
    await page.locator(`[data-testid="province-page"][data-province="${code}"]`).waitFor({ timeout: 20_000 });
    await visitor.context.close();
  }, 90_000);

  it('is usable with the keyboard alone: skip link, sign-in, and moving through the grid of the quarter', async () => {
    const session = await openSession('th');
    const page = session.page;
    await page.goto(`${app.baseUrl}/regions`);
    await page.locator('main h1').first().waitFor();
    // The first Tab reaches the skip link, which takes focus to the page's content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.goto(`${app.baseUrl}/login`);
    await page.locator('[data-testid="login-email"]').waitFor();
    // Sign in with Tab and Enter only.
    const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    for (let i = 0; i < 10 && (await focusedTestId()) !== 'login-email'; i++) await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('login-email');
    await page.keyboard.type('officer.th50@demo.local');
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('login-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/workspace/TH-50/**');
    // In the grid, arrows and Enter move between cells as in a spreadsheet, without changing any figure.
    const first = page.locator('[data-testid^="cell-LAO-"][data-row="0"][data-col="0"]');
    await first.waitFor();
    await first.focus();
    const position = () =>
      page.evaluate(() => [
        document.activeElement?.getAttribute('data-row'),
        document.activeElement?.getAttribute('data-col'),
      ]);
    await page.keyboard.press('ArrowDown');
    expect(await position()).toEqual(['1', '0']);
    await page.keyboard.press('Enter');
    expect(await position()).toEqual(['2', '0']);
    await page.keyboard.press('Shift+Enter');
    expect(await position()).toEqual(['1', '0']);
    await page.keyboard.press('ArrowUp');
    expect(await position()).toEqual(['0', '0']);
    await session.context.close();
  }, 60_000);

  it('lets an analyst create an API token in the page, script against the API with it, open the explorer, and revoke it', async () => {
    const analyst = await openSession('en');
    const page = analyst.page;
    await signInUi(page, 'analyst@demo.local');
    await page.locator('[data-testid="nav-analyst"]').click();
    await page.waitForURL('**/analyst');
    await page.locator('[data-testid="token-name"]').fill('quarterly report script');
    await page.locator('[data-testid="token-create-submit"]').click();
    const secret = await page.locator('[data-testid="token-secret"]').inputValue();
    expect(secret).toMatch(/^dgm_/);
    await screenshot(page, 'analyst-token-created-en');

    // A script with the token: who it acts as, and a scorecard it may read.
    const script = `{ me { email role } provinceScorecard(provinceCode: "${PROVINCE}") { indicators { indicator { code } } } }`;
    const ok = await app.gql<{ me: { email: string; role: string }; provinceScorecard: { indicators: unknown[] } }>(
      script,
      {},
      secret,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.me).toEqual({ email: 'analyst@demo.local', role: 'ANALYST' });
    expect(ok.data!.provinceScorecard.indicators.length).toBeGreaterThan(0);

    // The bundled explorer opens from the page and runs its example query in the browser.
    const [explorer] = await Promise.all([
      analyst.context.waitForEvent('page'),
      page.locator('[data-testid="explorer-link"]').click(),
    ]);
    await explorer.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
    await explorer.locator('.graphiql-execute-button').click();
    await explorer.waitForFunction(
      () => /"provinces"/.test(document.querySelector('.result-window')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    // Thai names in the result are drawn with the bundled Thai font, not as empty boxes.
    const thaiFont = await explorer.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.includes('Noto Sans Thai') && f.status === 'loaded');
    });
    expect(thaiFont).toBe(true);
    await explorer.screenshot({ path: join(SCREENSHOT_DIR, 'journey-explorer-en.png') });
    await explorer.close();

    // Revoked in the page, the token no longer opens the API.
    await page.locator('[data-testid="token-created-done"]').click();
    const row = page.locator('[data-testid="tokens-list"] tr[data-state="active"]', {
      hasText: 'quarterly report script',
    });
    await row.locator('[data-testid="token-revoke"]').click();
    await page.locator('[data-testid="token-revoke-yes"]').click();
    await page.locator('[data-testid="token-revoked"]').waitFor();
    await page
      .locator('[data-testid="tokens-list"] tr[data-state="revoked"]', { hasText: 'quarterly report script' })
      .waitFor();
    expect(code(await app.gql(script, {}, secret))).toBe('UNAUTHENTICATED');
    await analyst.context.close();
  }, 60_000);
});

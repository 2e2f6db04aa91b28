// npm run bench:dashboard: the dashboard as a user's browser gets it. Prints and saves (bench-results/dashboard.*):
//  - the JavaScript of the overview: the entry and what index.html preloads, and everything the browser
//    actually fetched to draw `/`, raw, gzip and as sent (Brotli);
//  - the time until the national overview is fully drawn in headless Chromium (every chart's 'finished'
//    event, the headline cards, the map's values, nothing still loading), on the full demo data, cold
//    (a new browser profile each run) and warm (a reload with the browser's cache).
// Not a test: figures, not pass/fail. Options: --url <running server> (else one is started on
// .cache/bench-dashboard with the full demo data), --runs N (default 7), --reuse (keep that database).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort } from './http.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'frontend', 'dist');
const DIR = join(ROOT, '.cache', 'bench-dashboard');
const OUT = join(ROOT, 'bench-results');
const log = (s) => console.log(`[bench:dashboard] ${s}`);
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The JavaScript index.html loads before any view: the entry module and its modulepreloads. */
function staticInitialJs() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script type="module"[^>]*src="([^"]+)"|<link rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? m[2]);
  return files.map((f) => {
    const raw = readFileSync(join(DIST, f));
    return { file: f, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
}

async function startServer() {
  const reuse = process.argv.includes('--reuse') && existsSync(join(DIR, 'pg'));
  if (!reuse) rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: DIR,
    EMBEDDED_PG_PORT: String(await freePort()),
  };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=192', '--max-semi-space-size=8', join(ROOT, 'backend', 'dist', 'main.js')],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const started = Date.now();
  while (!/ready in/.test(out)) {
    if (child.exitCode != null || Date.now() - started > 180_000) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(
    out
      .split('\n')
      .filter((l) => /demo data|ready in/.test(l))
      .join(' · '),
  );
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** Milliseconds from navigation start until the overview is fully drawn, and the JavaScript fetched meanwhile. */
async function drawOverview(page, url) {
  const scripts = new Map();
  const onResponse = async (res) => {
    if (res.request().resourceType() !== 'script') return;
    const sizes = await res
      .request()
      .sizes()
      .catch(() => null);
    scripts.set(res.url(), {
      sent: sizes ? sizes.responseBodySize : 0,
      encoding: res.headers()['content-encoding'] ?? 'none',
    });
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'commit' });
  const drawnAt = await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      if (!main || !main.querySelector('h1')) return false;
      if (main.querySelector('.async-state[role="status"]')) return false;
      if (main.querySelectorAll('[data-testid="headline-card"]').length === 0) return false;
      if (main.querySelectorAll('[data-testid="map-table"] tbody tr').length < 77) return false;
      const charts = [...main.querySelectorAll('[data-rendered]')];
      if (charts.length < 3 || charts.some((c) => c.getAttribute('data-rendered') !== 'true')) return false;
      return performance.now();
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const ms = await drawnAt.jsonValue();
  const charts = await page.locator('main [data-rendered]').count();
  page.off('response', onResponse);
  return { ms, charts, scripts: [...scripts.entries()].map(([u, s]) => ({ file: new URL(u).pathname, ...s })) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('no built dashboard: run npm run build');
  const runs = Number(arg('--runs') ?? 7);
  const server = arg('--url') ? { url: arg('--url'), stop: () => {} } : await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const result = {
    at: new Date().toISOString(),
    host: { cpus: os.cpus().length, load: os.loadavg().map((l) => Number(l.toFixed(2))) },
    url: server.url,
  };
  try {
    const initial = staticInitialJs();
    result.staticInitial = {
      files: initial,
      raw: initial.reduce((a, f) => a + f.raw, 0),
      gzip: initial.reduce((a, f) => a + f.gzip, 0),
    };

    const viewports = [
      { name: 'desktop 1400×1000', width: 1400, height: 1000 },
      { name: 'tablet 820×1180', width: 820, height: 1180 },
    ];
    // Chromium's own first start (profile, font and code caches) is not the dashboard's: pay it once, aside.
    const warmUp = await browser.newContext();
    await (await warmUp.newPage()).goto(`${server.url}/favicon.svg`);
    await warmUp.close();
    result.draw = [];
    for (const viewport of viewports) {
      const cold = [];
      const warm = [];
      let fetched = null;
      for (let i = 0; i < runs; i++) {
        // A new profile: nothing cached, as on a first visit. The server's analytics cache is warm after the first run.
        const context = await browser.newContext({ viewport, locale: 'th-TH' });
        const page = await context.newPage();
        const first = await drawOverview(page, `${server.url}/`);
        cold.push(first.ms);
        fetched ??= first.scripts;
        const again = await drawOverview(page, `${server.url}/`);
        warm.push(again.ms);
        if (viewport.width === 1400 && i === 0)
          await page.screenshot({ path: join(OUT, 'dashboard-overview.png'), fullPage: false });
        await context.close();
        log(
          `${viewport.name} run ${i + 1}: cold ${first.ms.toFixed(0)} ms (${first.charts} charts), warm ${again.ms.toFixed(0)} ms`,
        );
      }
      const sent = fetched.reduce((a, s) => a + s.sent, 0);
      const raw = fetched.reduce((a, s) => a + readFileSync(join(DIST, s.file)).length, 0);
      const gzip = fetched.reduce((a, s) => a + gzipSync(readFileSync(join(DIST, s.file)), { level: 9 }).length, 0);
      result.draw.push({
        viewport: viewport.name,
        coldMs: cold.map(Math.round),
        warmMs: warm.map(Math.round),
        firstColdMs: Math.round(cold[0]),
        medianColdMs: Math.round(median(cold.slice(1))),
        maxColdMs: Math.round(Math.max(...cold.slice(1))),
        medianWarmMs: Math.round(median(warm)),
        jsFetched: { files: fetched.length, raw, gzip, sent, encodings: [...new Set(fetched.map((s) => s.encoding))] },
      });
    }
  } finally {
    await browser.close();
    server.stop();
  }

  const d0 = result.draw[0];
  const lines = [
    `# Dashboard benchmark (${result.at})`,
    '',
    `Machine: ${result.host.cpus} cores, load average ${result.host.load.join(' / ')} at the end. Server: ${result.url} (full demo data). Chromium headless, Thai locale.`,
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    `| JavaScript index.html loads (entry + preloads, ${result.staticInitial.files.length} files) | ${kb(result.staticInitial.raw)} raw, ${kb(result.staticInitial.gzip)} gzip | |`,
    `| JavaScript fetched to draw / (${d0.jsFetched.files} files, views lazily loaded) | ${kb(d0.jsFetched.raw)} raw, **${kb(d0.jsFetched.gzip)} gzip**, ${kb(d0.jsFetched.sent)} as sent (${d0.jsFetched.encodings.join(', ')}) | ≤ 350 KB gzip |`,
    ...result.draw.flatMap((d) => [
      `| overview fully drawn, ${d.viewport}, new profile: first run (server cache cold) | ${d.firstColdMs} ms | < 2 s |`,
      `| overview fully drawn, ${d.viewport}, new profile: median / max of the other ${d.coldMs.length - 1} | **${d.medianColdMs} ms** / ${d.maxColdMs} ms | < 2 s |`,
      `| overview fully drawn, ${d.viewport}, reload with the browser cache: median | ${d.medianWarmMs} ms | |`,
    ]),
    '',
    '"Fully drawn": from navigation start until every chart on the page has fired ECharts\' finished event, the headline cards and the 77 map values are there, and no part of the page is loading.',
    '',
  ];
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'dashboard.md'), lines.join('\n'));
  writeFileSync(join(OUT, 'dashboard.json'), JSON.stringify(result, null, 2) + '\n');
  console.log('\n' + lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

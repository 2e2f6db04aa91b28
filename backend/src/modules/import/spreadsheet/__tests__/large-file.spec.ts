import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readSpreadsheet } from '../reader.js';
import { buildLargeXlsx, gridOf } from './corpus.js';
import { chunked, toXlsx } from './files.js';
import { referenceLayout } from './test-layout.js';

/** National scale: about 7,850 local organizations, all in one file (an administrator's import). */
const ROWS = 7850;
const layout = referenceLayout();
const MB = 1024 * 1024;

// The documented way to reach V8's gc without starting node with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

function liveHeap(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function measure(label: string, bytes: Buffer) {
  const t0 = performance.now();
  const base = liveHeap();
  let rows = 0;
  let problems = 0;
  let garbled = 0;
  let peak = 0;
  const liveAt: number[] = [];
  for await (const ev of readSpreadsheet(
    chunked(bytes, 64 * 1024),
    layout,
    { maxBytes: 50 * MB, maxRows: 10_000 },
    'big.xlsx',
  )) {
    if (ev.type === 'row') {
      rows++;
      if (ev.row.orgName?.includes('\uFFFD')) garbled++;
    } else if (ev.type === 'problem') problems++;
    else {
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      liveAt.push(liveHeap() - base);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const fmt = (n: number) => `${(n / MB).toFixed(1)} MB`;
  console.log(
    `[${label}] ${rows} rows from ${fmt(bytes.length)} in ${seconds.toFixed(1)} s (incl. forced GCs); ` +
      `heap growth: peak ${fmt(peak)} between GCs, live after GC at row 500 ${fmt(liveAt[0])}, at row ${liveAt.length * 500} ${fmt(liveAt[liveAt.length - 1])}`,
  );
  return { rows, problems, garbled, liveAt };
}

describe('readSpreadsheet', () => {
  it('streams a 7,850-row XLSX template with every value filled, keeping the live heap flat', async () => {
    const bytes = await buildLargeXlsx(layout, ROWS);
    const { rows, problems, garbled, liveAt } = await measure('template, inline strings', bytes);
    expect(problems).toBe(0);
    expect(garbled).toBe(0);
    expect(rows).toBe(ROWS);
    expect(liveAt).toHaveLength(Math.floor(ROWS / 500));
    // Rows are handed out and forgotten: the live heap does not grow with the row count.
    if (gc) expect(liveAt[liveAt.length - 1] - liveAt[0]).toBeLessThan(16 * MB);
  });

  it('streams a 7,850-row XLSX whose text is in shared strings, as Excel saves it', async () => {
    const units = Array.from({ length: ROWS }, (_, i) => ({
      orgCode: `LAO-99-${String(i + 1).padStart(4, '0')}`,
      orgName: `องค์การบริหารส่วนตำบลทดสอบ ${i + 1}`,
      values: { STAFF_TOTAL: i % 300 },
    }));
    const bytes = await toXlsx(gridOf(layout, units));
    const { rows, problems, garbled } = await measure('shared strings', bytes);
    expect(problems).toBe(0);
    expect(garbled).toBe(0);
    expect(rows).toBe(ROWS);
  });
});

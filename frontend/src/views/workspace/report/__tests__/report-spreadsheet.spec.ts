import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '@/api/spreadsheet';
import { appPlugins } from '@/test-support/plugins';
import ReportSpreadsheet from '../report-spreadsheet.vue';

/** Answers each upload with the next scripted NDJSON body. */
class ScriptedXhr {
  static bodies: string[] = [];
  static sent: Array<{ url: string; headers: Record<string, string> }> = [];
  url = '';
  headers: Record<string, string> = {};
  status = 200;
  responseText = '';
  upload: {
    onprogress: ((e: ProgressEventInit & { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  onprogress: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(_m: string, url: string) {
    this.url = url;
  }
  setRequestHeader(n: string, v: string) {
    this.headers[n] = v;
  }
  send() {
    ScriptedXhr.sent.push({ url: this.url, headers: this.headers });
    const body = ScriptedXhr.bodies.shift() ?? '';
    queueMicrotask(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 4, total: 4 });
      this.responseText = body;
      this.onprogress?.();
      this.onload?.();
    });
  }
  abort() {
    this.onabort?.();
  }
}

const result = (r: Partial<ImportResult>): string =>
  `${JSON.stringify({ type: 'progress', rowsRead: 10 })}\n${JSON.stringify({
    type: 'result',
    dryRun: true,
    ok: true,
    summary: { rowsRead: 30, inserted: 20, updated: 5, unchanged: 5, deleted: 0, provinces: ['TH-40'] },
    problems: [],
    warnings: [],
    ...r,
  })}\n`;

function mountSpreadsheet() {
  const { pinia, i18n, urqlPlugin } = appPlugins({ locale: 'en' });
  vi.stubGlobal('XMLHttpRequest', ScriptedXhr);
  const beforeCommit = vi.fn(async () => true);
  const afterCommit = vi.fn(async () => {});
  const wrapper = mount(ReportSpreadsheet, {
    props: {
      provinceCode: 'TH-40',
      quarterCode: 'FY2570Q1',
      canImport: true,
      expectedRows: 30,
      elementName: (c: string) => c,
      beforeCommit,
      afterCommit,
    },
    global: { plugins: [pinia, urqlPlugin, i18n] },
  });
  return { wrapper, beforeCommit, afterCommit };
}

async function choose(wrapper: ReturnType<typeof mountSpreadsheet>['wrapper']) {
  const input = wrapper.get('[data-testid="import-file"]');
  Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'TH-40.xlsx')], configurable: true });
  await input.trigger('change');
}

describe('spreadsheet import', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    ScriptedXhr.sent = [];
  });

  it('shows the dry run problems row by row, and offers no commit', async () => {
    ScriptedXhr.bodies = [
      result({
        ok: false,
        problems: [
          {
            row: 12,
            column: 'D (Personnel, total [STAFF_TOTAL])',
            code: 'OUT_OF_RANGE',
            message: 'STAFF_TOTAL cannot be below 0, got -4',
          },
          { row: null, column: null, code: 'COLUMN_ORDER', message: 'Columns are not in the template order' },
        ],
      }),
    ];
    const { wrapper } = mountSpreadsheet();
    await choose(wrapper);
    await wrapper.get('[data-testid="import-check"]').trigger('click');
    await flushPromises();
    expect(ScriptedXhr.sent[0]!.url).toBe('/api/imports?quarterCode=FY2570Q1&dryRun=true');
    expect(wrapper.get('[data-testid="import-verdict"]').text()).toContain('2 problems found. Nothing was saved');
    const rows = wrapper
      .findAll('[data-testid="import-problems"] tbody tr')
      .map((r) => r.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['12', 'D (Personnel, total [STAFF_TOTAL])', 'Out of range', 'STAFF_TOTAL cannot be below 0, got -4'],
      ['whole file', '—', 'Columns not in the template order', 'Columns are not in the template order'],
    ]);
    expect(wrapper.find('[data-testid="import-commit"]').exists()).toBe(false);
  });

  it('commits the same file after a clean dry run, saving pending edits first', async () => {
    ScriptedXhr.bodies = [result({}), result({ dryRun: false })];
    const { wrapper, beforeCommit, afterCommit } = mountSpreadsheet();
    await choose(wrapper);
    await wrapper.get('[data-testid="import-check"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="import-commit"]').text()).toBe('Confirm the import (25 values)');
    await wrapper.get('[data-testid="import-commit"]').trigger('click');
    await flushPromises();
    expect(beforeCommit).toHaveBeenCalledOnce();
    expect(ScriptedXhr.sent.map((s) => s.url)).toEqual([
      '/api/imports?quarterCode=FY2570Q1&dryRun=true',
      '/api/imports?quarterCode=FY2570Q1&dryRun=false',
    ]);
    expect(afterCommit).toHaveBeenCalledOnce();
    expect(wrapper.get('[data-testid="import-verdict"]').text()).toBe('The data was imported.');
  });
});

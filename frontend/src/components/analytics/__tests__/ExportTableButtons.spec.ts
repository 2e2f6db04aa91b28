import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { createAppI18n } from '@/locales';
import ExportTableButtons from '../ExportTableButtons.vue';

const request = { query: 'query Q { provinces { code } }', variables: {}, path: 'provinces' };

function mountButtons(props: Record<string, unknown>) {
  return mount(ExportTableButtons, {
    props: { table: 'Ranking', testId: 'ranking', fileName: 'digigov-ranking', ...props },
    global: { plugins: [createAppI18n('en')] },
  });
}

describe('ExportTableButtons', () => {
  it('offers CSV and XLSX from the server for a query table, and posts the query to the export endpoint', async () => {
    const fetch = vi.fn(async () => new Response('x', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const createObjectURL = vi.fn(() => 'blob:x');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const wrapper = mountButtons({ server: request });
    expect(wrapper.get('[data-testid="export-xlsx-ranking"]').attributes('aria-label')).toBe(
      'Download the table Ranking as XLSX',
    );
    await wrapper.get('[data-testid="export-xlsx-ranking"]').trigger('click');
    await flushPromises();
    expect(fetch).toHaveBeenCalledWith('/api/export.xlsx', expect.objectContaining({ method: 'POST' }));
    expect(createObjectURL).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('offers CSV only for a computed table, written in the browser', async () => {
    const csv = vi.fn(() => 'a\r\n');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:y'), revokeObjectURL: vi.fn() }));
    const wrapper = mountButtons({ csv });
    expect(wrapper.find('[data-testid="export-xlsx-ranking"]').exists()).toBe(false);
    await wrapper.get('[data-testid="export-csv-ranking"]').trigger('click');
    expect(csv).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });

  it('says when the server refuses', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ code: 'FORBIDDEN', message: 'Sign in' }), { status: 403 })),
    );
    const wrapper = mountButtons({ server: request });
    await wrapper.get('[data-testid="export-csv-ranking"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('The download failed: Sign in');
    vi.unstubAllGlobals();
  });
});

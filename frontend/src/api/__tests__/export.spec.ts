import { describe, expect, it, vi } from 'vitest';
import { ProvinceRankingQuery } from '../analytics';
import { exportBody, exportFileStem, ExportError, fetchServerExport, toCsv } from '../export';

describe('toCsv', () => {
  it('writes UTF-8 with a byte-order mark and CRLF, quoting where needed', () => {
    const csv = toCsv(
      [
        { label: 'province', value: (r: { name: string; value: number | null }) => r.name },
        { label: 'value', value: (r: { name: string; value: number | null }) => r.value },
      ],
      [
        { name: 'ขอนแก่น', value: 18.578 },
        { name: 'a "quoted", name', value: null },
      ],
    );
    expect(csv).toBe('\uFEFFprovince,value\r\nขอนแก่น,18.578\r\n"a ""quoted"", name",\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, but not negative numbers', () => {
    const csv = toCsv([{ label: 'x', value: (r: string | number) => r }], ['=HYPERLINK("x")', -1.5, '@SUM(A1)']);
    expect(csv.split('\r\n').slice(1, 4)).toEqual([`"'=HYPERLINK(""x"")"`, '-1.5', "'@SUM(A1)"]);
  });
});

describe('exportFileStem', () => {
  it('makes a file name safe on every system from the table and its filters', () => {
    expect(exportFileStem(['ranking', 'STAFF_DIGITAL_TRAINED_PCT', null, 'FY2569Q4'])).toBe(
      'digigov-ranking-staff_digital_trained_pct-fy2569q4',
    );
    expect(exportFileStem(['obstacle:SKILLS', 'TH-40'])).toBe('digigov-obstacle_skills-th_40');
  });
});

describe('fetchServerExport', () => {
  const request = {
    query: ProvinceRankingQuery,
    variables: { indicatorCode: 'X', quarterCode: null, regionCode: null, includeSubmitted: false },
    path: 'provinceRanking.values',
  };

  it('posts the same query, variables and path with the token and language', async () => {
    const fetch = vi.fn(async () => new Response('a,b\r\n', { status: 200 }));
    const blob = await fetchServerExport('xlsx', request, { fetch, getToken: () => 'tok', locale: 'th' });
    expect(await blob.text()).toBe('a,b\r\n');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/export.xlsx');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Accept-Language': 'th' });
    const body = JSON.parse(String(init.body));
    expect(body.path).toBe('provinceRanking.values');
    expect(body.query).toMatch(/provinceRanking\(\s*indicatorCode:\s*\$indicatorCode/);
    expect(body).toEqual(exportBody(request));
  });

  it('rejects with the server error code', async () => {
    const fetch = vi.fn(
      async () => new Response(JSON.stringify({ code: 'FORBIDDEN', message: 'no' }), { status: 403 }),
    );
    await expect(fetchServerExport('csv', request, { fetch, getToken: () => null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      fetchServerExport('csv', request, {
        fetch: vi.fn(async () => Promise.reject(new Error('down'))),
        getToken: () => null,
      }),
    ).rejects.toBeInstanceOf(ExportError);
  });
});

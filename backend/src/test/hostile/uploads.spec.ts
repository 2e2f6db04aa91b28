import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import {
  inlineSheet,
  repeatedDeflate,
  workbookOf,
  zipEntries,
} from '../../modules/import/spreadsheet/__tests__/files.js';
import {
  MAX_RSS_MB,
  TRIVIAL_MS,
  record,
  startHostileServer,
  underAttack,
  type HostileResponse,
  type HostileServer,
} from './harness.js';

const Q = 'FY2570Q1';
/** Each attack must be answered within this (the first one includes starting a parse worker). */
const ANSWER_MS = 5000;
const MiB = 1024 * 1024;

/** The problem codes of an answer: the result line of an NDJSON answer, or a JSON error's code and problems. */
function codesOf(res: HostileResponse): string[] {
  const result = typeof res.body === 'string' ? JSON.parse(res.body.trim().split('\n').at(-1)!) : res.body;
  if (result?.type === 'result') return (result.problems as Array<{ code: string }>).map((p) => p.code);
  return [result?.code, ...((result?.problems ?? []) as Array<{ code: string }>).map((p) => p.code)].filter(Boolean);
}

/** One CSV line split into cells (the template's header quotes cells that hold commas). */
function csvCells(line: string): string[] {
  return [...line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map((m) => (m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]));
}

/**
 * Hostile uploads against the real server process (heap bounded at 192 MB): each is refused quickly with its
 * coded problem, while a trivial query still answers within a second, the server's memory stays bounded,
 * nothing is written and no temp folder is left behind.
 */
describe('hostile input: uploads', () => {
  let server: HostileServer;
  let officer: string;
  let before: string;
  let header: string[];
  let templateXlsx: Buffer;
  const uploadsInTmp = () => new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('digigov-upload-')));
  let tmpBefore: Set<string>;

  beforeAll(async () => {
    server = await startHostileServer();
    officer = await server.signIn('officer.th40@demo.local');
    const csv = await server.request<string>(`/api/reports/TH-40/${Q}/template.csv`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    header = csvCells(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]);
    const xlsx = await fetch(`${server.baseUrl}/api/reports/TH-40/${Q}/template.xlsx`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    templateXlsx = Buffer.from(await xlsx.arrayBuffer());
    before = await server.writeFingerprint();
    tmpBefore = uploadsInTmp();
    console.log(`[hostile] uploads: server RSS before the attacks ${server.rssMb().toFixed(0)} MB`);
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = (
    body: string | Uint8Array<ArrayBuffer>,
    headers: Record<string, string> = {},
    query = `quarterCode=${Q}&dryRun=false`,
  ) =>
    server.request(`/api/imports?${query}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${officer}`,
        'content-type': 'application/octet-stream',
        'x-filename': 'report.xlsx',
        ...headers,
      },
      body,
    });

  /** An upload sent chunk by chunk (Transfer-Encoding: chunked, no Content-Length) on a connection of its own. */
  const streamed = (
    chunks: AsyncIterable<Buffer>,
    headers: Record<string, string>,
    query = `quarterCode=${Q}&dryRun=false`,
  ) =>
    new Promise<HostileResponse>((resolve, reject) => {
      const t0 = performance.now();
      const req = httpRequest(
        `${server.baseUrl}/api/imports?${query}`,
        {
          method: 'POST',
          agent: false,
          headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/octet-stream', ...headers },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
            resolve({ status: res.statusCode ?? 0, headers: h, body: text, ms: performance.now() - t0 });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      void (async () => {
        for await (const c of chunks) if (!req.write(c)) await once(req, 'drain');
        req.end();
      })().catch(reject);
    });

  async function refused(
    name: string,
    attack: () => Promise<HostileResponse>,
    expected: string,
    status = 200,
    { uploadsRunning = false } = {},
  ): Promise<HostileResponse> {
    const { result, ms, trivialMs } = await underAttack(server, attack);
    const rssMb = server.rssMb();
    record(name, { ms, trivialMs, rssMb });
    expect({ name, status: result.status, codes: codesOf(result) }).toMatchObject({
      name,
      status,
      codes: expect.arrayContaining([expected]),
    });
    expect(ms).toBeLessThan(ANSWER_MS);
    expect(trivialMs).toBeLessThan(TRIVIAL_MS);
    expect(rssMb).toBeLessThan(MAX_RSS_MB);
    expect(server.alive()).toBe(true);
    expect(server.log()).not.toMatch(/\n\s+at /);
    expect(await server.writeFingerprint()).toBe(before);
    // Uploads still being read keep their folders until they end.
    if (!uploadsRunning) expect([...uploadsInTmp()].filter((f) => !tmpBefore.has(f))).toEqual([]);
    return result;
  }

  it('refuses one 8 MB line of commas at the column bound, without building it', async () => {
    await refused(
      'CSV: one 8 MB line of commas',
      () => upload(new Uint8Array(Buffer.alloc(8 * MiB, ',')), { 'x-filename': 'commas.csv' }),
      'TOO_MANY_COLUMNS',
    );
  });

  it('refuses a shared-string table that unpacks to 200 MB, and a sheet that unpacks to 1 GB', async () => {
    const sst = repeatedDeflate(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      `<si><t>${'ก'.repeat(1000)}</t></si>`.repeat(350),
      190,
      '</sst>',
    );
    const bomb = workbookOf({ sheets: [{ name: 'data', body: inlineSheet([header]) }], sharedStrings: sst });
    console.log(
      `[hostile] shared-strings bomb: ${(bomb.length / 1024).toFixed(0)} KB unpacking to ${(sst.size / MiB).toFixed(0)} MB`,
    );
    await refused('XLSX: shared strings of 200 MB', () => upload(new Uint8Array(bomb)), 'FILE_TOO_COMPLEX');
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const sheet = repeatedDeflate(
      `<worksheet xmlns="${ns}"><sheetData>`,
      ' '.repeat(MiB),
      1024,
      '</sheetData></worksheet>',
    );
    const gigabyte = workbookOf({ sheets: [{ name: 'data', body: sheet }] });
    console.log(
      `[hostile] sheet bomb: ${(gigabyte.length / 1024).toFixed(0)} KB unpacking to ${(sheet.size / MiB).toFixed(0)} MB`,
    );
    await refused('XLSX: a sheet of 1 GB', () => upload(new Uint8Array(gigabyte)), 'FILE_TOO_LARGE');
  });

  it('stops reading two million merged ranges at the problem cap', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const body = repeatedDeflate(
      `<worksheet xmlns="${ns}">${inlineSheet([header, ['TH-40']])}<mergeCells>`,
      '<mergeCell ref="C2:D2"/>'.repeat(40_000),
      50,
      '</mergeCells></worksheet>',
    );
    const flood = workbookOf({ sheets: [{ name: 'data', body }] });
    console.log(`[hostile] merge flood: ${(flood.length / 1024).toFixed(0)} KB holding 2,000,000 <mergeCell>`);
    await refused('XLSX: two million merged ranges', () => upload(new Uint8Array(flood)), 'TOO_MANY_PROBLEMS');
  });

  it('answers an XLSX with 200 corrupted bytes in its sheet at once, leaving no temp folder', async () => {
    const sheet = zipEntries(templateXlsx).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const bad = Buffer.from(templateXlsx);
    let x = 12345;
    for (let i = 0; i < 200; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bad[sheet.dataStart + 40 + i] = x >>> 24;
    }
    await refused('XLSX: 200 corrupted bytes in the sheet', () => upload(new Uint8Array(bad)), 'NOT_A_SPREADSHEET');
  });

  it('answers a 25 MB chunked CSV with its FILE_TOO_LARGE problem, readable by the client', async () => {
    const head = Buffer.from(
      `${header.map((h) => (/[",]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(',')}\r\n`,
      'utf8',
    );
    const chunk = Buffer.alloc(MiB, `${' '.repeat(1023)}\n`);
    async function* body(): AsyncGenerator<Buffer> {
      yield Buffer.concat([head, chunk]);
      for (let i = 1; i < 25; i++) yield chunk;
    }
    await refused(
      'CSV: 25 MB chunked, no Content-Length',
      () => streamed(body(), { 'x-filename': 'big.csv' }),
      'FILE_TOO_LARGE',
    );
  });

  it('answers 429 with Retry-After beyond the imports it reads at once', async () => {
    const releases: Array<() => void> = [];
    async function* held(): AsyncGenerator<Buffer> {
      yield Buffer.from('\uFEFF');
      await new Promise<void>((r) => releases.push(r));
    }
    const running = [streamed(held(), { 'x-filename': 'a.csv' }), streamed(held(), { 'x-filename': 'b.csv' })];
    try {
      await new Promise((r) => setTimeout(r, 500));
      const third = await refused(
        'a third upload while two are read',
        () => upload('a,b\n', { 'x-filename': 'c.csv' }),
        'TOO_MANY_IMPORTS',
        429,
        { uploadsRunning: true },
      );
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      releases.forEach((r) => r());
    }
    for (const r of await Promise.all(running)) expect(codesOf(r)).toEqual(['EMPTY_FILE']);
    expect([...uploadsInTmp()].filter((f) => !tmpBefore.has(f))).toEqual([]);
  });

  it('refuses an X-Filename that is not percent-encoding, or holds NUL', async () => {
    await refused('X-Filename %E0%A4%A', () => upload('a,b\n', { 'x-filename': '%E0%A4%A' }), 'BAD_FILENAME', 400);
    await refused('X-Filename with %00', () => upload('a,b\n', { 'x-filename': 'r%00.csv' }), 'BAD_FILENAME', 400);
  });

  it('refuses %00 in a template path and in the quarter of an upload', async () => {
    const get = (path: string) => () => server.request(path, { headers: { authorization: `Bearer ${officer}` } });
    await refused(
      '%00 in the province of a template path',
      get(`/api/reports/TH-40%00/${Q}/template.xlsx`),
      'NOT_FOUND',
      404,
    );
    await refused(
      '%00 in the quarter of a template path',
      get(`/api/reports/TH-40/${Q}%00/template.csv`),
      'NOT_FOUND',
      404,
    );
    await refused(
      '%00 in the quarter of an upload',
      () => upload('a,b\n', {}, `quarterCode=${Q}%00&dryRun=false`),
      'NOT_FOUND',
      404,
    );
  });
});

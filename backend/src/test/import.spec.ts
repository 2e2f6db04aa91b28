import ExcelJS from 'exceljs';
import { contentFingerprint, filledTemplate, templateOf, upload } from './import-helpers.js';
import { createTestDatabase, query } from './test-db.js';
import { movableClock, signIn, startTestApp, type TestApp } from './test-app.js';
import { arrange, auditCount, reportRow } from './reporting-helpers.js';

const Q = 'FY2570Q1';

describe('Spreadsheet import over HTTP', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  const time = movableClock('2026-11-21T10:00:00+07:00');
  let officer: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, {}, { clock: time.clock });
    officer = await signIn(app, 'officer.th40@demo.local');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('serves the province template as XLSX and CSV, pre-filled with its local organizations, to the officer of that province only', async () => {
    const xlsx = await templateOf(app, officer, 'TH-40');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const codes: string[] = [];
    wb.getWorksheet('data')!.eachRow((row, n) => n > 1 && codes.push(String(row.getCell(1).value)));
    const [{ n }] = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM org_unit l JOIN org_unit p ON p.id = l.parent_id WHERE p.code = 'TH-40'`,
    );
    expect(codes).toHaveLength(n + 1);
    expect(codes[0]).toBe('TH-40');
    const header = (wb.getWorksheet('data')!.getRow(1).values as string[]).join(' ');
    expect(header).toMatch(/รหัสหน่วยงาน/);
    expect(header).toMatch(/Organization code/);
    const csv = await templateOf(app, officer, 'TH-40', 'csv');
    expect((await csv.text()).split('\n')[0]).toMatch(/STAFF_TOTAL/);
    expect((await templateOf(app, officer, 'TH-50')).status).toBe(403);
    expect((await fetch(`${app.baseUrl}/api/reports/TH-40/${Q}/template.xlsx`)).status).toBe(401);
  });

  it('dry-runs with a summary and changes nothing, commits atomically, and a second identical import changes nothing', async () => {
    const file = await filledTemplate(await (await templateOf(app, officer, 'TH-40')).arrayBuffer());
    const before = await contentFingerprint(db.url);
    const dry = await upload(app, officer, file, { dryRun: true });
    expect(dry.result).toMatchObject({ ok: true, dryRun: true, problems: [] });
    expect(dry.result!.summary.inserted + dry.result!.summary.updated).toBeGreaterThan(0);
    expect(await contentFingerprint(db.url)).toBe(before);

    const commit = await upload(app, officer, file, { dryRun: false });
    expect(commit.result).toMatchObject({ ok: true, dryRun: false });
    expect(commit.result!.summary).toMatchObject({
      inserted: dry.result!.summary.inserted,
      updated: dry.result!.summary.updated,
    });
    const after = await contentFingerprint(db.url);
    expect(after).not.toBe(before);
    const version = (await reportRow(db.url, 'TH-40', Q))!.version;

    const again = await upload(app, officer, file, { dryRun: false });
    expect(again.result!.summary).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(again.result!.summary.unchanged).toBeGreaterThan(0);
    expect(await contentFingerprint(db.url)).toBe(after);
    expect((await reportRow(db.url, 'TH-40', Q))!.version).toBe(version);
  });

  it('refuses a row of another province for an officer, naming the row and column, and changes nothing', async () => {
    const [other] = await query<{ code: string }>(
      db.url,
      `SELECT l.code FROM org_unit l JOIN org_unit p ON p.id = l.parent_id WHERE p.code = 'TH-50' LIMIT 1`,
    );
    const file = await filledTemplate(await (await templateOf(app, officer, 'TH-40')).arrayBuffer(), (sheet) => {
      sheet.getRow(3).getCell(1).value = other.code;
    });
    const before = await contentFingerprint(db.url);
    const res = await upload(app, officer, file, { dryRun: false });
    expect(res.result!.ok).toBe(false);
    expect(res.result!.problems).toEqual([expect.objectContaining({ row: 3, code: 'OTHER_PROVINCE' })]);
    expect(res.result!.problems[0].column).toMatch(/^A /);
    expect(await contentFingerprint(db.url)).toBe(before);
  });

  it('refuses to import into a locked (approved) quarter and changes nothing', async () => {
    await arrange(db.url, 'TH-40', 'FY2569Q4', 'APPROVED');
    const file = await filledTemplate(await (await templateOf(app, officer, 'TH-40')).arrayBuffer());
    const before = await contentFingerprint(db.url);
    const res = await upload(app, officer, file, { dryRun: false, quarter: 'FY2569Q4' });
    expect(res.result!.ok).toBe(false);
    expect(res.result!.problems[0].code).toBe('REPORT_LOCKED');
    expect(res.result!.problems[0].message).toMatch(/approved/);
    expect(await contentFingerprint(db.url)).toBe(before);
  });

  it('lets an administrator import several provinces at once, atomically', async () => {
    const admin = await signIn(app, 'admin@demo.local');
    const a = await filledTemplate(await (await templateOf(app, admin, 'TH-41')).arrayBuffer());
    const wbA = new ExcelJS.Workbook();
    await wbA.xlsx.load(a as unknown as ArrayBuffer);
    const b = await filledTemplate(await (await templateOf(app, admin, 'TH-42')).arrayBuffer());
    const wbB = new ExcelJS.Workbook();
    await wbB.xlsx.load(b as unknown as ArrayBuffer);
    const sheetA = wbA.getWorksheet('data')!;
    wbB.getWorksheet('data')!.eachRow((row, n) => {
      if (n > 1) sheetA.addRow((row.values as unknown[]).slice(1));
    });
    const res = await upload(app, admin, Buffer.from(await wbA.xlsx.writeBuffer()), { dryRun: false });
    expect(res.result).toMatchObject({ ok: true });
    expect(res.result!.summary.provinces).toEqual(['TH-41', 'TH-42']);
  });

  it('answers an anonymous or read-only caller with 401 or 403 and reads nothing', async () => {
    expect((await upload(app, undefined, Buffer.from('x'), { dryRun: true })).status).toBe(401);
    const planner = await signIn(app, 'planner@demo.local');
    expect((await upload(app, planner, Buffer.from('x'), { dryRun: true })).status).toBe(403);
    expect(await auditCount(db.url)).toBeGreaterThan(0);
  });

  describe('bounds of the upload endpoint', () => {
    const post = (
      token: string,
      body: BodyInit,
      headers: Record<string, string> = {},
      query = `quarterCode=${Q}&dryRun=true`,
    ) =>
      fetch(`${app.baseUrl}/api/imports?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...headers },
        body,
        duplex: 'half',
      } as RequestInit);

    /** A body that sends `head`, then holds the request open until released. */
    function heldBody(head: Buffer): { body: ReadableStream<Uint8Array>; release: () => void } {
      let release = () => undefined as void;
      const released = new Promise<void>((r) => (release = r));
      const body = new ReadableStream<Uint8Array>({
        async start(c) {
          c.enqueue(new Uint8Array(head));
          await released;
          c.close();
        },
      });
      return { body, release };
    }

    it('refuses an X-Filename that is not percent-encoded UTF-8, holds a control character or is too long, with BAD_FILENAME', async () => {
      for (const name of ['%E0%A4%A', '%ZZ', 'a%00b.csv', `${'x'.repeat(300)}.csv`]) {
        const res = await post(officer, 'a,b\n', { 'x-filename': name });
        expect({ name, status: res.status }).toEqual({ name, status: 400 });
        expect(await res.json()).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ code: 'BAD_FILENAME' }] });
      }
    });

    it('answers NOT_FOUND for a province or quarter code with NUL, in a template path or an upload', async () => {
      for (const path of [
        `/api/reports/TH-40%00/${Q}/template.xlsx`,
        `/api/reports/TH-40/${Q}%00/template.csv`,
        `/api/reports/TH-40/${Q}/template.xlsx%00`,
      ]) {
        const res = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${officer}` } });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
      }
      for (const query of ['quarterCode=FY2570Q1%00&dryRun=true', 'quarterCode=a&quarterCode=b&dryRun=true']) {
        const res = await post(officer, 'a,b\n', {}, query);
        expect({ query, status: res.status }).toEqual({ query, status: 404 });
        expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
      }
    });

    it('answers a 25 MB chunked CSV (no Content-Length) with its FILE_TOO_LARGE problem, which the client can read', async () => {
      // The template's header, then rows that read as blank until the size limit is passed.
      const header = Buffer.from(
        (await (await templateOf(app, officer, 'TH-40', 'csv')).text()).split('\r\n')[0] + '\r\n',
        'utf8',
      );
      const chunk = Buffer.alloc(1024 * 1024, ' '.repeat(1023) + '\n');
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent >= 25) return c.close();
          c.enqueue(new Uint8Array(sent++ === 0 ? Buffer.concat([header, chunk]) : chunk));
        },
      });
      const res = await post(officer, body, { 'x-filename': 'big.csv' });
      expect(res.status).toBe(200);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; problems?: Array<{ code: string }> });
      expect(lines.at(-1)).toMatchObject({ type: 'result', ok: false });
      expect(lines.at(-1)!.problems!.map((p) => p.code)).toEqual(['FILE_TOO_LARGE']);
    });

    it('answers 429 with Retry-After beyond IMPORT_CONCURRENCY imports at once, and takes uploads again once they end', async () => {
      const held = [heldBody(Buffer.from('\uFEFF')), heldBody(Buffer.from('\uFEFF'))];
      const running = held.map((h) => post(officer, h.body, { 'x-filename': 'slow.csv' }));
      // Both are being read (the worker waits for their bytes) once a third is refused.
      let third: Response | null = null;
      for (let i = 0; i < 50 && third?.status !== 429; i++) {
        await new Promise((r) => setTimeout(r, 100));
        third = await post(officer, 'a,b\n', { 'x-filename': 'third.csv' });
        if (third.status !== 429) await third.text();
      }
      expect(third!.status).toBe(429);
      expect(third!.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await third!.json()).toMatchObject({ code: 'TOO_MANY_IMPORTS' });
      held.forEach((h) => h.release());
      for (const r of await Promise.all(running)) {
        expect(r.status).toBe(200);
        await r.text();
      }
      const again = await post(officer, 'a,b\n', { 'x-filename': 'again.csv' });
      expect(again.status).toBe(200);
      await again.text();
    });
  });
});

import { buildLayout, type LayoutCategory, type LayoutElement } from '../modules/import/spreadsheet/layout.js';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildArmourCorpus } from '../modules/import/spreadsheet/__tests__/armour-corpus.js';
import { buildMalformedCorpus, type CorpusFile } from '../modules/import/spreadsheet/__tests__/corpus.js';
import type { TemplateRow } from '../modules/import/spreadsheet/template.js';
import { createTestDatabase, query } from './test-db.js';
import { movableClock, signIn, startTestApp, type TestApp } from './test-app.js';
import { contentFingerprint, upload } from './import-helpers.js';

/** Each upload of the corpus must be answered within this, zip bombs and floods included. */
const MAX_MS_PER_FILE = 5000;

/**
 * Every malformed file of the corpus, uploaded over HTTP for real (not as a dry run), must be refused with
 * a clear problem of the expected kind, and must leave the database exactly as it was. The valid files of
 * the generated corpus are uploaded as dry runs and must be accepted.
 */
describe('Spreadsheet import refuses malformed files over HTTP', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let officer: string;
  let corpus: CorpusFile[];
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, {}, { clock: movableClock('2026-11-21T10:00:00+07:00').clock });
    officer = await signIn(app, 'officer.th40@demo.local');
    const elements = await query<{
      code: string;
      nameTh: string;
      nameEn: string;
      valueType: LayoutElement['valueType'];
      min: string | null;
      max: string | null;
    }>(
      db.url,
      `SELECT code, name_th AS "nameTh", name_en AS "nameEn", value_type AS "valueType", min_value::text AS min, max_value::text AS max FROM data_element ORDER BY id`,
    );
    const categories = await query<LayoutCategory>(
      db.url,
      `SELECT code, label_th AS "labelTh", label_en AS "labelEn" FROM obstacle_category ORDER BY sort_order`,
    );
    const layout = buildLayout(
      elements.map((e) => ({
        ...e,
        min: e.min === null ? null : Number(e.min),
        max: e.max === null ? null : Number(e.max),
      })),
      categories,
    );
    const units = await query<{ code: string; name_th: string }>(
      db.url,
      `SELECT u.code, u.name_th FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE p.code = 'TH-40' ORDER BY u.sort_order LIMIT 4`,
    );
    const rows: TemplateRow[] = units.map((u) => ({
      orgCode: u.code,
      orgName: u.name_th,
      values: Object.fromEntries(
        elements.map((e) => [
          e.code,
          e.valueType === 'BOOLEAN' || e.code === 'UNIT_REPORTING'
            ? 1
            : e.code.endsWith('_TOTAL') || e.code.endsWith('TOTAL_THB') || e.code === 'TRAINEES_ENROLLED'
              ? 50
              : 2,
        ]),
      ),
      obstacles: { SKILLS: 3 },
    }));
    // Files made for small limits (size, row count) are checked by the reader's own tests and below.
    corpus = [...(await buildMalformedCorpus(layout, rows)), ...(await buildArmourCorpus(layout, rows))].filter(
      (f) => !f.limits,
    );
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('has at least 300 distinct files to try', () => {
    expect(new Set(corpus.map((f) => f.name)).size).toBeGreaterThanOrEqual(300);
  });

  it('refuses each malformed file with its problem, located, quickly, accepts each valid one, changes nothing and leaves no temp folder', async () => {
    const before = await contentFingerprint(db.url);
    const tempBefore = new Set(readdirSync(tmpdir()));
    const outcomes: Array<{ name: string; expected: string; got: string[]; located: boolean; ms?: number }> = [];
    const t0 = performance.now();
    for (const f of corpus) {
      const started = performance.now();
      const accept = f.expect === 'ACCEPT';
      const res = await upload(app, officer, f.bytes, { dryRun: accept, filename: f.filename });
      const ms = performance.now() - started;
      const problems = res.result?.problems ?? [];
      outcomes.push({
        name: f.name,
        expected: f.expect,
        got: accept
          ? res.result?.ok
            ? ['ACCEPT']
            : problems.map((p) => p.code)
          : [...new Set(problems.map((p) => p.code))],
        located: accept || f.at?.row == null || problems.some((p) => p.code === f.expect && p.row === f.at!.row),
        ...(ms > MAX_MS_PER_FILE ? { ms } : {}),
      });
      expect(res.status).toBe(200);
      if (!accept) expect(res.result?.ok).toBe(false);
      for (const p of problems) expect(p.message.length).toBeGreaterThan(15);
    }
    console.log(`[corpus] ${corpus.length} uploads over HTTP in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const wrong = outcomes.filter((o) => !o.got.includes(o.expected) || !o.located || o.ms !== undefined);
    expect(wrong).toEqual([]);
    expect(await contentFingerprint(db.url)).toBe(before);
    expect(readdirSync(tmpdir()).filter((f) => !tempBefore.has(f) && /^(tmp-|digigov-upload-)/.test(f))).toEqual([]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const res = await upload(app, officer, Buffer.alloc(21 * 1024 * 1024, 65), { dryRun: false, filename: 'huge.csv' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/FILE_TOO_LARGE|limit/);
  });
});

// Times a national spreadsheet import (every local organization of every province, one quarter) through
// the same HTTP endpoint officers and administrators use, as a dry run and then committed.
import { PassThrough } from 'node:stream';
import { buildLayout } from '../dist/modules/import/spreadsheet/layout.js';
import { writeXlsxTemplate } from '../dist/modules/import/spreadsheet/template.js';
import { gql } from './http.mjs';

const QUARTER = 'FY2570Q1';

async function nationalFile(sql, variant) {
  const elements = (
    await sql.query(
      `SELECT code, name_th AS "nameTh", name_en AS "nameEn", value_type AS "valueType", min_value::float AS min, max_value::float AS max FROM data_element ORDER BY id`,
    )
  ).rows;
  const categories = (
    await sql.query(
      `SELECT code, label_th AS "labelTh", label_en AS "labelEn" FROM obstacle_category ORDER BY sort_order`,
    )
  ).rows;
  const layout = buildLayout(elements, categories);
  const units = (await sql.query(`SELECT code, name_th FROM org_unit WHERE level = 'LOCAL' ORDER BY path`)).rows;
  // `variant` changes the figures from one run to the next, so that a re-run writes values too.
  const value = (e) =>
    e.valueType === 'BOOLEAN' || e.code === 'UNIT_REPORTING'
      ? 1
      : /TOTAL|ENROLLED/.test(e.code)
        ? 60 + variant
        : 3 + variant;
  const rows = units.map((u, i) => ({
    orgCode: u.code,
    orgName: u.name_th,
    values: Object.fromEntries(elements.map((e) => [e.code, value(e)])),
    obstacles: i % 3 === 0 ? { SKILLS: 3, BUDGET: 2 } : {},
  }));
  const sink = new PassThrough();
  const chunks = [];
  sink.on('data', (c) => chunks.push(c));
  await writeXlsxTemplate(sink, layout, rows, {
    provinceCode: 'ALL',
    quarterCode: QUARTER,
    titleTh: 'ทั้งประเทศ',
    titleEn: 'National',
  });
  return { bytes: Buffer.concat(chunks), rows: rows.length };
}

async function upload(base, token, bytes, dryRun) {
  const t = performance.now();
  const res = await fetch(`${base}/api/imports?quarterCode=${QUARTER}&dryRun=${dryRun}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-filename': 'national.xlsx',
    },
    body: bytes,
  });
  const lines = (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const result = lines.at(-1);
  return { ms: performance.now() - t, result, progressEvents: lines.length - 1 };
}

export async function benchImport(base, sql, memory, log) {
  // Reports already submitted or approved in the quarter are locked; an import into them is refused.
  await sql.query(
    `UPDATE report SET status = 'DRAFT' FROM fiscal_quarter q WHERE q.id = report.quarter_id AND q.code = $1 AND report.status <> 'DRAFT'`,
    [QUARTER],
  );
  const variant = Math.floor(Date.now() / 1000) % 9;
  const { bytes, rows } = await nationalFile(sql, variant);
  const token = (
    await gql(base, 'mutation { login(input: { email: "admin@demo.local", password: "demo-pass-2570" }) { token } }')
  ).login.token;
  const dry = await upload(base, token, bytes, true);
  log(
    `import dry run: ${(dry.ms / 1000).toFixed(1)} s, ok ${dry.result.ok}, ${dry.progressEvents} progress events, peak ${memory().peakMb.toFixed(0)} MB`,
  );
  if (!dry.result.ok) log(`problems: ${JSON.stringify(dry.result.problems.slice(0, 3))}`);
  const commit = await upload(base, token, bytes, false);
  const s = commit.result.summary;
  log(
    `import commit: ${(commit.ms / 1000).toFixed(1)} s, inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, peak ${memory().peakMb.toFixed(0)} MB`,
  );
  return {
    rows,
    mb: bytes.length / 1e6,
    dryRunMs: dry.ms,
    commitMs: commit.ms,
    ok: commit.result.ok,
    changed: s.inserted + s.updated,
  };
}

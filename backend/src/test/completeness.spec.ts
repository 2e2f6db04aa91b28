import { createTestDatabase, query } from './test-db.js';
import { movableClock, signIn, startTestApp, type TestApp } from './test-app.js';
import { APPROVE, RETURN, SUBMIT, code, completeValues, reportRow, saveAs } from './reporting-helpers.js';

// FY2570Q1 (Oct–Dec 2026): due 2027-01-30, entry open until 2027-03-01.
const Q = 'FY2570Q1';
const PREV = 'FY2569Q4';
const BEFORE_DEADLINE = '2026-11-21T10:00:00+07:00';
const AFTER_DEADLINE = '2027-02-05T10:00:00+07:00';

const COUNTS = [
  'notStarted',
  'draft',
  'awaitingApproval',
  'returned',
  'approved',
  'submitted',
  'onTime',
  'late',
  'overdue',
  'pending',
] as const;
type Counts = Record<(typeof COUNTS)[number], number>;
interface Province {
  provinceCode: string;
  status: string | null;
  timeliness: string;
  submittedAt: string | null;
}
type Completeness = Counts & { provinces: Province[] };

const COMPLETENESS = `query($q: String!) { completeness(quarterCode: $q) { ${COUNTS.join(' ')} provinces { provinceCode status timeliness submittedAt } } }`;

const STATUS_BUCKET: Record<string, keyof Counts> = {
  NONE: 'notStarted',
  DRAFT: 'draft',
  SUBMITTED: 'awaitingApproval',
  RETURNED: 'returned',
  APPROVED: 'approved',
};
const TIMELINESS_BUCKET: Record<string, keyof Counts> = {
  ON_TIME: 'onTime',
  LATE: 'late',
  OVERDUE: 'overdue',
  PENDING: 'pending',
};

function counts(c: Completeness): Counts {
  return Object.fromEntries(COUNTS.map((k) => [k, c[k]])) as Counts;
}

/** The counts that changed from one reading to the next, as signed differences. */
function change(before: Completeness, after: Completeness): Partial<Counts> {
  return Object.fromEntries(COUNTS.filter((k) => after[k] !== before[k]).map((k) => [k, after[k] - before[k]]));
}

/** Every invariant of the counts: each province in exactly one status and one timeliness bucket. */
function expectConsistent(c: Completeness, total = 77): void {
  expect(c.provinces).toHaveLength(total);
  const byStatus = Object.fromEntries(Object.values(STATUS_BUCKET).map((k) => [k, 0]));
  const byTimeliness = Object.fromEntries(Object.values(TIMELINESS_BUCKET).map((k) => [k, 0]));
  for (const p of c.provinces) {
    byStatus[STATUS_BUCKET[p.status ?? 'NONE']]++;
    byTimeliness[TIMELINESS_BUCKET[p.timeliness]]++;
    // On time or late only while the report stands submitted; everyone else is overdue or pending.
    const standing = p.status === 'SUBMITTED' || p.status === 'APPROVED';
    expect([p.provinceCode, standing]).toEqual([p.provinceCode, p.timeliness === 'ON_TIME' || p.timeliness === 'LATE']);
  }
  expect(byStatus).toEqual({
    notStarted: c.notStarted,
    draft: c.draft,
    awaitingApproval: c.awaitingApproval,
    returned: c.returned,
    approved: c.approved,
  });
  expect(byTimeliness).toEqual({ onTime: c.onTime, late: c.late, overdue: c.overdue, pending: c.pending });
  expect(c.notStarted + c.draft + c.awaitingApproval + c.returned + c.approved).toBe(total);
  expect(c.submitted).toBe(c.awaitingApproval + c.approved);
  expect(c.onTime + c.late).toBe(c.submitted);
  expect(c.overdue + c.pending).toBe(total - c.submitted);
}

describe('completeness', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  const time = movableClock(BEFORE_DEADLINE);
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, {}, { clock: time.clock });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  afterEach(() => time.set(BEFORE_DEADLINE));

  /** Tokens expire: sign in again after the clock moves. */
  async function as(who: string): Promise<string> {
    return signIn(app, `${who}@demo.local`);
  }

  async function completeness(quarterCode = Q): Promise<Completeness> {
    const res = await app.gql<{ completeness: Completeness }>(COMPLETENESS, { q: quarterCode }, await as('planner'));
    expect(code(res)).toBe('OK');
    const c = res.data!.completeness;
    expectConsistent(c);
    return c;
  }

  const province = (c: Completeness, provinceCode: string) => {
    const p = c.provinces.find((x) => x.provinceCode === provinceCode)!;
    return { status: p.status, timeliness: p.timeliness };
  };

  /** A complete draft: last quarter's figures and the province's own obstacle answer. */
  async function fillIn(provinceCode: string, officer: string): Promise<number> {
    const values = await completeValues(db.url, provinceCode, PREV);
    expect(values.length).toBeGreaterThan(0);
    const r = await reportRow(db.url, provinceCode, Q);
    const saved = await saveAs(app, officer, {
      provinceCode,
      quarterCode: Q,
      version: r?.version ?? null,
      values,
      respondents: [{ orgUnitCode: provinceCode, answers: [] }],
    });
    expect(code(saved)).toBe('OK');
    return saved.data!.saveReport.report.version;
  }

  /** The province edits its returned report, which makes it a draft again. */
  async function correct(provinceCode: string, officer: string): Promise<void> {
    const version = (await reportRow(db.url, provinceCode, Q))!.version;
    const [value] = await completeValues(db.url, provinceCode, PREV);
    expect(
      code(await saveAs(app, officer, { provinceCode, quarterCode: Q, version, values: [value], reason: 'checked' })),
    ).toBe('OK');
  }

  async function decide(
    mutation: string,
    provinceCode: string,
    token: string,
    extra: Record<string, unknown> = {},
  ): Promise<number> {
    const r = (await reportRow(db.url, provinceCode, Q))!;
    const res = await app.gql<Record<string, { version: number }>>(
      mutation,
      { i: { reportId: r.id, version: r.version, ...extra } },
      token,
    );
    expect(code(res)).toBe('OK');
    return Object.values(res.data!)[0].version;
  }

  it('puts every province of the demo quarters in exactly one status and one timeliness bucket, 77 in all', async () => {
    const quarters = await query<{ code: string }>(
      db.url,
      `SELECT DISTINCT q.code FROM report r JOIN fiscal_quarter q ON q.id = r.quarter_id ORDER BY 1`,
    );
    expect(quarters.length).toBeGreaterThan(4);
    const returned = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM report WHERE status = 'RETURNED'`,
    );
    // The demo data holds returned reports, the case the counts once got wrong.
    expect(returned[0].n).toBeGreaterThan(0);
    for (const q of quarters) await completeness(q.code);
  });

  it('follows one report before the deadline: submit, return, correct, resubmit, approve', async () => {
    const officer = await as('officer.th50');
    await fillIn('TH-50', officer);
    const drafted = await completeness();
    expect(province(drafted, 'TH-50')).toEqual({ status: 'DRAFT', timeliness: 'PENDING' });

    await decide(SUBMIT, 'TH-50', officer);
    const submitted = await completeness();
    expect(province(submitted, 'TH-50')).toEqual({ status: 'SUBMITTED', timeliness: 'ON_TIME' });
    expect(change(drafted, submitted)).toEqual({
      draft: -1,
      awaitingApproval: 1,
      submitted: 1,
      onTime: 1,
      pending: -1,
    });

    await decide(RETURN, 'TH-50', await as('planner'), { reason: 'Staff totals look doubled' });
    const returned = await completeness();
    // Returned: no longer submitted, so neither on time nor late until it is submitted again.
    expect(province(returned, 'TH-50')).toEqual({ status: 'RETURNED', timeliness: 'PENDING' });
    expect(change(submitted, returned)).toEqual({
      awaitingApproval: -1,
      returned: 1,
      submitted: -1,
      onTime: -1,
      pending: 1,
    });

    await correct('TH-50', officer);
    const corrected = await completeness();
    expect(province(corrected, 'TH-50')).toEqual({ status: 'DRAFT', timeliness: 'PENDING' });
    expect(change(returned, corrected)).toEqual({ returned: -1, draft: 1 });

    await decide(SUBMIT, 'TH-50', officer);
    const resubmitted = await completeness();
    expect(province(resubmitted, 'TH-50')).toEqual({ status: 'SUBMITTED', timeliness: 'ON_TIME' });
    // Counted once, as on the first submission.
    expect(change(corrected, resubmitted)).toEqual({
      draft: -1,
      awaitingApproval: 1,
      submitted: 1,
      onTime: 1,
      pending: -1,
    });
    expect(counts(resubmitted)).toEqual(counts(submitted));

    await decide(APPROVE, 'TH-50', await as('planner'));
    const approved = await completeness();
    expect(province(approved, 'TH-50')).toEqual({ status: 'APPROVED', timeliness: 'ON_TIME' });
    expect(change(resubmitted, approved)).toEqual({ awaitingApproval: -1, approved: 1 });
  });

  it('judges a report returned and resubmitted after the deadline by its latest submission', async () => {
    const officer = await as('officer.th40');
    await fillIn('TH-40', officer);
    await decide(SUBMIT, 'TH-40', officer, { confirmWarnings: true });
    expect(province(await completeness(), 'TH-40')).toEqual({ status: 'SUBMITTED', timeliness: 'ON_TIME' });
    await decide(RETURN, 'TH-40', await as('planner'), { reason: 'Evidence missing' });

    time.set(AFTER_DEADLINE);
    const overdue = await completeness();
    // The deadline passed while the report was back with the province: it is overdue, not on time.
    expect(province(overdue, 'TH-40')).toEqual({ status: 'RETURNED', timeliness: 'OVERDUE' });
    expect(overdue.pending).toBe(0);

    const lateOfficer = await as('officer.th40');
    await correct('TH-40', lateOfficer);
    const corrected = await completeness();
    expect(province(corrected, 'TH-40')).toEqual({ status: 'DRAFT', timeliness: 'OVERDUE' });
    expect(change(overdue, corrected)).toEqual({ returned: -1, draft: 1 });

    await decide(SUBMIT, 'TH-40', lateOfficer, { confirmWarnings: true });
    const resubmitted = await completeness();
    expect(province(resubmitted, 'TH-40')).toEqual({ status: 'SUBMITTED', timeliness: 'LATE' });
    expect(change(corrected, resubmitted)).toEqual({
      draft: -1,
      awaitingApproval: 1,
      submitted: 1,
      late: 1,
      overdue: -1,
    });

    await decide(APPROVE, 'TH-40', await as('planner'));
    const approved = await completeness();
    expect(province(approved, 'TH-40')).toEqual({ status: 'APPROVED', timeliness: 'LATE' });
    expect(change(resubmitted, approved)).toEqual({ awaitingApproval: -1, approved: 1 });
  });

  it('counts the deadline in Bangkok days: a submission at 00:30 the day after (still the deadline day in UTC) is late', async () => {
    const q = await app.gql<{ fiscalQuarter: { deadline: string } }>(
      'query($q: String!) { fiscalQuarter(code: $q) { deadline } }',
      { q: Q },
    );
    expect(q.data!.fiscalQuarter.deadline).toBe('2027-01-30');
    time.set('2027-01-31T00:30:00+07:00');
    const admin = await as('admin');
    await fillIn('TH-41', admin);
    await decide(SUBMIT, 'TH-41', admin, { confirmWarnings: true });
    expect(province(await completeness(), 'TH-41')).toEqual({ status: 'SUBMITTED', timeliness: 'LATE' });
  });
});

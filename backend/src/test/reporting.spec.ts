import { createTestDatabase, query } from './test-db.js';
import { movableClock, signIn, startTestApp, type TestApp } from './test-app.js';
import {
  APPROVE,
  REOPEN,
  REPORT,
  RETURN,
  SUBMIT,
  EXTEND,
  arrange,
  auditCount,
  code,
  completeValues,
  reportRow,
  saveAs,
} from './reporting-helpers.js';

const Q = 'FY2570Q1';
const PREV = 'FY2569Q4';

describe('Quarterly reporting over HTTP', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  const time = movableClock('2026-11-21T10:00:00+07:00');
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, {}, { clock: time.clock });
    for (const who of ['admin', 'planner', 'analyst', 'officer.th40', 'officer.th50'])
      tokens[who] = await signIn(app, `${who}@demo.local`);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  describe('sign-in', () => {
    it('returns an expiring token and the user; me answers with it', async () => {
      const res = await app.gql<{
        login: { token: string; expiresAt: string; user: { role: string; provinceCode: string } };
      }>(
        'mutation { login(input: { email: "Officer.TH40@demo.local", password: "demo-pass-2570" }) { token expiresAt user { role provinceCode } } }',
      );
      expect(res.data!.login.user).toEqual({ role: 'OFFICER', provinceCode: 'TH-40' });
      expect(new Date(res.data!.login.expiresAt).getTime()).toBeGreaterThan(time.clock().getTime());
      const me = await app.gql<{ me: { email: string } }>('{ me { email } }', {}, res.data!.login.token);
      expect(me.data!.me.email).toBe('officer.th40@demo.local');
    });

    it('refuses a wrong password, an unknown e-mail, a forged token and an expired one with UNAUTHENTICATED', async () => {
      const bad = await app.gql(
        'mutation { login(input: { email: "planner@demo.local", password: "nope" }) { token } }',
      );
      expect(code(bad)).toBe('UNAUTHENTICATED');
      const unknown = await app.gql(
        'mutation { login(input: { email: "ghost@demo.local", password: "nope" }) { token } }',
      );
      expect(code(unknown)).toBe('UNAUTHENTICATED');
      expect(unknown.errors![0].message).toBe(bad.errors![0].message);
      expect(code(await app.gql('{ me { email } }', {}, tokens.planner.slice(0, -3) + 'abc'))).toBe('UNAUTHENTICATED');
      const token = await signIn(app, 'analyst@demo.local');
      time.set('2026-11-22T10:00:00+07:00');
      try {
        const expired = await app.gql('{ me { email } }', {}, token);
        expect(code(expired)).toBe('UNAUTHENTICATED');
        expect(expired.errors![0].message).toMatch(/expired/);
      } finally {
        time.set('2026-11-21T10:00:00+07:00');
      }
    });

    it('locks an account after five failed sign-ins, even against the right password, and says so no differently', async () => {
      let wrong: Awaited<ReturnType<TestApp['gql']>> | null = null;
      for (let i = 0; i < 5; i++)
        wrong = await app.gql(
          'mutation { login(input: { email: "officer.th50@demo.local", password: "wrong" }) { token } }',
        );
      const locked = await app.gql(
        'mutation { login(input: { email: "officer.th50@demo.local", password: "demo-pass-2570" }) { token } }',
      );
      expect(code(locked)).toBe('UNAUTHENTICATED');
      // The same message as a wrong password: a lock must not tell a stranger that the account exists.
      expect(locked.errors![0].message).toBe(wrong!.errors![0].message);
      time.set('2026-11-21T10:20:00+07:00');
      try {
        expect(
          code(
            await app.gql(
              'mutation { login(input: { email: "officer.th50@demo.local", password: "demo-pass-2570" }) { token } }',
            ),
          ),
        ).toBe('OK');
      } finally {
        time.set('2026-11-21T10:00:00+07:00');
      }
    });
  });

  describe('authorization of every mutation by role and province', () => {
    type Cell = { who: string; expect: string };
    const roles = ['anonymous', 'analyst', 'planner', 'officer.th50', 'officer.th40', 'admin'];

    async function run(mutation: string, input: (who: string) => Promise<Record<string, unknown>>, cells: Cell[]) {
      const results: Cell[] = [];
      for (const c of cells) {
        const res = await app.gql(
          mutation,
          { i: await input(c.who) },
          c.who === 'anonymous' ? undefined : tokens[c.who],
        );
        results.push({ who: c.who, expect: code(res) });
      }
      expect(results).toEqual(cells);
    }

    it('saveReport: only the own officer and an admin; nothing changes when refused', async () => {
      const before = await auditCount(db.url);
      const input = async () => ({
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: (await reportRow(db.url, 'TH-40', Q))!.version,
        values: [],
      });
      await run(SAVE_M, input, [
        { who: 'anonymous', expect: 'UNAUTHENTICATED' },
        { who: 'analyst', expect: 'FORBIDDEN' },
        { who: 'planner', expect: 'FORBIDDEN' },
        { who: 'officer.th50', expect: 'FORBIDDEN' },
      ]);
      expect(await auditCount(db.url)).toBe(before);
      await run(SAVE_M, input, [
        { who: 'officer.th40', expect: 'OK' },
        { who: 'admin', expect: 'OK' },
      ]);
    });

    it('submitReport: only the own officer and an admin (an incomplete report then fails on content, not rights)', async () => {
      const input = async () => {
        const r = (await reportRow(db.url, 'TH-40', Q))!;
        return { reportId: r.id, version: r.version };
      };
      await run(SUBMIT, input, [
        { who: 'anonymous', expect: 'UNAUTHENTICATED' },
        { who: 'analyst', expect: 'FORBIDDEN' },
        { who: 'planner', expect: 'FORBIDDEN' },
        { who: 'officer.th50', expect: 'FORBIDDEN' },
        { who: 'officer.th40', expect: 'BAD_USER_INPUT' },
        { who: 'admin', expect: 'BAD_USER_INPUT' },
      ]);
    });

    for (const [name, mutation, from, reason] of [
      ['approveReport', APPROVE, 'SUBMITTED', null],
      ['returnReport', RETURN, 'SUBMITTED', 'Please check the staff totals'],
      ['reopenReport', REOPEN, 'APPROVED', 'Correction requested by the province'],
    ] as const) {
      it(`${name}: only planners and admins, never an officer, not even of the province`, async () => {
        const targets: Record<string, string> = { planner: 'TH-41', admin: 'TH-42' };
        const input = async (who: string) => {
          const r = await arrange(db.url, targets[who] ?? 'TH-40', 'FY2568Q1', from);
          return { reportId: r.id, version: r.version, reason };
        };
        await run(
          mutation,
          input,
          roles.map((who) => ({
            who,
            expect: who === 'anonymous' ? 'UNAUTHENTICATED' : who === 'planner' || who === 'admin' ? 'OK' : 'FORBIDDEN',
          })),
        );
      });
    }

    it('extendEntryWindow: only planners and admins', async () => {
      const input = async () => ({ provinceCode: 'TH-40', quarterCode: Q, until: '2027-03-15', reason: 'flood' });
      await run(
        EXTEND,
        input,
        roles.map((who) => ({
          who,
          expect: who === 'anonymous' ? 'UNAUTHENTICATED' : who === 'planner' || who === 'admin' ? 'OK' : 'FORBIDDEN',
        })),
      );
    });

    it('an analyst token and an officer see no other province\u2019s draft, anywhere', async () => {
      expect(code(await app.gql(REPORT, { p: 'TH-40', q: Q }, tokens['officer.th50']))).toBe('FORBIDDEN');
      expect(code(await app.gql(REPORT, { p: 'TH-40', q: Q }, tokens.analyst))).toBe('FORBIDDEN');
      expect(code(await app.gql(REPORT, { p: 'TH-40', q: Q }))).toBe('UNAUTHENTICATED');
      expect(code(await app.gql(REPORT, { p: 'TH-40', q: Q }, tokens['officer.th40']))).toBe('OK');
      const list = await app.gql<{ reports: { items: Array<{ provinceCode: string; status: string }> } }>(
        '{ reports(first: 500) { items { provinceCode status } } }',
        {},
        tokens['officer.th50'],
      );
      const others = list.data!.reports.items.filter((r) => r.provinceCode !== 'TH-50');
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((r) => r.status === 'APPROVED')).toBe(true);
      expect(
        code(await app.gql(`{ completeness(quarterCode: "${PREV}") { submitted } }`, {}, tokens['officer.th40'])),
      ).toBe('FORBIDDEN');
      expect(code(await app.gql('{ reportHistory(reportId: 1) { id } }', {}, tokens['officer.th40']))).toBe(
        'FORBIDDEN',
      );
    });
  });

  describe('the report life cycle', () => {
    it('goes draft → submitted → returned → draft → submitted → approved, locked, and reopened with a reason', async () => {
      const values = await completeValues(db.url, 'TH-50', PREV);
      expect(values.length).toBeGreaterThan(16);
      let r = (await reportRow(db.url, 'TH-50', Q))!;
      const saved = await saveAs(app, tokens['officer.th50'], {
        provinceCode: 'TH-50',
        quarterCode: Q,
        version: r.version,
        values,
        respondents: [
          { orgUnitCode: 'TH-50', answers: [{ categoryCode: 'BUDGET', severity: 4, note: 'งบประมาณไม่พอ' }] },
        ],
      });
      expect(code(saved)).toBe('OK');
      expect(saved.data!.saveReport.warnings).toEqual([]);
      r = (await reportRow(db.url, 'TH-50', Q))!;

      const submitted = await app.gql<{ submitReport: { status: string; version: number } }>(
        SUBMIT,
        { i: { reportId: r.id, version: r.version } },
        tokens['officer.th50'],
      );
      expect(submitted.data?.submitReport.status).toBe('SUBMITTED');

      // Officers cannot edit a submitted report; a planner cannot approve with a stale version.
      expect(
        code(
          await saveAs(app, tokens['officer.th50'], {
            provinceCode: 'TH-50',
            quarterCode: Q,
            version: submitted.data!.submitReport.version,
            values: [],
          }),
        ),
      ).toBe('CONFLICT');
      expect(code(await app.gql(APPROVE, { i: { reportId: r.id, version: r.version } }, tokens.planner))).toBe(
        'CONFLICT',
      );
      expect(
        code(
          await app.gql(
            RETURN,
            { i: { reportId: r.id, version: submitted.data!.submitReport.version } },
            tokens.planner,
          ),
        ),
      ).toBe('BAD_USER_INPUT');

      const returned = await app.gql<{ returnReport: { status: string; version: number; returnReason: string } }>(
        RETURN,
        { i: { reportId: r.id, version: submitted.data!.submitReport.version, reason: 'Staff totals look doubled' } },
        tokens.planner,
      );
      expect(returned.data!.returnReport).toMatchObject({
        status: 'RETURNED',
        returnReason: 'Staff totals look doubled',
      });
      const seen = await app.gql<{ report: { returnReason: string; allowedActions: string[] } }>(
        REPORT,
        { p: 'TH-50', q: Q },
        tokens['officer.th50'],
      );
      expect(seen.data!.report).toEqual(
        expect.objectContaining({ returnReason: 'Staff totals look doubled', allowedActions: ['EDIT'] }),
      );

      const corrected = await saveAs(app, tokens['officer.th50'], {
        provinceCode: 'TH-50',
        quarterCode: Q,
        version: returned.data!.returnReport.version,
        values: [{ ...values[0], value: values[0].value }],
        reason: 'checked',
      });
      expect(corrected.data!.saveReport.report.status).toBe('DRAFT');
      const resubmitted = await app.gql<{ submitReport: { status: string; version: number } }>(
        SUBMIT,
        { i: { reportId: r.id, version: corrected.data!.saveReport.report.version } },
        tokens['officer.th50'],
      );
      expect(resubmitted.data!.submitReport.status).toBe('SUBMITTED');
      const approved = await app.gql<{ approveReport: { status: string; version: number } }>(
        APPROVE,
        { i: { reportId: r.id, version: resubmitted.data!.submitReport.version } },
        tokens.planner,
      );
      expect(approved.data!.approveReport.status).toBe('APPROVED');

      // Locked: no edit, no second approval, no return; reopening needs a reason.
      const v = approved.data!.approveReport.version;
      expect(
        code(
          await saveAs(app, tokens['officer.th50'], { provinceCode: 'TH-50', quarterCode: Q, version: v, values: [] }),
        ),
      ).toBe('CONFLICT');
      expect(code(await app.gql(APPROVE, { i: { reportId: r.id, version: v } }, tokens.planner))).toBe('CONFLICT');
      expect(code(await app.gql(RETURN, { i: { reportId: r.id, version: v, reason: 'late' } }, tokens.planner))).toBe(
        'CONFLICT',
      );
      expect(code(await app.gql(SUBMIT, { i: { reportId: r.id, version: v } }, tokens['officer.th50']))).toBe(
        'CONFLICT',
      );
      expect(code(await app.gql(REOPEN, { i: { reportId: r.id, version: v } }, tokens.planner))).toBe('BAD_USER_INPUT');
      const reopened = await app.gql<{ reopenReport: { status: string } }>(
        REOPEN,
        { i: { reportId: r.id, version: v, reason: 'Province found an error' } },
        tokens.planner,
      );
      expect(reopened.data!.reopenReport.status).toBe('DRAFT');

      // Every state change is in the audit trail, with who and why.
      const history = await app.gql<{
        reportHistory: Array<{
          action: string;
          userEmail: string;
          newValue: { status?: string };
          reason: string | null;
        }>;
      }>(`{ reportHistory(reportId: ${r.id}) { action userEmail newValue reason } }`, {}, tokens.planner);
      const states = history
        .data!.reportHistory.filter((h) => h.action === 'STATUS_CHANGED')
        .map((h) => [h.newValue.status, h.userEmail]);
      expect(states).toEqual([
        ['SUBMITTED', 'officer.th50@demo.local'],
        ['RETURNED', 'planner@demo.local'],
        ['DRAFT', 'officer.th50@demo.local'],
        ['SUBMITTED', 'officer.th50@demo.local'],
        ['APPROVED', 'planner@demo.local'],
        ['DRAFT', 'planner@demo.local'],
      ]);
      expect(history.data!.reportHistory.find((h) => h.newValue.status === 'RETURNED')!.reason).toBe(
        'Staff totals look doubled',
      );
    });
  });

  describe('saving values', () => {
    it('refuses a stale version with CONFLICT and loses nothing', async () => {
      const r = (await reportRow(db.url, 'TH-40', Q))!;
      const [unit] = await completeValues(db.url, 'TH-40', PREV);
      const first = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r.version,
        values: [{ ...unit, value: unit.value }],
      });
      expect(code(first)).toBe('OK');
      const before = await auditCount(db.url);
      const stale = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r.version,
        values: [{ ...unit, value: unit.value + 1 }],
      });
      expect(code(stale)).toBe('CONFLICT');
      expect(await auditCount(db.url)).toBe(before);
      const [stored] = await query<{ value: string }>(
        db.url,
        `SELECT dv.value::text FROM data_value dv JOIN org_unit u ON u.id = dv.org_unit_id JOIN data_element e ON e.id = dv.data_element_id
          JOIN fiscal_quarter q ON q.id = dv.quarter_id WHERE u.code = $1 AND e.code = $2 AND q.code = $3`,
        [unit.orgUnitCode, unit.dataElementCode, Q],
      );
      expect(Number(stored.value)).toBe(unit.value);
    });

    it('moves the version on a save that changed nothing, so an older request with the same version cannot commit after it', async () => {
      const r = (await reportRow(db.url, 'TH-40', Q))!;
      const unit = (await completeValues(db.url, 'TH-40', PREV)).find((v) => v.dataElementCode === 'STAFF_TOTAL')!;
      const saved = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r.version,
        values: [{ ...unit, value: unit.value + 7 }],
      });
      expect(saved.errors).toBeUndefined();
      const v = saved.data!.saveReport.report.version;
      // The officer's last autosave changes nothing, but it is what they saw saved.
      const same = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: v,
        values: [{ ...unit, value: unit.value + 7 }],
      });
      expect(same.data!.saveReport).toMatchObject({ updated: 0 });
      expect(same.data!.saveReport.report.version).toBe(v + 1);
      // An earlier request, held up and arriving now with the version it was sent with, is refused.
      const late = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: v,
        values: [{ ...unit, value: unit.value + 3 }],
      });
      expect(code(late)).toBe('CONFLICT');
    });

    it('writes one audit row per changed value with old and new, and none for unchanged values', async () => {
      const units = (await completeValues(db.url, 'TH-40', PREV))
        .filter((v) => v.dataElementCode === 'STAFF_TOTAL')
        .slice(0, 3);
      const r = (await reportRow(db.url, 'TH-40', Q))!;
      const first = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r.version,
        values: units,
      });
      const before = await auditCount(db.url);
      const changed = units.map((u, i) => ({ ...u, value: i === 0 ? u.value + 1 : u.value }));
      const second = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: first.data!.saveReport.report.version,
        values: changed,
        reason: 'recount',
      });
      expect(second.data!.saveReport).toMatchObject({ updated: 1, unchanged: 2 });
      expect(await auditCount(db.url)).toBe(before + 1);
      const history = await app.gql<{
        valueHistory: Array<{
          oldValue: { value: number } | null;
          newValue: { value: number };
          reason: string | null;
          userEmail: string;
        }>;
      }>(
        `{ valueHistory(orgUnitCode: "${units[0].orgUnitCode}", dataElementCode: "STAFF_TOTAL", quarterCode: "${Q}") { oldValue newValue reason userEmail } }`,
        {},
        tokens.planner,
      );
      const last = history.data!.valueHistory.at(-1)!;
      expect(last).toEqual({
        oldValue: expect.objectContaining({ value: units[0].value }),
        newValue: expect.objectContaining({ value: units[0].value + 1 }),
        reason: 'recount',
        userEmail: 'officer.th40@demo.local',
      });
    });

    it('rejects bad values with every problem located, and changes nothing', async () => {
      const r = (await reportRow(db.url, 'TH-40', Q))!;
      const [lao] = await completeValues(db.url, 'TH-40', PREV);
      const [other] = await completeValues(db.url, 'TH-50', PREV);
      const before = await auditCount(db.url);
      const res = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r.version,
        values: [
          { orgUnitCode: lao.orgUnitCode, dataElementCode: 'STAFF_TOTAL', value: -3 },
          { orgUnitCode: lao.orgUnitCode, dataElementCode: 'STAFF_TRAINED_DIGITAL', value: 2.5 },
          { orgUnitCode: 'LAO-99-0001', dataElementCode: 'STAFF_TOTAL', value: 1 },
          { orgUnitCode: other.orgUnitCode, dataElementCode: 'STAFF_TOTAL', value: 1 },
          { orgUnitCode: lao.orgUnitCode, dataElementCode: 'NOPE', value: 1 },
          { orgUnitCode: lao.orgUnitCode, dataElementCode: 'DIGITAL_ACTION_PLAN', value: 2 },
        ],
        respondents: [{ orgUnitCode: lao.orgUnitCode, answers: [{ categoryCode: 'SKILLS', severity: 9 }] }],
      });
      expect(code(res)).toBe('BAD_USER_INPUT');
      const problems = (res.errors![0].extensions as { problems: Array<{ field: string; code: string }> }).problems;
      expect(problems.map((p) => [p.field, p.code])).toEqual([
        ['values[0]', 'OUT_OF_RANGE'],
        ['values[1]', 'NOT_WHOLE_NUMBER'],
        ['values[2]', 'UNKNOWN_ORG_UNIT'],
        ['values[3]', 'OTHER_PROVINCE'],
        ['values[4]', 'UNKNOWN_DATA_ELEMENT'],
        ['values[5]', 'OUT_OF_RANGE'],
        ['respondents[0]', 'OUT_OF_RANGE'],
      ]);
      expect(await auditCount(db.url)).toBe(before);
      expect((await reportRow(db.url, 'TH-40', Q))!.version).toBe(r.version);
    });

    it('refuses a numerator above its denominator on the merged values', async () => {
      const r = (await reportRow(db.url, 'TH-40', Q))!;
      const [lao] = await completeValues(db.url, 'TH-40', PREV);
      const res = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r.version,
        values: [
          { orgUnitCode: lao.orgUnitCode, dataElementCode: 'STAFF_TOTAL', value: 10 },
          { orgUnitCode: lao.orgUnitCode, dataElementCode: 'STAFF_TRAINED_DIGITAL', value: 11 },
        ],
      });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors)).toMatch(/NUMERATOR_ABOVE_DENOMINATOR/);
    });

    it('flags a value far from the unit\u2019s history as a warning to confirm on submit, not a block', async () => {
      const values = await completeValues(db.url, 'TH-41', PREV);
      if (values.length === 0) return; // TH-41 did not report last quarter in this demo draw
      await arrange(db.url, 'TH-41', Q, 'DRAFT');
      const officer = await app.gql<{ login: { token: string } }>(
        'mutation { login(input: { email: "admin@demo.local", password: "demo-pass-2570" }) { token } }',
      );
      const token = officer.data!.login.token;
      const i = values.findIndex((v) => v.dataElementCode === 'STAFF_TOTAL');
      values[i] = { ...values[i], value: values[i].value * 10 + 50 };
      const r = (await reportRow(db.url, 'TH-41', Q))!;
      const saved = await saveAs(app, token, {
        provinceCode: 'TH-41',
        quarterCode: Q,
        version: r.version,
        values,
        respondents: [{ orgUnitCode: 'TH-41', answers: [] }],
      });
      expect(code(saved)).toBe('OK');
      expect(saved.data!.saveReport.warnings).toEqual([
        expect.objectContaining({ dataElementCode: 'STAFF_TOTAL', basis: 'HISTORY' }),
      ]);
      expect(saved.errors).toBeUndefined();
      const v = saved.data!.saveReport.report.version;
      const unconfirmed = await app.gql(SUBMIT, { i: { reportId: r.id, version: v } }, token);
      expect(code(unconfirmed)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(unconfirmed.errors)).toMatch(/UNCONFIRMED_WARNING/);
      const confirmed = await app.gql<{ submitReport: { status: string } }>(
        SUBMIT,
        { i: { reportId: r.id, version: v, confirmWarnings: true } },
        token,
      );
      expect(confirmed.data!.submitReport.status).toBe('SUBMITTED');
    });
  });

  describe('action items', () => {
    it("updates the province's own action item with an audit row, and refuses another province's", async () => {
      const [own] = await query<{ id: number; status: string }>(
        db.url,
        `SELECT a.id, a.status FROM action_item a JOIN org_unit p ON p.id = a.org_unit_id WHERE p.code = 'TH-40' ORDER BY a.id DESC LIMIT 1`,
      );
      const [other] = await query<{ id: number }>(
        db.url,
        `SELECT a.id FROM action_item a JOIN org_unit p ON p.id = a.org_unit_id WHERE p.code = 'TH-50' LIMIT 1`,
      );
      const r = (await reportRow(db.url, 'TH-40', Q))!;
      const next = own.status === 'DONE' ? 'IN_PROGRESS' : 'DONE';
      const ok = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r.version,
        actionItems: [{ id: own.id, status: next, progressNote: 'ประชุมแล้ว' }],
      });
      expect(code(ok)).toBe('OK');
      const [stored] = await query<{ status: string; progress_note: string }>(
        db.url,
        `SELECT status, progress_note FROM action_item WHERE id = $1`,
        [own.id],
      );
      expect(stored).toEqual({ status: next, progress_note: 'ประชุมแล้ว' });
      const [{ n }] = await query<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'ACTION_ITEM_CHANGED' AND (new_value->>'id')::int = $1`,
        [own.id],
      );
      expect(n).toBe(1);
      const r2 = (await reportRow(db.url, 'TH-40', Q))!;
      const bad = await saveAs(app, tokens['officer.th40'], {
        provinceCode: 'TH-40',
        quarterCode: Q,
        version: r2.version,
        actionItems: [{ id: other.id, status: 'DONE' }],
      });
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad.errors)).toMatch(/UNKNOWN_ACTION_ITEM/);
    });
  });

  describe('entry windows', () => {
    it('closes entry after the window; a planner extension reopens it for that province only', async () => {
      await arrange(db.url, 'TH-50', 'FY2569Q4', 'DRAFT');
      time.set('2026-12-05T10:00:00+07:00'); // FY2569Q4 entry closed on 2026-11-29
      try {
        const officer = await signIn(app, 'officer.th50@demo.local');
        const planner = await signIn(app, 'planner@demo.local');
        const r = (await reportRow(db.url, 'TH-50', 'FY2569Q4'))!;
        const closed = await saveAs(app, officer, {
          provinceCode: 'TH-50',
          quarterCode: 'FY2569Q4',
          version: r.version,
          values: [],
        });
        expect(code(closed)).toBe('CONFLICT');
        expect(closed.errors![0].message).toMatch(/closed on 2026-11-29/);
        const ext = await app.gql(
          EXTEND,
          { i: { provinceCode: 'TH-50', quarterCode: 'FY2569Q4', until: '2026-12-10', reason: 'system outage' } },
          planner,
        );
        expect(code(ext)).toBe('OK');
        const r2 = (await reportRow(db.url, 'TH-50', 'FY2569Q4'))!;
        expect(
          code(
            await saveAs(app, officer, {
              provinceCode: 'TH-50',
              quarterCode: 'FY2569Q4',
              version: r2.version,
              values: [],
            }),
          ),
        ).toBe('OK');
        // The extension is for TH-50 only: TH-40's window stays closed.
        const kk = await arrange(db.url, 'TH-40', 'FY2569Q4', 'DRAFT');
        const other = await saveAs(app, await signIn(app, 'officer.th40@demo.local'), {
          provinceCode: 'TH-40',
          quarterCode: 'FY2569Q4',
          version: kk.version,
          values: [],
        });
        expect(code(other)).toBe('CONFLICT');
      } finally {
        time.set('2026-11-21T10:00:00+07:00');
      }
    });
  });

  describe('completeness', () => {
    it('says who submitted, on time or late, and the share of expected values present, matching the stored data', async () => {
      const res = await app.gql<{
        completeness: {
          submitted: number;
          onTime: number;
          late: number;
          overdue: number;
          provinces: Array<{
            provinceCode: string;
            status: string | null;
            timeliness: string;
            expectedValues: number;
            presentValues: number;
            completenessPct: number;
          }>;
        };
      }>(
        `{ completeness(quarterCode: "FY2568Q4") { submitted onTime late overdue provinces { provinceCode status timeliness expectedValues presentValues completenessPct } } }`,
        {},
        tokens.planner,
      );
      const c = res.data!.completeness;
      expect(c.provinces).toHaveLength(77);
      const [sql] = await query<{ submitted: number; late: number }>(
        db.url,
        `SELECT count(*) FILTER (WHERE r.status IN ('SUBMITTED', 'APPROVED'))::int AS submitted,
                count(*) FILTER (WHERE r.status IN ('SUBMITTED', 'APPROVED') AND (r.submitted_at AT TIME ZONE 'Asia/Bangkok')::date > q.deadline)::int AS late
           FROM report r JOIN fiscal_quarter q ON q.id = r.quarter_id WHERE q.code = 'FY2568Q4'`,
      );
      expect(c.submitted).toBe(sql.submitted);
      expect(c.late).toBe(sql.late);
      expect(c.onTime + c.late + c.overdue).toBe(77);
      const kk = c.provinces.find((p) => p.provinceCode === 'TH-40')!;
      if (kk.status === 'APPROVED') expect(kk.completenessPct).toBe(100);
      expect(kk.expectedValues).toBeGreaterThan(0);
    });
  });
});

const SAVE_M = `mutation($i: SaveReportInput!) { saveReport(input: $i) { report { id } } }`;

import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Report } from '@/api/report-types';
import { appPlugins, type GraphqlAnswers } from '@/test-support/plugins';
import { REPORT_REFERENCE as REFERENCE } from '@/test-support/report-reference';
import ReportWorkspace from '../report-workspace.vue';

function report(version: number, overrides: Partial<Report> = {}): Report {
  return {
    id: 466,
    status: 'DRAFT',
    version,
    returnReason: null,
    entryOpen: true,
    entryClosesOn: '2027-03-01',
    allowedActions: ['EDIT', 'SUBMIT'],
    late: null,
    submittedAt: null,
    values: [
      { orgUnitCode: 'LAO-40-0001', dataElementCode: 'STAFF_TOTAL', value: 50, comment: null, evidenceUrl: null },
    ],
    respondents: [
      { orgUnitCode: 'TH-40', answers: [], obstacleNote: null, evidenceUrl: null, comment: null, asOfDate: null },
    ],
    actionItems: [],
    ...overrides,
  };
}

const savedAs = (version: number) => ({
  data: {
    saveReport: {
      inserted: 1,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      warnings: [],
      report: { id: 466, status: 'DRAFT', version },
    },
  },
});
const refused = (code: string, problems?: unknown[]) => ({
  data: null,
  errors: [{ message: code, extensions: { code, ...(problems ? { problems } : {}) } }],
});

async function mountWorkspace(answers: GraphqlAnswers) {
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({ answers, locale: 'en' });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)', component: { render: () => null } }],
  });
  await router.push('/workspace/TH-40/FY2570Q1');
  const wrapper = mount(ReportWorkspace, {
    props: { provinceCode: 'TH-40', quarterCode: 'FY2570Q1' },
    global: { plugins: [pinia, urqlPlugin, router, i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  await flushPromises();
  return { wrapper, fetch };
}

function sent(fetch: ReturnType<typeof vi.fn>, operation: string) {
  return fetch.mock.calls
    .map((c) => JSON.parse(String((c[1] as RequestInit).body)))
    .filter((b) => b.query.includes(`mutation ${operation}`) || b.query.includes(`query ${operation}`));
}

async function pause(ms = 1600) {
  await vi.advanceTimersByTimeAsync(ms);
  await flushPromises();
}

describe('officer workspace', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sessionStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the report and saves only what changed after a pause in typing', async () => {
    const { wrapper, fetch } = await mountWorkspace({
      ReportFormReference: REFERENCE,
      Report: { data: { report: report(3) } },
      SaveReport: savedAs(4),
    });
    expect(wrapper.text()).toContain('Khon Kaen · FY2570 Q1');
    expect(wrapper.get('[data-testid="report-status"]').text()).toBe('Draft');
    await wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]').setValue('1,200');
    expect(wrapper.get('[data-testid="save-state"]').attributes('data-state')).toBe('waiting');
    await pause();
    const saves = sent(fetch, 'SaveReport');
    expect(saves).toHaveLength(1);
    expect(saves[0].variables.input).toMatchObject({
      provinceCode: 'TH-40',
      quarterCode: 'FY2570Q1',
      version: 3,
      values: [
        { orgUnitCode: 'LAO-40-0002', dataElementCode: 'STAFF_TOTAL', value: 1200, comment: null, evidenceUrl: null },
      ],
      respondents: [],
      actionItems: [],
    });
    expect(wrapper.get('[data-testid="save-state"]').attributes('data-state')).toBe('saved');
    expect(wrapper.text()).toContain('version 4');
  });

  it('shows a mistake next to its cell and in the list, and does not send it', async () => {
    const { wrapper, fetch } = await mountWorkspace({
      ReportFormReference: REFERENCE,
      Report: { data: { report: report(3) } },
      SaveReport: savedAs(4),
    });
    await wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TRAINED_DIGITAL"]').setValue('80');
    await wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TRAINED_DIGITAL"]').trigger('focus');
    await pause();
    expect(sent(fetch, 'SaveReport')).toHaveLength(0);
    expect(wrapper.get('[data-testid="cell-issue"]').text()).toBe(
      '“Personnel trained” (80) cannot exceed “Personnel, total” (50)',
    );
    expect(wrapper.get('[data-testid="issues-errors"]').text()).toContain('Khon Kaen PAO · Personnel trained');
    expect(wrapper.get('[data-testid="save-state"]').attributes('data-state')).toBe('invalid');
  });

  it('pins a server problem to the cell it names', async () => {
    const { wrapper } = await mountWorkspace({
      ReportFormReference: REFERENCE,
      Report: { data: { report: report(3) } },
      SaveReport: refused('BAD_USER_INPUT', [
        { field: 'values[0]', code: 'OUT_OF_RANGE', message: 'STAFF_TOTAL cannot be above 100000' },
      ]),
    });
    await wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]').setValue('9999999');
    await pause();
    const cell = wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]');
    expect(cell.attributes('aria-invalid')).toBe('true');
    expect(cell.attributes('title')).toBe('Out of range: STAFF_TOTAL cannot be above 100000');
  });

  it('on a stale version, keeps the edits and saves them on top of the reloaded report', async () => {
    let saves = 0;
    let loads = 0;
    const { wrapper, fetch } = await mountWorkspace({
      ReportFormReference: REFERENCE,
      Report: () => ({
        data: {
          report:
            loads++ === 0
              ? report(3)
              : report(5, {
                  values: [
                    ...report(5).values,
                    {
                      orgUnitCode: 'LAO-40-0002',
                      dataElementCode: 'STAFF_TRAINED_DIGITAL',
                      value: 7,
                      comment: null,
                      evidenceUrl: null,
                    },
                  ],
                }),
        },
      }),
      SaveReport: () => (saves++ === 0 ? refused('CONFLICT') : savedAs(6)),
    });
    await wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]').setValue('40');
    await pause();
    expect(wrapper.find('[data-testid="conflict"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="conflict"]').text()).toContain('Your 1 edits are all kept');
    await wrapper.get('[data-testid="conflict-reload"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="conflict"]').exists()).toBe(false);
    expect((wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]').element as HTMLInputElement).value).toBe('40');
    expect(
      (wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TRAINED_DIGITAL"]').element as HTMLInputElement).value,
    ).toBe('7');
    await pause();
    const all = sent(fetch, 'SaveReport');
    expect(all).toHaveLength(2);
    expect(all[1].variables.input.version).toBe(5);
    expect(all[1].variables.input.values).toEqual([
      { orgUnitCode: 'LAO-40-0002', dataElementCode: 'STAFF_TOTAL', value: 40, comment: null, evidenceUrl: null },
    ]);
  });

  it('submits: lists missing values, then unusual ones to confirm, then sends the confirmation', async () => {
    let submits = 0;
    const { wrapper, fetch } = await mountWorkspace({
      ReportFormReference: REFERENCE,
      Report: { data: { report: report(3) } },
      SubmitReport: () => {
        submits++;
        if (submits === 1)
          return refused('BAD_USER_INPUT', [
            { field: 'LAO-40-0002.STAFF_TOTAL', code: 'REQUIRED', message: 'STAFF_TOTAL is missing for LAO-40-0002' },
          ]);
        if (submits === 2)
          return refused('BAD_USER_INPUT', [
            {
              field: 'LAO-40-0001.STAFF_TOTAL',
              code: 'UNCONFIRMED_WARNING',
              message: 'STAFF_TOTAL = 50 for LAO-40-0001 is outside the usual 180.0–560.0 (history)',
            },
          ]);
        return {
          data: {
            submitReport: {
              ...report(4),
              status: 'SUBMITTED',
              allowedActions: [],
              submittedAt: '2026-11-22T01:00:00Z',
              late: false,
            },
          },
        };
      },
    });
    await wrapper.get('[data-testid="submit-report"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="submit-outcome"]').attributes('data-kind')).toBe('incomplete');
    expect(wrapper.get('[data-testid="issues-missing"]').text()).toContain('Town One · Personnel, total');

    await wrapper.get('[data-testid="submit-report"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="issues-warnings"]').text()).toContain('outside the usual 180.0–560.0');
    // Not confirmed yet: nothing is sent.
    await wrapper.get('[data-testid="submit-report"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="submit-outcome"]').attributes('data-kind')).toBe('confirm');
    expect(sent(fetch, 'SubmitReport')).toHaveLength(2);

    await wrapper.get('[data-testid="confirm-all-warnings"]').trigger('click');
    await wrapper.get('[data-testid="submit-report"]').trigger('click');
    await flushPromises();
    const calls = sent(fetch, 'SubmitReport');
    expect(calls.map((c) => c.variables.input.confirmWarnings)).toEqual([false, false, true]);
    expect(wrapper.get('[data-testid="submit-outcome"]').attributes('data-kind')).toBe('submitted');
  });
});

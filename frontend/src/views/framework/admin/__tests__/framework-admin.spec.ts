import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, type Component } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { FrameworkQueryData, Target } from '@/api/framework';
import type { Province } from '@/api/types';
import { appPlugins, type GraphqlAnswers } from '@/test-support/plugins';
import AdminHistory from '../admin-history.vue';
import AdminIndicatorForm from '../admin-indicator-form.vue';
import AdminRecommendationForm from '../admin-recommendation-form.vue';
import AdminRecommendations from '../admin-recommendations.vue';
import AdminTargets from '../admin-targets.vue';

const FRAMEWORK: FrameworkQueryData = {
  indicators: [
    {
      code: 'STAFF_DIGITAL_TRAINED_PCT',
      nameTh: 'ร้อยละของบุคลากรที่ได้รับการพัฒนาทักษะด้านดิจิทัล',
      nameEn: 'Personnel trained in digital skills (%)',
      descriptionEn: 'Rolled up as a ratio of sums.',
      unit: 'PERCENT',
      direction: 1,
      aggregation: 'RATIO',
      numerator: { code: 'STAFF_TRAINED_DIGITAL' },
      denominator: { code: 'STAFF_TOTAL' },
      multiplier: 100,
      obstacleCategoryCode: 'SKILLS',
      nationalTarget: 20,
      sourceNote: 'source 004 §4.1',
      source: { code: 'BMA_2562_DIGITAL_MINDSET' },
    },
  ],
  dataElements: [
    { code: 'STAFF_TOTAL', nameTh: 'จำนวนบุคลากรทั้งหมด', nameEn: 'Personnel, total' },
    { code: 'STAFF_TRAINED_DIGITAL', nameTh: 'บุคลากรที่ได้รับการพัฒนา', nameEn: 'Personnel trained' },
  ],
  sources: [
    { code: 'BMA_2562_DIGITAL_MINDSET', titleTh: 'แผนปฏิบัติการ กทม.', titleEn: 'BMA action plan' },
    { code: 'DIGIGOV_PLANNING_DEFAULTS', titleTh: 'นิยามที่ระบบเสนอ', titleEn: 'Proposed definitions' },
  ],
  obstacleCategories: [{ code: 'SKILLS', labelTh: 'ด้านศักยภาพ', labelEn: 'Skills' }],
  recommendationSets: [],
  fiscalYears: [{ yearBe: 2570 }, { yearBe: 2571 }],
};

const PROVINCES: Province[] = [
  {
    code: 'TH-10',
    nameTh: 'กรุงเทพมหานคร',
    nameEn: 'Bangkok',
    geoName: 'Bangkok',
    region: { code: 'CENTRAL', nameTh: 'ภาคกลาง', nameEn: 'Central' },
  },
  {
    code: 'TH-40',
    nameTh: 'ขอนแก่น',
    nameEn: 'Khon Kaen',
    geoName: 'Khon Kaen',
    region: { code: 'NORTHEAST', nameTh: 'ภาคตะวันออกเฉียงเหนือ', nameEn: 'Northeast' },
  },
];

const refused = (problems: unknown[]) => ({
  data: null,
  errors: [{ message: 'problems: nothing was saved', extensions: { code: 'BAD_USER_INPUT', problems } }],
});

function sent(fetch: ReturnType<typeof vi.fn>, operation: string) {
  return fetch.mock.calls
    .map((c) => JSON.parse(String((c[1] as RequestInit).body)))
    .filter((b) => b.query.includes(`mutation ${operation}`));
}

/** Mounts a part of the page as the router renders it (its leave guard needs a route record). */
async function mountWith(component: Component, props: Record<string, unknown>, answers: GraphqlAnswers) {
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({ locale: 'en', answers });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/framework', name: 'framework', component: { render: () => h(component, props) } }],
  });
  await router.push('/framework');
  const wrapper = mount(
    { render: () => h(RouterView) },
    { global: { plugins: [pinia, urqlPlugin, router, i18n] }, attachTo: document.body },
  );
  await flushPromises();
  return { wrapper, fetch, part: wrapper.findComponent(component) };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('indicator form', () => {
  it('checks the form before sending, beside each field', async () => {
    const { wrapper, fetch } = await mountWith(AdminIndicatorForm, { indicator: null, framework: FRAMEWORK }, {});
    await wrapper.get('[data-testid="indicator-code"]').setValue('STAFF_DIGITAL_TRAINED_PCT');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'UpsertIndicator')).toHaveLength(0);
    expect(wrapper.get('[data-testid="form-issues"]').text()).toContain('Correct the marked fields');
    expect(wrapper.get('#ind-code-msg').text()).toContain('This code is taken');
    expect(wrapper.get('#ind-nameEn-msg').text()).toContain('Required');
    expect(wrapper.get('#ind-denominatorCode-msg').text()).toContain('A ratio needs a denominator');
    expect(wrapper.get('[data-testid="indicator-denominator"]').attributes('aria-describedby')).toContain(
      'ind-denominatorCode-msg',
    );
    expect(document.activeElement?.getAttribute('data-testid')).toBe('indicator-code');
  });

  it('shows the server problems next to their fields, and the others above the form', async () => {
    const { wrapper, fetch } = await mountWith(
      AdminIndicatorForm,
      { indicator: FRAMEWORK.indicators[0], framework: FRAMEWORK },
      {
        UpsertIndicator: refused([
          { field: 'numeratorCode', code: 'UNKNOWN', message: 'Unknown data element "STAFF_TRAINED_DIGITAL"' },
          { field: 'reason', code: 'REQUIRED', message: 'Say why' },
        ]),
      },
    );
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'UpsertIndicator')).toHaveLength(1);
    const messages = wrapper.get('#ind-numeratorCode-msg');
    expect(messages.text()).toContain('Unknown code: Unknown data element "STAFF_TRAINED_DIGITAL"');
    expect(messages.get('[data-testid="field-problem"]').attributes('data-code')).toBe('UNKNOWN');
    expect(wrapper.get('[data-testid="indicator-numerator"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="server-error"]').text()).toContain('nothing was saved');
    expect(wrapper.get('[data-testid="server-error"]').text()).toContain('reason: Say why');
  });

  it('sends back every field of the indicator it edits, with its code fixed', async () => {
    const saved = { ...FRAMEWORK.indicators[0], nameEn: 'Staff trained (%)' };
    const { wrapper, fetch, part } = await mountWith(
      AdminIndicatorForm,
      { indicator: FRAMEWORK.indicators[0], framework: FRAMEWORK },
      { UpsertIndicator: { data: { upsertIndicator: saved } } },
    );
    expect(wrapper.get('[data-testid="indicator-code"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="indicator-nameEn"]').setValue('Staff trained (%)');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'UpsertIndicator')[0].variables.input).toEqual({
      code: 'STAFF_DIGITAL_TRAINED_PCT',
      nameTh: 'ร้อยละของบุคลากรที่ได้รับการพัฒนาทักษะด้านดิจิทัล',
      nameEn: 'Staff trained (%)',
      descriptionEn: 'Rolled up as a ratio of sums.',
      unit: 'PERCENT',
      direction: 1,
      aggregation: 'RATIO',
      numeratorCode: 'STAFF_TRAINED_DIGITAL',
      denominatorCode: 'STAFF_TOTAL',
      multiplier: 100,
      obstacleCategoryCode: 'SKILLS',
      sourceCode: 'BMA_2562_DIGITAL_MINDSET',
      sourceNote: 'source 004 §4.1',
    });
    expect(part.emitted('saved')?.[0]).toEqual([saved]);
  });
});

describe('recommendation form', () => {
  const RECOMMENDATION = {
    code: 'DGA-DATA',
    setCode: 'DGA_2567',
    groupTh: null,
    groupEn: null,
    titleTh: 'ข้อมูล',
    titleEn: 'Data',
    detailTh: null,
    detailEn: null,
    obstacleCategoryCodes: ['SKILLS'],
    indicatorCodes: [],
  };
  const WITH_SETS: FrameworkQueryData = {
    ...FRAMEWORK,
    recommendationSets: [
      { code: 'DGA_2567', nameTh: 'ข้อเสนอ สพร.', nameEn: 'DGA proposals', recommendations: [RECOMMENDATION] },
    ],
  };

  it('opens with its title focused, and after a refused try focuses the first marked field', async () => {
    const { wrapper, fetch } = await mountWith(
      AdminRecommendationForm,
      { recommendation: null, setCode: 'DGA_2567', framework: WITH_SETS },
      {},
    );
    expect(document.activeElement?.textContent?.trim()).toBe('New recommendation');
    await wrapper.get('[data-testid="recommendation-code"]').setValue('dga-data');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'UpsertRecommendation')).toHaveLength(0);
    expect(wrapper.get('[data-testid="form-issues"]').text()).toContain('(3)');
    expect(wrapper.get('#rec-code-msg').text()).toContain('This code is taken');
    expect(wrapper.get('[data-testid="recommendation-code"]').attributes('aria-describedby')).toBe(
      'rec-code-hint rec-code-msg',
    );
    expect(wrapper.get('[data-testid="recommendation-titleTh"]').attributes('aria-describedby')).toBe(
      'rec-titleTh-msg',
    );
    expect(document.activeElement?.getAttribute('data-testid')).toBe('recommendation-code');
  });

  it('saves from the list, closes the form and says what was saved; cancel closes it without a note', async () => {
    const created = {
      ...RECOMMENDATION,
      code: 'DGA-TRAIN',
      titleTh: 'อบรม',
      titleEn: 'Train',
      obstacleCategoryCodes: [],
    };
    const { wrapper, fetch } = await mountWith(
      AdminRecommendations,
      { framework: WITH_SETS },
      { UpsertRecommendation: { data: { upsertRecommendation: created } } },
    );
    await wrapper.get('[data-testid="recommendation-new"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="recommendation-code"]').setValue('DGA-TRAIN');
    await wrapper.get('[data-testid="recommendation-titleTh"]').setValue('อบรม');
    await wrapper.get('[data-testid="recommendation-titleEn"]').setValue('Train');
    await wrapper.get('[data-testid="recommendation-form"]').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'UpsertRecommendation')[0].variables.input).toMatchObject({
      code: 'DGA-TRAIN',
      setCode: 'DGA_2567',
      titleEn: 'Train',
    });
    expect(wrapper.find('[data-testid="recommendation-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="recommendation-saved"]').text()).toContain('DGA-TRAIN');

    await wrapper.get('[data-testid="recommendation-edit-DGA-DATA"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="recommendation-saved"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="recommendation-code"]').attributes('disabled')).toBeDefined();
    const cancel = wrapper
      .get('[data-testid="recommendation-form"]')
      .findAll('button')
      .find((b) => b.text() === 'Cancel')!;
    await cancel.trigger('click');
    expect(wrapper.find('[data-testid="recommendation-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="recommendation-saved"]').exists()).toBe(false);
  });
});

describe('targets table', () => {
  const stored: Target[] = [
    {
      orgUnitCode: 'TH',
      value: 20,
      milestones: [null, null, null, null],
      isDemo: false,
      source: { code: 'BMA_2562_DIGITAL_MINDSET' },
    },
    { orgUnitCode: 'TH-40', value: 20, milestones: [5, 10, 15, 20], isDemo: true, source: null },
  ];
  const props = { framework: FRAMEWORK, provinces: PROVINCES, currentFiscalYear: 2570 };

  it('lists the nation and every province, and labels demo targets', async () => {
    const { wrapper } = await mountWith(AdminTargets, props, { Targets: { data: { targets: stored } } });
    const rows = wrapper.findAll('tbody tr').map((r) => r.attributes('data-testid'));
    expect(rows).toEqual(['target-row-TH', 'target-row-TH-10', 'target-row-TH-40']);
    expect(wrapper.get('[data-testid="target-row-TH-40"]').attributes('data-demo')).toBe('true');
    expect(wrapper.get('[data-testid="target-row-TH-40"] [data-testid="target-demo-badge"]').text()).toBe('Demo');
    expect(wrapper.get('[data-testid="targets-demo-note"]').text()).toContain('synthetic');
    expect((wrapper.get('[data-testid="target-TH-40-q2"]').element as HTMLInputElement).value).toBe('10');
    expect(wrapper.get('[data-testid="targets-save"]').attributes('disabled')).toBeDefined();
  });

  it('sends only the changed rows with the reason, and puts a refused row’s problem beside it', async () => {
    const { wrapper, fetch } = await mountWith(AdminTargets, props, {
      Targets: { data: { targets: stored } },
      SetTargets: refused([{ field: 'targets[1]', code: 'OUT_OF_RANGE', message: 'A target cannot be negative' }]),
    });
    await wrapper.get('[data-testid="target-TH-10-value"]').setValue('25');
    await wrapper.get('[data-testid="target-TH-40-q4"]').setValue('21');
    await wrapper.get('[data-testid="targets-reason"]').setValue('ministry plan 2570');
    expect(wrapper.get('[data-testid="targets-save"]').text()).toBe('Save changes (2)');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'SetTargets')[0].variables.input).toEqual({
      indicatorCode: 'STAFF_DIGITAL_TRAINED_PCT',
      fiscalYear: 2570,
      targets: [
        { orgUnitCode: 'TH-10', value: 25, milestones: null },
        { orgUnitCode: 'TH-40', value: 20, milestones: [5, 10, 15, 21] },
      ],
      reason: 'ministry plan 2570',
    });
    expect(wrapper.get('[data-testid="target-row-TH-40"] [data-testid="field-problem"]').text()).toContain(
      'A target cannot be negative',
    );
    expect(wrapper.find('[data-testid="target-row-TH-10"] [data-testid="field-problem"]').exists()).toBe(false);
  });

  it('will not send a row that is not a number or has milestones without a target', async () => {
    const { wrapper, fetch } = await mountWith(AdminTargets, props, { Targets: { data: { targets: stored } } });
    await wrapper.get('[data-testid="target-TH-10-value"]').setValue('twenty');
    expect(wrapper.get('[data-testid="target-TH-10-value"]').attributes('aria-invalid')).toBe('true');
    await wrapper.get('[data-testid="target-TH-40-value"]').setValue('');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'SetTargets')).toHaveLength(0);
    expect(wrapper.get('[data-testid="targets-issues"]').text()).toContain('(5)');
    expect(wrapper.get('[data-testid="target-TH-40-q1"]').attributes('aria-invalid')).toBe('true');
  });

  it('asks before another year replaces unsaved edits, and keeps them when the planner stays', async () => {
    const { wrapper, fetch } = await mountWith(AdminTargets, props, { Targets: { data: { targets: stored } } });
    await wrapper.get('[data-testid="target-TH-10-value"]').setValue('25');
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await wrapper.get('[data-testid="targets-year"]').setValue('2571');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    expect((wrapper.get('[data-testid="targets-year"]').element as HTMLSelectElement).value).toBe('2570');
    expect((wrapper.get('[data-testid="target-TH-10-value"]').element as HTMLInputElement).value).toBe('25');
    expect(
      fetch.mock.calls.filter((c) => String((c[1] as RequestInit).body).includes('"fiscalYear":2571')),
    ).toHaveLength(0);
  });

  it('removes a target with value null after "Remove target"', async () => {
    const { wrapper, fetch } = await mountWith(AdminTargets, props, {
      Targets: { data: { targets: stored } },
      SetTargets: { data: { setTargets: [stored[0]] } },
    });
    await wrapper.get('[data-testid="target-row-TH-40"]').findAll('button').at(-1)!.trigger('click');
    expect(wrapper.get('[data-testid="target-row-TH-40"]').text()).toContain('To remove');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'SetTargets')[0].variables.input.targets).toEqual([
      { orgUnitCode: 'TH-40', value: null, milestones: null },
    ]);
    expect(wrapper.get('[data-testid="targets-saved"]').text()).toContain('1 targets saved');
  });
});

describe('framework history', () => {
  const change = (id: number, newValue: unknown, oldValue: unknown = null, reason: string | null = null) => ({
    id: String(id),
    at: '2026-11-21T03:00:00.000Z',
    userEmail: 'planner@demo.local',
    oldValue,
    newValue,
    reason,
  });

  it('lists who changed what, when and why, newest first as the API gives it, with the target before and after', async () => {
    const answers = {
      FrameworkHistory: ({ limit }: Record<string, unknown>) => ({
        data: {
          frameworkHistory: [
            change(
              3,
              { what: 'target STAFF_DIGITAL_TRAINED_PCT TH-40 FY2570', value: 30 },
              { value: 25 },
              'ปรับตามงบประมาณที่ได้รับ',
            ),
            change(2, { what: 'target STAFF_DIGITAL_TRAINED_PCT TH FY2570', value: null }, { value: 20 }),
            change(1, { what: 'indicator STAFF_DIGITAL_TRAINED_PCT', indicator: {} }),
          ].slice(0, Number(limit)),
        },
      }),
    };
    const { wrapper, fetch } = await mountWith(AdminHistory, { framework: FRAMEWORK, provinces: PROVINCES }, answers);
    const asked = fetch.mock.calls
      .map((c) => JSON.parse(String((c[1] as RequestInit).body)))
      .filter((b) => b.query.includes('query FrameworkHistory'));
    expect(asked[0].variables).toEqual({ limit: 50, offset: 0 });
    const rows = wrapper
      .findAll('[data-testid="framework-change"]')
      .map((r) => r.findAll('td, th').map((c) => c.text()));
    expect(rows).toHaveLength(3);
    expect(rows[0]![1]).toBe('planner@demo.local');
    expect(rows[0]![2]).toContain('Personnel trained in digital skills (%) · Khon Kaen');
    expect(rows[0]![3]).toBe('changed: 25.00 → 30.00');
    expect(rows[0]![4]).toBe('ปรับตามงบประมาณที่ได้รับ');
    expect(rows[1]![2]).toContain('National');
    expect(rows[1]![3]).toBe('removed: 20.00 → —');
    expect(rows[2]![2]).toMatch(/^Indicator/);
    expect(rows[2]![3]).toBe('created');
    // Fewer than a page: nothing more to show.
    expect(wrapper.find('[data-testid="framework-history-more"]').exists()).toBe(false);
  });

  it('reads the next page below the first when asked for more', async () => {
    const all = Array.from({ length: 60 }, (_, i) => change(60 - i, { what: `indicator IND_${60 - i}` }));
    const answers = {
      FrameworkHistory: ({ limit, offset }: Record<string, unknown>) => ({
        data: { frameworkHistory: all.slice(Number(offset), Number(offset) + Number(limit)) },
      }),
    };
    const { wrapper, fetch } = await mountWith(AdminHistory, { framework: FRAMEWORK, provinces: PROVINCES }, answers);
    expect(wrapper.findAll('[data-testid="framework-change"]')).toHaveLength(50);
    await wrapper.get('[data-testid="framework-history-more"]').trigger('click');
    await flushPromises();
    const asked = fetch.mock.calls
      .map((c) => JSON.parse(String((c[1] as RequestInit).body)))
      .filter((b) => b.query.includes('query FrameworkHistory'));
    expect(asked.at(-1).variables).toEqual({ limit: 50, offset: 50 });
    const rows = wrapper.findAll('[data-testid="framework-change"]');
    expect(rows).toHaveLength(60);
    expect(rows[59]!.text()).toContain('IND_1');
    // The last page was short: nothing more to ask for.
    expect(wrapper.find('[data-testid="framework-history-more"]').exists()).toBe(false);
  });

  it('says so when the framework has never been changed', async () => {
    const { wrapper } = await mountWith(
      AdminHistory,
      { framework: FRAMEWORK, provinces: PROVINCES },
      { FrameworkHistory: { data: { frameworkHistory: [] } } },
    );
    expect(wrapper.get('[data-testid="framework-history-empty"]').text()).toContain('not been changed');
  });
});

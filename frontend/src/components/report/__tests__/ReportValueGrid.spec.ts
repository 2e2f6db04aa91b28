import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computed } from 'vue';
import type { Report, SaveReportInput } from '@/api/report-types';
import { createReportDraft } from '@/composables/report-draft';
import { cellKey, ratioRules } from '@/composables/report-form';
import { createAppI18n } from '@/locales';
import type { GridSource } from '../grid-types';
import ReportValueGrid from '../ReportValueGrid.vue';

const ORGS = [
  { code: 'LAO-40-0001', nameTh: 'อบจ.ขอนแก่น', nameEn: 'Khon Kaen PAO', type: 'PAO' as const },
  { code: 'LAO-40-0002', nameTh: 'เทศบาลเมืองหนึ่ง', nameEn: 'Town One', type: 'TOWN_MUNICIPALITY' as const },
  { code: 'LAO-40-0003', nameTh: 'อบต.สาม', nameEn: 'SAO Three', type: 'SAO' as const },
];
const ELEMENTS = [
  {
    code: 'STAFF_TOTAL',
    nameTh: 'จำนวนบุคลากรทั้งหมด',
    nameEn: 'Personnel, total',
    valueType: 'INTEGER' as const,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'STAFF_TRAINED_DIGITAL',
    nameTh: 'บุคลากรที่ได้รับการพัฒนา',
    nameEn: 'Personnel trained',
    valueType: 'INTEGER' as const,
    minValue: 0,
    maxValue: null,
  },
  {
    code: 'DIGITAL_ACTION_PLAN',
    nameTh: 'มีแผนปฏิบัติการ',
    nameEn: 'Has an action plan',
    valueType: 'BOOLEAN' as const,
    minValue: 0,
    maxValue: 1,
  },
];
const REPORT: Report = {
  id: 1,
  status: 'DRAFT',
  version: 1,
  returnReason: null,
  entryOpen: true,
  entryClosesOn: '2027-03-01',
  allowedActions: ['EDIT', 'SUBMIT'],
  late: null,
  submittedAt: null,
  values: [{ orgUnitCode: 'LAO-40-0001', dataElementCode: 'STAFF_TOTAL', value: 50, comment: null, evidenceUrl: null }],
  respondents: [],
  actionItems: [],
};

function mountGrid(readonly = false) {
  const save = vi.fn(async (_input: SaveReportInput) => ({
    kind: 'saved' as const,
    result: {
      inserted: 1,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      warnings: [],
      report: { id: 1, status: 'DRAFT' as const, version: 2 },
    },
  }));
  const draft = createReportDraft({
    provinceCode: 'TH-40',
    quarterCode: 'FY2570Q1',
    elements: ELEMENTS,
    ratios: ratioRules([
      {
        code: 'PCT',
        unit: 'PERCENT',
        numerator: { code: 'STAFF_TRAINED_DIGITAL' },
        denominator: { code: 'STAFF_TOTAL' },
      },
    ]),
    save,
  });
  draft.load(REPORT, !readonly);
  const source = computed<GridSource>(() => ({
    readonly: !draft.editable.value,
    row: (org) => {
      const issues = draft.rowIssues(org);
      return new Map(
        ELEMENTS.map((el) => {
          const key = cellKey(org, el.code);
          return [
            el.code,
            {
              key,
              text: draft.display(key),
              issue: issues.get(el.code) ?? null,
              problems: [],
              warning: null,
              dirty: draft.dirty.has(key),
              missing: false,
            },
          ];
        }),
      );
    },
    setCell: draft.setCell,
  }));
  const wrapper = mount(ReportValueGrid, {
    props: {
      organizations: ORGS,
      elements: ELEMENTS,
      source: source.value,
      required: new Set(['STAFF_TOTAL']),
      caption: 'grid',
    },
    global: { plugins: [createAppI18n('th')] },
    attachTo: document.body,
  });
  return { wrapper, draft, save };
}

describe('ReportValueGrid', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('shows organizations as rows and data elements as columns, with accessible names', () => {
    const { wrapper } = mountGrid();
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
    expect(wrapper.findAll('thead th')).toHaveLength(4);
    const cell = wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TOTAL"]');
    expect((cell.element as HTMLInputElement).value).toBe('50');
    expect(cell.attributes('aria-label')).toBe('อบจ.ขอนแก่น: จำนวนบุคลากรทั้งหมด');
    expect(cell.attributes('aria-required')).toBe('true');
    expect(wrapper.get('thead').text()).toContain('1 = มี, 0 = ไม่มี');
  });

  it('marks a typed cell as unsaved and a mistaken one as invalid, at once', async () => {
    const { wrapper, draft } = mountGrid();
    await wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]').setValue('12');
    await wrapper.get('[data-testid="cell-LAO-40-0002-DIGITAL_ACTION_PLAN"]').setValue('2');
    await wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TRAINED_DIGITAL"]').setValue('60');
    expect(draft.dirty.has('LAO-40-0002|STAFF_TOTAL')).toBe(true);
    expect(wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]').element.parentElement!.className).toContain(
      'is-dirty',
    );
    expect(wrapper.get('[data-testid="cell-LAO-40-0002-DIGITAL_ACTION_PLAN"]').attributes('aria-invalid')).toBe('true');
    // A numerator above its saved denominator marks both cells.
    expect(wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TRAINED_DIGITAL"]').attributes('aria-invalid')).toBe(
      'true',
    );
    expect(wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TOTAL"]').attributes('aria-invalid')).toBe('true');
  });

  it('autosaves what was typed after a pause', async () => {
    const { wrapper, save } = mountGrid();
    await wrapper.get('[data-testid="cell-LAO-40-0003-STAFF_TOTAL"]').setValue('๑๒');
    await vi.advanceTimersByTimeAsync(1500);
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0]![0]).toMatchObject({
      version: 1,
      values: [{ orgUnitCode: 'LAO-40-0003', dataElementCode: 'STAFF_TOTAL', value: 12 }],
    });
  });

  it('moves between cells with Enter and the arrow keys', async () => {
    const { wrapper } = mountGrid();
    const first = wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TOTAL"]');
    (first.element as HTMLInputElement).focus();
    await first.trigger('keydown', { key: 'Enter' });
    expect(document.activeElement?.id).toBe('cell-LAO-40-0002-STAFF_TOTAL');
    await wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TOTAL"]').trigger('keydown', { key: 'ArrowRight' });
    expect(document.activeElement?.id).toBe('cell-LAO-40-0002-STAFF_TRAINED_DIGITAL');
    await wrapper.get('[data-testid="cell-LAO-40-0002-STAFF_TRAINED_DIGITAL"]').trigger('keydown', { key: 'ArrowUp' });
    expect(document.activeElement?.id).toBe('cell-LAO-40-0001-STAFF_TRAINED_DIGITAL');
  });

  it('finds an organization by name or code', async () => {
    const { wrapper } = mountGrid();
    await wrapper.get('[data-testid="grid-filter"]').setValue('สาม');
    expect(wrapper.findAll('tbody tr')).toHaveLength(1);
    await wrapper.get('[data-testid="grid-filter"]').setValue('lao-40-000');
    expect(wrapper.findAll('tbody tr')).toHaveLength(3);
  });

  it('is read-only when the report cannot be edited', async () => {
    const { wrapper, save } = mountGrid(true);
    const cell = wrapper.get('[data-testid="cell-LAO-40-0001-STAFF_TOTAL"]');
    expect(cell.attributes('readonly')).toBeDefined();
    await cell.setValue('1');
    await flushPromises();
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).not.toHaveBeenCalled();
  });
});

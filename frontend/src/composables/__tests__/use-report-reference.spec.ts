import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { appPlugins } from '@/test-support/plugins';
import { REPORT_REFERENCE } from '@/test-support/report-reference';
import { useReportReference } from '../use-report-reference';

/** One more element that no indicator is computed from. */
const REFERENCE = {
  data: {
    ...REPORT_REFERENCE.data,
    dataElements: [
      ...REPORT_REFERENCE.data.dataElements,
      { code: 'WEBSITE', nameTh: 'เว็บไซต์', nameEn: 'Website', valueType: 'BOOLEAN', minValue: null, maxValue: null },
    ],
  },
};

async function setup(locale: 'th' | 'en', answer: unknown = REFERENCE) {
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({ locale, answers: { ReportFormReference: answer } });
  let reference!: ReturnType<typeof useReportReference>;
  mount(defineComponent({ setup: () => ((reference = useReportReference('TH-40', 'FY2570Q1')), () => null) }), {
    global: { plugins: [pinia, urqlPlugin, i18n] },
  });
  await flushPromises();
  return { reference, fetch };
}

describe(useReportReference.name, () => {
  it('reads the form of the province’s quarter', async () => {
    const { reference, fetch } = await setup('en');
    const sent = JSON.parse(String((fetch.mock.calls[0]![1] as RequestInit).body));
    expect(sent.variables).toEqual({ provinceCode: 'TH-40', quarterCode: 'FY2570Q1' });
    expect(reference.form.value?.fiscalQuarter.code).toBe('FY2570Q1');
    expect(reference.organizations.value.map((o) => o.code)).toEqual(['LAO-40-0001', 'LAO-40-0002']);
    expect(reference.elements.value.map((e) => e.code)).toEqual(['STAFF_TOTAL', 'STAFF_TRAINED_DIGITAL', 'WEBSITE']);
  });

  it('requires the elements the indicators are computed from', async () => {
    const { reference } = await setup('en');
    expect([...reference.required.value].sort()).toEqual(['STAFF_TOTAL', 'STAFF_TRAINED_DIGITAL']);
  });

  it('names the province, its organizations and the data elements in the UI language, and falls back to the code', async () => {
    const { reference } = await setup('th');
    expect(reference.provinceName.value).toBe('ขอนแก่น');
    expect(reference.organizationName('TH-40')).toBe('ขอนแก่น');
    expect(reference.organizationName('LAO-40-0001')).toBe('อบจ.ขอนแก่น');
    expect(reference.organizationName('LAO-40-9999')).toBe('LAO-40-9999');
    expect(reference.elementName('STAFF_TOTAL')).toBe('จำนวนบุคลากรทั้งหมด');
    expect(reference.elementName('GONE')).toBe('GONE');
    const en = await setup('en');
    expect(en.reference.organizationName('LAO-40-0001')).toBe('Khon Kaen PAO');
    expect(en.reference.elementName('STAFF_TOTAL')).toBe('Personnel, total');
  });

  it('shows codes and requires nothing while the form has not arrived', async () => {
    const { reference } = await setup('en', {
      data: null,
      errors: [{ message: 'no such province', extensions: { code: 'NOT_FOUND' } }],
    });
    expect(reference.form.value).toBeNull();
    expect(reference.reference.error.value?.code).toBe('NOT_FOUND');
    expect(reference.provinceName.value).toBe('TH-40');
    expect(reference.organizations.value).toEqual([]);
    expect(reference.required.value.size).toBe(0);
  });
});

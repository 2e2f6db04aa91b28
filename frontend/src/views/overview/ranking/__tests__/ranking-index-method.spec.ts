import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { CompositeIndex } from '@/api/analytics-types';
import type { Indicator } from '@/api/types';
import { SKILLS } from '@/charts/__tests__/analytics-fixtures';
import { createAppI18n } from '@/locales';
import RankingIndexMethod from '../ranking-index-method.vue';

const index: Pick<CompositeIndex, 'methodCode' | 'pillars'> = {
  methodCode: 'GOALPOST_PILLARS_V1',
  pillars: [
    {
      code: 'SKILLS',
      weight: 0.5,
      category: SKILLS,
      indicators: [
        {
          indicatorCode: 'STAFF_DIGITAL_TRAINED_PCT',
          worst: 0,
          best: 20,
          rationale: 'National target 20 % of personnel trained (source 004).',
        },
        { indicatorCode: 'NEW_INDICATOR', worst: 0, best: 1, rationale: 'Planning assumption: one per unit.' },
      ],
    },
  ],
};
const indicators: Indicator[] = [
  {
    code: 'STAFF_DIGITAL_TRAINED_PCT',
    nameTh: 'ร้อยละของบุคลากรที่ได้รับการพัฒนาทักษะด้านดิจิทัล',
    nameEn: 'Personnel trained in digital skills (%)',
    unit: 'PERCENT',
    direction: 1,
  },
];

const mountMethod = (locale: 'th' | 'en') =>
  mount(RankingIndexMethod, { props: { index, indicators }, global: { plugins: [createAppI18n(locale)] } });

describe('RankingIndexMethod', () => {
  it('explains the index and each goalpost in Thai, not in the API’s English', () => {
    const wrapper = mountMethod('th');
    const text = wrapper.get('[data-testid="index-method"]').text();
    expect(text).toContain('วิธีคำนวณดัชนี');
    expect(text).toContain('ดัชนีความก้าวหน้ารัฐบาลดิจิทัลเป็นดัชนีรวม มีค่า 0–100');
    expect(text).not.toContain('Digital Government Progress Index');
    expect(wrapper.findAll('[lang="en"]').map((e) => e.text())).toEqual(['Planning assumption: one per unit.']);
    const row = wrapper.get('[data-code="SKILLS:STAFF_DIGITAL_TRAINED_PCT"]');
    expect(row.text()).toContain('ด้านทักษะ');
    expect(row.text()).toContain('0.0 %');
    expect(row.text()).toContain('20.0 %');
    expect(row.text()).toContain('ค่าเป้าหมายระดับประเทศ: บุคลากรร้อยละ 20 ได้รับการพัฒนาทักษะด้านดิจิทัล (แหล่งข้อมูล 004)');
  });

  it('explains it in English in English, with the API’s wording', () => {
    const wrapper = mountMethod('en');
    expect(wrapper.text()).toContain(
      'Digital Government Progress Index, 0–100. Pillars: one per obstacle area the indicators measure.',
    );
    expect(wrapper.get('[data-code="SKILLS:STAFF_DIGITAL_TRAINED_PCT"]').text()).toContain(
      'National target 20 % of personnel trained (source 004).',
    );
  });

  it('shows the API’s English, marked as English, for a goalpost it has no Thai words for yet', () => {
    const row = mountMethod('th').get('[data-code="SKILLS:NEW_INDICATOR"]');
    expect(row.text()).toContain('NEW_INDICATOR');
    const cell = row.findAll('td').at(-1)!;
    expect(cell.text()).toBe('Planning assumption: one per unit.');
    expect(cell.attributes('lang')).toBe('en');
  });
});

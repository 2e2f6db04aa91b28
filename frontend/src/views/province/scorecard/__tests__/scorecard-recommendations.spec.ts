import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ProvinceRecommendations } from '@/api/analytics-types';
import { appPlugins } from '@/test-support/plugins';
import ScorecardRecommendations from '../scorecard-recommendations.vue';

const answer: { data: { provinceRecommendations: ProvinceRecommendations } } = {
  data: {
    provinceRecommendations: {
      quarter: { code: 'FY2569Q4', fiscalYear: 2569, quarter: 4 },
      respondents: 12,
      respondentLevel: 'LOCAL',
      actionItemsVisible: false,
      priorityRuleCode: 'MAX_OBSTACLE_SCORE_PLUS_MAX_GAP_V1',
      recommendations: [],
    },
  },
};

async function mountRecommendations(locale: 'th' | 'en') {
  const { pinia, urqlPlugin, i18n } = appPlugins({ locale, answers: { ProvinceRecommendations: answer } });
  const wrapper = mount(ScorecardRecommendations, {
    props: { provinceCode: 'TH-40', quarterCode: 'FY2569Q4', includeSubmitted: false, indicators: [] },
    global: { plugins: [pinia, urqlPlugin, i18n], stubs: { ExportTableButtons: true } },
  });
  await flushPromises();
  return wrapper;
}

describe('ScorecardRecommendations', () => {
  it('states the priority rule the API names by its code, in Thai', async () => {
    const rule = (await mountRecommendations('th')).get('[data-testid="priority-rule"]').text();
    expect(rule).toMatch(/^ลำดับความสำคัญ = คะแนนปัญหาอุปสรรค \+ ช่องว่างของตัวชี้วัด \(0–2\)/);
    expect(rule).toContain('ค่าสูงสุดในบรรดาตัวชี้วัดที่เกี่ยวข้อง');
  });

  it('and in English', async () => {
    const rule = (await mountRecommendations('en')).get('[data-testid="priority-rule"]').text();
    expect(rule).toMatch(/^Priority = obstacle score \+ indicator gap \(0–2\)\. Obstacle score = the highest/);
  });
});

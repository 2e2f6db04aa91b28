import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { prevalence } from '@/charts/__tests__/analytics-fixtures';
import { obstacleDataset } from '@/charts/__tests__/fixtures';
import { createAppI18n } from '@/locales';
import HomeObstacleChart from '../home-obstacle-chart.vue';
import HomeObstaclePrevalence from '../home-obstacle-prevalence.vue';

const stubs = { ChartPanel: true, EChart: true, ExportTableButtons: true };

function mountPrevalence(locale: 'th' | 'en') {
  return mount(HomeObstaclePrevalence, {
    props: { prevalence: prevalence(), variables: { quarterCode: null, includeSubmitted: false } },
    global: { plugins: [createAppI18n(locale)], stubs },
  });
}

function mountSurvey(locale: 'th' | 'en') {
  const dataset = obstacleDataset();
  // As the API sends them: who was counted and who published, in English only.
  dataset.population = '76 provinces (Bangkok not included)';
  dataset.source = {
    ...dataset.source,
    code: 'DGA_2567_LOCAL_DIGITAL',
    publisher: 'นิตยสารผู้นำท้องถิ่นออนไลน์ (Local Leader magazine online), reporting a talk by Dr. Supot Tiarawut',
  };
  return mount(HomeObstacleChart, { props: { dataset }, global: { plugins: [createAppI18n(locale)], stubs } });
}

describe('HomeObstaclePrevalence', () => {
  it('describes DGA’s respondents and the small-sample rule in Thai', () => {
    const wrapper = mountPrevalence('th');
    expect(wrapper.get('[data-testid="baseline-note"]').text()).toContain('(ผู้ตอบ 76 จังหวัด ไม่รวมกรุงเทพมหานคร)');
    const rule = wrapper.get('[data-testid="small-sample-rule"]').text();
    expect(rule).toContain('ผู้ตอบน้อยกว่า 30 ราย');
    expect(rule).toContain('ถือเป็นกลุ่มตัวอย่างน้อย');
    expect(wrapper.text()).not.toMatch(/provinces|respondents answered/);
  });

  it('and in English', () => {
    const wrapper = mountPrevalence('en');
    expect(wrapper.get('[data-testid="baseline-note"]').text()).toContain('(76 provinces, Bangkok not included)');
    expect(wrapper.get('[data-testid="small-sample-rule"]').text()).toMatch(
      /^A share is a small sample when fewer than 30 respondents answered/,
    );
  });
});

describe('HomeObstacleChart', () => {
  it('gives the survey’s population and publisher in Thai, not the API’s English', () => {
    const wrapper = mountSurvey('th');
    expect(wrapper.get('[data-testid="obstacle-population"]').text()).toBe('กลุ่มที่สำรวจ: 76 จังหวัด ไม่รวมกรุงเทพมหานคร');
    const source = wrapper.get('[data-testid="obstacle-source"]').text();
    expect(source).toContain('ดร.สุพจน์ เธียรวุฒิ ผู้อำนวยการสำนักงานพัฒนารัฐบาลดิจิทัล');
    expect(wrapper.text()).not.toMatch(/Bangkok|reporting a talk/);
  });

  it('and in English', () => {
    const wrapper = mountSurvey('en');
    expect(wrapper.get('[data-testid="obstacle-population"]').text()).toBe(
      'Surveyed: 76 provinces, Bangkok not included',
    );
    expect(wrapper.get('[data-testid="obstacle-source"]').text()).toContain(
      'Local Leader magazine online (นิตยสารผู้นำท้องถิ่นออนไลน์), reporting a talk by Dr. Supot Tiarawut',
    );
  });
});

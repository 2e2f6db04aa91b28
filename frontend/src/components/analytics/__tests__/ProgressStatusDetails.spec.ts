import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { percentIndicatorProgress } from '@/charts/__tests__/analytics-fixtures';
import { createAppI18n } from '@/locales';
import ProgressStatusDetails from '../ProgressStatusDetails.vue';

function mountDetails(locale: 'th' | 'en', open = false) {
  return mount(ProgressStatusDetails, { props: { progress: percentIndicatorProgress(), open }, global: { plugins: [createAppI18n(locale)] } });
}

describe('ProgressStatusDetails', () => {
  it('shows the status as a badge with its word and shape, and a control to ask why', () => {
    const wrapper = mountDetails('th');
    const badge = wrapper.get('[data-testid="status-badge"]');
    expect(badge.attributes('data-status')).toBe('ACCELERATION_NEEDED');
    expect(badge.text()).toBe('► ต้องเร่งรัด');
    expect(wrapper.get('[data-testid="status-explain"]').attributes('aria-label')).toBe('ที่มาของสถานะ ต้องเร่งรัด');
  });

  it('explains the status on demand: a native disclosure holding the components', () => {
    const wrapper = mountDetails('en');
    expect(wrapper.get('details').attributes('open')).toBeUndefined();
    const body = wrapper.get('[data-testid="status-explanation"]');
    expect(body.text()).toContain('R = 0.66');
    expect(body.find('[data-fact="required"]').text()).toBe('Growth needed+19.0 % a year');
    expect(body.find('[data-fact="observed"]').text()).toBe('Growth achieved+12.5 % a year');
  });

  it('opens when asked (the print view)', () => {
    expect(mountDetails('en', true).get('details').attributes('open')).toBeDefined();
  });
});

import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { percentIndicatorProgress } from '@/charts/__tests__/analytics-fixtures';
import { createAppI18n } from '@/locales';
import ProgressStatusDetails from '../ProgressStatusDetails.vue';

function mountDetails(locale: 'th' | 'en', open = false) {
  return mount(ProgressStatusDetails, {
    props: { progress: percentIndicatorProgress(), open },
    global: { plugins: [createAppI18n(locale)] },
  });
}

describe('ProgressStatusDetails', () => {
  it('shows the status as a badge with its word and shape, and a control to ask why', () => {
    const wrapper = mountDetails('th');
    const badge = wrapper.get('[data-testid="status-badge"]');
    expect(badge.attributes('data-status')).toBe('ACCELERATION_NEEDED');
    expect(badge.text()).toBe('► ต้องเร่งรัด');
    // The accessible name is the visible text (badge word and "why"), so speech input and screen readers agree.
    expect(wrapper.get('[data-testid="status-explain"]').text()).toContain('ต้องเร่งรัด');
  });

  it('explains the status on demand: a native disclosure, its components built when first opened', async () => {
    const wrapper = mountDetails('en');
    expect(wrapper.get('details').attributes('open')).toBeUndefined();
    expect(wrapper.find('[data-testid="status-explanation"]').exists()).toBe(false);
    (wrapper.get('details').element as HTMLDetailsElement).open = true;
    await wrapper.get('details').trigger('toggle');
    const body = wrapper.get('[data-testid="status-explanation"]');
    expect(body.text()).toContain('R = 0.66');
    expect(body.find('[data-fact="required"]').text()).toBe('Growth needed+19.0 % a year');
    expect(body.find('[data-fact="observed"]').text()).toBe('Growth achieved+12.5 % a year');
  });

  it('opens with its explanation when asked (the print view)', () => {
    const wrapper = mountDetails('en', true);
    expect(wrapper.get('details').attributes('open')).toBeDefined();
    expect(wrapper.find('[data-testid="status-explanation"]').exists()).toBe(true);
  });
});

import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/locales';
import ApiProblemText from '../ApiProblemText.vue';

const mountProblem = (problem: { code?: string | null; message: string }, locale: 'th' | 'en' = 'th') =>
  mount(
    { components: { ApiProblemText }, props: ['problem'], template: '<p><ApiProblemText :problem="problem" /></p>' },
    {
      props: { problem },
      global: { plugins: [createAppI18n(locale)] },
    },
  );

describe('ApiProblemText', () => {
  it('leads with the words for the problem’s code in Thai, the server’s English sentence marked as English', () => {
    const wrapper = mountProblem({ code: 'OUT_OF_RANGE', message: 'Severity must be 1–5' });
    expect(wrapper.text()).toBe('ค่าอยู่นอกช่วงที่กำหนด: Severity must be 1–5');
    expect(wrapper.get('[lang="en"]').text()).toBe('Severity must be 1–5');
    expect(mountProblem({ code: 'LIMIT', message: 'At most 20 active tokens' }).text()).toBe(
      'เกินจำนวนที่กำหนด: At most 20 active tokens',
    );
  });

  it('shows the sentence alone for a code it has no words for', () => {
    expect(mountProblem({ code: 'NEW_CODE', message: 'Something new' }).text()).toBe('Something new');
    expect(mountProblem({ message: 'No code' }, 'en').text()).toBe('No code');
  });
});

import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { ReportHeader } from '@/api/report-types';
import { createAppI18n } from '@/locales';
import ReviewDecisions from '../review-decisions.vue';

const SUBMITTED: ReportHeader = {
  id: 7,
  status: 'SUBMITTED',
  version: 4,
  returnReason: null,
  entryOpen: true,
  entryClosesOn: '2027-03-01',
  allowedActions: ['APPROVE', 'RETURN'],
  late: false,
  submittedAt: '2026-11-21T22:00:00Z',
};

function mountDecisions(header: ReportHeader | null = SUBMITTED, locale: 'th' | 'en' = 'en') {
  const decide = vi.fn(async () => ({ ok: true as const, report: { ...SUBMITTED, status: 'RETURNED' as const } }));
  const extend = vi.fn(async (until: string) => ({
    ok: true as const,
    report: { ...SUBMITTED, entryClosesOn: until },
  }));
  const wrapper = mount(ReviewDecisions, {
    props: { header, defaultClosesOn: '2027-03-01', deciding: false, decide, extend },
    global: { plugins: [createAppI18n(locale)] },
  });
  return { wrapper, decide, extend };
}

describe('review decisions', () => {
  it('offers only what the report allows now', () => {
    const { wrapper } = mountDecisions();
    expect(wrapper.find('[data-testid="approve"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="return"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="reopen"]').exists()).toBe(false);
    const approved = mountDecisions({ ...SUBMITTED, status: 'APPROVED', allowedActions: ['REOPEN'] });
    expect(approved.wrapper.find('[data-testid="approve"]').exists()).toBe(false);
    expect(approved.wrapper.find('[data-testid="reopen"]').exists()).toBe(true);
  });

  it('will not return a report without a reason', async () => {
    const { wrapper, decide } = mountDecisions();
    await wrapper.get('[data-testid="return"]').trigger('click');
    await wrapper.get('form').trigger('submit');
    expect(decide).not.toHaveBeenCalled();
    expect(wrapper.get('[data-testid="decision-reason"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('Give a reason');
    await wrapper.get('[data-testid="decision-reason"]').setValue('  Staff numbers of LAO-40-0001 look wrong ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(decide).toHaveBeenCalledWith('RETURN', 'Staff numbers of LAO-40-0001 look wrong');
    expect(wrapper.get('[data-testid="decision-done"]').text()).toContain('returned');
  });

  it('approves after a confirmation, without a reason', async () => {
    const { wrapper, decide } = mountDecisions();
    await wrapper.get('[data-testid="approve"]').trigger('click');
    expect(wrapper.text()).toContain('Approve this report?');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(decide).toHaveBeenCalledOnce();
    expect(decide).toHaveBeenCalledWith('APPROVE', null);
  });

  it('shows the error when the server refuses (a stale version)', async () => {
    const { wrapper, decide } = mountDecisions();
    decide.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'CONFLICT',
        messageKey: 'errors.CONFLICT',
        detail: 'The report changed since you loaded it',
        problems: [],
      },
    } as never);
    await wrapper.get('[data-testid="approve"]').trigger('click');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="decision-error"]').text()).toContain('The report changed since you loaded it');
  });

  it('extends the entry window to a chosen day', async () => {
    const { wrapper, extend } = mountDecisions();
    await wrapper.get('[data-testid="extend-until"]').setValue('2027-03-15');
    await wrapper.findAll('form').at(-1)!.trigger('submit');
    await flushPromises();
    expect(extend).toHaveBeenCalledOnce();
    expect(extend).toHaveBeenCalledWith('2027-03-15', null);
    expect(wrapper.text()).toContain('Entry is now open until 15 Mar 2027.');
  });
});

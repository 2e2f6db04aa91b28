import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { routes } from '@/router';
import { useAuthStore } from '@/stores/auth';
import { appPlugins, type GraphqlAnswers } from '@/test-support/plugins';
import ChangePassword from '../../change-password/index.vue';
import SetPassword from '../index.vue';

const stub = { render: () => null };
const stubbed = routes.map((r) => ('component' in r && r.component ? { ...r, component: stub } : r));
const TOKEN = 'Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9v';
const GOOD = 'correct horse battery staple';
const session = (token: string) => ({
  token,
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user: { id: 'u', email: 'somchai@khonkaen.go.th', role: 'OFFICER', provinceCode: 'TH-40', readOnly: false },
});
const refused = (problems: unknown[]) => ({
  data: null,
  errors: [{ message: 'refused', extensions: { code: 'BAD_USER_INPUT', problems } }],
});

async function mountPage(page: typeof SetPassword | typeof ChangePassword, path: string, answers: GraphqlAnswers) {
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({ locale: 'en', answers });
  const router = createRouter({ history: createMemoryHistory(), routes: stubbed });
  await router.push(path);
  const wrapper = mount(page, { global: { plugins: [pinia, urqlPlugin, router, i18n] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router, fetch };
}

const mutations = (fetch: ReturnType<typeof vi.fn>, name: string) =>
  fetch.mock.calls
    .map((c) => JSON.parse(String((c[1] as RequestInit).body)))
    .filter((b) => b.query.includes(`mutation ${name}`));

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('set-password page', () => {
  it('says a used or expired link cannot be used, and offers no form', async () => {
    const { wrapper } = await mountPage(SetPassword, `/set-password?token=${TOKEN}`, {
      PasswordLink: { data: { passwordLink: null } },
    });
    expect(wrapper.get('[data-testid="link-unusable"]').text()).toContain('cannot be used any more');
    expect(wrapper.find('[data-testid="set-password-form"]').exists()).toBe(false);
  });

  it('removes the token from the address, checks the two entries, then signs the user in', async () => {
    const { wrapper, router, fetch } = await mountPage(SetPassword, `/set-password?token=${TOKEN}`, {
      PasswordLink: {
        data: {
          passwordLink: { email: 'somchai@khonkaen.go.th', kind: 'INVITATION', expiresAt: '2026-11-24T03:00:00Z' },
        },
      },
      SetPassword: { data: { setPassword: session('new-session') } },
    });
    expect(router.currentRoute.value.fullPath).toBe('/set-password');
    expect(wrapper.get('[data-testid="link-account"]').text()).toContain('somchai@khonkaen.go.th');
    await wrapper.get('[data-testid="new-password"]').setValue(GOOD);
    await wrapper.get('[data-testid="confirm-password"]').setValue('something else entirely');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(mutations(fetch, 'SetPassword')).toHaveLength(0);
    expect(wrapper.get('[data-testid="confirm-password"]').attributes('aria-invalid')).toBe('true');
    await wrapper.get('[data-testid="confirm-password"]').setValue(GOOD);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(mutations(fetch, 'SetPassword')[0].variables.input).toEqual({ token: TOKEN, newPassword: GOOD });
    expect(localStorage.getItem('digigov.accessToken')).toBe('new-session');
    expect(router.currentRoute.value.name).toBe('workspace-current');
  });

  it("shows the server's password problem under the field", async () => {
    const { wrapper } = await mountPage(SetPassword, `/set-password?token=${TOKEN}`, {
      PasswordLink: {
        data: { passwordLink: { email: 'somchai@khonkaen.go.th', kind: 'RESET', expiresAt: '2026-11-24T03:00:00Z' } },
      },
      SetPassword: refused([
        {
          field: 'newPassword',
          code: 'PASSWORD_TOO_COMMON',
          message: 'This password is among the first ones an attacker tries',
        },
      ]),
    });
    await wrapper.get('[data-testid="new-password"]').setValue('password1234');
    await wrapper.get('[data-testid="confirm-password"]').setValue('password1234');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#new-password-msg').text()).toContain('Password too common');
    expect(wrapper.get('[data-testid="new-password"]').attributes('aria-invalid')).toBe('true');
  });
});

describe('change-password page', () => {
  it('shows a wrong current password, then keeps the user signed in with the new token', async () => {
    let calls = 0;
    const { wrapper } = await mountPage(ChangePassword, '/account/password', {
      ChangeOwnPassword: () =>
        ++calls === 1
          ? refused([{ field: 'currentPassword', code: 'WRONG_PASSWORD', message: 'The current password is wrong' }])
          : { data: { changeOwnPassword: session('re-issued') } },
    });
    useAuthStore().adoptSession(session('old-session') as never);
    await wrapper.get('[data-testid="current-password"]').setValue('not it');
    await wrapper.get('[data-testid="new-password"]').setValue(GOOD);
    await wrapper.get('[data-testid="confirm-password"]').setValue(GOOD);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#current-msg').text()).toContain('Wrong current password');
    await wrapper.get('[data-testid="current-password"]').setValue('demo-pass-2570');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="password-changed"]').exists()).toBe(true);
    expect(localStorage.getItem('digigov.accessToken')).toBe('re-issued');
    expect((wrapper.get('[data-testid="new-password"]').element as HTMLInputElement).value).toBe('');
  });
});

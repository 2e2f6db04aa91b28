import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { routes } from '@/router';
import { appPlugins, type GraphqlAnswers } from '@/test-support/plugins';
import LoginPage from '../index.vue';

const stub = { render: () => null };
// The app's routes with their pages stubbed, so that names, meta and guards are real.
const stubbed = routes.map((r) => ('component' in r && r.component ? { ...r, component: stub } : r));

function login(role: string, provinceCode: string | null = null) {
  return { data: { login: { token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u', email: 'e@x', role, provinceCode, readOnly: false } } } };
}

async function mountLogin(answers: GraphqlAnswers, path = '/login') {
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({ answers });
  const router = createRouter({ history: createMemoryHistory(), routes: stubbed });
  await router.push(path);
  const wrapper = mount(LoginPage, { global: { plugins: [pinia, urqlPlugin, router, i18n] } });
  return { wrapper, router, fetch };
}

async function submit(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper'], email: string, password: string) {
  await wrapper.get('[data-testid="login-email"]').setValue(email);
  await wrapper.get('[data-testid="login-password"]').setValue(password);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('login page', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('asks for both fields before calling the server', async () => {
    const { wrapper, fetch } = await mountLogin({});
    await submit(wrapper, '', '');
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('กรุณากรอกอีเมลและรหัสผ่าน');
    expect(wrapper.get('[data-testid="login-email"]').attributes('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says the e-mail or password is wrong, and clears the password', async () => {
    const { wrapper } = await mountLogin({ Login: { data: null, errors: [{ message: 'Wrong e-mail or password', extensions: { code: 'UNAUTHENTICATED' } }] } });
    await submit(wrapper, 'officer.th40@demo.local', 'nope');
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    expect((wrapper.get('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
  });

  it.each([
    ['OFFICER', 'TH-40', 'workspace-current'],
    ['PLANNER', null, 'approvals'],
    ['ADMIN', null, 'approvals'],
    ['ANALYST', null, 'overview-home'],
  ])('takes a signed-in %s to their start page', async (role, province, page) => {
    const { wrapper, router } = await mountLogin({ Login: login(role, province) });
    await submit(wrapper, 'e@x', 'pw');
    expect(router.currentRoute.value.name).toBe(page);
  });

  it('goes back where the user was sent from when their role may open it', async () => {
    const { wrapper, router } = await mountLogin({ Login: login('OFFICER', 'TH-40') }, '/login?redirect=/workspace/TH-40/FY2569Q4&reason=expired');
    expect(wrapper.get('[data-testid="login-notice"]').text()).toContain('หมดเวลาการใช้งาน');
    await submit(wrapper, 'e@x', 'pw');
    expect(router.currentRoute.value.fullPath).toBe('/workspace/TH-40/FY2569Q4');
  });

  it("does not follow a redirect to a page the user's role may not open", async () => {
    const { wrapper, router } = await mountLogin({ Login: login('OFFICER', 'TH-40') }, '/login?redirect=/approvals');
    await submit(wrapper, 'e@x', 'pw');
    expect(router.currentRoute.value.name).toBe('workspace-current');
  });
});

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
  return {
    data: {
      login: {
        token: 'tok',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: 'u', email: 'e@x', role, provinceCode, readOnly: false },
      },
    },
  };
}

async function mountLogin(answers: GraphqlAnswers, path = '/login') {
  // The page asks once whether an identity provider is configured (none here unless a test says so).
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({
    answers: { OidcSignIn: { data: { oidcSignIn: null } }, ...answers },
  });
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
    expect(
      fetch.mock.calls.map((c) => String((c[1] as RequestInit).body)).filter((b) => b.includes('mutation Login')),
    ).toEqual([]);
  });

  it('says the e-mail or password is wrong, and clears the password', async () => {
    const { wrapper } = await mountLogin({
      Login: { data: null, errors: [{ message: 'Wrong e-mail or password', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
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
    const { wrapper, router } = await mountLogin(
      { Login: login('OFFICER', 'TH-40') },
      '/login?redirect=/workspace/TH-40/FY2569Q4&reason=expired',
    );
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

describe('login page with the agency identity provider', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('offers "Sign in with <agency>" only when the server has one configured', async () => {
    const without = await mountLogin({});
    await flushPromises();
    expect(without.wrapper.find('[data-testid="oidc-sign-in"]').exists()).toBe(false);
    const withIdp = await mountLogin({
      OidcSignIn: { data: { oidcSignIn: { label: 'Ministry ID', startPath: '/api/auth/oidc/start' } } },
    });
    await flushPromises();
    const button = withIdp.wrapper.get('[data-testid="oidc-sign-in"]');
    expect(button.text()).toBe('เข้าสู่ระบบด้วย Ministry ID');
    expect(button.attributes('href')).toBe('/api/auth/oidc/start');
  });

  it("takes the provider's token from the fragment, removes it from the address, and signs in", async () => {
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    const { router } = await mountLogin(
      {
        Me: {
          data: {
            me: { id: 'u', email: 'somchai@khonkaen.go.th', role: 'OFFICER', provinceCode: 'TH-40', readOnly: false },
          },
        },
      },
      `/login#oidc_token=tok-123&expires=${encodeURIComponent(expires)}`,
    );
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('workspace-current');
    expect(router.currentRoute.value.hash).toBe('');
    expect(localStorage.getItem('digigov.accessToken')).toBe('tok-123');
  });

  it("says why the provider's sign-in was refused", async () => {
    const { wrapper, router } = await mountLogin({}, '/login#oidc_error=NO_ROLE');
    await flushPromises();
    expect(wrapper.get('[data-testid="oidc-error"]').text()).toContain('บทบาทของท่านในหน่วยงาน');
    expect(router.currentRoute.value.hash).toBe('');
  });
});

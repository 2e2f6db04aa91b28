import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_API_TOKEN_DAYS, type ApiToken } from '@/api/api-tokens';
import type { User } from '@/api/auth';
import { tokenState } from '@/composables/use-api-tokens';
import { useAuthStore } from '@/stores/auth';
import { appPlugins } from '@/test-support/plugins';
import ApiTokens from '../api-tokens.vue';

const SECRET = 'dgm_9sQ2xN4vW7bT1yR8uE5iO3pA6sD0fG2hJ4kL6zX8cV1';

function token(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: '1',
    name: 'Notebook',
    prefix: 'dgm_9sQ2xN',
    createdAt: '2026-11-21T03:00:00Z',
    expiresAt: '2027-02-19T03:00:00Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

async function mountTokens(list: ApiToken[], role: User['role'] = 'ANALYST') {
  let tokens = [...list];
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({
    locale: 'en',
    answers: {
      MyApiTokens: () => ({ data: { myApiTokens: tokens } }),
      CreateApiToken: (v: Record<string, unknown>) => {
        if (v.name === 'taken')
          return {
            data: null,
            errors: [
              {
                message: 'Too many tokens',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  problems: [{ field: 'name', code: 'LIMIT', message: 'At most 20 active tokens: revoke one first' }],
                },
              },
            ],
          };
        const created = token({ id: '2', name: String(v.name) });
        tokens = [created, ...tokens];
        return { data: { createApiToken: { token: SECRET, apiToken: created } } };
      },
      RevokeApiToken: (v: Record<string, unknown>) => {
        tokens = tokens.map((t) => (t.id === v.id ? { ...t, revokedAt: '2026-11-21T04:00:00Z' } : t));
        return { data: { revokeApiToken: tokens.find((t) => t.id === v.id) } };
      },
    },
  });
  const wrapper = mount(ApiTokens, { global: { plugins: [pinia, urqlPlugin, i18n] }, attachTo: document.body });
  useAuthStore().user = {
    id: 'u',
    email: 'x@demo.local',
    role,
    provinceCode: role === 'OFFICER' ? 'TH-40' : null,
    readOnly: false,
  };
  await flushPromises();
  return { wrapper, fetch };
}

const sent = (fetch: ReturnType<typeof vi.fn>, operation: string) =>
  fetch.mock.calls
    .map((c) => JSON.parse(String((c[1] as RequestInit).body)))
    .filter((b) => b.query.includes(`mutation ${operation}`));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('tokenState', () => {
  it('tells active, expired and revoked tokens apart', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(tokenState(token(), now)).toBe('active');
    expect(tokenState(token({ expiresAt: '2026-11-01T00:00:00Z' }), now)).toBe('expired');
    expect(tokenState(token({ revokedAt: '2026-11-20T00:00:00Z' }), now)).toBe('revoked');
  });
});

describe('API tokens', () => {
  it('shows a new token once, with a copy button and a warning, and never again after dismissing it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const { wrapper, fetch } = await mountTokens([]);
    expect(wrapper.get('[data-testid="tokens-empty"]').text()).toContain('no API tokens');

    await wrapper.get('[data-testid="token-name"]').setValue('  Quarterly notebook ');
    await wrapper.get('[data-testid="token-expiry"]').setValue('365');
    await wrapper.get('[data-testid="token-create"]').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'CreateApiToken')[0].variables).toEqual({ name: 'Quarterly notebook', expiresInDays: 365 });

    const created = wrapper.get('[data-testid="token-created"]');
    expect(created.text()).toContain('shown this once');
    expect((wrapper.get('[data-testid="token-secret"]').element as HTMLInputElement).value).toBe(SECRET);
    await created.get('[data-testid="copy-button"]').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(created.text()).toContain('Copied');

    await wrapper.get('[data-testid="token-created-done"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="token-created"]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(SECRET);
    expect(wrapper.get('[data-testid="tokens-list"]').text()).toContain('Quarterly notebook');
  });

  it('asks for a name, and shows the server refusal beside the field', async () => {
    const { wrapper, fetch } = await mountTokens([]);
    await wrapper.get('[data-testid="token-create"]').trigger('submit');
    expect(sent(fetch, 'CreateApiToken')).toHaveLength(0);
    expect(wrapper.get('[data-testid="token-name"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('Name the token');

    await wrapper.get('[data-testid="token-name"]').setValue('taken');
    await wrapper.get('[data-testid="token-create"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#token-name-error').text()).toBe('Limit reached: At most 20 active tokens: revoke one first');
    expect(wrapper.find('[data-testid="token-created"]').exists()).toBe(false);
  });

  it('offers only lifetimes the server accepts: 90 days unless chosen, a year at most, never "no expiry"', async () => {
    const { wrapper, fetch } = await mountTokens([]);
    const select = wrapper.get('[data-testid="token-expiry"]').element as HTMLSelectElement;
    const days = [...select.options].map((o) => Number(o.value));
    expect(days.every((d) => Number.isInteger(d) && d >= 1 && d <= MAX_API_TOKEN_DAYS)).toBe(true);
    expect(days).toContain(MAX_API_TOKEN_DAYS);
    await wrapper.get('[data-testid="token-name"]').setValue('Default');
    await wrapper.get('[data-testid="token-create"]').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'CreateApiToken')[0].variables).toEqual({ name: 'Default', expiresInDays: 90 });
  });

  it('shows the token form to analysts only, and says why to others', async () => {
    for (const role of ['ADMIN', 'PLANNER', 'OFFICER'] as const) {
      const { wrapper } = await mountTokens([], role);
      expect(wrapper.find('[data-testid="token-create"]').exists()).toBe(false);
      expect(wrapper.get('[data-testid="token-analysts-only"]').text()).toContain('analyst accounts');
      wrapper.unmount();
    }
  });

  it('revokes a token only after a confirmation', async () => {
    const { wrapper, fetch } = await mountTokens([token({ id: '7', name: 'Old script' })]);
    await wrapper.get('[data-testid="token-revoke"]').trigger('click');
    expect(wrapper.get('[data-testid="token-revoke-confirm"]').text()).toContain('Revoke “Old script”?');
    expect(sent(fetch, 'RevokeApiToken')).toHaveLength(0);
    await wrapper.get('[data-testid="token-revoke-yes"]').trigger('click');
    await flushPromises();
    expect(sent(fetch, 'RevokeApiToken')[0].variables).toEqual({ id: '7' });
    expect(wrapper.get('[data-testid="token-revoked"]').text()).toContain('Old script');
    await flushPromises();
    expect(wrapper.get('[data-testid="token-7"]').attributes('data-state')).toBe('revoked');
    expect(wrapper.find('[data-testid="token-revoke"]').exists()).toBe(false);
  });
});

import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import { ACCESS_TOKEN_STORAGE_KEY } from '@/api/client';
import { TOKEN_EXPIRY_STORAGE_KEY, useAuthStore } from '@/stores/auth';
import urql from '@urql/vue';
import { createPinia } from 'pinia';
import type { Plugin } from 'vue';
import { createApiClient } from '@/api/client';
import { appPlugins, graphqlFetch, type GraphqlAnswers } from '@/test-support/plugins';

const OFFICER = { id: 'u1', email: 'officer.th40@demo.local', role: 'OFFICER', provinceCode: 'TH-40', readOnly: false };
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** The store as the app builds it: pinia and the GraphQL client installed on an app. */
function store(answers: GraphqlAnswers) {
  const { pinia, urqlPlugin, fetch } = appPlugins({ answers });
  const app = createApp({ render: () => null });
  app.use(pinia).use(...urqlPlugin);
  return { auth: app.runWithContext(() => useAuthStore(pinia)), fetch };
}

describe('useAuthStore', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  describe('signIn', () => {
    it('keeps the token where the API client reads it, with its expiry, and the user', async () => {
      const expiresAt = inAnHour();
      const { auth, fetch } = store({ Login: { data: { login: { token: 'tok', expiresAt, user: OFFICER } } } });
      const out = await auth.signIn(' officer.th40@demo.local ', 'demo-pass-2570');
      expect(out).toEqual({ user: OFFICER });
      expect(auth.user).toEqual(OFFICER);
      expect(auth.status).toBe('signedIn');
      expect(localStorage.getItem(ACCESS_TOKEN_STORAGE_KEY)).toBe('tok');
      expect(localStorage.getItem(TOKEN_EXPIRY_STORAGE_KEY)).toBe(expiresAt);
      const body = JSON.parse(String(fetch.mock.calls[0]![1].body));
      expect(body.variables).toEqual({ email: 'officer.th40@demo.local', password: 'demo-pass-2570' });
    });

    it('returns the error and keeps no token when the password is wrong', async () => {
      localStorage.setItem(ACCESS_TOKEN_STORAGE_KEY, 'old');
      const { auth, fetch } = store({
        Login: {
          data: null,
          errors: [{ message: 'Wrong e-mail or password', extensions: { code: 'UNAUTHENTICATED' } }],
        },
      });
      const out = await auth.signIn('x@y', 'bad');
      expect(out).toMatchObject({ error: { code: 'UNAUTHENTICATED', detail: 'Wrong e-mail or password' } });
      expect(auth.user).toBeNull();
      expect(localStorage.getItem(ACCESS_TOKEN_STORAGE_KEY)).toBeNull();
      // The old token is not sent with a sign-in.
      expect(new Headers(fetch.mock.calls[0]![1].headers).has('authorization')).toBe(false);
    });
  });

  describe('restore', () => {
    it('asks the server who a stored token belongs to', async () => {
      localStorage.setItem(ACCESS_TOKEN_STORAGE_KEY, 'tok');
      localStorage.setItem(TOKEN_EXPIRY_STORAGE_KEY, inAnHour());
      const { auth, fetch } = store({ Me: { data: { me: OFFICER } } });
      expect(auth.status).toBe('restoring');
      const [a, b] = await Promise.all([auth.restore(), auth.restore()]);
      expect(a).toEqual(OFFICER);
      expect(b).toEqual(OFFICER);
      expect(fetch).toHaveBeenCalledOnce();
      expect(new Headers(fetch.mock.calls[0]![1].headers).get('authorization')).toBe('Bearer tok');
      expect(auth.status).toBe('signedIn');
    });

    it('ends the session as expired when the server refuses the token', async () => {
      localStorage.setItem(ACCESS_TOKEN_STORAGE_KEY, 'tok');
      const { auth } = store({
        Me: { data: null, errors: [{ message: 'The token has expired', extensions: { code: 'UNAUTHENTICATED' } }] },
      });
      await expect(auth.restore()).resolves.toBeNull();
      expect(auth.endReason).toBe('expired');
      expect(auth.token).toBeNull();
      expect(localStorage.getItem(ACCESS_TOKEN_STORAGE_KEY)).toBeNull();
    });

    it('drops a token known to be expired without asking', async () => {
      localStorage.setItem(ACCESS_TOKEN_STORAGE_KEY, 'tok');
      localStorage.setItem(TOKEN_EXPIRY_STORAGE_KEY, new Date(Date.now() - 1000).toISOString());
      const { auth, fetch } = store({});
      await expect(auth.restore()).resolves.toBeNull();
      expect(fetch).not.toHaveBeenCalled();
      expect(auth.endReason).toBe('expired');
    });

    it('keeps the token when the server cannot be reached', async () => {
      localStorage.setItem(ACCESS_TOKEN_STORAGE_KEY, 'tok');
      const { auth, fetch } = store({});
      fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
      await expect(auth.restore()).resolves.toBeNull();
      expect(auth.token).toBe('tok');
      expect(auth.endReason).toBeNull();
    });
  });

  describe('signOut', () => {
    it('forgets the token, says why, and has the server revoke it', async () => {
      const { auth, fetch } = store({
        Login: { data: { login: { token: 'tok', expiresAt: inAnHour(), user: OFFICER } } },
        Logout: { data: { logout: true } },
      });
      await auth.signIn('a', 'b');
      await auth.signOut();
      expect(auth.user).toBeNull();
      expect(auth.endReason).toBe('signedOut');
      expect(localStorage.getItem(ACCESS_TOKEN_STORAGE_KEY)).toBeNull();
      const [, init] = fetch.mock.calls[1]!;
      expect(JSON.parse(String(init.body)).query).toMatch(/logout/);
      expect(new Headers(init.headers).get('authorization')).toBe('Bearer tok');
    });

    it('stays signed out when the server has already ended the session, without calling it an expiry', async () => {
      vi.stubGlobal(
        'fetch',
        graphqlFetch({
          Login: { data: { login: { token: 'tok', expiresAt: inAnHour(), user: OFFICER } } },
          Logout: { data: null, errors: [{ message: 'You were signed out', extensions: { code: 'UNAUTHENTICATED' } }] },
        }),
      );
      // Wired as main.ts wires it: every UNAUTHENTICATED answer reaches the store.
      const pinia = createPinia();
      const holder: { auth?: ReturnType<typeof useAuthStore> } = {};
      const client = createApiClient({
        getLocale: () => 'en',
        onError: (e) => e.code === 'UNAUTHENTICATED' && holder.auth?.handleUnauthenticated(),
      });
      const app = createApp({ render: () => null })
        .use(pinia)
        .use(urql as Plugin, client);
      const auth = app.runWithContext(() => useAuthStore(pinia));
      holder.auth = auth;
      await auth.signIn('a', 'b');
      const listener = vi.fn();
      auth.onExpired(listener);
      await auth.signOut();
      expect(auth.endReason).toBe('signedOut');
      expect(listener).not.toHaveBeenCalled();
    });

    it('sends nothing when no one is signed in', async () => {
      const { auth, fetch } = store({});
      await auth.signOut();
      expect(fetch).not.toHaveBeenCalled();
    });
  });

  describe('expiry', () => {
    it('tells its listeners when the API refuses the token in use', async () => {
      const { auth } = store({ Login: { data: { login: { token: 'tok', expiresAt: inAnHour(), user: OFFICER } } } });
      const listener = vi.fn();
      auth.onExpired(listener);
      auth.handleUnauthenticated();
      expect(listener).not.toHaveBeenCalled();
      await auth.signIn('a', 'b');
      auth.handleUnauthenticated();
      expect(listener).toHaveBeenCalledOnce();
      expect(auth.endReason).toBe('expired');
    });

    it('ends the session when the token runs out', async () => {
      vi.useFakeTimers();
      const expiresAt = new Date(Date.now() + 60_000).toISOString();
      const { auth } = store({ Login: { data: { login: { token: 'tok', expiresAt, user: OFFICER } } } });
      await auth.signIn('a', 'b');
      const listener = vi.fn();
      auth.onExpired(listener);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(auth.user).not.toBeNull();
      await vi.advanceTimersByTimeAsync(2_000);
      await flushPromises();
      expect(auth.user).toBeNull();
      expect(listener).toHaveBeenCalledOnce();
    });
  });
});

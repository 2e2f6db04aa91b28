import { useApiClient } from '@/composables/use-api-client';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { LoginMutation, LogoutMutation, MeQuery, type User, type UserRole } from '@/api/auth';
import { ACCESS_TOKEN_STORAGE_KEY } from '@/api/client';
import { toApiError, type ApiError } from '@/api/errors';

/** When the stored token stops being valid (ISO timestamp), beside the token itself. */
export const TOKEN_EXPIRY_STORAGE_KEY = 'digigov.accessTokenExpiresAt';

/** Why the user is signed out, for the sign-in page to say so. */
export type SessionEndReason = 'expired' | 'signedOut';

export type AuthStatus = 'anonymous' | 'restoring' | 'signedIn';

// setTimeout holds 32-bit milliseconds; a longer delay would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readStored(): { token: string | null; expiresAt: string | null } {
  try {
    const s = storage();
    return {
      token: s?.getItem(ACCESS_TOKEN_STORAGE_KEY) || null,
      expiresAt: s?.getItem(TOKEN_EXPIRY_STORAGE_KEY) || null,
    };
  } catch {
    return { token: null, expiresAt: null };
  }
}

function writeStored(token: string | null, expiresAt: string | null): void {
  try {
    const s = storage();
    if (token) s?.setItem(ACCESS_TOKEN_STORAGE_KEY, token);
    else s?.removeItem(ACCESS_TOKEN_STORAGE_KEY);
    if (expiresAt) s?.setItem(TOKEN_EXPIRY_STORAGE_KEY, expiresAt);
    else s?.removeItem(TOKEN_EXPIRY_STORAGE_KEY);
  } catch {
    // A disabled storage only costs staying signed in across reloads.
  }
}

/**
 * The signed-in user, shared by every page. The token lives in localStorage
 * (the API client reads it from there for every request); the user is asked
 * of the server (`me`) when the app loads, so a stale or revoked token is
 * noticed at once.
 */
export const useAuthStore = defineStore('auth', () => {
  const client = useApiClient();
  const stored = readStored();
  const token = ref<string | null>(stored.token);
  const expiresAt = ref<string | null>(stored.expiresAt);
  const user = ref<User | null>(null);
  const status = ref<AuthStatus>(stored.token ? 'restoring' : 'anonymous');
  /** Set when a session ends by itself or by signing out; cleared on the next sign-in. */
  const endReason = ref<SessionEndReason | null>(null);
  const expiryListeners = new Set<() => void>();
  let expiryTimer: ReturnType<typeof setTimeout> | null = null;
  const restoring = shallowRef<Promise<User | null> | null>(null);

  const role = computed<UserRole | null>(() => user.value?.role ?? null);
  const isSignedIn = computed(() => user.value !== null);

  function clearTimer(): void {
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = null;
  }

  function armTimer(): void {
    clearTimer();
    if (!expiresAt.value) return;
    const ms = Date.parse(expiresAt.value) - Date.now();
    if (Number.isNaN(ms)) return;
    expiryTimer = setTimeout(() => expire(), Math.max(0, Math.min(ms, MAX_TIMER_MS)));
  }

  function setSession(next: { token: string; expiresAt: string; user: User }): void {
    token.value = next.token;
    expiresAt.value = next.expiresAt;
    user.value = next.user;
    status.value = 'signedIn';
    endReason.value = null;
    writeStored(next.token, next.expiresAt);
    armTimer();
  }

  function clearSession(reason: SessionEndReason): void {
    clearTimer();
    token.value = null;
    expiresAt.value = null;
    user.value = null;
    status.value = 'anonymous';
    endReason.value = reason;
    writeStored(null, null);
  }

  /** Signs in; resolves to the user, or to the error to show. */
  async function signIn(email: string, password: string): Promise<{ user: User } | { error: ApiError }> {
    // Never send an old token with a sign-in: its failure would read as "session expired".
    clearSession('signedOut');
    endReason.value = null;
    const result = await client.mutation(LoginMutation, { email: email.trim(), password }).toPromise();
    if (result.error || !result.data) {
      return {
        error: result.error
          ? toApiError(result.error)
          : { code: 'UNKNOWN', messageKey: 'errors.UNKNOWN', detail: 'no data', problems: [] },
      };
    }
    setSession(result.data.login);
    return { user: result.data.login.user };
  }

  /**
   * A session obtained other than by signIn: a set-password link, a changed password (the server revoked the old
   * token and sent a new one), or the identity provider (token only: the user is then asked of the server).
   */
  function adoptSession(next: { token: string; expiresAt: string; user: User }): void {
    setSession(next);
  }

  async function adoptToken(next: { token: string; expiresAt: string }): Promise<User | null> {
    clearSession('signedOut');
    endReason.value = null;
    token.value = next.token;
    expiresAt.value = next.expiresAt;
    writeStored(next.token, next.expiresAt);
    return restore();
  }

  /**
   * Restores the session from a stored token by asking the server who it
   * belongs to. Concurrent callers (the router guard, the header) share one request.
   */
  function restore(): Promise<User | null> {
    if (user.value) return Promise.resolve(user.value);
    if (!token.value) return Promise.resolve(null);
    if (restoring.value) return restoring.value;
    if (expiresAt.value && Date.parse(expiresAt.value) <= Date.now()) {
      // Known to be over: no need to ask, and no need to alarm a visitor of a public page.
      clearSession('expired');
      return Promise.resolve(null);
    }
    status.value = 'restoring';
    const sentToken = token.value;
    const pending: Promise<User | null> = client
      .query(MeQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (token.value !== sentToken) return user.value;
        if (result.data?.me) {
          user.value = result.data.me;
          status.value = 'signedIn';
          armTimer();
          return user.value;
        }
        const error = result.error ? toApiError(result.error) : null;
        if (error?.code === 'UNAUTHENTICATED') {
          clearSession('expired');
        } else {
          // The server could not answer (offline): keep the token and try again on the next navigation.
          status.value = 'anonymous';
        }
        return null;
      })
      .finally(() => {
        restoring.value = null;
      });
    restoring.value = pending;
    return pending;
  }

  /**
   * Signs out here at once, then revokes the token on the server (sent explicitly, as it is no longer stored), so
   * that a copy of it stops working too. Offline, the local sign-out still holds; the token ends at its expiry.
   */
  async function signOut(): Promise<void> {
    const sent = token.value;
    clearSession('signedOut');
    if (!sent) return;
    await client
      .mutation(
        LogoutMutation,
        {},
        { fetchOptions: { headers: { Authorization: `Bearer ${sent}` } }, requestPolicy: 'network-only' },
      )
      .toPromise();
  }

  /** The token ran out or the server refused it: end the session and tell the listeners. */
  function expire(): void {
    if (!token.value) return;
    clearSession('expired');
    for (const listener of expiryListeners) listener();
  }

  /** Called for every UNAUTHENTICATED answer; acts only when a token was in use. */
  function handleUnauthenticated(): void {
    if (token.value && status.value !== 'restoring') expire();
  }

  function onExpired(listener: () => void): () => void {
    expiryListeners.add(listener);
    return () => expiryListeners.delete(listener);
  }

  if (token.value) armTimer();

  return {
    token,
    expiresAt,
    user,
    role,
    status,
    endReason,
    isSignedIn,
    signIn,
    adoptSession,
    adoptToken,
    restore,
    signOut,
    expire,
    handleUnauthenticated,
    onExpired,
  };
});

import { computed, ref } from 'vue';
import { CreateApiTokenMutation, MyApiTokensQuery, RevokeApiTokenMutation, type ApiToken } from '@/api/api-tokens';
import { toApiError, type ApiError } from '@/api/errors';
import { useApiClient } from './use-api-client';
import { useApiQuery } from './use-api-query';

export type TokenOutcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const UNKNOWN: ApiError = { code: 'UNKNOWN', messageKey: 'errors.UNKNOWN', detail: 'no data', problems: [] };

/** Whether a token still works now: revoked and expired ones are kept in the list, greyed. */
export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date = new Date()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** The signed-in user's API tokens: list, create (the secret comes back once), revoke. */
export function useApiTokens() {
  const client = useApiClient();
  const list = useApiQuery({ query: MyApiTokensQuery, variables: {}, requestPolicy: 'network-only' });
  const busy = ref(false);
  const tokens = computed(() => list.data.value?.myApiTokens ?? []);

  async function create(
    name: string,
    expiresInDays: number,
  ): Promise<TokenOutcome<{ token: string; apiToken: ApiToken }>> {
    busy.value = true;
    const res = await client.mutation(CreateApiTokenMutation, { name, expiresInDays }).toPromise();
    busy.value = false;
    if (!res.data) return { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
    list.refresh();
    return { ok: true, value: res.data.createApiToken };
  }

  async function revoke(id: string): Promise<TokenOutcome<ApiToken>> {
    busy.value = true;
    const res = await client.mutation(RevokeApiTokenMutation, { id }).toPromise();
    busy.value = false;
    if (!res.data) return { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
    list.refresh();
    return { ok: true, value: res.data.revokeApiToken };
  }

  return { ...list, tokens, busy, create, revoke };
}

import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import { toApiError, type ApiError } from './errors';

/** localStorage key of the bearer token issued by the login mutation. */
export const ACCESS_TOKEN_STORAGE_KEY = 'digigov.accessToken';

export function readAccessToken(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): string | null {
  try {
    return storage?.getItem(ACCESS_TOKEN_STORAGE_KEY) || null;
  } catch {
    // Storage can throw when disabled by the browser's privacy settings.
    return null;
  }
}

export interface ApiClientOptions {
  /** Current UI language, sent as Accept-Language so server messages match. */
  getLocale: () => string;
  getToken?: () => string | null;
  /** Called once per failed operation, after the error is classified. */
  onError?: (error: ApiError) => void;
  url?: string;
}

/** The one GraphQL client: adds the token and the language, classifies errors. */
export function createApiClient(options: ApiClientOptions): Client {
  const getToken = options.getToken ?? (() => readAccessToken());
  return new Client({
    url: options.url ?? '/graphql',
    // Apollo Server 5's CSRF protection rejects simple GET requests.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          options.onError?.(toApiError(error));
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: () => {
      const headers: Record<string, string> = { 'Accept-Language': options.getLocale() };
      const token = getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      return { headers };
    },
  });
}

import { CombinedError } from '@urql/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN_STORAGE_KEY, createApiClient, readAccessToken } from '../client';
import { toApiError } from '../errors';
import { ShellQuery } from '../shell';

function stubFetch(body: unknown = { data: { systemInfo: null } }) {
  const fetch = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('createApiClient', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('POSTs to /graphql with the UI language and the stored bearer token', async () => {
    const fetch = stubFetch();
    localStorage.setItem(ACCESS_TOKEN_STORAGE_KEY, 'abc.def');
    await createApiClient({ getLocale: () => 'en' })
      .query(ShellQuery, {})
      .toPromise();

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init.method).toBe('POST');
    const headers = new Headers(init.headers);
    expect(headers.get('accept-language')).toBe('en');
    expect(headers.get('authorization')).toBe('Bearer abc.def');
  });

  it('sends no Authorization header without a token', async () => {
    const fetch = stubFetch();
    await createApiClient({ getLocale: () => 'th' })
      .query(ShellQuery, {})
      .toPromise();
    expect(new Headers(fetch.mock.calls[0]![1].headers).has('authorization')).toBe(false);
  });

  it('reports each failed operation once, classified by its GraphQL error code', async () => {
    stubFetch({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] });
    const onError = vi.fn();
    const result = await createApiClient({ getLocale: () => 'th', onError })
      .query(ShellQuery, {})
      .toPromise();
    expect(result.error).toBeDefined();
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' });
  });
});

describe('readAccessToken', () => {
  it('returns null when storage throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(readAccessToken(storage)).toBeNull();
  });
});

describe('toApiError', () => {
  it('classifies network failures', () => {
    expect(toApiError(new CombinedError({ networkError: new Error('offline') })).code).toBe('NETWORK');
  });

  it('takes the first code it knows and falls back to UNKNOWN', () => {
    const error = (codes: unknown[]) =>
      new CombinedError({ graphQLErrors: codes.map((code) => ({ message: 'x', extensions: { code } })) });
    expect(toApiError(error(['INTERNAL_SERVER_ERROR', 'NOT_FOUND'])).code).toBe('NOT_FOUND');
    expect(toApiError(error(['INTERNAL_SERVER_ERROR'])).messageKey).toBe('errors.UNKNOWN');
  });

  it('keeps the problems of a refused input', () => {
    const problems = [
      { field: 'values[3]', code: 'OUT_OF_RANGE', message: 'STAFF_TOTAL cannot be below 0' },
      { nonsense: true },
    ];
    const error = new CombinedError({
      graphQLErrors: [{ message: '1 problem', extensions: { code: 'BAD_USER_INPUT', problems } }],
    });
    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      messageKey: 'errors.BAD_USER_INPUT',
      detail: '1 problem',
      problems: [problems[0]],
    });
  });
});

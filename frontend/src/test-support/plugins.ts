import urql from '@urql/vue';
import { createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import type { Plugin } from 'vue';
import { createApiClient } from '@/api/client';
import { createAppI18n } from '@/locales';

/** A GraphQL answer per operation name; a function receives the variables. */
export type GraphqlAnswers = Record<string, unknown | ((variables: Record<string, unknown>) => unknown)>;

/**
 * A fetch that answers GraphQL requests by operation name, as the server
 * would ({ data } or { errors }); records every request for assertions.
 */
export function graphqlFetch(answers: GraphqlAnswers) {
  return vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as {
      operationName?: string;
      query: string;
      variables?: Record<string, unknown>;
    };
    const name = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const answer = answers[name];
    if (answer === undefined) throw new Error(`No answer for GraphQL operation ${name}`);
    const payload =
      typeof answer === 'function' ? (answer as (v: Record<string, unknown>) => unknown)(body.variables ?? {}) : answer;
    return new Response(JSON.stringify(payload), { headers: { 'content-type': 'application/json' } });
  });
}

/** The app's plugins as main.ts installs them, with the network replaced. */
export function appPlugins(options: { locale?: 'th' | 'en'; answers?: GraphqlAnswers } = {}) {
  const fetch = graphqlFetch(options.answers ?? {});
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  const client = createApiClient({ getLocale: () => options.locale ?? 'th' });
  const urqlPlugin: [Plugin, unknown] = [urql as Plugin, client];
  return { fetch, pinia, client, i18n: createAppI18n(options.locale ?? 'th'), urqlPlugin };
}

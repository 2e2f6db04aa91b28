import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors/domain-error.js';

/**
 * GraphQL answers errors with HTTP 200 by convention, but a load balancer, a proxy's retry or a script's
 * `curl --fail` reads the status: when the database is away (SERVICE_UNAVAILABLE) and nothing of the answer
 * could be computed, the response says 503 with Retry-After, like the REST routes.
 */
export const unavailableStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || (data && Object.values(data).some((v) => v !== null))) return;
        if (!errors.every((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', '2');
      },
    };
  },
};

import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage } from 'node:http';
import { noteActor, noteErrorCodes, recordOf } from './request-record.js';

interface ObservedContext {
  req?: IncomingMessage;
  actor?: { userId: string; role: string } | null;
}

/**
 * Tells the request's log line and metrics which operation it ran (name and type), who ran it (the context has
 * already resolved the actor) and the error codes of its answer. Registered in core/graphql/graphql.module.ts;
 * the export endpoint runs its queries through the same server and is described the same way.
 */
export function observabilityPlugin<T extends ObservedContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const record = recordOf(contextValue.req);
      if (!record) return;
      noteActor(contextValue.req, contextValue.actor ?? null);
      return {
        async didResolveOperation({ operationName, operation }) {
          record.operationName = operationName ?? null;
          if (operation) record.operationType = operation.operation;
        },
        async willSendResponse({ response, request }) {
          // A document that did not parse or validate never resolved: the name the client sent is all there is.
          if (record.operationName === undefined) record.operationName = request.operationName ?? null;
          if (response.body.kind === 'single') noteErrorCodes(record, response.body.singleResult);
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { AppConfig } from '../config/app-config.js';
import { ErrorCode } from '../errors/domain-error.js';
import { LIMITS, LimitError } from './limits.js';
import { measureOperation } from './operation-cost.js';
import type { RequestContext } from './request-context.js';

/**
 * The limits that depend on the request, not only on the document: variables (a page's `first`), the caller
 * (introspection) and the export endpoint's "queries only". Apollo caches validated documents, so validation
 * rules cannot see these; they run here, on every request, once the operation is known (getOperationAST) and
 * before anything executes. Errors thrown here are answered with their code and HTTP status.
 */
export function limitsPlugin(config: Pick<AppConfig, 'graphqlIntrospection'>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          if (contextValue.queriesOnly && operation.operation !== 'query') {
            throw new LimitError(
              `Only queries can run here, not a ${operation.operation}`,
              'queriesOnly',
              ErrorCode.BAD_USER_INPUT,
            );
          }
          const m = measureOperation(schema, document, operation, request.variables ?? {});
          if (m.introspectionFields > 0 && !contextValue.actor && config.graphqlIntrospection !== 'public') {
            throw new LimitError(
              'Sign in to read the schema (introspection is for signed-in callers here)',
              'introspection',
              ErrorCode.UNAUTHENTICATED,
              401,
            );
          }
          if (m.introspectionFields > LIMITS.maxIntrospectionFields) {
            throw new LimitError(
              `The operation asks for the schema ${m.introspectionFields} times; the limit is ${LIMITS.maxIntrospectionFields}`,
              'maxIntrospectionFields',
            );
          }
          if (m.loginFields > LIMITS.maxLoginFields) {
            throw new LimitError(
              `The operation signs in ${m.loginFields} times; the limit is ${LIMITS.maxLoginFields}`,
              'maxLoginFields',
            );
          }
          if (m.cost > LIMITS.maxCost) {
            const cost = Number.isFinite(m.cost) ? Math.round(m.cost).toLocaleString('en') : 'beyond measure';
            throw new LimitError(
              `The operation would cost about ${cost}; the limit is ${LIMITS.maxCost.toLocaleString('en')}: ask for fewer fields, smaller pages or one scope at a time`,
              'maxCost',
            );
          }
        },
      };
    },
  };
}

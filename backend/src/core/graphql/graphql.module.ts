import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { AuthService } from '../../modules/auth/auth.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DataExceptionFilter, DomainExceptionFilter } from './domain-exception.filter.js';
import { createFormatError } from './format-error.js';
import { GraphQLExecutor } from './graphql-executor.js';
import { HttpEdgeExceptionFilter } from './http-edge.js';
import { capListResults } from './list-cap.js';
import { LIMITS, armorValidationRules } from './limits.js';
import { limitsPlugin } from './limits.plugin.js';
import { LoaderFactory } from './loaders.js';
import { RequestContextFactory } from './request-context.factory.js';
import { textGuardPlugin } from './text-guard.js';
import { unavailableStatusPlugin } from './status.plugin.js';
import { GraphQLError } from 'graphql';
import { domainErrorOf } from '../database/unavailable.js';
import { httpStatusOf } from '../http/http-error.js';
import { observabilityPlugin } from '../observability/graphql-plugin.js';
import type { RequestContext } from './request-context.js';

/**
 * Building the context reads the caller's session: when that fails for a known reason (the database is away),
 * Apollo must answer with that code and status, not "Context creation failed" and 500.
 */
function contextError(err: unknown): never {
  const known = domainErrorOf(err);
  if (!known) throw err;
  throw new GraphQLError(known.message, {
    extensions: {
      code: known.code,
      http: { status: httpStatusOf(known.code), headers: new Map([['retry-after', '2']]) },
    },
  });
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [LoaderFactory, AuthService, APP_CONFIG],
      useFactory: (loaders: LoaderFactory, auth: AuthService, config: AppConfig) => {
        const contexts = new RequestContextFactory(loaders, auth);
        // Field suggestions ("Did you mean …") would spell the schema out to whoever may not introspect it.
        const armor = armorValidationRules({ blockFieldSuggestion: config.graphqlIntrospection !== 'public' });
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // Apollo's landing page loads from the internet; the bundled explorer (frontend) replaces it.
          playground: false,
          // Who may introspect is decided per request (limits.plugin.ts), by the caller and GRAPHQL_INTROSPECTION.
          introspection: true,
          csrfPrevention: true,
          // Nest would reset every answer with data to 200, the database-away 503 included (status.plugin.ts).
          // No resolver throws an HTTP status of its own: domain errors are coded, not HTTP exceptions.
          preserveHttpStatusForExecutionErrors: false,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          parseOptions: { maxTokens: LIMITS.maxTokens },
          formatError: createFormatError({ statementTimeoutMs: config.apiStatementTimeoutMs }),
          validationRules: armor.validationRules,
          // Armor is typed against @apollo/server's CommonJS declarations, we against its ESM ones: the same plugin.
          plugins: [
            ...(armor.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
            limitsPlugin(config),
            textGuardPlugin,
            unavailableStatusPlugin,
            observabilityPlugin<RequestContext>(),
          ],
          transformSchema: (schema) => capListResults(schema, LIMITS.maxListItems),
          context: ({ req }: { req: Request }): Promise<RequestContext> => contexts.create(req).catch(contextError),
        };
      },
    }),
  ],
  providers: [
    GraphQLExecutor,
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_FILTER, useClass: HttpEdgeExceptionFilter },
    { provide: APP_FILTER, useClass: DataExceptionFilter },
  ],
  // GraphQLExecutor, for the endpoints that run queries outside /graphql (export).
  exports: [GraphQLModule, GraphQLExecutor],
})
export class AppGraphQLModule {}

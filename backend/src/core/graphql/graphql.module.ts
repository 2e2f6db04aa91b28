import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DataExceptionFilter, DomainExceptionFilter } from './domain-exception.filter.js';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { formatError } from './format-error.js';
import { queryLimits } from './query-limits.js';
import { textGuardPlugin } from './text-guard.js';
import { LoaderFactory } from './loaders.js';
import { AuthService } from '../../modules/auth/auth.service.js';
import type { RequestContext } from './request-context.js';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [LoaderFactory, AuthService],
      useFactory: (loaders: LoaderFactory, auth: AuthService) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        // Apollo's landing page loads from the internet; the bundled explorer (frontend) replaces it.
        playground: false,
        introspection: true,
        csrfPrevention: true,
        formatError,
        validationRules: [queryLimits()],
        plugins: [textGuardPlugin],
        context: async ({ req }: { req: Request }): Promise<RequestContext> => {
          const { actor, problem } = await auth.actorFromRequest(req);
          return { req, loaders: loaders.create(), actor, authProblem: problem };
        },
      }),
    }),
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_FILTER, useClass: DataExceptionFilter },
  ],
  // GraphQLSchemaHost, for the export endpoint that runs queries itself.
  exports: [GraphQLModule],
})
export class AppGraphQLModule {}

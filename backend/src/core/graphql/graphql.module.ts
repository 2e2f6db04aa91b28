import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DomainExceptionFilter } from './domain-exception.filter.js';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { formatError } from './format-error.js';
import { LoaderFactory } from './loaders.js';
import type { RequestContext } from './request-context.js';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [LoaderFactory],
      useFactory: (loaders: LoaderFactory) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        // Apollo's landing page loads from the internet; the bundled explorer (frontend) replaces it.
        playground: false,
        introspection: true,
        csrfPrevention: true,
        formatError,
        context: ({ req }: { req: Request }): RequestContext => ({ req, loaders: loaders.create() }),
      }),
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
})
export class AppGraphQLModule {}

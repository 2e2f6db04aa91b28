import type { ApolloServer } from '@apollo/server';
import type { ApolloDriver } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { AuthService } from '../../modules/auth/auth.service.js';
import { httpStatusOf } from './format-error.js';
import { LoaderFactory } from './loaders.js';
import { RequestContextFactory } from './request-context.factory.js';
import type { RequestContext } from './request-context.js';

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface ExecutedOperation {
  /** The HTTP status /graphql would answer (400 for a refused document, 200 once it ran). */
  status: number;
  data: Record<string, unknown> | null;
  errors: readonly GraphQLFormattedError[];
}

/**
 * Runs an operation for an endpoint other than /graphql through the same Apollo Server: the same parser limits,
 * validation rules, limits plugin, context and error formatting (executeOperation), only without HTTP.
 */
@Injectable()
export class GraphQLExecutor {
  private readonly contexts: RequestContextFactory;

  constructor(
    private readonly moduleRef: ModuleRef,
    loaders: LoaderFactory,
    auth: AuthService,
  ) {
    this.contexts = new RequestContextFactory(loaders, auth);
  }

  async execute(
    req: Request,
    body: GraphQLRequestBody,
    options: Pick<RequestContext, 'queriesOnly'> = {},
  ): Promise<ExecutedOperation> {
    const module = this.moduleRef.get<GraphQLModule<ApolloDriver>>(GraphQLModule, { strict: false });
    const server = module.graphQlAdapter.instance as unknown as ApolloServer<RequestContext>;
    const contextValue = await this.contexts.create(req, options);
    const response = await server.executeOperation(body, { contextValue });
    if (response.body.kind !== 'single') {
      return {
        status: 400,
        data: null,
        errors: [{ message: '@defer and @stream are not supported here', extensions: { code: 'BAD_REQUEST' } }],
      };
    }
    const { data, errors = [] } = response.body.singleResult;
    const code = errors[0]?.extensions?.code;
    const status = response.http.status ?? (typeof code === 'string' ? httpStatusOf(code) : 200);
    return { status, data: (data as Record<string, unknown> | null | undefined) ?? null, errors };
  }
}

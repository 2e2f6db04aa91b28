import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/request-context.js';
import type { Actor } from './actor.js';

/** The caller resolved from the request's bearer token (null when anonymous). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().actor;
});

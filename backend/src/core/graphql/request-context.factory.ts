import type { Request } from 'express';
import { AuthService } from '../../modules/auth/auth.service.js';
import { LoaderFactory } from './loaders.js';
import type { RequestContext } from './request-context.js';

/** The one way a request's GraphQL context is made: /graphql and the export endpoint alike. */
export class RequestContextFactory {
  constructor(
    private readonly loaders: LoaderFactory,
    private readonly auth: AuthService,
  ) {}

  async create(req: Request, options: Pick<RequestContext, 'queriesOnly'> = {}): Promise<RequestContext> {
    const { actor, problem } = await this.auth.actorFromRequest(req);
    return { req, loaders: this.loaders.create(), actor, authProblem: problem, ...options };
  }
}

import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UnauthenticatedError, type Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { AuthService } from './auth.service.js';
import { AuthPayloadModel, LoginInput, UserModel } from './dto/auth.model.js';

function toUser(a: Actor): UserModel {
  return { id: a.userId, email: a.email, role: a.role as UserModel['role'], provinceCode: a.provinceCode, readOnly: a.readOnly };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadModel, { description: 'Sign in; the token expires (see expiresAt).' })
  async login(@Args('input') input: LoginInput): Promise<AuthPayloadModel> {
    const { token, expiresAt, actor } = await this.auth.login(input.email, input.password);
    return { token, expiresAt, user: toUser(actor) };
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor | null, @Context() ctx: RequestContext): UserModel {
    if (!actor) throw new UnauthenticatedError(ctx.authProblem ?? 'Sign in first');
    return toUser(actor);
  }
}

import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UnauthenticatedError, type Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { AuthService } from './auth.service.js';
import { AuthPayloadModel, LoginInput, UserModel } from './dto/auth.model.js';

function toUser(a: Actor): UserModel {
  return {
    id: a.userId,
    email: a.email,
    role: a.role as UserModel['role'],
    provinceCode: a.provinceCode,
    readOnly: a.readOnly,
  };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadModel, {
    description: 'Sign in; the token expires (see expiresAt). Every refusal has the same code and message.',
  })
  async login(@Args('input') input: LoginInput, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    const { token, expiresAt, actor } = await this.auth.login(input.email, input.password, ctx.req?.ip);
    return { token, expiresAt, user: toUser(actor) };
  }

  @Mutation(() => Boolean, { description: 'Sign out: the sign-in token sent with this request stops working at once.' })
  logout(@CurrentActor() actor: Actor | null, @Context() ctx: RequestContext): Promise<boolean> {
    if (!actor) throw new UnauthenticatedError(ctx.authProblem ?? 'Sign in first');
    return this.auth.logout(actor, ctx.req?.ip);
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor | null, @Context() ctx: RequestContext): UserModel {
    if (!actor) throw new UnauthenticatedError(ctx.authProblem ?? 'Sign in first');
    return toUser(actor);
  }
}

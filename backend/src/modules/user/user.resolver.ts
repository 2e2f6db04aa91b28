import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { AuthPayloadModel } from '../auth/dto/auth.model.js';
import {
  ChangeOwnPasswordInput,
  CreateUserInput,
  SetPasswordInput,
  UpdateUserInput,
  UserIdInput,
} from './dto/user.input.js';
import {
  OidcSignInOptionModel,
  PasswordLinkInfoModel,
  PasswordLinkModel,
  UserAccountModel,
  UserAccountPageModel,
  UserFilterInput,
} from './dto/user.model.js';
import { OidcService } from './oidc.service.js';
import { UserPasswordService } from './user-password.service.js';
import { UserService } from './user.service.js';

function payload(r: { token: string; expiresAt: Date; actor: Actor }): AuthPayloadModel {
  const a = r.actor;
  return {
    token: r.token,
    expiresAt: r.expiresAt,
    user: {
      id: a.userId,
      email: a.email,
      role: a.role as AuthPayloadModel['user']['role'],
      provinceCode: a.provinceCode,
      readOnly: a.readOnly,
    },
  };
}

@Resolver()
export class UserResolver {
  constructor(
    private readonly accounts: UserService,
    private readonly passwords: UserPasswordService,
    private readonly oidc: OidcService,
  ) {}

  @Query(() => UserAccountPageModel, { description: 'Accounts, by e-mail (administrators).' })
  users(
    @CurrentActor() actor: Actor | null,
    @Args('filter', { type: () => UserFilterInput, nullable: true }) filter: UserFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.accounts.list(actor, filter, first, after);
  }

  @Query(() => UserAccountModel, { description: 'One account (administrators).' })
  user(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.accounts.account(actor, id);
  }

  @Mutation(() => PasswordLinkModel, {
    description: 'Create an account and its invitation link, valid 72 hours, shown this once (administrators).',
  })
  createUser(@CurrentActor() actor: Actor | null, @Args('input') input: CreateUserInput) {
    return this.accounts.createUser(actor, input);
  }

  @Mutation(() => UserAccountModel, {
    description:
      'Change role, province, name or active flag (administrators). A change of role, province or active flag signs the user out.',
  })
  updateUser(@CurrentActor() actor: Actor | null, @Args('input') input: UpdateUserInput) {
    return this.accounts.updateUser(actor, input);
  }

  @Mutation(() => UserAccountModel, {
    description:
      'Deactivate an account: it cannot sign in, its sessions, API tokens and links are revoked (administrators).',
  })
  deactivateUser(@CurrentActor() actor: Actor | null, @Args('input') input: UserIdInput) {
    return this.accounts.deactivateUser(actor, input.id, input.reason ?? null);
  }

  @Mutation(() => PasswordLinkModel, {
    description: 'Clear the password, sign the user out everywhere, and issue a set-password link (administrators).',
  })
  resetUserPassword(@CurrentActor() actor: Actor | null, @Args('input') input: UserIdInput) {
    return this.accounts.resetUserPassword(actor, input.id, input.reason ?? null);
  }

  @Query(() => PasswordLinkInfoModel, {
    nullable: true,
    description: 'The account a set-password link is for; null when the link cannot be used.',
  })
  passwordLink(@Args('token') token: string) {
    return this.passwords.linkInfo(token);
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Choose a password through a set-password link (single use); signs in.',
  })
  async setPassword(@Args('input') input: SetPasswordInput, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    return payload(await this.passwords.setPassword(input.token, input.newPassword, ctx.req?.ip));
  }

  @Mutation(() => AuthPayloadModel, {
    description: 'Change your own password: every other session is signed out; use the new token returned.',
  })
  async changeOwnPassword(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: ChangeOwnPasswordInput,
    @Context() ctx: RequestContext,
  ): Promise<AuthPayloadModel> {
    return payload(
      await this.passwords.changeOwnPassword(actor, input.currentPassword, input.newPassword, ctx.req?.ip),
    );
  }

  @Query(() => OidcSignInOptionModel, {
    nullable: true,
    description: "Sign-in through the agency's identity provider; null when not configured.",
  })
  oidcSignIn(): OidcSignInOptionModel | null {
    return this.oidc.option();
  }
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { UserRole } from '../app-user.entity.js';
import { PasswordTokenKind } from '../password-token.entity.js';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(PasswordTokenKind, {
  name: 'PasswordLinkKind',
  description: 'INVITATION for a new account, RESET when an administrator reset the password',
});

@ObjectType('UserAccount', { description: 'An account as administrators manage it.' })
export class UserAccountModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: "The officer's province (ISO code); null for other roles" })
  provinceCode: string | null;

  @Field({
    description: 'False once deactivated: the account cannot sign in and its sessions and API tokens were revoked',
  })
  active: boolean;

  @Field({ description: 'One of the demo accounts (published password)' })
  isDemo: boolean;

  @Field({
    description: 'False while an invitation waits to be used, after a reset, and for identity-provider accounts',
  })
  hasPassword: boolean;

  @Field({ description: "Bound to an account at the agency's identity provider (OpenID Connect)" })
  oidcLinked: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('UserAccountPage')
export class UserAccountPageModel {
  @Field(() => [UserAccountModel])
  items: UserAccountModel[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}

@ObjectType('PasswordLink', {
  description:
    'A single-use set-password link, shown this once (only its hash is stored). The product sends no e-mail yet: hand the link to its owner.',
})
export class PasswordLinkModel {
  @Field(() => UserAccountModel)
  user: UserAccountModel;

  @Field(() => PasswordTokenKind)
  kind: PasswordTokenKind;

  @Field({ description: 'The secret part of the link' })
  token: string;

  @Field({ description: 'The link without the host: /set-password?token=…' })
  setPasswordPath: string;

  @Field()
  expiresAt: Date;
}

@ObjectType('PasswordLinkInfo', { description: 'What the set-password page shows before a password is chosen.' })
export class PasswordLinkInfoModel {
  @Field()
  email: string;

  @Field(() => PasswordTokenKind)
  kind: PasswordTokenKind;

  @Field()
  expiresAt: Date;
}

@ObjectType('OidcSignInOption', { description: "Sign-in through the agency's identity provider, when configured." })
export class OidcSignInOptionModel {
  @Field({ description: 'The agency, for "Sign in with <label>"' })
  label: string;

  @Field({ description: 'Where the browser goes to start the sign-in' })
  startPath: string;
}

@InputType('UserFilter')
export class UserFilterInput {
  @Field(() => UserRole, { nullable: true })
  role?: UserRole | null;

  @Field(() => String, { nullable: true })
  provinceCode?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the e-mail or the display name' })
  search?: string | null;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { UserRole } from '../app-user.entity.js';

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: 'Required for officers (TH-xx), refused for other roles' })
  provinceCode?: string | null;
}

@InputType('UpdateUserInput', { description: 'Only the fields given change.' })
export class UpdateUserInput {
  @Field(() => ID)
  id: string;

  @Field(() => UserRole, { nullable: true })
  role?: UserRole | null;

  @Field(() => String, {
    nullable: true,
    description: "An officer's province; other roles have none (it is cleared when the role changes)",
  })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why, for the audit trail' })
  reason?: string | null;
}

@InputType('UserIdInput')
export class UserIdInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Why, for the audit trail' })
  reason?: string | null;
}

@InputType('SetPasswordInput')
export class SetPasswordInput {
  @Field({ description: 'The token of a set-password link' })
  token: string;

  @Field()
  newPassword: string;
}

@InputType('ChangeOwnPasswordInput')
export class ChangeOwnPasswordInput {
  @Field()
  currentPassword: string;

  @Field()
  newPassword: string;
}

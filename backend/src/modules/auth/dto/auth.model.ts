import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UserRole } from '../../user/app-user.entity.js';

registerEnumType(UserRole, { name: 'UserRole' });

@ObjectType('User', { description: 'A signed-in user.' })
export class UserModel {
  @Field()
  id: string;

  @Field()
  email: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => String, { nullable: true, description: "The officer's province (ISO code); null for other roles" })
  provinceCode: string | null;

  @Field({ description: 'True for API tokens, which may only read' })
  readOnly: boolean;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as "Authorization: Bearer <token>"' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserModel)
  user: UserModel;
}

@InputType('LoginInput')
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

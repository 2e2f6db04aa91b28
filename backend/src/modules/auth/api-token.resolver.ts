import { Args, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ApiTokenService, DEFAULT_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS } from './api-token.service.js';

@ObjectType('ApiToken', { description: 'A read-only token for scripts; the secret itself is shown only when created.' })
export class ApiTokenModel {
  @Field()
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The first characters, to recognise the token' })
  prefix: string;

  @Field()
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenModel {
  @Field({ description: 'Send as "Authorization: Bearer <token>". Shown this once: copy it now.' })
  token: string;

  @Field(() => ApiTokenModel)
  apiToken: ApiTokenModel;
}

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field()
  name: string;

  @Field(() => Int, {
    defaultValue: DEFAULT_API_TOKEN_DAYS,
    description: `Days until it expires: 1–${MAX_API_TOKEN_DAYS} (every token expires)`,
  })
  expiresInDays: number;
}

@InputType('RevokeApiTokenInput')
export class RevokeApiTokenInput {
  @Field()
  id: string;
}

@Resolver(() => ApiTokenModel)
export class ApiTokenResolver {
  constructor(private readonly apiTokens: ApiTokenService) {}

  @Query(() => [ApiTokenModel], { description: "The signed-in user's API tokens (never the secrets)." })
  myApiTokens(@CurrentActor() actor: Actor | null) {
    return this.apiTokens.list(actor);
  }

  @Mutation(() => CreatedApiTokenModel, { description: 'Create a read-only API token for scripts (analysts).' })
  async createApiToken(
    @CurrentActor() actor: Actor | null,
    @Args('input') input: CreateApiTokenInput,
  ): Promise<CreatedApiTokenModel> {
    const { token, info } = await this.apiTokens.create(actor, input.name, input.expiresInDays);
    return { token, apiToken: info };
  }

  @Mutation(() => ApiTokenModel, { description: 'Revoke one of your API tokens; it stops working at once.' })
  revokeApiToken(@CurrentActor() actor: Actor | null, @Args('input') input: RevokeApiTokenInput) {
    return this.apiTokens.revoke(actor, input.id);
  }
}

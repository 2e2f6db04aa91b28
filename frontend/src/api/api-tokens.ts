import { gql } from '@urql/core';

/** An analyst's API token as listed: never the secret, only its first characters. */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the token ("dgm_AbCdEf"), to recognise it. */
  prefix: string;
  createdAt: string;
  /** null: never expires. */
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const API_TOKEN_FIELDS = 'id name prefix createdAt expiresAt lastUsedAt revokedAt';

export const MyApiTokensQuery = gql<{ myApiTokens: ApiToken[] }, Record<string, never>>`
  query MyApiTokens { myApiTokens { ${API_TOKEN_FIELDS} } }
`;

export interface CreateApiTokenVariables {
  name: string;
  /** 1–730; null for a token that never expires. */
  expiresInDays: number | null;
}

export interface CreateApiTokenData {
  /** The secret is in `token`, this once; only its SHA-256 hash is stored. */
  createApiToken: { token: string; apiToken: ApiToken };
}

export const CreateApiTokenMutation = gql<CreateApiTokenData, CreateApiTokenVariables>`
  mutation CreateApiToken($name: String!, $expiresInDays: Int) {
    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) { token apiToken { ${API_TOKEN_FIELDS} } }
  }
`;

export const RevokeApiTokenMutation = gql<{ revokeApiToken: ApiToken }, { id: string }>`
  mutation RevokeApiToken($id: String!) { revokeApiToken(input: { id: $id }) { ${API_TOKEN_FIELDS} } }
`;

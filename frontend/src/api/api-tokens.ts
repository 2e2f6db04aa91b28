import { gql } from '@urql/core';

/** An analyst's API token as listed: never the secret, only its first characters. */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the token ("dgm_AbCdEf"), to recognise it. */
  prefix: string;
  createdAt: string;
  /** Every token expires (at most 365 days after its creation). */
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The longest lifetime the server accepts, in days; it refuses tokens that never expire. */
export const MAX_API_TOKEN_DAYS = 365;

export const API_TOKEN_FIELDS = 'id name prefix createdAt expiresAt lastUsedAt revokedAt';

export const MyApiTokensQuery = gql<{ myApiTokens: ApiToken[] }, Record<string, never>>`
  query MyApiTokens { myApiTokens { ${API_TOKEN_FIELDS} } }
`;

export interface CreateApiTokenVariables {
  name: string;
  /** 1–MAX_API_TOKEN_DAYS. */
  expiresInDays: number;
}

export interface CreateApiTokenData {
  /** The secret is in `token`, this once; only its SHA-256 hash is stored. */
  createApiToken: { token: string; apiToken: ApiToken };
}

export const CreateApiTokenMutation = gql<CreateApiTokenData, CreateApiTokenVariables>`
  mutation CreateApiToken($name: String!, $expiresInDays: Int!) {
    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) { token apiToken { ${API_TOKEN_FIELDS} } }
  }
`;

export const RevokeApiTokenMutation = gql<{ revokeApiToken: ApiToken }, { id: string }>`
  mutation RevokeApiToken($id: String!) { revokeApiToken(input: { id: $id }) { ${API_TOKEN_FIELDS} } }
`;

import { gql } from '@urql/core';

/**
 * ADMIN: everything. PLANNER: all provinces, approves and returns reports.
 * OFFICER: one province's reports. ANALYST: reads approved data.
 */
export const USER_ROLES = ['ADMIN', 'PLANNER', 'OFFICER', 'ANALYST'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  email: string;
  role: UserRole;
  /** The officer's province (ISO 3166-2:TH); null for other roles. */
  provinceCode: string | null;
  /** API tokens may only read. */
  readOnly: boolean;
}

export interface LoginMutationData {
  login: { token: string; expiresAt: string; user: User };
}

export const LoginMutation = gql<LoginMutationData, { email: string; password: string }>`
  mutation Login($email: String!, $password: String!) {
    login(input: { email: $email, password: $password }) {
      token
      expiresAt
      user {
        id
        email
        role
        provinceCode
        readOnly
      }
    }
  }
`;

export const MeQuery = gql<{ me: User }, Record<string, never>>`
  query Me {
    me {
      id
      email
      role
      provinceCode
      readOnly
    }
  }
`;

/** Revokes the sign-in token sent with it on the server, so that a copy of it stops working too. */
export const LogoutMutation = gql<{ logout: boolean }, Record<string, never>>`
  mutation Logout {
    logout
  }
`;

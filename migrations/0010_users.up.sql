-- 0010 users: accounts are managed in the product (issue "Operations", item 4). An invited account has no password
-- until its owner sets one through a single-use link; an account that signs in through the agency's identity
-- provider (OpenID Connect) may never have one.

ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'USER_CREATED';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'USER_CHANGED';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'PASSWORD_LINK_ISSUED';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'PASSWORD_CHANGED';

-- NULL: no password yet (or ever, for identity-provider accounts); such an account cannot sign in with one.
-- Relaxing NOT NULL is one step and safe for older replicas, which only ever write hashes.
ALTER TABLE "app_user" ALTER COLUMN "password_hash" DROP NOT NULL;

-- The identity provider's stable subject ("iss sub"), bound at the first sign-in through it: later sign-ins find
-- the account by it even if the e-mail changes at the provider.
ALTER TABLE "app_user" ADD COLUMN "oidc_subject" character varying(512);
CREATE UNIQUE INDEX "uq_app_user_oidc_subject" ON "app_user" ("oidc_subject");

-- Set-password links: an invitation for a new account, or a reset issued by an administrator. Only the SHA-256 of
-- the token is stored (like API tokens), so a copy of the database signs nobody in. Single use (used_at), expiring.
CREATE TYPE "public"."password_token_kind" AS ENUM('INVITATION', 'RESET');
CREATE TABLE "password_token" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "user_id" uuid NOT NULL,
  "kind" "public"."password_token_kind" NOT NULL,
  "token_hash" character(64) NOT NULL,
  "created_by_id" uuid,
  "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
  "used_at" TIMESTAMP WITH TIME ZONE,
  "revoked_at" TIMESTAMP WITH TIME ZONE,
  CONSTRAINT "pk_password_token" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_password_token_token_hash" ON "password_token" ("token_hash");
CREATE INDEX "idx_password_token_user_id" ON "password_token" ("user_id");
ALTER TABLE "password_token" ADD CONSTRAINT "fk_password_token_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "password_token" ADD CONSTRAINT "fk_password_token_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION;

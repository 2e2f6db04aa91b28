-- 0004 API tokens for analysts: read-only, stored as a SHA-256 hash, revocable.
CREATE TABLE "api_token" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "user_id" uuid NOT NULL,
  "name" text NOT NULL,
  "prefix" character varying(16) NOT NULL,
  "token_hash" character(64) NOT NULL,
  "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "expires_at" TIMESTAMP WITH TIME ZONE,
  "last_used_at" TIMESTAMP WITH TIME ZONE,
  "revoked_at" TIMESTAMP WITH TIME ZONE,
  CONSTRAINT "pk_api_token" PRIMARY KEY ("id")
);
CREATE INDEX "idx_api_token_user_id" ON "api_token" ("user_id");
CREATE UNIQUE INDEX "uq_api_token_hash" ON "api_token" ("token_hash");
ALTER TABLE "api_token" ADD CONSTRAINT "fk_api_token_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

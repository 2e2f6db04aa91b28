-- Reverts 0010. The audit_action values stay: PostgreSQL cannot drop one value of an enum without rebuilding the
-- type, which would mean deleting their rows from an audit trail that is append-only (0008). Unused values are
-- harmless, and 0010 adds them again only if missing.
DROP TABLE "password_token";
DROP TYPE "public"."password_token_kind";
DROP INDEX "uq_app_user_oidc_subject";
ALTER TABLE "app_user" DROP COLUMN "oidc_subject";
-- Accounts without a password get a value no password matches (not an argon2 string), so NOT NULL holds again.
UPDATE "app_user" SET "password_hash" = '!' WHERE "password_hash" IS NULL;
ALTER TABLE "app_user" ALTER COLUMN "password_hash" SET NOT NULL;

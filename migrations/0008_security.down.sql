-- Reverts 0008. The expiry given to API tokens and the revocations stay (they are data, and safer kept).
DROP TRIGGER IF EXISTS "trg_audit_event_no_truncate" ON "audit_event";
DROP TRIGGER IF EXISTS "trg_audit_event_no_update" ON "audit_event";
DROP FUNCTION IF EXISTS "audit_event_append_only"();
ALTER TABLE "audit_event" DROP CONSTRAINT IF EXISTS "chk_audit_event_reason_length";

DROP TRIGGER IF EXISTS "trg_app_user_revoke_credentials" ON "app_user";
DROP FUNCTION IF EXISTS "app_user_revoke_credentials"();

DROP TABLE "user_session";
DROP TABLE "login_throttle";
DROP TYPE "public"."login_throttle_kind";

-- PostgreSQL cannot drop one value of an enum: rebuild the type without the security events (deleted first, as
-- their values disappear). The partial index of 0007 compares with the type, so it is rebuilt around the change.
DELETE FROM "audit_event" WHERE "action"::text IN ('SIGNED_IN', 'SIGN_IN_FAILED', 'SIGN_IN_LOCKED', 'SIGNED_OUT', 'API_TOKEN_CREATED', 'API_TOKEN_REVOKED');
DROP INDEX IF EXISTS "idx_audit_event_framework";
ALTER TYPE "public"."audit_action" RENAME TO "audit_action_old";
CREATE TYPE "public"."audit_action" AS ENUM('VALUE_CHANGED', 'OBSTACLES_CHANGED', 'RESPONDENT_CHANGED', 'ACTION_ITEM_CHANGED', 'STATUS_CHANGED', 'WINDOW_EXTENDED', 'IMPORTED', 'FRAMEWORK_CHANGED');
ALTER TABLE "audit_event" ALTER COLUMN "action" TYPE "public"."audit_action" USING "action"::text::"public"."audit_action";
DROP TYPE "public"."audit_action_old";
CREATE INDEX "idx_audit_event_framework" ON "audit_event" ("at" DESC, "id" DESC) WHERE "action" = 'FRAMEWORK_CHANGED';

-- Reverts 0005. PostgreSQL cannot drop one value of an enum: rebuild the type without it
-- (framework events are deleted first, as the value they use disappears).
DELETE FROM "audit_event" WHERE "action" = 'FRAMEWORK_CHANGED';
ALTER TYPE "public"."audit_action" RENAME TO "audit_action_old";
CREATE TYPE "public"."audit_action" AS ENUM('VALUE_CHANGED', 'OBSTACLES_CHANGED', 'RESPONDENT_CHANGED', 'ACTION_ITEM_CHANGED', 'STATUS_CHANGED', 'WINDOW_EXTENDED', 'IMPORTED');
ALTER TABLE "audit_event" ALTER COLUMN "action" TYPE "public"."audit_action" USING "action"::text::"public"."audit_action";
DROP TYPE "public"."audit_action_old";

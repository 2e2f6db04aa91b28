-- Reverts 0002 reporting (the audit trail is lost).
ALTER TABLE "obstacle_response" DROP COLUMN "comment";
ALTER TABLE "obstacle_response" DROP COLUMN "evidence_url";
ALTER TABLE "obstacle_response" DROP COLUMN "obstacle_note";
ALTER TABLE "obstacle_response" DROP COLUMN "as_of_date";
DROP TABLE "audit_event";
DROP TYPE "public"."audit_action";

-- 0002 reporting: the audit trail, and per-respondent details a spreadsheet row carries.

CREATE TYPE "public"."audit_action" AS ENUM('VALUE_CHANGED', 'OBSTACLES_CHANGED', 'RESPONDENT_CHANGED', 'ACTION_ITEM_CHANGED', 'STATUS_CHANGED', 'WINDOW_EXTENDED', 'IMPORTED');
CREATE TABLE "audit_event" (
  "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "user_id" uuid,
  "action" "public"."audit_action" NOT NULL,
  "report_id" integer,
  "org_unit_id" integer,
  "data_element_id" smallint,
  "quarter_id" smallint,
  "old_value" jsonb,
  "new_value" jsonb,
  "reason" text,
  CONSTRAINT "pk_audit_event" PRIMARY KEY ("id")
);
-- The history of one report, and of one value (element × org unit × quarter), newest last.
CREATE INDEX "idx_audit_event_report_id_at" ON "audit_event" ("report_id", "at");
CREATE INDEX "idx_audit_event_value" ON "audit_event" ("data_element_id", "org_unit_id", "quarter_id", "at");
-- The trail outlives users and reports: their removal keeps the rows with a null reference.
ALTER TABLE "audit_event" ADD CONSTRAINT "fk_audit_event_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "audit_event" ADD CONSTRAINT "fk_audit_event_report_id" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE SET NULL ON UPDATE NO ACTION;

-- Nullable additions: existing rows need no value.
ALTER TABLE "obstacle_response" ADD "as_of_date" date;
ALTER TABLE "obstacle_response" ADD "obstacle_note" text;
ALTER TABLE "obstacle_response" ADD "evidence_url" text;
ALTER TABLE "obstacle_response" ADD "comment" text;

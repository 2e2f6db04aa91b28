-- 0008 security: sign-in throttling and sessions kept in PostgreSQL (so they hold across replicas), API tokens
-- that expire, sign-in and token events in an audit trail the database itself keeps append-only.

-- Security events join the audit trail. (A new enum value cannot be used in the transaction that adds it:
-- nothing below uses these.)
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'SIGNED_IN';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'SIGN_IN_FAILED';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'SIGN_IN_LOCKED';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'SIGNED_OUT';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'API_TOKEN_CREATED';
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'API_TOKEN_REVOKED';

-- Sign-in attempts per client address, per account (the e-mail as typed, known or not, so that the throttle
-- says nothing about which accounts exist) and per account from an address its owner signed in from.
CREATE TYPE "public"."login_throttle_kind" AS ENUM('ADDRESS', 'ACCOUNT', 'ACCOUNT_ADDRESS');
CREATE TABLE "login_throttle" (
  "kind" "public"."login_throttle_kind" NOT NULL,
  "key" character varying(320) NOT NULL,
  "attempts" integer NOT NULL DEFAULT '0',
  "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
  "locked_until" TIMESTAMP WITH TIME ZONE,
  "lock_count" integer NOT NULL DEFAULT '0',
  "refused" integer NOT NULL DEFAULT '0',
  "trusted_until" TIMESTAMP WITH TIME ZONE,
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT "pk_login_throttle" PRIMARY KEY ("kind", "key")
);
-- Old rows are purged by age.
CREATE INDEX "idx_login_throttle_updated_at" ON "login_throttle" ("updated_at");

-- One row per sign-in token: signing out revokes it, on every replica at once.
CREATE TABLE "user_session" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "user_id" uuid NOT NULL,
  "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
  "revoked_at" TIMESTAMP WITH TIME ZONE,
  CONSTRAINT "pk_user_session" PRIMARY KEY ("id")
);
CREATE INDEX "idx_user_session_user_id" ON "user_session" ("user_id");
CREATE INDEX "idx_user_session_expires_at" ON "user_session" ("expires_at");
ALTER TABLE "user_session" ADD CONSTRAINT "fk_user_session_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- A new password signs the user out everywhere; a new role, province or deactivation also revokes the API tokens
-- (a token reads with its owner's current scope). A trigger, so that every path that changes a user (a future
-- admin screen, the CLI, plain SQL) does it.
CREATE FUNCTION "app_user_revoke_credentials"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.role IS DISTINCT FROM OLD.role
     OR NEW.province_id IS DISTINCT FROM OLD.province_id OR NEW.is_active IS DISTINCT FROM OLD.is_active THEN
    UPDATE "user_session" SET "revoked_at" = now() WHERE "user_id" = NEW.id AND "revoked_at" IS NULL;
  END IF;
  IF NEW.role IS DISTINCT FROM OLD.role OR NEW.province_id IS DISTINCT FROM OLD.province_id OR NEW.is_active IS DISTINCT FROM OLD.is_active THEN
    UPDATE "api_token" SET "revoked_at" = now() WHERE "user_id" = NEW.id AND "revoked_at" IS NULL;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "trg_app_user_revoke_credentials" AFTER UPDATE OF "password_hash", "role", "province_id", "is_active" ON "app_user"
  FOR EACH ROW EXECUTE FUNCTION "app_user_revoke_credentials"();

-- API tokens expire (at most 365 days, enforced by the service). Tokens without an expiry get 90 days from now,
-- so that their owners see the date before they stop working; longer ones are cut to a year after creation (not
-- sooner than 30 days from now). Tokens of non-analysts are revoked: only analysts may hold tokens from now on.
UPDATE "api_token" SET "expires_at" = now() + interval '90 days' WHERE "expires_at" IS NULL AND "revoked_at" IS NULL;
UPDATE "api_token" SET "expires_at" = GREATEST("created_at" + interval '365 days', now() + interval '30 days')
 WHERE "expires_at" > GREATEST("created_at" + interval '365 days', now() + interval '30 days');
UPDATE "api_token" t SET "revoked_at" = now() FROM "app_user" u
 WHERE u.id = t.user_id AND u.role <> 'ANALYST' AND t.revoked_at IS NULL;

-- A backstop for every module's reasons: services refuse long ones first with a located problem (core/audit-reason.ts,
-- 1,000 characters); this leaves them room to raise that. NOT VALID leaves older rows alone.
ALTER TABLE "audit_event" ADD CONSTRAINT "chk_audit_event_reason_length" CHECK (char_length(reason) <= 2000) NOT VALID;

-- The audit trail is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused, whoever asks.
-- The one update allowed is PostgreSQL's own ON DELETE SET NULL when a user or a report is deleted (run by its
-- referential-integrity trigger, hence trigger depth > 1), and it may change nothing but that reference.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested IFs: NEW is unassigned for DELETE and TRUNCATE, so it is read only for an UPDATE.
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    IF (NEW.user_id IS NULL OR NEW.user_id = OLD.user_id)
       AND (NEW.report_id IS NULL OR NEW.report_id = OLD.report_id)
       AND (NEW.id, NEW.at, NEW.action, NEW.org_unit_id, NEW.data_element_id, NEW.quarter_id, NEW.old_value, NEW.new_value, NEW.reason)
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.action, OLD.org_unit_id, OLD.data_element_id, OLD.quarter_id, OLD.old_value, OLD.new_value, OLD.reason) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "trg_audit_event_no_update" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "trg_audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

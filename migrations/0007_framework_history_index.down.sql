-- Reverts 0007.
DROP INDEX IF EXISTS "idx_audit_event_framework";

-- 0007: the framework history (frameworkHistory, newest first) reads its page from an index instead of
-- scanning an audit trail that grows with every value change and import.
CREATE INDEX "idx_audit_event_framework" ON "audit_event" ("at" DESC, "id" DESC) WHERE "action" = 'FRAMEWORK_CHANGED';

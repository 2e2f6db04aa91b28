-- 0005: framework changes (indicators, targets, recommendations) enter the audit trail.
ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'FRAMEWORK_CHANGED';

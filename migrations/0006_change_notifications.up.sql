-- 0006: every committed change that analytics read notifies the servers (LISTEN digigov_data_changed), so
-- that cached analytics are dropped at once. NOTIFY is delivered after commit and costs no lock; several
-- notifications of one transaction with the same payload arrive once.
CREATE FUNCTION "notify_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('digigov_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "trg_report_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "report" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_indicator_rollup_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_data_value_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "data_value" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_obstacle_response_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "obstacle_response" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_obstacle_answer_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "obstacle_answer" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_target_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "target" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_indicator_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_action_item_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "action_item" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_recommendation_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendation" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_recommendation_obstacle_category_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendation_obstacle_category" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_recommendation_indicator_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recommendation_indicator" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_org_unit_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_unit" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
CREATE TRIGGER "trg_published_value_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "published_value" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();

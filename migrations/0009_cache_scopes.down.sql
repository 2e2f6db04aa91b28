-- Reverts 0009: notifications carry the table's name again, and every one empties the whole cache.
DROP TRIGGER "trg_report_notify_insert" ON "report";
DROP TRIGGER "trg_report_notify_update" ON "report";
DROP TRIGGER "trg_report_notify_delete" ON "report";
DROP TRIGGER "trg_report_notify_truncate" ON "report";
DROP TRIGGER "trg_indicator_rollup_notify_insert" ON "indicator_rollup";
DROP TRIGGER "trg_indicator_rollup_notify_update" ON "indicator_rollup";
DROP TRIGGER "trg_indicator_rollup_notify_delete" ON "indicator_rollup";
DROP TRIGGER "trg_indicator_rollup_notify_truncate" ON "indicator_rollup";
DROP TRIGGER "trg_obstacle_response_notify_insert" ON "obstacle_response";
DROP TRIGGER "trg_obstacle_response_notify_update" ON "obstacle_response";
DROP TRIGGER "trg_obstacle_response_notify_delete" ON "obstacle_response";
DROP TRIGGER "trg_obstacle_response_notify_truncate" ON "obstacle_response";
DROP TRIGGER "trg_obstacle_answer_notify_insert" ON "obstacle_answer";
DROP TRIGGER "trg_obstacle_answer_notify_update" ON "obstacle_answer";
DROP TRIGGER "trg_obstacle_answer_notify_delete" ON "obstacle_answer";
DROP TRIGGER "trg_obstacle_answer_notify_truncate" ON "obstacle_answer";
DROP FUNCTION "notify_obstacle_answers_changed"();
DROP FUNCTION "notify_report_rows_changed"();
DROP FUNCTION "notify_report_changed"();
DROP FUNCTION "notify_reports_changed"(integer[]);
DROP FUNCTION "notify_report_changes"(report_status[], smallint[]);

CREATE OR REPLACE FUNCTION "notify_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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

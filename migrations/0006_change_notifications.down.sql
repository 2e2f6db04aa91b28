-- Reverts 0006: servers no longer hear of changes made by other processes.
DROP TRIGGER "trg_report_changed" ON "report";
DROP TRIGGER "trg_indicator_rollup_changed" ON "indicator_rollup";
DROP TRIGGER "trg_data_value_changed" ON "data_value";
DROP TRIGGER "trg_obstacle_response_changed" ON "obstacle_response";
DROP TRIGGER "trg_obstacle_answer_changed" ON "obstacle_answer";
DROP TRIGGER "trg_target_changed" ON "target";
DROP TRIGGER "trg_indicator_changed" ON "indicator";
DROP TRIGGER "trg_action_item_changed" ON "action_item";
DROP TRIGGER "trg_recommendation_changed" ON "recommendation";
DROP TRIGGER "trg_recommendation_obstacle_category_changed" ON "recommendation_obstacle_category";
DROP TRIGGER "trg_recommendation_indicator_changed" ON "recommendation_indicator";
DROP TRIGGER "trg_org_unit_changed" ON "org_unit";
DROP TRIGGER "trg_published_value_changed" ON "published_value";
DROP FUNCTION "notify_data_changed"();

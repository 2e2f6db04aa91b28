-- Reverts 0003 analytics: the roll-up is derived data, recomputed from data_value by the up migration.
DROP TRIGGER "trg_indicator_rollup_update" ON "indicator";
DROP TRIGGER "trg_indicator_rollup_insert" ON "indicator";
DROP FUNCTION "analytics_indicator_changed"();
DROP TRIGGER "trg_data_value_rollup_truncate" ON "data_value";
DROP FUNCTION "analytics_data_value_truncated"();
DROP TRIGGER "trg_data_value_rollup_delete" ON "data_value";
DROP TRIGGER "trg_data_value_rollup_update" ON "data_value";
DROP TRIGGER "trg_data_value_rollup_insert" ON "data_value";
DROP FUNCTION "analytics_data_value_changed"();
DROP FUNCTION "analytics_refresh_rollup"(integer[], smallint[]);
DROP TABLE "indicator_rollup";

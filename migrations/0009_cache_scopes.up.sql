-- 0009: a change notification says what changed, so that servers drop only the cached analytics it can alter
-- (0006 sent the table's name and every server emptied its whole cache: during a data-entry season every
-- autosave of a draft, every 1.5 s per officer, threw away the public dashboards that read approved data only).
--
-- The payload on digigov_data_changed is JSON: {"kind": K, "quarterIds": [ids] or null (any quarter)}.
--   approved, submitted, draft: data of reports in that state changed, or reports entered or left it, in those
--     quarters (draft also stands for RETURNED: analytics count neither);
--   framework: targets, indicators, recommendations, org units or published values, or a TRUNCATE: everything;
--   actionPlan: action items (no cached analytics read them).
-- One notification per kind and statement, quarter ids deduplicated: far below pg_notify's 8,000 bytes (past
-- 1,000 quarters, never in practice, the list is left out and means every quarter). Identical notifications of
-- one transaction arrive once.
--
-- data_value no longer notifies: analytics read its roll-up (indicator_rollup), which the triggers of 0003 keep
-- in the same transaction, so a value analytics use notifies through the roll-up, and one they do not use
-- (a filler, a comment) not at all.

CREATE FUNCTION "notify_report_changes"(statuses report_status[], quarter_ids smallint[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  k record;
BEGIN
  FOR k IN
    SELECT CASE c.status WHEN 'APPROVED' THEN 'approved' WHEN 'SUBMITTED' THEN 'submitted' ELSE 'draft' END AS kind,
           array_agg(DISTINCT c.quarter_id ORDER BY c.quarter_id) AS ids
      FROM unnest(statuses, quarter_ids) AS c(status, quarter_id)
     GROUP BY 1
  LOOP
    PERFORM pg_notify('digigov_data_changed',
      json_build_object('kind', k.kind, 'quarterIds', CASE WHEN cardinality(k.ids) <= 1000 THEN k.ids END)::text);
  END LOOP;
END
$fn$;

-- The rows of these reports changed: notify in the state each report is in now (at the end of the statement).
-- A report deleted with its rows notifies for itself.
CREATE FUNCTION "notify_reports_changed"(report_ids integer[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  s report_status[];
  q smallint[];
BEGIN
  SELECT array_agg(r.status), array_agg(r.quarter_id) INTO s, q FROM "report" r WHERE r.id = ANY(report_ids);
  IF s IS NOT NULL THEN
    PERFORM "notify_report_changes"(s, q);
  END IF;
END
$fn$;

-- report: analytics read a report's state, quarter and province; a new version or entry window changes nothing
-- they show. A state change notifies both the state left and the state entered.
CREATE FUNCTION "notify_report_changed"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  s report_status[];
  q smallint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(status), array_agg(quarter_id) INTO s, q FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(status), array_agg(quarter_id) INTO s, q FROM old_rows;
  ELSE
    SELECT array_agg(x.status), array_agg(x.quarter_id) INTO s, q
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES (o.status, o.quarter_id), (n.status, n.quarter_id)) AS x(status, quarter_id)
     WHERE (o.status, o.quarter_id, o.org_unit_id) IS DISTINCT FROM (n.status, n.quarter_id, n.org_unit_id);
  END IF;
  IF s IS NOT NULL THEN
    PERFORM "notify_report_changes"(s, q);
  END IF;
  RETURN NULL;
END
$fn$;

-- indicator_rollup and obstacle_response: rows of a report (report_id).
CREATE FUNCTION "notify_report_rows_changed"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "notify_reports_changed"(ARRAY(SELECT DISTINCT report_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "notify_reports_changed"(ARRAY(SELECT DISTINCT report_id FROM old_rows));
  ELSE
    PERFORM "notify_reports_changed"(ARRAY(SELECT report_id FROM new_rows UNION SELECT report_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$fn$;

-- obstacle_answer: rows of a response (response_id), itself of a report. Answers deleted with their response
-- are notified by the response's own trigger.
CREATE FUNCTION "notify_obstacle_answers_changed"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "notify_reports_changed"(ARRAY(SELECT DISTINCT o.report_id FROM "obstacle_response" o WHERE o.id IN (SELECT response_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "notify_reports_changed"(ARRAY(SELECT DISTINCT o.report_id FROM "obstacle_response" o WHERE o.id IN (SELECT response_id FROM old_rows)));
  ELSE
    PERFORM "notify_reports_changed"(ARRAY(SELECT DISTINCT o.report_id FROM "obstacle_response" o
                                            WHERE o.id IN (SELECT response_id FROM new_rows UNION SELECT response_id FROM old_rows)));
  END IF;
  RETURN NULL;
END
$fn$;

-- Everything else 0006 watches is the framework (or, for action_item, the action plans): now said as JSON.
CREATE OR REPLACE FUNCTION "notify_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('digigov_data_changed',
    json_build_object('kind', CASE WHEN TG_TABLE_NAME = 'action_item' THEN 'actionPlan' ELSE 'framework' END, 'quarterIds', NULL)::text);
  RETURN NULL;
END
$fn$;

DROP TRIGGER "trg_report_changed" ON "report";
DROP TRIGGER "trg_indicator_rollup_changed" ON "indicator_rollup";
DROP TRIGGER "trg_data_value_changed" ON "data_value";
DROP TRIGGER "trg_obstacle_response_changed" ON "obstacle_response";
DROP TRIGGER "trg_obstacle_answer_changed" ON "obstacle_answer";

-- A trigger with transition tables serves one event: three per table, and TRUNCATE as a framework change.
CREATE TRIGGER "trg_report_notify_insert" AFTER INSERT ON "report"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_changed"();
CREATE TRIGGER "trg_report_notify_update" AFTER UPDATE ON "report"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_changed"();
CREATE TRIGGER "trg_report_notify_delete" AFTER DELETE ON "report"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_changed"();
CREATE TRIGGER "trg_report_notify_truncate" AFTER TRUNCATE ON "report" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();

CREATE TRIGGER "trg_indicator_rollup_notify_insert" AFTER INSERT ON "indicator_rollup"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_rows_changed"();
CREATE TRIGGER "trg_indicator_rollup_notify_update" AFTER UPDATE ON "indicator_rollup"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_rows_changed"();
CREATE TRIGGER "trg_indicator_rollup_notify_delete" AFTER DELETE ON "indicator_rollup"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_rows_changed"();
CREATE TRIGGER "trg_indicator_rollup_notify_truncate" AFTER TRUNCATE ON "indicator_rollup" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();

CREATE TRIGGER "trg_obstacle_response_notify_insert" AFTER INSERT ON "obstacle_response"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_rows_changed"();
CREATE TRIGGER "trg_obstacle_response_notify_update" AFTER UPDATE ON "obstacle_response"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_rows_changed"();
CREATE TRIGGER "trg_obstacle_response_notify_delete" AFTER DELETE ON "obstacle_response"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_report_rows_changed"();
CREATE TRIGGER "trg_obstacle_response_notify_truncate" AFTER TRUNCATE ON "obstacle_response" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();

CREATE TRIGGER "trg_obstacle_answer_notify_insert" AFTER INSERT ON "obstacle_answer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_obstacle_answers_changed"();
CREATE TRIGGER "trg_obstacle_answer_notify_update" AFTER UPDATE ON "obstacle_answer"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_obstacle_answers_changed"();
CREATE TRIGGER "trg_obstacle_answer_notify_delete" AFTER DELETE ON "obstacle_answer"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_obstacle_answers_changed"();
CREATE TRIGGER "trg_obstacle_answer_notify_truncate" AFTER TRUNCATE ON "obstacle_answer" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();

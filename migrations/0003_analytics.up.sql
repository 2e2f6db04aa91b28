-- 0003 analytics: an indicator's sums per report (a province's quarter), kept current by triggers.
--
-- Why a roll-up: at national scale one quarter holds about 125,000 data values for the 11 indicators; summing
-- them per query took 55 ms on the demo data (scale 1) before any progress or ranking work, against a 50 ms
-- budget for the whole national overview. Per report and indicator there are 77 × 11 rows a quarter.
--
-- Why without the report's status: it stays in "report", joined at query time, so an approval is visible to
-- analytics at once without touching this table. Values change only through data_value,
-- whose statement-level triggers below recompute the affected reports in the same transaction.
--
-- The rule is the one of rollup.ts: a unit counts for an indicator when it reported the numerator and, for a
-- ratio, the denominator too; the sums are over those units only (a ratio of sums compares like with like).

CREATE TABLE "indicator_rollup" (
  "quarter_id" smallint NOT NULL,
  "indicator_id" smallint NOT NULL,
  "report_id" integer NOT NULL,
  "numerator" numeric NOT NULL,
  "denominator" numeric,
  "units" integer NOT NULL,
  "is_demo" boolean NOT NULL DEFAULT false,
  -- Leads with the quarter, like data_value: dashboards read one or a few quarters across all provinces.
  CONSTRAINT "pk_indicator_rollup" PRIMARY KEY ("quarter_id", "indicator_id", "report_id")
);
CREATE INDEX "idx_indicator_rollup_report_id" ON "indicator_rollup" ("report_id");
ALTER TABLE "indicator_rollup" ADD CONSTRAINT "fk_indicator_rollup_quarter_id" FOREIGN KEY ("quarter_id") REFERENCES "fiscal_quarter"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "indicator_rollup" ADD CONSTRAINT "fk_indicator_rollup_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "indicator_rollup" ADD CONSTRAINT "fk_indicator_rollup_report_id" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- Recomputes the roll-up of the given reports and indicators from data_value (NULL: every report, every
-- indicator).
-- Two plans for one result: a few reports (a province saving its quarter) are read through the report_id
-- index and pivoted per unit; many (the demo load, a changed indicator) join numerators to denominators by
-- hash over the whole table, about 3 s for 2 million values. work_mem is raised for this function only.
CREATE FUNCTION "analytics_refresh_rollup"(report_ids integer[], indicator_ids smallint[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql
SET work_mem = '64MB' AS $fn$
BEGIN
  IF report_ids IS NULL THEN
    report_ids := ARRAY(SELECT id FROM "report");
  END IF;
  IF indicator_ids IS NULL THEN
    indicator_ids := ARRAY(SELECT id FROM "indicator");
  END IF;
  -- Serialise with another transaction writing the same reports, so that the recomputation (a new snapshot
  -- per statement under READ COMMITTED) sees its committed values. The report module locks the report row
  -- before it writes values, so the lock is usually held already.
  PERFORM 1 FROM "report" WHERE id IN (SELECT unnest(report_ids)) ORDER BY id FOR NO KEY UPDATE;
  DELETE FROM "indicator_rollup" WHERE report_id IN (SELECT unnest(report_ids)) AND indicator_id IN (SELECT unnest(indicator_ids));
  IF cardinality(report_ids) <= 50 THEN
    INSERT INTO "indicator_rollup" (quarter_id, indicator_id, report_id, numerator, denominator, units, is_demo)
    SELECT u.quarter_id, u.indicator_id, u.report_id, sum(u.n), sum(u.d), count(*), bool_or(u.is_demo)
      FROM (SELECT dv.quarter_id, dv.report_id, i.id AS indicator_id, i.denominator_element_id IS NULL AS single,
                   max(dv.value) FILTER (WHERE dv.data_element_id = i.numerator_element_id) AS n,
                   max(dv.value) FILTER (WHERE dv.data_element_id = i.denominator_element_id) AS d,
                   bool_or(dv.is_demo) AS is_demo
              FROM "data_value" dv
              JOIN "indicator" i ON dv.data_element_id IN (i.numerator_element_id, i.denominator_element_id)
             WHERE dv.report_id IN (SELECT unnest(report_ids)) AND i.id IN (SELECT unnest(indicator_ids))
             GROUP BY dv.quarter_id, dv.report_id, i.id, dv.org_unit_id) u
     WHERE u.n IS NOT NULL AND (u.single OR u.d IS NOT NULL)
     GROUP BY u.quarter_id, u.indicator_id, u.report_id;
  ELSE
    -- (quarter, element, org unit) is the key of data_value: one numerator and one denominator per unit.
    INSERT INTO "indicator_rollup" (quarter_id, indicator_id, report_id, numerator, denominator, units, is_demo)
    SELECT n.quarter_id, i.id, n.report_id, sum(n.value), sum(d.value), count(*), bool_or(n.is_demo OR COALESCE(d.is_demo, false))
      FROM "indicator" i
      JOIN "data_value" n ON n.data_element_id = i.numerator_element_id
      LEFT JOIN "data_value" d ON d.data_element_id = i.denominator_element_id AND d.quarter_id = n.quarter_id
                              AND d.org_unit_id = n.org_unit_id AND d.report_id = n.report_id
     WHERE n.report_id IN (SELECT unnest(report_ids)) AND i.id IN (SELECT unnest(indicator_ids))
       AND (i.denominator_element_id IS NULL OR d.value IS NOT NULL)
     GROUP BY n.quarter_id, i.id, n.report_id;
  END IF;
END
$fn$;

-- Values of data elements that no indicator reads (a new questionnaire item, bulk filler) change nothing here.
CREATE FUNCTION "analytics_data_value_changed"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids integer[];
  used smallint[] := ARRAY(SELECT numerator_element_id FROM "indicator"
                           UNION SELECT denominator_element_id FROM "indicator" WHERE denominator_element_id IS NOT NULL);
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT report_id) INTO ids FROM new_rows WHERE data_element_id = ANY(used);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT report_id) INTO ids FROM old_rows WHERE data_element_id = ANY(used);
  ELSE
    SELECT array_agg(DISTINCT report_id) INTO ids
      FROM (SELECT report_id, data_element_id FROM new_rows UNION ALL SELECT report_id, data_element_id FROM old_rows) x
     WHERE data_element_id = ANY(used);
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM "analytics_refresh_rollup"(ids);
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "trg_data_value_rollup_insert" AFTER INSERT ON "data_value"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_data_value_changed"();
CREATE TRIGGER "trg_data_value_rollup_update" AFTER UPDATE ON "data_value"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_data_value_changed"();
CREATE TRIGGER "trg_data_value_rollup_delete" AFTER DELETE ON "data_value"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "analytics_data_value_changed"();

CREATE FUNCTION "analytics_data_value_truncated"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM "indicator_rollup";
  RETURN NULL;
END
$fn$;
CREATE TRIGGER "trg_data_value_rollup_truncate" AFTER TRUNCATE ON "data_value"
  FOR EACH STATEMENT EXECUTE FUNCTION "analytics_data_value_truncated"();

-- A new indicator, or one whose numerator or denominator changed (framework administration), is recomputed
-- for every report. The reference seeder upserts every indicator at start-up; the WHEN clause keeps that free.
CREATE FUNCTION "analytics_indicator_changed"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM "analytics_refresh_rollup"(NULL, ARRAY[NEW.id]);
  RETURN NULL;
END
$fn$;
-- Row-level: an upsert that inserts nothing fires no row trigger (a statement trigger would fire anyway).
CREATE TRIGGER "trg_indicator_rollup_insert" AFTER INSERT ON "indicator"
  FOR EACH ROW EXECUTE FUNCTION "analytics_indicator_changed"();
CREATE TRIGGER "trg_indicator_rollup_update" AFTER UPDATE OF "numerator_element_id", "denominator_element_id" ON "indicator"
  FOR EACH ROW WHEN (OLD.numerator_element_id IS DISTINCT FROM NEW.numerator_element_id
                     OR OLD.denominator_element_id IS DISTINCT FROM NEW.denominator_element_id)
  EXECUTE FUNCTION "analytics_indicator_changed"();

-- Data loaded before this migration.
SELECT "analytics_refresh_rollup"(NULL);

-- 0001 foundation: org units, periods, framework, reports, data values, published aggregates, users.
-- Generated from the TypeORM entities with readable names (SnakeNamingStrategy), then reviewed.
-- The entities-match-migrations test fails if this file and the entities drift apart.

CREATE TABLE "source" (
  "code" character varying(64) NOT NULL,
  "title_th" text,
  "title_en" text NOT NULL,
  "publisher" text NOT NULL,
  "url" text,
  "published_on" character varying(10),
  "document" text,
  "license" text,
  "note" text,
  CONSTRAINT "pk_source" PRIMARY KEY ("code")
);
CREATE TYPE "public"."org_unit_level" AS ENUM('NATION', 'REGION', 'PROVINCE', 'LOCAL');
CREATE TYPE "public"."local_organization_type" AS ENUM('PAO', 'CITY_MUNICIPALITY', 'TOWN_MUNICIPALITY', 'SUBDISTRICT_MUNICIPALITY', 'SAO', 'SPECIAL');
CREATE TABLE "org_unit" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "code" character varying(32) NOT NULL,
  "level" "public"."org_unit_level" NOT NULL,
  "local_type" "public"."local_organization_type",
  "name_th" text NOT NULL,
  "name_en" text NOT NULL,
  "parent_id" integer,
  "path" character varying(255) NOT NULL,
  "geo_name" text,
  "source_code" character varying(64),
  "sort_order" smallint NOT NULL DEFAULT '0',
  "is_demo" boolean NOT NULL DEFAULT false,
  CONSTRAINT "chk_org_unit_parent" CHECK ((level = 'NATION') = (parent_id IS NULL)),
  CONSTRAINT "chk_org_unit_local_type" CHECK ((level = 'LOCAL') = (local_type IS NOT NULL)),
  CONSTRAINT "pk_org_unit" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_org_unit_code" ON "org_unit" ("code");
CREATE INDEX "idx_org_unit_parent_id" ON "org_unit" ("parent_id");
CREATE TABLE "fiscal_year" (
  "year_be" smallint NOT NULL,
  "start_date" date NOT NULL,
  "end_date" date NOT NULL,
  CONSTRAINT "chk_fiscal_year_dates" CHECK (end_date > start_date),
  CONSTRAINT "pk_fiscal_year" PRIMARY KEY ("year_be")
);
CREATE TABLE "fiscal_quarter" (
  "id" smallint GENERATED ALWAYS AS IDENTITY NOT NULL,
  "code" character varying(10) NOT NULL,
  "fiscal_year" smallint NOT NULL,
  "quarter" smallint NOT NULL,
  "start_date" date NOT NULL,
  "end_date" date NOT NULL,
  "entry_opens_on" date NOT NULL,
  "deadline" date NOT NULL,
  "entry_closes_on" date NOT NULL,
  CONSTRAINT "uq_fiscal_quarter_year_quarter" UNIQUE ("fiscal_year", "quarter"),
  CONSTRAINT "chk_fiscal_quarter_window" CHECK (entry_opens_on <= deadline AND deadline <= entry_closes_on),
  CONSTRAINT "chk_fiscal_quarter_quarter" CHECK (quarter BETWEEN 1 AND 4),
  CONSTRAINT "pk_fiscal_quarter" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_fiscal_quarter_code" ON "fiscal_quarter" ("code");
CREATE TYPE "public"."data_value_type" AS ENUM('INTEGER', 'NUMBER', 'BOOLEAN');
CREATE TYPE "public"."data_element_aggregation" AS ENUM('SUM', 'AVERAGE', 'LAST');
CREATE TABLE "data_element" (
  "id" smallint GENERATED ALWAYS AS IDENTITY NOT NULL,
  "code" character varying(64) NOT NULL,
  "name_th" text NOT NULL,
  "name_en" text NOT NULL,
  "value_type" "public"."data_value_type" NOT NULL,
  "aggregation" "public"."data_element_aggregation" NOT NULL,
  "min_value" numeric,
  "max_value" numeric,
  CONSTRAINT "pk_data_element" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_data_element_code" ON "data_element" ("code");
CREATE TABLE "obstacle_category" (
  "code" character varying(32) NOT NULL,
  "label_th" text NOT NULL,
  "label_en" text NOT NULL,
  "source_spelling" text,
  "sort_order" smallint NOT NULL,
  "source_code" character varying(64) NOT NULL,
  CONSTRAINT "pk_obstacle_category" PRIMARY KEY ("code")
);
CREATE TYPE "public"."indicator_unit" AS ENUM('PERCENT', 'COUNT', 'PER_UNIT');
CREATE TYPE "public"."indicator_aggregation" AS ENUM('RATIO', 'SUM', 'AVERAGE', 'LATEST');
CREATE TABLE "indicator" (
  "id" smallint GENERATED ALWAYS AS IDENTITY NOT NULL,
  "code" character varying(64) NOT NULL,
  "name_th" text NOT NULL,
  "name_en" text NOT NULL,
  "description_en" text,
  "unit" "public"."indicator_unit" NOT NULL,
  "direction" smallint NOT NULL,
  "aggregation" "public"."indicator_aggregation" NOT NULL,
  "numerator_element_id" smallint NOT NULL,
  "denominator_element_id" smallint,
  "multiplier" numeric NOT NULL DEFAULT '1',
  "obstacle_category_code" character varying(32),
  "source_code" character varying(64) NOT NULL,
  "source_note" text,
  "sort_order" smallint NOT NULL DEFAULT '0',
  CONSTRAINT "chk_indicator_ratio_denominator" CHECK ((aggregation = 'RATIO') = (denominator_element_id IS NOT NULL)),
  CONSTRAINT "chk_indicator_direction" CHECK (direction IN (-1, 1)),
  CONSTRAINT "pk_indicator" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_indicator_code" ON "indicator" ("code");
CREATE TABLE "recommendation_set" (
  "code" character varying(64) NOT NULL,
  "name_th" text NOT NULL,
  "name_en" text NOT NULL,
  "source_code" character varying(64) NOT NULL,
  "sort_order" smallint NOT NULL DEFAULT '0',
  CONSTRAINT "pk_recommendation_set" PRIMARY KEY ("code")
);
CREATE TABLE "recommendation" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "code" character varying(64) NOT NULL,
  "set_code" character varying(64) NOT NULL,
  "group_th" text,
  "group_en" text,
  "title_th" text NOT NULL,
  "title_en" text NOT NULL,
  "detail_th" text,
  "detail_en" text,
  "sort_order" smallint NOT NULL DEFAULT '0',
  CONSTRAINT "pk_recommendation" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_recommendation_code" ON "recommendation" ("code");
CREATE INDEX "idx_recommendation_set_code" ON "recommendation" ("set_code");
CREATE TABLE "recommendation_obstacle_category" (
  "recommendation_id" integer NOT NULL,
  "obstacle_category_code" character varying(32) NOT NULL,
  CONSTRAINT "pk_recommendation_obstacle_category" PRIMARY KEY ("recommendation_id", "obstacle_category_code")
);
CREATE INDEX "idx_recommendation_obstacle_category_code" ON "recommendation_obstacle_category" ("obstacle_category_code");
CREATE TABLE "recommendation_indicator" (
  "recommendation_id" integer NOT NULL,
  "indicator_id" smallint NOT NULL,
  CONSTRAINT "pk_recommendation_indicator" PRIMARY KEY ("recommendation_id", "indicator_id")
);
CREATE INDEX "idx_recommendation_indicator_indicator_id" ON "recommendation_indicator" ("indicator_id");
CREATE TYPE "public"."action_item_status" AS ENUM('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED');
CREATE TABLE "action_item" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "org_unit_id" integer NOT NULL,
  "fiscal_year" smallint NOT NULL,
  "recommendation_id" integer,
  "title_th" text NOT NULL,
  "title_en" text,
  "status" "public"."action_item_status" NOT NULL DEFAULT 'NOT_STARTED',
  "due_quarter_id" smallint,
  "progress_note" text,
  "is_demo" boolean NOT NULL DEFAULT false,
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT "pk_action_item" PRIMARY KEY ("id")
);
CREATE INDEX "idx_action_item_org_unit_id_fiscal_year" ON "action_item" ("org_unit_id", "fiscal_year");
CREATE TABLE "target" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "indicator_id" smallint NOT NULL,
  "org_unit_id" integer NOT NULL,
  "fiscal_year" smallint NOT NULL,
  "value" numeric NOT NULL,
  "q1_milestone" numeric,
  "q2_milestone" numeric,
  "q3_milestone" numeric,
  "q4_milestone" numeric,
  "source_code" character varying(64),
  "is_demo" boolean NOT NULL DEFAULT false,
  CONSTRAINT "uq_target_indicator_org_unit_year" UNIQUE ("indicator_id", "org_unit_id", "fiscal_year"),
  CONSTRAINT "pk_target" PRIMARY KEY ("id")
);
CREATE INDEX "idx_target_org_unit_id" ON "target" ("org_unit_id");
CREATE TABLE "org_unit_group_set" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "code" character varying(64) NOT NULL,
  "name_th" text NOT NULL,
  "name_en" text NOT NULL,
  "note" text,
  "source_code" character varying(64) NOT NULL,
  CONSTRAINT "pk_org_unit_group_set" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_org_unit_group_set_code" ON "org_unit_group_set" ("code");
CREATE TABLE "org_unit_group" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "code" character varying(64) NOT NULL,
  "set_id" integer NOT NULL,
  "name_th" text NOT NULL,
  "name_en" text NOT NULL,
  "sort_order" smallint NOT NULL DEFAULT '0',
  CONSTRAINT "pk_org_unit_group" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_org_unit_group_code" ON "org_unit_group" ("code");
CREATE INDEX "idx_org_unit_group_set_id" ON "org_unit_group" ("set_id");
CREATE TABLE "org_unit_group_member" (
  "group_id" integer NOT NULL,
  "org_unit_id" integer NOT NULL,
  CONSTRAINT "pk_org_unit_group_member" PRIMARY KEY ("group_id", "org_unit_id")
);
CREATE INDEX "idx_org_unit_group_member_org_unit_id" ON "org_unit_group_member" ("org_unit_id");
CREATE TABLE "published_dataset" (
  "code" character varying(64) NOT NULL,
  "title_th" text NOT NULL,
  "title_en" text NOT NULL,
  "source_code" character varying(64) NOT NULL,
  "published_on" character varying(10),
  "population" text NOT NULL,
  "denominator" integer NOT NULL,
  CONSTRAINT "pk_published_dataset" PRIMARY KEY ("code")
);
CREATE TYPE "public"."published_measure" AS ENUM('ANY', 'CATEGORY');
CREATE TABLE "published_value" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "dataset_code" character varying(64) NOT NULL,
  "measure_code" "public"."published_measure" NOT NULL,
  "category_code" character varying(32),
  "count" integer NOT NULL,
  "denominator" integer NOT NULL,
  "percentage" numeric(5,2) NOT NULL,
  CONSTRAINT "chk_published_value_count" CHECK (count >= 0 AND count <= denominator),
  CONSTRAINT "chk_published_value_category" CHECK ((measure_code = 'CATEGORY') = (category_code IS NOT NULL)),
  CONSTRAINT "pk_published_value" PRIMARY KEY ("id")
);
CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'PLANNER', 'OFFICER', 'ANALYST');
CREATE TABLE "app_user" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "email" character varying(254) NOT NULL,
  "password_hash" text NOT NULL,
  "display_name" text NOT NULL,
  "role" "public"."user_role" NOT NULL,
  "province_id" integer,
  "is_active" boolean NOT NULL DEFAULT true,
  "is_demo" boolean NOT NULL DEFAULT false,
  "failed_login_count" integer NOT NULL DEFAULT '0',
  "locked_until" TIMESTAMP WITH TIME ZONE,
  "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT "chk_app_user_officer_province" CHECK ((role = 'OFFICER') = (province_id IS NOT NULL)),
  CONSTRAINT "pk_app_user" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user" ("email");
CREATE TYPE "public"."report_status" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');
CREATE TABLE "report" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "org_unit_id" integer NOT NULL,
  "quarter_id" smallint NOT NULL,
  "status" "public"."report_status" NOT NULL DEFAULT 'DRAFT',
  "version" integer NOT NULL DEFAULT '1',
  "submitted_at" TIMESTAMP WITH TIME ZONE,
  "submitted_by_id" uuid,
  "decided_at" TIMESTAMP WITH TIME ZONE,
  "decided_by_id" uuid,
  "return_reason" text,
  "entry_extended_until" date,
  "is_demo" boolean NOT NULL DEFAULT false,
  "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT "uq_report_org_unit_quarter" UNIQUE ("org_unit_id", "quarter_id"),
  CONSTRAINT "pk_report" PRIMARY KEY ("id")
);
CREATE INDEX "idx_report_quarter_id_status" ON "report" ("quarter_id", "status");
CREATE TABLE "data_value" (
  "quarter_id" smallint NOT NULL,
  "data_element_id" smallint NOT NULL,
  "org_unit_id" integer NOT NULL,
  "report_id" integer NOT NULL,
  "value" numeric NOT NULL,
  "comment" text,
  "evidence_url" text,
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  "updated_by_id" uuid,
  "is_demo" boolean NOT NULL DEFAULT false,
  CONSTRAINT "pk_data_value" PRIMARY KEY ("quarter_id", "data_element_id", "org_unit_id")
);
CREATE INDEX "idx_data_value_report_id" ON "data_value" ("report_id");
CREATE TABLE "obstacle_response" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "report_id" integer NOT NULL,
  "respondent_id" integer NOT NULL,
  "is_demo" boolean NOT NULL DEFAULT false,
  CONSTRAINT "uq_obstacle_response_report_respondent" UNIQUE ("report_id", "respondent_id"),
  CONSTRAINT "pk_obstacle_response" PRIMARY KEY ("id")
);
CREATE INDEX "idx_obstacle_response_respondent_id" ON "obstacle_response" ("respondent_id");
CREATE TABLE "obstacle_answer" (
  "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  "response_id" integer NOT NULL,
  "category_code" character varying(32) NOT NULL,
  "severity" smallint NOT NULL,
  "note" text,
  CONSTRAINT "uq_obstacle_answer_response_category" UNIQUE ("response_id", "category_code"),
  CONSTRAINT "chk_obstacle_answer_severity" CHECK (severity BETWEEN 1 AND 5),
  CONSTRAINT "pk_obstacle_answer" PRIMARY KEY ("id")
);
CREATE INDEX "idx_obstacle_answer_category_code" ON "obstacle_answer" ("category_code");
CREATE TABLE "app_meta" (
  "key" character varying(64) NOT NULL,
  "value" jsonb NOT NULL,
  "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT "pk_app_meta" PRIMARY KEY ("key")
);
ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit_parent_id" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "org_unit" ADD CONSTRAINT "fk_org_unit_source_code" FOREIGN KEY ("source_code") REFERENCES "source"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "fiscal_quarter" ADD CONSTRAINT "fk_fiscal_quarter_fiscal_year" FOREIGN KEY ("fiscal_year") REFERENCES "fiscal_year"("year_be") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "obstacle_category" ADD CONSTRAINT "fk_obstacle_category_source_code" FOREIGN KEY ("source_code") REFERENCES "source"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "indicator" ADD CONSTRAINT "fk_indicator_numerator_element_id" FOREIGN KEY ("numerator_element_id") REFERENCES "data_element"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "indicator" ADD CONSTRAINT "fk_indicator_denominator_element_id" FOREIGN KEY ("denominator_element_id") REFERENCES "data_element"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "indicator" ADD CONSTRAINT "fk_indicator_obstacle_category_code" FOREIGN KEY ("obstacle_category_code") REFERENCES "obstacle_category"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "indicator" ADD CONSTRAINT "fk_indicator_source_code" FOREIGN KEY ("source_code") REFERENCES "source"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "recommendation_set" ADD CONSTRAINT "fk_recommendation_set_source_code" FOREIGN KEY ("source_code") REFERENCES "source"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "recommendation" ADD CONSTRAINT "fk_recommendation_set_code" FOREIGN KEY ("set_code") REFERENCES "recommendation_set"("code") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "recommendation_obstacle_category" ADD CONSTRAINT "fk_recommendation_obstacle_category_recommendation_id" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "recommendation_obstacle_category" ADD CONSTRAINT "fk_recommendation_obstacle_category_obstacle_category_code" FOREIGN KEY ("obstacle_category_code") REFERENCES "obstacle_category"("code") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "recommendation_indicator" ADD CONSTRAINT "fk_recommendation_indicator_recommendation_id" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "recommendation_indicator" ADD CONSTRAINT "fk_recommendation_indicator_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_fiscal_year" FOREIGN KEY ("fiscal_year") REFERENCES "fiscal_year"("year_be") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_recommendation_id" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_due_quarter_id" FOREIGN KEY ("due_quarter_id") REFERENCES "fiscal_quarter"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "target" ADD CONSTRAINT "fk_target_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "target" ADD CONSTRAINT "fk_target_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "target" ADD CONSTRAINT "fk_target_fiscal_year" FOREIGN KEY ("fiscal_year") REFERENCES "fiscal_year"("year_be") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "target" ADD CONSTRAINT "fk_target_source_code" FOREIGN KEY ("source_code") REFERENCES "source"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "org_unit_group_set" ADD CONSTRAINT "fk_org_unit_group_set_source_code" FOREIGN KEY ("source_code") REFERENCES "source"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "org_unit_group" ADD CONSTRAINT "fk_org_unit_group_set_id" FOREIGN KEY ("set_id") REFERENCES "org_unit_group_set"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "org_unit_group_member" ADD CONSTRAINT "fk_org_unit_group_member_group_id" FOREIGN KEY ("group_id") REFERENCES "org_unit_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "org_unit_group_member" ADD CONSTRAINT "fk_org_unit_group_member_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "published_dataset" ADD CONSTRAINT "fk_published_dataset_source_code" FOREIGN KEY ("source_code") REFERENCES "source"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "published_value" ADD CONSTRAINT "fk_published_value_dataset_code" FOREIGN KEY ("dataset_code") REFERENCES "published_dataset"("code") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "published_value" ADD CONSTRAINT "fk_published_value_category_code" FOREIGN KEY ("category_code") REFERENCES "obstacle_category"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_province_id" FOREIGN KEY ("province_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "report" ADD CONSTRAINT "fk_report_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "report" ADD CONSTRAINT "fk_report_quarter_id" FOREIGN KEY ("quarter_id") REFERENCES "fiscal_quarter"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "report" ADD CONSTRAINT "fk_report_submitted_by_id" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "report" ADD CONSTRAINT "fk_report_decided_by_id" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION;
ALTER TABLE "data_value" ADD CONSTRAINT "fk_data_value_quarter_id" FOREIGN KEY ("quarter_id") REFERENCES "fiscal_quarter"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "data_value" ADD CONSTRAINT "fk_data_value_data_element_id" FOREIGN KEY ("data_element_id") REFERENCES "data_element"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "data_value" ADD CONSTRAINT "fk_data_value_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "data_value" ADD CONSTRAINT "fk_data_value_report_id" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "obstacle_response" ADD CONSTRAINT "fk_obstacle_response_report_id" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "obstacle_response" ADD CONSTRAINT "fk_obstacle_response_respondent_id" FOREIGN KEY ("respondent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION;
ALTER TABLE "obstacle_answer" ADD CONSTRAINT "fk_obstacle_answer_response_id" FOREIGN KEY ("response_id") REFERENCES "obstacle_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "obstacle_answer" ADD CONSTRAINT "fk_obstacle_answer_category_code" FOREIGN KEY ("category_code") REFERENCES "obstacle_category"("code") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- "Everything under region X" is one prefix query on the materialized path.
CREATE INDEX "idx_org_unit_path" ON "org_unit" ("path" varchar_pattern_ops);
-- One published value per measure and category (category is NULL for the ANY measure).
CREATE UNIQUE INDEX "uq_published_value_measure" ON "published_value" ("dataset_code", "measure_code", COALESCE("category_code", ''));

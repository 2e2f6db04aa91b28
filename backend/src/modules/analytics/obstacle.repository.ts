import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { VisibleStatus } from './visibility.js';

export interface PrevalenceRow {
  respondents: number;
  any_count: number;
  categories: Array<{ code: string; count: number; meanSeverity: number }>;
}

export interface ProvincePrevalenceRow extends PrevalenceRow {
  province_id: number;
}

export interface PrevalenceFilter {
  quarterIds: number[];
  statuses: VisibleStatus[];
  level: 'PROVINCE' | 'LOCAL';
  pathPrefix: string;
}

export interface BaselineRow {
  code: string;
  title_th: string;
  title_en: string;
  published_on: string | null;
  population: string;
  denominator: number;
  source_code: string;
  values: Array<{
    measureCode: 'ANY' | 'CATEGORY';
    categoryCode: string | null;
    count: number;
    denominator: number;
    percentage: string | number;
  }>;
}

export interface ActionItemRow {
  id: number;
  fiscal_year: number;
  recommendation_code: string | null;
  title_th: string;
  title_en: string | null;
  status: string;
  due_quarter_code: string | null;
  progress_note: string | null;
  is_demo: boolean;
}

/**
 * FROM and WHERE of the obstacle responses both prevalence queries count ($1 quarter ids, $2 report states,
 * $3 path prefix). A report holds the answers of its province (the respondent is the report's own org unit)
 * and of the province's local organizations (every other respondent), so the scope is tested on the report's
 * province and the level on the respondent being the province or not: no join to the respondents' org units.
 */
function visibleResponses(level: 'PROVINCE' | 'LOCAL'): string {
  return `FROM report r
           JOIN org_unit p ON p.id = r.org_unit_id
           JOIN fiscal_quarter q ON q.id = r.quarter_id
           JOIN obstacle_response o ON o.report_id = r.id
          WHERE r.quarter_id = ANY($1::smallint[]) AND r.status = ANY($2::report_status[]) AND p.path LIKE $3
            AND o.respondent_id ${level === 'PROVINCE' ? '=' : '<>'} r.org_unit_id`;
}

/** SQL of obstacle responses, published baselines and the action items answering them. */
@Injectable()
export class ObstacleRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Respondents of one level under a path in visible reports of the given quarters, and per category how many
   * cited it and their mean severity. Over several quarters (a fiscal year) each respondent's latest response
   * counts once. A response without answers is a respondent with no obstacle.
   */
  async prevalence(f: PrevalenceFilter): Promise<PrevalenceRow> {
    const latest = f.quarterIds.length > 1;
    const rows: PrevalenceRow[] = await this.db.query(
      `WITH resp AS (
         SELECT ${latest ? 'DISTINCT ON (o.respondent_id)' : ''} o.id
           ${visibleResponses(f.level)}
          ${latest ? 'ORDER BY o.respondent_id, q.fiscal_year DESC, q.quarter DESC' : ''}),
       answer AS MATERIALIZED (
         SELECT a.response_id, a.category_code, a.severity FROM resp JOIN obstacle_answer a ON a.response_id = resp.id)
       SELECT (SELECT count(*)::int FROM resp) AS respondents,
              (SELECT count(DISTINCT response_id)::int FROM answer) AS any_count,
              COALESCE((SELECT json_agg(json_build_object('code', c.category_code, 'count', c.count, 'meanSeverity', c.mean_severity))
                          FROM (SELECT category_code, count(*)::int AS count, avg(severity)::float8 AS mean_severity
                                  FROM answer GROUP BY category_code) c), '[]') AS categories`,
      [f.quarterIds, f.statuses, f.pathPrefix],
    );
    return rows[0];
  }

  /**
   * The same figures as `prevalence` for one quarter, for each province under the path in one pass (a report
   * is its province's, so grouping by the report's org unit is grouping by province). Provinces without
   * respondents have no row.
   */
  async prevalenceByProvince(
    f: Omit<PrevalenceFilter, 'quarterIds'> & { quarterId: number },
  ): Promise<ProvincePrevalenceRow[]> {
    return this.db.query(
      `WITH resp AS (
         SELECT r.org_unit_id AS province_id, o.id
           ${visibleResponses(f.level)}),
       answer AS MATERIALIZED (
         SELECT resp.province_id, a.response_id, a.category_code, a.severity FROM resp JOIN obstacle_answer a ON a.response_id = resp.id),
       cited AS (
         SELECT province_id, count(DISTINCT response_id)::int AS any_count FROM answer GROUP BY province_id),
       category AS (
         SELECT province_id, json_agg(json_build_object('code', c.category_code, 'count', c.count, 'meanSeverity', c.mean_severity)) AS categories
           FROM (SELECT province_id, category_code, count(*)::int AS count, avg(severity)::float8 AS mean_severity
                   FROM answer GROUP BY province_id, category_code) c
          GROUP BY province_id)
       SELECT n.province_id, n.respondents, COALESCE(cited.any_count, 0) AS any_count, COALESCE(category.categories, '[]') AS categories
         FROM (SELECT province_id, count(*)::int AS respondents FROM resp GROUP BY province_id) n
         LEFT JOIN cited USING (province_id) LEFT JOIN category USING (province_id)`,
      [[f.quarterId], f.statuses, f.pathPrefix],
    );
  }

  async baseline(datasetCode: string): Promise<BaselineRow | null> {
    const rows: BaselineRow[] = await this.db.query(
      `SELECT d.code, d.title_th, d.title_en, d.published_on, d.population, d.denominator, d.source_code,
              COALESCE((SELECT json_agg(json_build_object('measureCode', v.measure_code, 'categoryCode', v.category_code, 'count', v.count,
                                                          'denominator', v.denominator, 'percentage', v.percentage)
                                        ORDER BY v.measure_code, v.count DESC, c.sort_order)
                          FROM published_value v LEFT JOIN obstacle_category c ON c.code = v.category_code
                         WHERE v.dataset_code = d.code), '[]') AS values
         FROM published_dataset d WHERE d.code = $1`,
      [datasetCode],
    );
    return rows[0] ?? null;
  }

  /** A province's action items of one fiscal year (its action plan), with the recommendation each answers. */
  actionItems(provinceId: number, fiscalYear: number): Promise<ActionItemRow[]> {
    return this.db.query(
      `SELECT a.id, a.fiscal_year, r.code AS recommendation_code, a.title_th, a.title_en, a.status, q.code AS due_quarter_code,
              a.progress_note, a.is_demo
         FROM action_item a LEFT JOIN recommendation r ON r.id = a.recommendation_id LEFT JOIN fiscal_quarter q ON q.id = a.due_quarter_id
        WHERE a.org_unit_id = $1 AND a.fiscal_year = $2 ORDER BY a.id`,
      [provinceId, fiscalYear],
    );
  }

  /** Whether the province's report for the quarter is in one of the given states. */
  async reportVisible(provinceId: number, quarterId: number, statuses: VisibleStatus[]): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM report WHERE org_unit_id = $1 AND quarter_id = $2 AND status = ANY($3::report_status[])`,
      [provinceId, quarterId, statuses],
    );
    return rows.length > 0;
  }
}

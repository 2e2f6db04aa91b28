import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

@Injectable()
export class FrameworkRepository {
  constructor(private readonly db: DataSource) {}

  async obstacleCategories() {
    const rows: Array<{
      code: string;
      label_th: string;
      label_en: string;
      sort_order: number;
      source_spelling: string | null;
      source_code: string;
    }> = await this.db.query(`SELECT * FROM obstacle_category ORDER BY sort_order, code`);
    return rows.map((r) => ({
      code: r.code,
      labelTh: r.label_th,
      labelEn: r.label_en,
      sortOrder: r.sort_order,
      sourceSpelling: r.source_spelling,
      sourceCode: r.source_code,
    }));
  }

  async dataElements() {
    const rows: Array<{
      id: number;
      code: string;
      name_th: string;
      name_en: string;
      value_type: string;
      aggregation: string;
      min_value: string | null;
      max_value: string | null;
    }> = await this.db.query(`SELECT * FROM data_element ORDER BY id`);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      valueType: r.value_type,
      aggregation: r.aggregation,
      minValue: num(r.min_value),
      maxValue: num(r.max_value),
    }));
  }

  /** Indicators with the national target of the latest fiscal year that has one. */
  async indicators(codes: string[] | null) {
    return this.db.query(
      `SELECT i.*, nt.value AS national_target
         FROM indicator i
         LEFT JOIN LATERAL (
           SELECT t.value FROM target t JOIN org_unit n ON n.id = t.org_unit_id AND n.level = 'NATION'
            WHERE t.indicator_id = i.id ORDER BY t.fiscal_year DESC LIMIT 1) nt ON true
        WHERE $1::text[] IS NULL OR i.code = ANY($1)
        ORDER BY i.sort_order, i.code`,
      [codes],
    ) as Promise<
      Array<{
        code: string;
        name_th: string;
        name_en: string;
        description_en: string | null;
        unit: string;
        direction: number;
        aggregation: string;
        numerator_element_id: number;
        denominator_element_id: number | null;
        multiplier: string;
        obstacle_category_code: string | null;
        source_code: string;
        source_note: string | null;
        national_target: string | null;
      }>
    >;
  }

  async targets(f: { indicatorCode?: string | null; orgUnitCode?: string | null; fiscalYear?: number | null }) {
    return this.db.query(
      `SELECT i.code AS indicator_code, u.code AS org_unit_code, t.fiscal_year, t.value,
              t.q1_milestone, t.q2_milestone, t.q3_milestone, t.q4_milestone, t.is_demo, t.source_code
         FROM target t JOIN indicator i ON i.id = t.indicator_id JOIN org_unit u ON u.id = t.org_unit_id
        WHERE ($1::text IS NULL OR i.code = $1) AND ($2::text IS NULL OR u.code = $2) AND ($3::int IS NULL OR t.fiscal_year = $3)
        ORDER BY i.sort_order, u.code, t.fiscal_year`,
      [f.indicatorCode ?? null, f.orgUnitCode ?? null, f.fiscalYear ?? null],
    ) as Promise<
      Array<{
        indicator_code: string;
        org_unit_code: string;
        fiscal_year: number;
        value: string;
        q1_milestone: string | null;
        q2_milestone: string | null;
        q3_milestone: string | null;
        q4_milestone: string | null;
        is_demo: boolean;
        source_code: string | null;
      }>
    >;
  }

  async recommendationSets() {
    const rows: Array<{ code: string; name_th: string; name_en: string; source_code: string }> = await this.db.query(
      `SELECT code, name_th, name_en, source_code FROM recommendation_set ORDER BY sort_order, code`,
    );
    return rows.map((r) => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en, sourceCode: r.source_code }));
  }

  async recommendations(f: {
    setCode?: string | null;
    obstacleCategoryCode?: string | null;
    indicatorCode?: string | null;
  }) {
    const rows: Array<{
      code: string;
      set_code: string;
      group_th: string | null;
      group_en: string | null;
      title_th: string;
      title_en: string;
      detail_th: string | null;
      detail_en: string | null;
      categories: string[];
      indicators: string[];
    }> = await this.db.query(
      `SELECT r.code, r.set_code, r.group_th, r.group_en, r.title_th, r.title_en, r.detail_th, r.detail_en,
              ARRAY(SELECT c.obstacle_category_code FROM recommendation_obstacle_category c
                     WHERE c.recommendation_id = r.id ORDER BY 1) AS categories,
              ARRAY(SELECT i.code FROM recommendation_indicator ri JOIN indicator i ON i.id = ri.indicator_id
                     WHERE ri.recommendation_id = r.id ORDER BY 1) AS indicators
         FROM recommendation r JOIN recommendation_set s ON s.code = r.set_code
        WHERE ($1::text IS NULL OR r.set_code = $1)
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM recommendation_obstacle_category c
                                            WHERE c.recommendation_id = r.id AND c.obstacle_category_code = $2))
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM recommendation_indicator ri JOIN indicator i ON i.id = ri.indicator_id
                                            WHERE ri.recommendation_id = r.id AND i.code = $3))
        ORDER BY s.sort_order, r.sort_order, r.code`,
      [f.setCode ?? null, f.obstacleCategoryCode ?? null, f.indicatorCode ?? null],
    );
    return rows.map((r) => ({
      code: r.code,
      setCode: r.set_code,
      groupTh: r.group_th,
      groupEn: r.group_en,
      titleTh: r.title_th,
      titleEn: r.title_en,
      detailTh: r.detail_th,
      detailEn: r.detail_en,
      obstacleCategoryCodes: r.categories,
      indicatorCodes: r.indicators,
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ProvinceSums {
  province_code: string;
  numerator: string | null;
  denominator: string | null;
  units: number;
  is_demo: boolean;
}

@Injectable()
export class AnalyticsRepository {
  constructor(private readonly db: DataSource) {}

  /** The latest quarter with at least one approved report. */
  async latestApprovedQuarterId(): Promise<number | null> {
    const rows: Array<{ id: number }> = await this.db.query(
      `SELECT q.id FROM fiscal_quarter q
        WHERE EXISTS (SELECT 1 FROM report r WHERE r.quarter_id = q.id AND r.status = 'APPROVED')
        ORDER BY q.fiscal_year DESC, q.quarter DESC LIMIT 1`,
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Per province, the sums of an indicator's numerator and denominator over its units in approved reports.
   * For a ratio only units that reported both figures count, so the ratio compares like with like.
   */
  async provinceSums(quarterId: number, numeratorId: number, denominatorId: number | null): Promise<ProvinceSums[]> {
    return this.db.query(
      `WITH unit AS (
         SELECT r.org_unit_id AS province_id, dv.org_unit_id,
                max(dv.value) FILTER (WHERE dv.data_element_id = $2) AS n,
                max(dv.value) FILTER (WHERE dv.data_element_id = $3) AS d,
                bool_or(dv.is_demo) AS is_demo
           FROM data_value dv
           JOIN report r ON r.id = dv.report_id AND r.status = 'APPROVED'
          WHERE dv.quarter_id = $1 AND dv.data_element_id IN ($2, COALESCE($3, $2))
          GROUP BY r.org_unit_id, dv.org_unit_id),
       counted AS (
         SELECT * FROM unit WHERE n IS NOT NULL AND ($3::smallint IS NULL OR d IS NOT NULL))
       SELECT p.code AS province_code, sum(c.n) AS numerator, sum(c.d) AS denominator,
              count(*)::int AS units, bool_or(c.is_demo) AS is_demo
         FROM counted c JOIN org_unit p ON p.id = c.province_id
        GROUP BY p.code
        ORDER BY p.code`,
      [quarterId, numeratorId, denominatorId],
    );
  }

  async indicatorElementIds(code: string): Promise<{ numerator: number; denominator: number | null } | null> {
    const rows: Array<{ numerator_element_id: number; denominator_element_id: number | null }> = await this.db.query(
      `SELECT numerator_element_id, denominator_element_id FROM indicator WHERE code = $1`,
      [code],
    );
    return rows[0] ? { numerator: rows[0].numerator_element_id, denominator: rows[0].denominator_element_id } : null;
  }
}

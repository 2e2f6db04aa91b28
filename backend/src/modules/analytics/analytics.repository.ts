import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { VisibleStatus } from './visibility.js';

export type ScopeLevel = 'NATION' | 'REGION' | 'PROVINCE';

export interface ScopeRow {
  id: number;
  code: string;
  level: ScopeLevel;
  path: string;
  name_th: string;
  name_en: string;
  parent_id: number | null;
  region_code: string | null;
}

export interface IndicatorKeyRow {
  id: number;
  code: string;
  direction: number;
  aggregation: 'RATIO' | 'SUM' | 'AVERAGE' | 'LATEST';
  multiplier: string;
  obstacle_category_code: string | null;
  sort_order: number;
}

/** Σ over the provinces of a group (the whole scope, one province, one region) of one indicator in one quarter. */
export interface SumsRow {
  group_id: number;
  indicator_id: number;
  quarter_id: number;
  numerator: string;
  denominator: string | null;
  units: number;
  provinces: number;
  is_demo: boolean;
}

export interface TargetRow {
  indicator_id: number;
  org_unit_id: number;
  org_unit_code: string;
  national: boolean;
  fiscal_year: number;
  value: string;
  milestones: Array<string | null>;
}

/** A path prefix for LIKE: every org unit under (and including) the scope. */
export function underPath(path: string): string {
  return `${path.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * SQL of indicator roll-ups. Everything reads indicator_rollup (Σ numerator, Σ denominator per quarter, indicator
 * and report, kept current by triggers, see migration 0003) joined to report for its status at query time.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly db: DataSource) {}

  async scope(code: string): Promise<ScopeRow | null> {
    const rows: ScopeRow[] = await this.db.query(
      `SELECT u.id, u.code, u.level, u.path, u.name_th, u.name_en, u.parent_id,
              CASE WHEN u.level = 'PROVINCE' THEN r.code END AS region_code
         FROM org_unit u LEFT JOIN org_unit r ON r.id = u.parent_id
        WHERE u.code = $1 AND u.level IN ('NATION', 'REGION', 'PROVINCE')`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** Regions or provinces (with their region), ordered as the reference data orders them. */
  async scopes(level: 'REGION' | 'PROVINCE', underPathPrefix: string | null = null): Promise<ScopeRow[]> {
    return this.db.query(
      `SELECT u.id, u.code, u.level, u.path, u.name_th, u.name_en, u.parent_id,
              CASE WHEN u.level = 'PROVINCE' THEN r.code END AS region_code
         FROM org_unit u LEFT JOIN org_unit r ON r.id = u.parent_id
        WHERE u.level = $1 AND ($2::text IS NULL OR u.path LIKE $2)
        ORDER BY CASE WHEN u.level = 'REGION' THEN u.sort_order END, u.code`,
      [level, underPathPrefix],
    );
  }

  /** The nation, its regions and its provinces (with their region), in the order of scopes(). */
  allScopes(): Promise<ScopeRow[]> {
    return this.db.query(
      `SELECT u.id, u.code, u.level, u.path, u.name_th, u.name_en, u.parent_id,
              CASE WHEN u.level = 'PROVINCE' THEN r.code END AS region_code
         FROM org_unit u LEFT JOIN org_unit r ON r.id = u.parent_id
        WHERE u.level IN ('NATION', 'REGION', 'PROVINCE')
        ORDER BY CASE WHEN u.level = 'REGION' THEN u.sort_order END, u.code`,
    );
  }

  /**
   * The quarter analytics show by default: the latest in which at least half of the scope's provinces have a
   * visible report, so that one early approval does not make a nearly empty quarter the national default;
   * failing that, the latest quarter with any visible report. Optionally under a scope (by code).
   */
  async latestVisibleQuarterId(statuses: VisibleStatus[], scopeCode: string | null = null): Promise<number | null> {
    const rows: Array<{ id: number }> = await this.db.query(
      `WITH scope AS (SELECT CASE WHEN $2::text IS NULL THEN '/' ELSE (SELECT s.path FROM org_unit s WHERE s.code = $2) END AS path),
            counts AS (
              SELECT q.id, q.fiscal_year, q.quarter, count(*) AS n
                FROM report r JOIN fiscal_quarter q ON q.id = r.quarter_id JOIN org_unit p ON p.id = r.org_unit_id, scope
               WHERE r.status = ANY($1::report_status[]) AND starts_with(p.path, scope.path)
               GROUP BY q.id, q.fiscal_year, q.quarter),
            size AS (SELECT count(*) AS total FROM org_unit p, scope WHERE p.level = 'PROVINCE' AND starts_with(p.path, scope.path))
       SELECT counts.id FROM counts, size
        ORDER BY (counts.n * 2 >= size.total) DESC, counts.fiscal_year DESC, counts.quarter DESC LIMIT 1`,
      [statuses, scopeCode],
    );
    return rows[0]?.id ?? null;
  }

  /** Quarters in which a scope has a report in one of the given states (any indicator), unordered. */
  async visibleQuarterIds(statuses: VisibleStatus[], pathPrefix: string): Promise<number[]> {
    const rows: Array<{ quarter_id: number }> = await this.db.query(
      `SELECT DISTINCT r.quarter_id FROM report r JOIN org_unit p ON p.id = r.org_unit_id
        WHERE r.status = ANY($1::report_status[]) AND p.path LIKE $2`,
      [statuses, pathPrefix],
    );
    return rows.map((r) => r.quarter_id);
  }

  /** Provinces under a path with a report for the quarter in one of the given states. */
  async visibleReportCount(quarterId: number, statuses: VisibleStatus[], pathPrefix: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM report r JOIN org_unit p ON p.id = r.org_unit_id
        WHERE r.quarter_id = $1 AND r.status = ANY($2::report_status[]) AND p.path LIKE $3`,
      [quarterId, statuses, pathPrefix],
    );
    return rows[0].n;
  }

  indicatorKeys(codes: string[] | null = null): Promise<IndicatorKeyRow[]> {
    return this.db.query(
      `SELECT id, code, direction, aggregation, multiplier, obstacle_category_code, sort_order
         FROM indicator WHERE $1::text[] IS NULL OR code = ANY($1) ORDER BY sort_order, code`,
      [codes],
    );
  }

  /**
   * Sums per indicator and quarter over the visible reports of the provinces under a path (or of one province,
   * by code: its reports are found through their key rather than by testing every province's path), grouped by
   * `group`: SCOPE (one group, id 0), PROVINCE (id = province) or REGION (id = the province's parent).
   * `withTotal` adds the scope's totals (group id 0) to a PROVINCE or REGION grouping in the same pass.
   * `indicatorIds` null: every indicator (a caller that needs them all need not look them up first).
   */
  async sums(
    group: 'SCOPE' | 'PROVINCE' | 'REGION',
    f: {
      pathPrefix: string;
      provinceCode?: string;
      statuses: VisibleStatus[];
      quarterIds: number[];
      indicatorIds: number[] | null;
      withTotal?: boolean;
    },
  ): Promise<SumsRow[]> {
    const key = group === 'SCOPE' ? null : group === 'PROVINCE' ? 'p.id' : 'p.parent_id';
    const groupBy =
      key === null
        ? 'x.indicator_id, x.quarter_id'
        : f.withTotal
          ? `GROUPING SETS ((${key}, x.indicator_id, x.quarter_id), (x.indicator_id, x.quarter_id))`
          : `${key}, x.indicator_id, x.quarter_id`;
    const where =
      f.provinceCode === undefined
        ? 'p.path LIKE $3'
        : `r.org_unit_id = (SELECT id FROM org_unit WHERE code = $3 AND level = 'PROVINCE')`;
    // r.quarter_id repeats x.quarter_id (a report's values are of its quarter) so that only those reports are read.
    return this.db.query(
      `SELECT ${key === null ? '0' : `COALESCE(${key}, 0)`} AS group_id, x.indicator_id, x.quarter_id,
              sum(x.numerator) AS numerator, sum(x.denominator) AS denominator,
              sum(x.units)::int AS units, count(*)::int AS provinces, bool_or(x.is_demo) AS is_demo
         FROM indicator_rollup x
         JOIN report r ON r.id = x.report_id
         JOIN org_unit p ON p.id = r.org_unit_id
        WHERE x.quarter_id = ANY($1::smallint[]) ${f.indicatorIds === null ? '' : 'AND x.indicator_id = ANY($4::smallint[])'}
          AND r.quarter_id = ANY($1::smallint[]) AND r.status = ANY($2::report_status[]) AND ${where}
        GROUP BY ${groupBy}`,
      [f.quarterIds, f.statuses, f.provinceCode ?? f.pathPrefix, ...(f.indicatorIds === null ? [] : [f.indicatorIds])],
    );
  }

  /**
   * Targets of the given org units, by id or by code (pass the nation's for the national targets); of every
   * indicator when indicatorIds is null.
   */
  targets(
    orgUnits: { ids: number[] } | { codes: string[] },
    indicatorIds: number[] | null,
    fiscalYears: number[],
  ): Promise<TargetRow[]> {
    return this.db.query(
      `SELECT t.indicator_id, t.org_unit_id, u.code AS org_unit_code, u.level = 'NATION' AS national, t.fiscal_year, t.value,
              ARRAY[t.q1_milestone, t.q2_milestone, t.q3_milestone, t.q4_milestone]::text[] AS milestones
         FROM target t JOIN org_unit u ON u.id = t.org_unit_id
        WHERE ${'ids' in orgUnits ? 't.org_unit_id = ANY($1::int[])' : 'u.code = ANY($1::text[])'} AND t.fiscal_year = ANY($2::smallint[])
          ${indicatorIds === null ? '' : 'AND t.indicator_id = ANY($3::smallint[])'}`,
      [
        'ids' in orgUnits ? orgUnits.ids : orgUnits.codes,
        fiscalYears,
        ...(indicatorIds === null ? [] : [indicatorIds]),
      ],
    );
  }
}

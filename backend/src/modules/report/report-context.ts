import type { Db } from './report.repository.js';

export interface ElementInfo {
  id: number;
  code: string;
  valueType: 'INTEGER' | 'NUMBER' | 'BOOLEAN';
  min: number | null;
  max: number | null;
}

export interface UnitInfo {
  id: number;
  code: string;
  provinceId: number;
  provinceCode: string;
  level: 'PROVINCE' | 'LOCAL';
  localType: string | null;
}

/** What validating a province's changes needs to know, loaded in a handful of queries. */
export interface ReportContext {
  elements: Map<string, ElementInfo>;
  elementsById: Map<number, ElementInfo>;
  /** Numerator ≤ denominator pairs (percentage indicators). */
  ratioPairs: Array<{ indicatorCode: string; numeratorId: number; denominatorId: number }>;
  categories: Set<string>;
  /** Every province and local organization, by code (for "belongs to another province" messages). */
  units: Map<string, UnitInfo>;
  /** The data elements every local organization must report before submitting. */
  requiredElementIds: number[];
}

export async function loadReportContext(db: Db): Promise<ReportContext> {
  const [elements, pairs, categories, units] = await Promise.all([
    db.query(`SELECT id, code, value_type, min_value, max_value FROM data_element ORDER BY id`) as Promise<
      Array<{
        id: number;
        code: string;
        value_type: ElementInfo['valueType'];
        min_value: string | null;
        max_value: string | null;
      }>
    >,
    db.query(
      `SELECT code, numerator_element_id, denominator_element_id FROM indicator
        WHERE unit = 'PERCENT' AND denominator_element_id IS NOT NULL`,
    ) as Promise<Array<{ code: string; numerator_element_id: number; denominator_element_id: number }>>,
    db.query(`SELECT code FROM obstacle_category`) as Promise<Array<{ code: string }>>,
    db.query(
      `SELECT u.id, u.code, u.level, u.local_type, CASE WHEN u.level = 'PROVINCE' THEN u.id ELSE p.id END AS province_id,
              CASE WHEN u.level = 'PROVINCE' THEN u.code ELSE p.code END AS province_code
         FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id
        WHERE u.level IN ('PROVINCE', 'LOCAL')`,
    ) as Promise<
      Array<{
        id: number;
        code: string;
        level: UnitInfo['level'];
        local_type: string | null;
        province_id: number;
        province_code: string;
      }>
    >,
  ]);
  const el = elements.map((e) => ({
    id: e.id,
    code: e.code,
    valueType: e.value_type,
    min: e.min_value === null ? null : Number(e.min_value),
    max: e.max_value === null ? null : Number(e.max_value),
  }));
  const used = (await db.query(
    `SELECT DISTINCT unnest(ARRAY[numerator_element_id, denominator_element_id]) AS id FROM indicator`,
  )) as Array<{ id: number | null }>;
  return {
    elements: new Map(el.map((e) => [e.code, e])),
    elementsById: new Map(el.map((e) => [e.id, e])),
    ratioPairs: pairs.map((p) => ({
      indicatorCode: p.code,
      numeratorId: p.numerator_element_id,
      denominatorId: p.denominator_element_id,
    })),
    categories: new Set(categories.map((c) => c.code)),
    units: new Map(
      units.map((u) => [
        u.code,
        {
          id: u.id,
          code: u.code,
          provinceId: u.province_id,
          provinceCode: u.province_code,
          level: u.level,
          localType: u.local_type,
        },
      ]),
    ),
    requiredElementIds: used
      .map((u) => u.id)
      .filter((id): id is number => id !== null)
      .sort((a, b) => a - b),
  };
}

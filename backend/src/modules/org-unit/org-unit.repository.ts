import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LocalOrganizationType } from './org-unit.entity.js';

export interface RegionRow {
  code: string;
  name_th: string;
  name_en: string;
  sort_order: number;
  source_code: string | null;
  province_count: number;
}

export interface ProvinceRow {
  code: string;
  name_th: string;
  name_en: string;
  geo_name: string | null;
  source_code: string | null;
  region_code: string;
  region_name_th: string;
  region_name_en: string;
  region_sort_order: number;
  region_source_code: string | null;
  local_count: number;
}

export interface LocalOrganizationRow {
  code: string;
  name_th: string;
  name_en: string;
  local_type: LocalOrganizationType;
  province_code: string;
  is_demo: boolean;
}

export interface ProvinceQuery {
  regionCode?: string | null;
  groupCode?: string | null;
  codes?: string[] | null;
}

@Injectable()
export class OrgUnitRepository {
  constructor(private readonly db: DataSource) {}

  async regions(): Promise<RegionRow[]> {
    return this.db.query(
      `SELECT r.code, r.name_th, r.name_en, r.sort_order, r.source_code,
              (SELECT count(*)::int FROM org_unit p WHERE p.parent_id = r.id AND p.level = 'PROVINCE') AS province_count
         FROM org_unit r
        WHERE r.level = 'REGION'
        ORDER BY r.sort_order, r.code`,
    );
  }

  async provinces(q: ProvinceQuery = {}): Promise<ProvinceRow[]> {
    return this.db.query(
      `SELECT p.code, p.name_th, p.name_en, p.geo_name, p.source_code,
              r.code AS region_code, r.name_th AS region_name_th, r.name_en AS region_name_en,
              r.sort_order AS region_sort_order, r.source_code AS region_source_code,
              (SELECT count(*)::int FROM org_unit l WHERE l.parent_id = p.id AND l.level = 'LOCAL') AS local_count
         FROM org_unit p
         JOIN org_unit r ON r.id = p.parent_id
        WHERE p.level = 'PROVINCE'
          AND ($1::text IS NULL OR r.code = $1)
          AND ($2::text[] IS NULL OR p.code = ANY($2))
          AND ($3::text IS NULL OR EXISTS (
                SELECT 1 FROM org_unit_group_member m JOIN org_unit_group g ON g.id = m.group_id
                 WHERE m.org_unit_id = p.id AND g.code = $3))
        ORDER BY p.code`,
      [q.regionCode ?? null, q.codes ?? null, q.groupCode ?? null],
    );
  }

  async localOrganizations(provinceCode: string, type: LocalOrganizationType | null): Promise<LocalOrganizationRow[]> {
    return this.db.query(
      `SELECT l.code, l.name_th, l.name_en, l.local_type, p.code AS province_code, l.is_demo
         FROM org_unit l
         JOIN org_unit p ON p.id = l.parent_id
        WHERE p.code = $1 AND l.level = 'LOCAL' AND ($2::local_organization_type IS NULL OR l.local_type = $2)
        ORDER BY l.sort_order, l.code`,
      [provinceCode, type],
    );
  }

  /** Every unit whose materialized path starts with the given unit's path: one indexed prefix scan. */
  async countDescendants(code: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n
         FROM org_unit u, (SELECT path FROM org_unit WHERE code = $1) x
        WHERE u.path LIKE x.path || '%' AND u.code <> $1`,
      [code],
    );
    return rows[0]?.n ?? 0;
  }

  async groupSets(): Promise<
    Array<{
      code: string;
      name_th: string;
      name_en: string;
      note: string | null;
      source_code: string;
      groups: Array<{ code: string; nameTh: string; nameEn: string; provinceCodes: string[] }>;
    }>
  > {
    return this.db.query(
      `SELECT s.code, s.name_th, s.name_en, s.note, s.source_code,
              COALESCE((
                SELECT json_agg(json_build_object(
                         'code', g.code, 'nameTh', g.name_th, 'nameEn', g.name_en,
                         'provinceCodes', (SELECT COALESCE(json_agg(u.code ORDER BY u.code), '[]')
                                             FROM org_unit_group_member m JOIN org_unit u ON u.id = m.org_unit_id
                                            WHERE m.group_id = g.id))
                       ORDER BY g.sort_order, g.code)
                  FROM org_unit_group g WHERE g.set_id = s.id), '[]') AS groups
         FROM org_unit_group_set s
        ORDER BY s.code`,
    );
  }
}

import type { ReferenceData } from '@digigov/seed';
import type pg from 'pg';
import { fiscalQuarterDates, fiscalYearDates } from '../period/fiscal-calendar.js';

/** Fiscal years the calendar holds: enough history for imports and ten years ahead for targets. */
export const FIRST_FISCAL_YEAR = 2560;
export const LAST_FISCAL_YEAR = 2580;
/** National targets from the sources apply from the first demo year on. */
export const TARGET_YEARS = { from: 2566, to: 2575 };

export const NATION_CODE = 'TH';

/**
 * Loads the reference facts (each with its source) by upsert, so that running it again changes nothing
 * and a corrected fact in seed/reference/ replaces the old one.
 */
export async function seedReferenceData(client: pg.ClientBase, ref: ReferenceData): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);

  for (const s of ref.sources) {
    await q(
      `INSERT INTO source (code, title_th, title_en, publisher, url, published_on, document, license, note)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (code) DO UPDATE SET title_th = EXCLUDED.title_th, title_en = EXCLUDED.title_en,
         publisher = EXCLUDED.publisher, url = EXCLUDED.url, published_on = EXCLUDED.published_on,
         document = EXCLUDED.document, license = EXCLUDED.license, note = EXCLUDED.note`,
      [s.code, s.titleTh, s.titleEn, s.publisher, s.url, s.publishedOn, s.document, s.license, s.note],
    );
  }

  for (let fy = FIRST_FISCAL_YEAR; fy <= LAST_FISCAL_YEAR; fy++) {
    const y = fiscalYearDates(fy);
    await q(
      `INSERT INTO fiscal_year (year_be, start_date, end_date) VALUES ($1,$2,$3)
       ON CONFLICT (year_be) DO UPDATE SET start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date`,
      [fy, y.startDate, y.endDate],
    );
    for (let quarter = 1; quarter <= 4; quarter++) {
      const d = fiscalQuarterDates(fy, quarter);
      await q(
        `INSERT INTO fiscal_quarter (code, fiscal_year, quarter, start_date, end_date, entry_opens_on, deadline, entry_closes_on)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
         ON CONFLICT (code) DO UPDATE SET start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
           entry_opens_on = EXCLUDED.entry_opens_on, deadline = EXCLUDED.deadline, entry_closes_on = EXCLUDED.entry_closes_on`,
        [d.code, fy, quarter, d.startDate, d.endDate, d.entryOpensOn, d.deadline, d.entryClosesOn],
      );
    }
  }

  const upsertUnit = async (u: {
    code: string;
    level: string;
    nameTh: string;
    nameEn: string;
    parentCode: string | null;
    path: string;
    geoName?: string | null;
    source: string | null;
    sortOrder: number;
  }) =>
    q(
      `INSERT INTO org_unit (code, level, name_th, name_en, parent_id, path, geo_name, source_code, sort_order)
       VALUES ($1, $2, $3, $4, (SELECT id FROM org_unit WHERE code = $5), $6, $7, $8, $9)
       ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
         parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, geo_name = EXCLUDED.geo_name,
         source_code = EXCLUDED.source_code, sort_order = EXCLUDED.sort_order`,
      [u.code, u.level, u.nameTh, u.nameEn, u.parentCode, u.path, u.geoName ?? null, u.source, u.sortOrder],
    );

  const isoSource = ref.provinces[0]?.source ?? null;
  await upsertUnit({
    code: NATION_CODE,
    level: 'NATION',
    nameTh: 'ประเทศไทย',
    nameEn: 'Thailand',
    parentCode: null,
    path: `/${NATION_CODE}/`,
    source: isoSource,
    sortOrder: 0,
  });
  const regionPath = new Map<string, string>();
  for (const r of ref.regions) {
    const path = `/${NATION_CODE}/${r.code}/`;
    regionPath.set(r.code, path);
    await upsertUnit({
      code: r.code,
      level: 'REGION',
      nameTh: r.nameTh,
      nameEn: r.nameEn,
      parentCode: NATION_CODE,
      path,
      source: r.source,
      sortOrder: r.sortOrder,
    });
  }
  for (const [i, p] of ref.provinces.entries()) {
    await upsertUnit({
      code: p.code,
      level: 'PROVINCE',
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      parentCode: p.regionCode,
      path: `${regionPath.get(p.regionCode)}${p.code}/`,
      geoName: p.geoName,
      source: p.source,
      sortOrder: i,
    });
  }
  // A province that moved region takes its local organizations' paths with it.
  await q(
    `UPDATE org_unit l SET path = p.path || l.code || '/'
       FROM org_unit p WHERE l.parent_id = p.id AND l.level = 'LOCAL' AND l.path <> p.path || l.code || '/'`,
  );

  for (const set of ref.groupSets) {
    const { rows } = await q(
      `INSERT INTO org_unit_group_set (code, name_th, name_en, note, source_code) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
         note = EXCLUDED.note, source_code = EXCLUDED.source_code
       RETURNING id`,
      [set.code, set.nameTh, set.nameEn, set.note, set.source],
    );
    for (const [i, g] of set.groups.entries()) {
      const group = await q(
        `INSERT INTO org_unit_group (code, set_id, name_th, name_en, sort_order) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (code) DO UPDATE SET set_id = EXCLUDED.set_id, name_th = EXCLUDED.name_th,
           name_en = EXCLUDED.name_en, sort_order = EXCLUDED.sort_order
         RETURNING id`,
        [g.code, rows[0].id, g.nameTh, g.nameEn, i],
      );
      const groupId = group.rows[0].id;
      await q(
        `DELETE FROM org_unit_group_member m USING org_unit u
          WHERE m.group_id = $1 AND u.id = m.org_unit_id AND NOT (u.code = ANY($2))`,
        [groupId, g.members],
      );
      await q(
        `INSERT INTO org_unit_group_member (group_id, org_unit_id)
         SELECT $1, id FROM org_unit WHERE code = ANY($2) ON CONFLICT DO NOTHING`,
        [groupId, g.members],
      );
    }
  }

  for (const c of ref.obstacleCategories) {
    await q(
      `INSERT INTO obstacle_category (code, label_th, label_en, source_spelling, sort_order, source_code)
       VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (code) DO UPDATE SET label_th = EXCLUDED.label_th, label_en = EXCLUDED.label_en,
         source_spelling = EXCLUDED.source_spelling, sort_order = EXCLUDED.sort_order, source_code = EXCLUDED.source_code`,
      [c.code, c.labelTh, c.labelEn, c.sourceSpelling ?? null, c.sortOrder, c.source],
    );
  }

  for (const ds of ref.publishedDatasets) {
    await q(
      `INSERT INTO published_dataset (code, title_th, title_en, source_code, published_on, population, denominator)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (code) DO UPDATE SET title_th = EXCLUDED.title_th, title_en = EXCLUDED.title_en,
         source_code = EXCLUDED.source_code, published_on = EXCLUDED.published_on,
         population = EXCLUDED.population, denominator = EXCLUDED.denominator`,
      [ds.code, ds.titleTh, ds.titleEn, ds.source, ds.publishedOn, ds.population, ds.denominator],
    );
    for (const v of ds.values) {
      await q(
        `INSERT INTO published_value (dataset_code, measure_code, category_code, count, denominator, percentage)
         VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (dataset_code, measure_code, COALESCE(category_code, ''))
         DO UPDATE SET count = EXCLUDED.count, denominator = EXCLUDED.denominator, percentage = EXCLUDED.percentage`,
        [ds.code, v.measureCode, v.categoryCode, v.count, ds.denominator, v.percentage.toFixed(2)],
      );
    }
  }

  for (const e of ref.dataElements) {
    await q(
      `INSERT INTO data_element (code, name_th, name_en, value_type, aggregation, min_value, max_value)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
         value_type = EXCLUDED.value_type, aggregation = EXCLUDED.aggregation,
         min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value`,
      [e.code, e.nameTh, e.nameEn, e.valueType, e.aggregation, e.min, e.max],
    );
  }
  for (const [i, ind] of ref.indicators.entries()) {
    await q(
      `INSERT INTO indicator (code, name_th, name_en, description_en, unit, direction, aggregation,
         numerator_element_id, denominator_element_id, multiplier, obstacle_category_code, source_code, source_note, sort_order)
       VALUES ($1,$2,$3,$4,$5,$6,$7,
         (SELECT id FROM data_element WHERE code = $8), (SELECT id FROM data_element WHERE code = $9),
         $10,$11,$12,$13,$14)
       ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
         description_en = EXCLUDED.description_en, unit = EXCLUDED.unit, direction = EXCLUDED.direction,
         aggregation = EXCLUDED.aggregation, numerator_element_id = EXCLUDED.numerator_element_id,
         denominator_element_id = EXCLUDED.denominator_element_id, multiplier = EXCLUDED.multiplier,
         obstacle_category_code = EXCLUDED.obstacle_category_code, source_code = EXCLUDED.source_code,
         source_note = EXCLUDED.source_note, sort_order = EXCLUDED.sort_order`,
      [
        ind.code,
        ind.nameTh,
        ind.nameEn,
        ind.descriptionEn,
        ind.unit,
        ind.direction,
        ind.aggregation,
        ind.numerator,
        ind.denominator,
        ind.multiplier,
        ind.obstacleCategory,
        ind.source,
        ind.sourceNote,
        i,
      ],
    );
    if (ind.nationalTarget !== null) {
      await q(
        `INSERT INTO target (indicator_id, org_unit_id, fiscal_year, value, source_code)
         SELECT i.id, n.id, fy, $2, $3
           FROM indicator i, org_unit n, generate_series($4::int, $5::int) fy
          WHERE i.code = $1 AND n.code = '${NATION_CODE}'
         ON CONFLICT (indicator_id, org_unit_id, fiscal_year) DO UPDATE SET value = EXCLUDED.value, source_code = EXCLUDED.source_code`,
        [ind.code, ind.nationalTarget, ind.source, TARGET_YEARS.from, TARGET_YEARS.to],
      );
    }
  }

  for (const [si, set] of ref.recommendationSets.entries()) {
    await q(
      `INSERT INTO recommendation_set (code, name_th, name_en, source_code, sort_order) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (code) DO UPDATE SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en,
         source_code = EXCLUDED.source_code, sort_order = EXCLUDED.sort_order`,
      [set.code, set.nameTh, set.nameEn, set.source, si],
    );
    for (const [i, item] of set.items.entries()) {
      const { rows } = await q(
        `INSERT INTO recommendation (code, set_code, group_th, group_en, title_th, title_en, detail_th, detail_en, sort_order)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (code) DO UPDATE SET set_code = EXCLUDED.set_code, group_th = EXCLUDED.group_th,
           group_en = EXCLUDED.group_en, title_th = EXCLUDED.title_th, title_en = EXCLUDED.title_en,
           detail_th = EXCLUDED.detail_th, detail_en = EXCLUDED.detail_en, sort_order = EXCLUDED.sort_order
         RETURNING id`,
        [item.code, set.code, item.groupTh, item.groupEn, item.titleTh, item.titleEn, item.detailTh, item.detailEn, i],
      );
      const id = rows[0].id;
      await q(
        `DELETE FROM recommendation_obstacle_category WHERE recommendation_id = $1 AND NOT (obstacle_category_code = ANY($2))`,
        [id, item.obstacleCategories],
      );
      await q(
        `INSERT INTO recommendation_obstacle_category (recommendation_id, obstacle_category_code)
         SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [id, item.obstacleCategories],
      );
      await q(
        `DELETE FROM recommendation_indicator ri USING indicator i
          WHERE ri.recommendation_id = $1 AND i.id = ri.indicator_id AND NOT (i.code = ANY($2))`,
        [id, item.indicators],
      );
      await q(
        `INSERT INTO recommendation_indicator (recommendation_id, indicator_id)
         SELECT $1, id FROM indicator WHERE code = ANY($2) ON CONFLICT DO NOTHING`,
        [id, item.indicators],
      );
    }
  }
}

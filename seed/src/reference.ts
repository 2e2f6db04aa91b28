import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.js';

export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'reference');

export interface SourceRef {
  code: string;
  titleTh: string | null;
  titleEn: string;
  publisher: string;
  url: string | null;
  publishedOn: string | null;
  document: string | null;
  license: string | null;
  note: string | null;
}
export interface RegionRef {
  code: string;
  nameTh: string;
  nameEn: string;
  sortOrder: number;
  source: string;
}
export interface ProvinceRef {
  code: string;
  nameTh: string;
  nameEn: string;
  regionCode: string;
  geoName: string;
  source: string;
}
export interface GroupSetRef {
  code: string;
  nameTh: string;
  nameEn: string;
  source: string;
  note: string | null;
  groups: Array<{ code: string; nameTh: string; nameEn: string; members: string[] }>;
}
export interface ObstacleCategoryRef {
  code: string;
  labelTh: string;
  labelEn: string;
  sortOrder: number;
  source: string;
  sourceSpelling?: string | null;
}
export interface PublishedDatasetRef {
  code: string;
  titleTh: string;
  titleEn: string;
  source: string;
  publishedOn: string | null;
  population: string;
  denominator: number;
  values: Array<{ measureCode: 'ANY' | 'CATEGORY'; categoryCode: string | null; count: number; percentage: number }>;
}
export interface RecommendationSetRef {
  code: string;
  nameTh: string;
  nameEn: string;
  source: string;
  items: Array<{
    code: string;
    groupTh: string | null;
    groupEn: string | null;
    titleTh: string;
    titleEn: string;
    detailTh: string | null;
    detailEn: string | null;
    obstacleCategories: string[];
    indicators: string[];
  }>;
}
export interface DataElementRef {
  code: string;
  nameTh: string;
  nameEn: string;
  valueType: 'INTEGER' | 'NUMBER' | 'BOOLEAN';
  min: number | null;
  max: number | null;
  aggregation: 'SUM' | 'AVERAGE' | 'LAST';
}
export interface IndicatorRef {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionEn: string | null;
  unit: 'PERCENT' | 'COUNT' | 'PER_UNIT';
  direction: 1 | -1;
  aggregation: 'RATIO' | 'SUM' | 'AVERAGE' | 'LATEST';
  numerator: string;
  denominator: string | null;
  multiplier: number;
  obstacleCategory: string | null;
  nationalTarget: number | null;
  source: string;
  sourceNote: string | null;
}

export interface ReferenceData {
  sources: SourceRef[];
  regions: RegionRef[];
  provinces: ProvinceRef[];
  groupSets: GroupSetRef[];
  obstacleCategories: ObstacleCategoryRef[];
  publishedDatasets: PublishedDatasetRef[];
  recommendationSets: RecommendationSetRef[];
  dataElements: DataElementRef[];
  indicators: IndicatorRef[];
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

function readCsv(dir: string, file: string): Array<Record<string, string>> {
  return parseCsv(readFileSync(join(dir, file), 'utf8'));
}

export function loadReferenceData(dir = REFERENCE_DIR): ReferenceData {
  const data: ReferenceData = {
    sources: readJson<SourceRef[]>(dir, 'sources.json'),
    regions: readCsv(dir, 'regions.csv').map((r) => ({
      code: r.code,
      nameTh: r.nameTh,
      nameEn: r.nameEn,
      sortOrder: Number(r.sortOrder),
      source: r.source,
    })),
    provinces: readCsv(dir, 'provinces.csv').map((r) => ({
      code: r.code,
      nameTh: r.nameTh,
      nameEn: r.nameEn,
      regionCode: r.regionCode,
      geoName: r.geoName,
      source: r.source,
    })),
    groupSets: readJson<{ groupSets: GroupSetRef[] }>(dir, 'org-unit-groups.json').groupSets,
    obstacleCategories: readJson<ObstacleCategoryRef[]>(dir, 'obstacle-categories.json'),
    publishedDatasets: readJson<{ datasets: PublishedDatasetRef[] }>(dir, 'published-aggregates.json').datasets,
    recommendationSets: readJson<{ sets: RecommendationSetRef[] }>(dir, 'recommendations.json').sets,
    dataElements: readJson<{ dataElements: DataElementRef[] }>(dir, 'indicators.json').dataElements,
    indicators: readJson<{ indicators: IndicatorRef[] }>(dir, 'indicators.json').indicators,
  };
  const problems = validateReferenceData(data);
  if (problems.length > 0) {
    throw new Error(`Reference data in ${dir} is inconsistent:\n- ${problems.join('\n- ')}`);
  }
  return data;
}

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  return codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
}

/** Every cross-reference resolves, codes are unique, published percentages agree with their counts. */
export function validateReferenceData(d: ReferenceData): string[] {
  const problems: string[] = [];
  const sources = new Set(d.sources.map((s) => s.code));
  const needSource = (where: string, code: string | null | undefined) => {
    if (!code || !sources.has(code)) problems.push(`${where}: unknown source "${code}"`);
  };
  const lists: Array<[string, string[]]> = [
    ['sources', d.sources.map((s) => s.code)],
    ['regions', d.regions.map((r) => r.code)],
    ['provinces', d.provinces.map((p) => p.code)],
    ['province geoName', d.provinces.map((p) => p.geoName)],
    ['obstacle categories', d.obstacleCategories.map((c) => c.code)],
    ['data elements', d.dataElements.map((e) => e.code)],
    ['indicators', d.indicators.map((i) => i.code)],
    ['recommendations', d.recommendationSets.flatMap((s) => s.items.map((i) => i.code))],
  ];
  for (const [what, codes] of lists) {
    for (const dup of duplicates(codes)) problems.push(`${what}: "${dup}" appears twice`);
  }
  const regions = new Set(d.regions.map((r) => r.code));
  const provinces = new Set(d.provinces.map((p) => p.code));
  const categories = new Set(d.obstacleCategories.map((c) => c.code));
  const elements = new Set(d.dataElements.map((e) => e.code));
  const indicators = new Set(d.indicators.map((i) => i.code));

  d.regions.forEach((r) => needSource(`region ${r.code}`, r.source));
  for (const p of d.provinces) {
    if (!/^TH-\d{2}$/.test(p.code)) problems.push(`province ${p.code}: not an ISO 3166-2:TH province code`);
    if (!regions.has(p.regionCode)) problems.push(`province ${p.code}: unknown region ${p.regionCode}`);
    needSource(`province ${p.code}`, p.source);
  }
  for (const set of d.groupSets) {
    needSource(`group set ${set.code}`, set.source);
    for (const g of set.groups) {
      for (const m of g.members) if (!provinces.has(m)) problems.push(`group ${g.code}: unknown province ${m}`);
    }
  }
  d.obstacleCategories.forEach((c) => needSource(`obstacle category ${c.code}`, c.source));
  for (const ds of d.publishedDatasets) {
    needSource(`published dataset ${ds.code}`, ds.source);
    for (const v of ds.values) {
      if (v.measureCode === 'CATEGORY' && !categories.has(v.categoryCode ?? '')) {
        problems.push(`published dataset ${ds.code}: unknown category ${v.categoryCode}`);
      }
      const expected = Math.round((v.count / ds.denominator) * 10000) / 100;
      if (Math.abs(expected - v.percentage) > 0.001) {
        problems.push(
          `published dataset ${ds.code}: ${v.categoryCode ?? v.measureCode} ${v.percentage} % ≠ ${v.count}/${ds.denominator}`,
        );
      }
    }
  }
  for (const i of d.indicators) {
    needSource(`indicator ${i.code}`, i.source);
    if (!elements.has(i.numerator)) problems.push(`indicator ${i.code}: unknown numerator ${i.numerator}`);
    if (i.denominator !== null && !elements.has(i.denominator)) {
      problems.push(`indicator ${i.code}: unknown denominator ${i.denominator}`);
    }
    if ((i.aggregation === 'RATIO') !== (i.denominator !== null)) {
      problems.push(`indicator ${i.code}: a RATIO needs a denominator, and only a RATIO has one`);
    }
    if (i.obstacleCategory && !categories.has(i.obstacleCategory)) {
      problems.push(`indicator ${i.code}: unknown obstacle category ${i.obstacleCategory}`);
    }
  }
  for (const set of d.recommendationSets) {
    needSource(`recommendation set ${set.code}`, set.source);
    for (const item of set.items) {
      for (const c of item.obstacleCategories) {
        if (!categories.has(c)) problems.push(`recommendation ${item.code}: unknown category ${c}`);
      }
      for (const c of item.indicators) {
        if (!indicators.has(c)) problems.push(`recommendation ${item.code}: unknown indicator ${c}`);
      }
    }
  }
  return problems;
}

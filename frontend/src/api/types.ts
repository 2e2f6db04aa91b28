/**
 * TypeScript shapes of the GraphQL types the dashboard reads. They mirror
 * the server schema field for field; only the fields the queries select.
 */

export type IndicatorUnit = 'PERCENT' | 'COUNT' | 'PER_UNIT';

/** 1: a higher value is better; -1: a lower value is better. */
export type IndicatorDirection = 1 | -1;

/** ANY: at least one obstacle (no category); CATEGORY: one obstacle category. */
export type PublishedMeasureCode = 'ANY' | 'CATEGORY';

export interface SystemInfo {
  demoDataLoaded: boolean;
  version: string;
}

export interface Region {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface Province {
  /** ISO 3166-2:TH, e.g. "TH-40". */
  code: string;
  nameTh: string;
  nameEn: string;
  /** The feature name of this province in the map geometry. */
  geoName: string;
  region: Region;
}

export interface Indicator {
  code: string;
  nameTh: string;
  nameEn: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
}

export interface FiscalQuarter {
  /** e.g. "FY2570Q1": Thai fiscal year (B.E.) 2570, quarter 1 (Oct-Dec 2026). */
  code: string;
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  /** ISO date, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
}

export interface PublishedSource {
  code: string;
  titleTh: string;
  titleEn: string;
  publisher: string;
  url: string | null;
  publishedOn: string | null;
}

export interface ObstacleCategory {
  code: string;
  labelTh: string;
  labelEn: string;
  sortOrder: number;
}

export interface PublishedValue {
  measureCode: PublishedMeasureCode;
  count: number;
  denominator: number;
  /** Percentage points, as published (57.89 means 57.89 %). */
  percentage: number;
  obstacleCategory: ObstacleCategory | null;
}

export interface PublishedDataset {
  code: string;
  titleTh: string;
  titleEn: string;
  publishedOn: string | null;
  population: string | null;
  denominator: number;
  source: PublishedSource;
  values: PublishedValue[];
}

export interface ProvinceIndicatorValue {
  provinceCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Synthetic demo data, not a real figure. */
  isDemo: boolean;
}

export interface ProvinceIndicatorValues {
  quarter: Pick<FiscalQuarter, 'code' | 'fiscalYear' | 'quarter'>;
  values: ProvinceIndicatorValue[];
}

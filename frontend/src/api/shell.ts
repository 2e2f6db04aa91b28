import { gql } from '@urql/core';
import type {
  FiscalQuarter,
  Indicator,
  ObstacleCategory,
  Province,
  PublishedDataset,
  Region,
  SystemInfo,
} from './types';

/** The published DGA survey of obstacles (January 2024, 76 provinces). */
export const OBSTACLE_SURVEY_DATASET_CODE = 'DGA_OBSTACLE_SURVEY_2567';

export interface ShellQueryData {
  systemInfo: SystemInfo;
  provinces: Province[];
  regions: Region[];
  indicators: Indicator[];
  obstacleCategories: ObstacleCategory[];
  currentFiscalQuarter: FiscalQuarter | null;
  fiscalQuarters: FiscalQuarter[];
  publishedDataset: PublishedDataset | null;
}

/** Reference data every page needs; fetched once and served from the cache. */
export const ShellQuery = gql<ShellQueryData, Record<string, never>>`
  query Shell {
    systemInfo { demoDataLoaded version }
    provinces { code nameTh nameEn geoName region { code nameTh nameEn } }
    regions { code nameTh nameEn }
    indicators { code nameTh nameEn unit direction }
    obstacleCategories { code labelTh labelEn sortOrder }
    currentFiscalQuarter { code fiscalYear quarter startDate endDate }
    fiscalQuarters { code fiscalYear quarter startDate endDate }
    publishedDataset(code: "${OBSTACLE_SURVEY_DATASET_CODE}") {
      code titleTh titleEn publishedOn population denominator
      source { code titleTh titleEn publisher url publishedOn }
      values { measureCode count denominator percentage obstacleCategory { code labelTh labelEn sortOrder } }
    }
  }
`;

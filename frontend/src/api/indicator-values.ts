import { gql } from '@urql/core';
import type { ProvinceIndicatorValues } from './types';

export interface ProvinceIndicatorValuesQueryData {
  /** null when no quarter has approved data for this indicator. */
  provinceIndicatorValues: ProvinceIndicatorValues | null;
}

export interface ProvinceIndicatorValuesQueryVariables {
  indicatorCode: string;
  /** Omitted: the latest quarter that has approved data. */
  quarterCode?: string | null;
}

export const ProvinceIndicatorValuesQuery = gql<
  ProvinceIndicatorValuesQueryData,
  ProvinceIndicatorValuesQueryVariables
>`
  query ProvinceIndicatorValues($indicatorCode: String!, $quarterCode: String) {
    provinceIndicatorValues(indicatorCode: $indicatorCode, quarterCode: $quarterCode) {
      quarter { code fiscalYear quarter }
      values { provinceCode value numerator denominator isDemo }
    }
  }
`;

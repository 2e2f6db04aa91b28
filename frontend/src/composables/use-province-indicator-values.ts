import {
  ProvinceIndicatorValuesQuery,
  type ProvinceIndicatorValuesQueryData,
} from '@/api/indicator-values';
import { useApiQuery, type ApiQueryState } from './use-api-query';

/**
 * Values of one indicator for all provinces in one quarter. A null quarter
 * asks for the latest quarter with approved data; a null indicator pauses.
 */
export function useProvinceIndicatorValues(
  indicatorCode: () => string | null,
  quarterCode: () => string | null = () => null,
): ApiQueryState<ProvinceIndicatorValuesQueryData> {
  return useApiQuery({
    query: ProvinceIndicatorValuesQuery,
    variables: () => ({ indicatorCode: indicatorCode() ?? '', quarterCode: quarterCode() }),
    pause: () => !indicatorCode(),
  });
}

import { ShellQuery, type ShellQueryData } from '@/api/shell';
import { useApiQuery, type ApiQueryState } from './use-api-query';

/** Reference data (provinces, indicators, quarters, published survey, system info). */
export function useShellData(): ApiQueryState<ShellQueryData> {
  return useApiQuery({ query: ShellQuery });
}

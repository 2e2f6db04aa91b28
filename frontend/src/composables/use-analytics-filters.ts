import { storeToRefs } from 'pinia';
import { computed, watch, type ComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { useAuthStore } from '@/stores/auth';
import { usePeriodStore } from '@/stores/period';
import { parseFilters, sharedQuery, withFilters, type AnalyticsFilters } from './analytics-filters';

export interface AnalyticsFilterState {
  filters: ComputedRef<AnalyticsFilters>;
  /** Changes filters in the URL (replace: filtering is not a step the Back button should undo one by one). */
  setFilters: (patch: Partial<AnalyticsFilters>) => void;
  /** Whether the user may see submitted, not yet approved, data (planners and administrators). */
  canIncludeSubmitted: ComputedRef<boolean>;
  /** The includeSubmitted argument of the analytics queries. */
  includeSubmitted: ComputedRef<boolean>;
  /** Query to carry the period (and the submitted switch) to another analytics page. */
  carriedQuery: (keys?: ReadonlyArray<keyof AnalyticsFilters>) => LocationQueryRaw;
}

/**
 * The analytics filters of the current route. The chosen quarter is also
 * remembered in the period store, so that opening another page from the
 * menu keeps it; the URL stays the one source a shared link reproduces.
 */
export function useAnalyticsFilters(): AnalyticsFilterState {
  const route = useRoute();
  const router = useRouter();
  const auth = useAuthStore();
  const { selectedQuarterCode } = storeToRefs(usePeriodStore());
  const filters = computed(() => parseFilters(route.query));

  function setFilters(patch: Partial<AnalyticsFilters>): void {
    void router.replace({ query: withFilters(route.query, patch) });
  }

  if (!filters.value.quarter && selectedQuarterCode.value) setFilters({ quarter: selectedQuarterCode.value });
  else selectedQuarterCode.value = filters.value.quarter;
  watch(
    () => filters.value.quarter,
    (quarter) => {
      selectedQuarterCode.value = quarter;
    },
  );

  const canIncludeSubmitted = computed(() => auth.role === 'PLANNER' || auth.role === 'ADMIN');
  return {
    filters,
    setFilters,
    canIncludeSubmitted,
    includeSubmitted: computed(() => canIncludeSubmitted.value && filters.value.submitted),
    carriedQuery: (keys) => sharedQuery(filters.value, keys),
  };
}

import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * The reporting period the user is looking at, shared by every page: the
 * analytics pages keep it in the URL (use-analytics-filters.ts) and here, so
 * that opening another page from the menu keeps it. null means "the latest
 * quarter with approved data", decided by the server, so it is not the same
 * as the current fiscal quarter.
 */
export const usePeriodStore = defineStore('period', () => {
  const selectedQuarterCode = ref<string | null>(null);

  function selectQuarter(code: string | null): void {
    selectedQuarterCode.value = code;
  }

  return { selectedQuarterCode, selectQuarter };
});

import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * The reporting period the user is looking at, shared by every page.
 * null means "the latest quarter with approved data", decided by the server
 * per indicator, so it is not the same as the current fiscal quarter.
 */
export const usePeriodStore = defineStore('period', () => {
  const selectedQuarterCode = ref<string | null>(null);

  function selectQuarter(code: string | null): void {
    selectedQuarterCode.value = code;
  }

  return { selectedQuarterCode, selectQuarter };
});

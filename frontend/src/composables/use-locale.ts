import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { APP_LOCALES, isAppLocale, type AppLocale } from '@/locales/format';
import { DEFAULT_LOCALE, storeLocale } from '@/locales';

export interface LocaleControl {
  locale: ComputedRef<AppLocale>;
  locales: readonly AppLocale[];
  /** Switches the UI language and remembers the choice in this browser. */
  setLocale: (locale: AppLocale) => void;
}

export function useLocale(): LocaleControl {
  const { locale } = useI18n({ useScope: 'global' });
  return {
    locale: computed(() => (isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE)),
    locales: APP_LOCALES,
    setLocale(next) {
      locale.value = next;
      storeLocale(next);
    },
  };
}

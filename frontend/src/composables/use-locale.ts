import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { APP_LOCALES, isAppLocale, type AppLocale } from '@/locales/format';
import { DEFAULT_LOCALE, isLocaleLoaded, loadLocaleMessages, messages, storeLocale } from '@/locales';

export interface LocaleControl {
  locale: ComputedRef<AppLocale>;
  locales: readonly AppLocale[];
  /** Switches the UI language (loading its messages the first time) and remembers the choice in this browser. */
  setLocale: (locale: AppLocale) => void;
}

export function useLocale(): LocaleControl {
  const { locale, setLocaleMessage } = useI18n({ useScope: 'global' });
  const apply = (next: AppLocale) => {
    setLocaleMessage(next, messages[next]);
    locale.value = next;
    storeLocale(next);
  };
  return {
    locale: computed(() => (isAppLocale(locale.value) ? locale.value : DEFAULT_LOCALE)),
    locales: APP_LOCALES,
    setLocale(next) {
      // Synchronous when the messages are there, so the switch shows in the same tick.
      if (isLocaleLoaded(next)) apply(next);
      else void loadLocaleMessages(next).then(() => apply(next));
    },
  };
}

import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { isAppLocale, type AppLocale } from './format';
import { messages, type MessageSchema } from './messages';

export { type AppLocale } from './format';
export { isLocaleLoaded, loadLocaleMessages, messages, type MessageSchema } from './messages';

export const DEFAULT_LOCALE: AppLocale = 'th';
export const LOCALE_STORAGE_KEY = 'digigov.locale';

export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): AppLocale {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(
  locale: AppLocale,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // A disabled storage only costs the preference, not the switch.
  }
}

/** `locale`'s messages must be loaded first (loadLocaleMessages); Thai always is. */
export function createAppI18n(locale: AppLocale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    // A copy of the registry: English is added to vue-i18n (setLocaleMessage) when it is loaded.
    messages: { ...messages },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** Keeps <html lang> in step with the i18n locale (screen readers, Thai line breaking). */
export function syncLocaleToDocument(i18n: AppI18n, doc: Document = document): void {
  watch(
    i18n.global.locale,
    (locale) => {
      doc.documentElement.lang = locale;
    },
    { immediate: true },
  );
}

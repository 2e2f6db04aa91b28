import type { AppLocale } from './format';
import th, { type MessageSchema } from './th';

export type { MessageSchema } from './th';

/**
 * All UI messages by locale; chart builders read them directly, without vue-i18n.
 *
 * Thai, the default, is bundled. English is loaded on first use
 * (loadLocaleMessages), which keeps it out of the JavaScript every visitor
 * downloads; until then `messages.en` is the Thai set, as vue-i18n's
 * fallback locale would give. The app never switches to a locale before it
 * is loaded (use-locale.ts, main.ts).
 */
export const messages: Record<AppLocale, MessageSchema> = { th, en: th };

const loaded = new Set<AppLocale>(['th']);

export function isLocaleLoaded(locale: AppLocale): boolean {
  return loaded.has(locale);
}

export async function loadLocaleMessages(locale: AppLocale): Promise<MessageSchema> {
  if (!loaded.has(locale)) {
    switch (locale) {
      case 'en':
        messages.en = (await import('./en')).default;
        break;
      case 'th':
        break;
    }
    loaded.add(locale);
  }
  return messages[locale];
}

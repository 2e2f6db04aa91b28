import en from './en';
import type { AppLocale } from './format';
import th, { type MessageSchema } from './th';

export type { MessageSchema } from './th';

/** All UI messages by locale; chart builders read them directly, without vue-i18n. */
export const messages: Record<AppLocale, MessageSchema> = { th, en };

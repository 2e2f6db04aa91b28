import { loadLocaleMessages } from '@/locales/messages';

// The app loads English on first use; tests build English views directly, so load it up front.
await loadLocaleMessages('en');

import { createPinia } from 'pinia';
import { createApp } from 'vue';
import urql from '@urql/vue';
import { createApiClient } from '@/api/client';
import { createAppI18n, readStoredLocale, syncLocaleToDocument } from '@/locales';
import { createAppRouter } from '@/router';
import App from './App.vue';
import './styles/fonts.css';
import './styles/main.css';

const i18n = createAppI18n(readStoredLocale());
syncLocaleToDocument(i18n);

const client = createApiClient({
  getLocale: () => i18n.global.locale.value,
  onError: (error) => {
    if (import.meta.env.DEV) console.warn(`[api] ${error.code}: ${error.detail}`);
  },
});

createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).use(urql, client).mount('#app');

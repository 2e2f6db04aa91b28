import { createPinia } from 'pinia';
import { createApp } from 'vue';
import urql from '@urql/vue';
import { createApiClient } from '@/api/client';
import { createAppI18n, readStoredLocale, syncLocaleToDocument } from '@/locales';
import { createAppRouter } from '@/router';
import { redirectAfterExpiry } from '@/router/session';
import { useAuthStore } from '@/stores/auth';
import App from './App.vue';
import './styles/fonts.css';
import './styles/main.css';

const i18n = createAppI18n(readStoredLocale());
syncLocaleToDocument(i18n);

const pinia = createPinia();
const app = createApp(App);

const client = createApiClient({
  getLocale: () => i18n.global.locale.value,
  onError: (error) => {
    if (import.meta.env.DEV) console.warn(`[api] ${error.code}: ${error.detail}`);
    // Any refusal of the token ends the session, wherever it happened.
    if (error.code === 'UNAUTHENTICATED') useAuthStore(pinia).handleUnauthenticated();
  },
});

// urql before the router: the first navigation's guard restores the session through it.
app.use(pinia).use(i18n).use(urql, client);
const router = createAppRouter(() => useAuthStore(pinia));
useAuthStore(pinia).onExpired(() => void redirectAfterExpiry(router));
app.use(router).mount('#app');
